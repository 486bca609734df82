import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collectGeneral, findLabels, plainCollect, readBracket } from '../../server/src/model/clause';
import { CHAR_CLASS, CH_COLON, LABEL_RE, LABELS } from '../../server/src/model/lexicon';
import { generatePlan } from '../../scripts/bench/generate';
import { benchNames } from '../../scripts/bench/names';
import { parsePlan } from '../../server/src/model/parser';
import { registryKey } from '../../server/src/registry/registry';
import { samplePlans } from './hostile/arbitraries';

/**
 * plainCollect is a shortcut for the clauses most plans are made of. It must find exactly what
 * collectGeneral finds whenever it answers at all; these tests hold the two equal on random clauses made
 * of the words that matter and on every bracket and line of the sample plans and a generated one.
 */
function agrees(text: string, start: number, end: number): boolean {
  const fast = plainCollect(text, start, end);
  if (fast === null) return false;
  assert.deepEqual(fast, collectGeneral(text, start, end), JSON.stringify(text.slice(start, end)));
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
    '牵头', '负责', '参加', '配合', '会同', '参与', '协助', '协办', '按职责分工负责', '分别负责', '共同负责', '牵头负责', '分别牵头', '共同牵头', '负责牵头', '为牵头单位', '为配合单位', '为',
    '、', '、', '、', '，', '；', ',', ';', '省', '厅', '局', '长', '和', '等', '年', '（', '）', ' ', '：', '下同',
    // Conjunctions within names and between them.
    '和', '及', '与', '以及', '省文化广电和旅游厅', '国家粮食和储备局', '省经济和信息化委员会', '和省', '厅和', '中心',
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

  it('never reads content with a colon, so content it reads has no label (readBracket skips the search)', () => {
    let colons = 0;
    for (let c = 0; c < 0x10000; c++) {
      if ((CHAR_CLASS[c] & CH_COLON) === 0) continue;
      colons++;
      const text = `省财政厅${String.fromCharCode(c)}省科技厅牵头`;
      assert.equal(plainCollect(text, 0, text.length), null, `U+${c.toString(16)}`);
    }
    assert.ok(colons >= 2);
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

describe('brackets known to hold a time limit alone: read again as they were read the first time', () => {
  /** A bracket's reading as plain data: its kind, where its lead label's value starts, and its names with roles. */
  function reading(text: string, start: number, end: number, remembered: boolean) {
    const r = readBracket(text, start, end, false, remembered);
    const c = r.content;
    const names = c ? Array.from({ length: c.count }, (_, k) => `${c.block.roles[c.first + k]}:${c.block.name(c.first + k)}`) : null;
    return { kind: r.kind, leadAt: r.leadAt < 0 ? -1 : r.leadAt - start, names, deadlines: c?.deadlines.map((d) => d.text) ?? null };
  }
  const PIECES = ['2025年底前', '2026年6月底前完成', '长期坚持', '每年', '持续推进', '完成时限：', '牵头单位：', '省财政厅', '省科技厅', '牵头', '参加', '、', '，', '；', '（', '）', '等', '和', ' ', '下同', '第一'];

  it('for any content of time limits, names, labels and brackets, wherever it stands and however often', () => {
    let remembered = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }), fc.string({ maxLength: 3 }), (pieces, before) => {
        const content = pieces.join('');
        const text = `${before}${content}`;
        const fresh = reading(text, before.length, text.length, false);
        // Read twice more, at other places: the second reading may come from what the first left.
        const again = `甲${text}乙${text}`;
        assert.deepEqual(reading(again, 1 + before.length, 1 + text.length, true), fresh, content);
        assert.deepEqual(reading(again, 2 + text.length + before.length, 2 + 2 * text.length, true), fresh, content);
        if (fresh.kind === 'deadline' && fresh.leadAt < 0) remembered++;
      }),
      { numRuns: 400, seed: 20261127 },
    );
    assert.ok(remembered > 20, `only ${remembered} contents were a time limit alone`);
  });

  it('read into records the parser fills again: a task of many brackets reads in a plan as it reads alone', () => {
    // Up to 14 brackets after a clause, and clauses of every form between them: more brackets than records.
    const clauses = ['（省财政厅牵头，省科技厅参加）', '【牵头单位：省商务厅；配合单位：省教育厅】', '（责任单位：省民政厅（牵头）、省审计厅）', '。牵头单位：省林业局；责任单位：省统计局'];
    const limits = ['（2025年底前）', '（长期坚持）', '（2026年6月底前完成）', '（每年持续推进）'];
    const tasks = Array.from({ length: 60 }, (_, k) => `${k + 1}.推进第${k + 1}项工作${clauses[k % clauses.length]}${Array.from({ length: k % 15 }, (_, j) => limits[(k + j) % limits.length]).join('')}`);
    const shape = (t: ReturnType<typeof parsePlan>['tasks'][number], base: number) => ({
      clause: t.clause && [t.clause.form, t.clause.span.start - base, t.clause.span.end - base, t.clause.explicitLead],
      names: t.mentions.map((m) => [m.role, m.name, m.span.start - base]),
      deadlines: t.deadlines.map((d) => [d.text, d.span.start - base]),
    });
    const plan = parsePlan(tasks.join('\n') + '\n');
    assert.equal(plan.tasks.length, tasks.length);
    // Offsets from each task's words: the task alone is numbered 1.
    plan.tasks.forEach((t, k) => {
      const alone = parsePlan(`1.${tasks[k].slice(tasks[k].indexOf('.') + 1)}\n`).tasks[0];
      assert.deepEqual(shape(t, t.bodySpan.start), shape(alone, alone.bodySpan.start), `task ${k + 1}`);
    });
    // Task 15: a clause and 14 time limits after it, read through every record more than once.
    assert.deepEqual([plan.tasks[14].clause?.form, plan.tasks[14].deadlines.length, plan.tasks[14].mentions.length], ['paren', 14, 2]);
  });
});

/** The task-number rule as it was written with a regular expression, to hold the hand-written reading to it. */
// Digits of one width: 2１２ is no task number.
const TASK_RE = /^(\d{1,5}|[０-９]{1,5})([ \t\u3000]*[.．、)）](?![\d０-９])|[ \t\u3000]+)?/;
const QUANTITY_RE = /^[年月日号时分秒%％个项万亿元千百家条次人所处名倍天周度米吨亩台辆套份层栋户座期批轮届级类种位岁:：\-—–~～/]/;
function referenceTask(line: string, lastArabic: number): { number: string; separator: string | null; body: number } | null {
  let s = 0;
  while (s < line.length && /\s/.test(line[s])) s++;
  let e = line.length;
  while (e > s && /\s/.test(line[e - 1])) e--;
  const head = line.slice(s, Math.min(e, s + 24));
  const m = TASK_RE.exec(head);
  if (!m) return null;
  const value = Number(m[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  if (value <= 0) return null;
  const rest = head.slice(m[0].length);
  if (m[2] && /[.．、)）]/.test(m[2])) {
    if (!((value < 10000 || value === lastArabic + 1) && rest.length > 0)) return null;
  } else if (value >= 1000 || rest.length === 0 || QUANTITY_RE.test(rest) || /^[\d０-９.．]/.test(rest)) return null;
  const sep = m[2] ? m[2].trim() : '';
  let body = s + m[0].length;
  while (body < e && /[ \t\u3000]/.test(line[body])) body++;
  return { number: m[1], separator: sep === '' ? null : sep, body };
}

describe('task numbers: read by character codes as the regular expression read them', () => {
  it('on any line that starts with digits', () => {
    const piece = fc.constantFrom('1', '2', '0', '9', '12', '99999', '123456', '.', '．', '、', ')', '）', ' ', '\t', '\u3000', '5', '５', '１２', '年', '个', '推进', '工作', '-', '/', 'x', '%');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.constantFrom(0, 9999, 12344), (pieces, before) => {
        const line = pieces.join('');
        if (!/^[0-9０-９]/.test(line)) return;
        // A preceding task sets the number a five-digit one must continue.
        const prefix = before > 0 ? `${before}. 推进工作\n` : '';
        const plan = parsePlan(prefix + line);
        const expected = referenceTask(line, before);
        const got = plan.tasks.find((t) => t.line === (before > 0 ? 1 : 0));
        if (!expected) return assert.equal(got, undefined, JSON.stringify(line));
        assert.ok(got, JSON.stringify(line));
        assert.deepEqual([got.number, got.separator, got.bodySpan.start - prefix.length], [expected.number, expected.separator, expected.body], JSON.stringify(line));
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
});

describe('labels: found by character codes as the global expression found them', () => {
  const piece = fc.constantFrom(...LABELS.map(([l]) => l), '牵头', '单位', '时', '责任', '：', ':', '：', ' ', '\t', '\u3000', '省财政厅', '、', '；', '\n', '牵头单位 ', '*', '**');

  it('in any stretch of a text of labels, colons, spaces and names', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const text = pieces.join('');
        const a = text.length === 0 ? 0 : x % (text.length + 1);
        const b = a + (text.length - a === 0 ? 0 : y % (text.length - a + 1));
        const expected: [string, number, number, number][] = [];
        const re = new RegExp(LABEL_RE.source, 'g');
        const region = text.slice(a, b);
        for (let m = re.exec(region); m; m = re.exec(region)) expected.push([m[1], a + m.index, a + m.index + m[1].length, a + m.index + m[0].length]);
        const got = findLabels(text, a, b).map((l) => [l.label, l.labelStart, l.labelEnd, l.valueStart]);
        assert.deepEqual(got, expected, JSON.stringify([text, a, b]));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('start a label line as the anchored expression found them in its first 24 characters', () => {
    const lineRe = new RegExp(`^(${LABELS.map(([l]) => l).join('|')})[ \\t\\u3000*]*[：:]`);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const line = pieces.join('').replace(/^[\s\u3000]+/, '');
        if (line.length === 0 || /\n/.test(line)) return;
        // Markdown emphasis opening the line (**牵头单位**：) is passed over first, with the spaces after it.
        const m = lineRe.exec(line.replace(/^(?:\*\*)+[\s\u3000]*/, '').replace(/[\s\u3000]+$/, '').slice(0, 24));
        // After a task whose clause is closed, a label line still belongs to it; any other line does not.
        const plan = parsePlan(`1.推进工作（省科技厅牵头）\n${line}`);
        const isLabel = plan.tasks[0].span.range.end.line === 1;
        assert.equal(isLabel, m !== null, JSON.stringify(line));
      }),
      { numRuns: 2000, seed: 6 },
    );
  });

  it('end at exactly the characters CHAR_CLASS calls colons, after spaces and closed emphasis', () => {
    const ends: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `牵头单位** \u3000${String.fromCharCode(c)}省财政厅`;
      const found = findLabels(text, 0, text.length);
      if (found.length > 0) ends.push(c);
      assert.equal(found.length > 0, (CHAR_CLASS[c] & CH_COLON) !== 0, `U+${c.toString(16)}`);
    }
    assert.deepEqual(ends, [0x3a, 0xff1a]);
  });

  it('found outside a parse stay as they were through parses whose tasks reuse their label records', () => {
    const line = '牵头单位：省财政厅；责任单位：省科技厅、省商务厅；完成时限：2025年底前';
    const outside = findLabels(line, 0, line.length);
    const seen = JSON.stringify(outside);
    // Tasks of label lines, inline labels, 【】 labels and a table, and one task of 5,000 labels (past the pool's 4,096).
    const many = Array.from({ length: 5000 }, (_, k) => `责任单位：省第${k}厅`).join('\n');
    const text = `一、甲\n1.推进工作。\n牵头单位：省教育厅\n配合单位：省民政厅\n2.推进工作。牵头单位：省审计厅；责任单位：省统计局\n3.推进工作。【牵头单位：省林业局】\n4.推进工作。\n${many}\n`;
    const plan = parsePlan(text);
    assert.equal(JSON.stringify(outside), seen);
    assert.deepEqual(plan.tasks.map((t) => t.lead.map((m) => m.name)), [['省教育厅'], ['省审计厅'], ['省林业局'], []]);
    assert.equal(plan.tasks[3].participants.length, 5000);
    assert.equal(plan.tasks[3].participants[4999].name, '省第4999厅');
    // And found again outside, after the parse: records of their own, not the pool's.
    const again = findLabels(line, 0, line.length);
    parsePlan(text);
    assert.equal(JSON.stringify(again), seen);
  });
});

describe('cross-references: found from each 第 as the global expression found them', () => {
  it('on any text of references, digits and look-alikes', () => {
    const piece = fc.constantFrom('第', '第 ', '1', '12', '123456', '项', '条', '任务', '》', '>', '见', '。', '\n', ' ', '\u3000', '一');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const expected: [number, number, number][] = [];
        const re = /第[ \t\u3000]*(\d{1,5})[ \t\u3000]*(?:项|条)(?:任务)?/g;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m.index > 0 && /[》>]/.test(text[m.index - 1])) continue;
          expected.push([Number(m[1]), m.index, m.index + m[0].length]);
        }
        const got = parsePlan(text).crossReferences.map((r) => [r.value, r.span.start, r.span.end]);
        assert.deepEqual(got, expected, JSON.stringify(text));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});

describe('a list\'s shared level prefix', () => {
  it('gives 省财政厅 after 省商务厅 exactly where the expression did', () => {
    // 财政厅 takes the 省 of the name before it unless that name's 省 is not a level (省直…, 省级…).
    for (const [list, second] of [
      ['省商务厅、财政厅', '省财政厅'],
      ['市商务局、财政局', '市财政局'],
      ['省直单位、财政厅', '财政厅'],
      ['省级部门、财政厅', '财政厅'],
      ['区场监局、财政局', '财政局'],
      ['县商务局、财政局', '县财政局'],
    ]) {
      const plan = parsePlan(`1. 推进工作（${list}牵头）`);
      assert.equal(plan.tasks[0].lead[1]?.name, second, list);
    }
  });
});

describe('what may follow a clause: read in place as /^[\\s。．.；;，,、！!*_~`)）\\]】〕]*$/ read it', () => {
  it('decides the same for any tail after a clause', () => {
    const piece = fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\u2028', '。', '．', '.', '；', ';', '，', ',', '、', '！', '!', '*', '_', '~', '`', 'x', '推', '：', '）', ')', '】', ']', '〕');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const tail = pieces.join('');
        // Closers there open nothing: strays, reported on their own, which leave the clause a clause.
        const expected = /^[\s。．.；;，,、！!*_~`)）\]】〕]*$/.test(tail);
        // A task whose clause is followed by the tail: the clause counts only when the tail is trailing matter.
        const plan = parsePlan(`1. 推进工作（省科技厅牵头）${tail}`);
        assert.equal(plan.tasks[0]?.clause !== null && plan.tasks[0]?.clause?.form === 'paren', expected, JSON.stringify(tail));
      }),
      { numRuns: 1000, seed: 13 },
    );
  });
});

describe('registry keys: read by character codes as the replacements made them', () => {
  it('equal the key of three replacements for any name of CJK, spaces and brackets of both widths', () => {
    const piece = fc.constantFrom('省', '财政厅', '各县', '(', ')', '（', '）', ' ', '\u3000', '\t', '\n', '\u00a0', '\ufeff', '市、区', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')), (name) => {
        const replaced = name.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
        assert.equal(registryKey(name), replaced, JSON.stringify(name));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
