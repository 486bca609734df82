import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collect, plainCollect } from '../../server/src/model/clause';
import { generatePlan } from '../../scripts/bench/generate';
import { benchNames } from '../../scripts/bench/names';
import { samplePlans } from './hostile/arbitraries';

/**
 * plainCollect is a shortcut for the clauses most plans are made of. It must find exactly what
 * collect finds whenever it answers at all; these tests hold the two equal on random clauses made
 * of the words that matter and on every bracket and line of the sample plans and a generated one.
 */
function agrees(text: string, start: number, end: number): boolean {
  const fast = plainCollect(text, start, end);
  if (fast === null) return false;
  assert.deepEqual(fast, collect(text, start, end), JSON.stringify(text.slice(start, end)));
  return true;
}

/** Every bracketed stretch and every line of a text, as [start, end) inside it. */
function stretches(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[（(【[]([^（）()【】[\]]*)[）)】\]]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index + 1, m.index + 1 + m[1].length]);
  let at = 0;
  for (const line of text.split('\n')) {
    const colon = line.search(/[：:]/);
    out.push([at, at + line.length]);
    if (colon >= 0) out.push([at + colon + 1, at + line.length]);
    at += line.length + 1;
  }
  return out;
}

describe('plain clauses: the shortcut finds what the general reader finds', () => {
  const WORDS = [
    '省科技厅', '省财政厅', '财政厅', '各设区市政府', '各市', '县', '杭州市', '宁波市政府', '省委人才办', '省协办局',
    '牵头', '负责', '参加', '配合', '会同', '参与', '协助', '协办', '按职责分工负责', '分别负责', '共同负责', '牵头负责',
    '、', '、', '、', '，', '；', ',', ';', '省', '厅', '局', '长', '和', '等', '年', '（', '）', ' ', '：', '下同',
  ];

  it('on random clauses made of names, verbs and separators', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 16 }), fc.string({ maxLength: 3 }), (words, pad) => {
        const body = words.join('');
        const text = pad + body + pad;
        if (agrees(text, pad.length, pad.length + body.length)) answered++;
      }),
      { numRuns: 3000, seed: 11 },
    );
    assert.ok(answered > 300, `the shortcut answered ${answered} of 3000`);
  });

  it('on every bracket and line of the sample plans and of a generated plan', () => {
    const texts = [...samplePlans(), generatePlan(300, 5, benchNames().pool).text];
    let answered = 0;
    let total = 0;
    for (const text of texts) {
      for (const [s, e] of stretches(text)) {
        total++;
        if (agrees(text, s, e)) answered++;
      }
    }
    assert.ok(answered > total / 10, `the shortcut answered ${answered} of ${total}`);
  });
});
