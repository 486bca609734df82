/**
 * The features made cheap for long plans (outline, semantic tokens, labels, name lookups, task
 * keys) must say exactly what a plain reading of the plan says: each is checked here against a
 * straightforward reference, on generated plans and on awkward text (CRLF, lone \r, astral
 * characters, spaces inside words, clauses over two lines).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { replaceEverywhereEdits } from '../../../server/src/features/codeActions';
import { mentionPlacesOf, PositionCursor, type PlanDocument } from '../../../server/src/features/common';
import { rename } from '../../../server/src/features/rename';
import { hover, rolesInPlan } from '../../../server/src/features/hover';
import { definition, documentHighlights, references } from '../../../server/src/features/navigation';
import { semanticTokens, TOKEN_TYPES } from '../../../server/src/features/presentation';
import { documentSymbols, foldingRanges } from '../../../server/src/features/symbols';
import { parsePlan, spannedTaskCount } from '../../../server/src/model/parser';
import { analyse } from '../../../server/src/analysis';
import type { Mention, Plan, Task } from '../../../server/src/model/types';
import { registryKey } from '../../../server/src/registry/registry';
import { taskBody, taskInfos, taskKeys, taskLabel } from '../../../server/src/reviewer/matrix';
import { generatePlan } from '../../../scripts/bench/generate';
import { planDoc, registry } from './util';

const NAMES = { active: ['省科技厅', '省财政厅', '省发展改革委', '国家金融监督管理总局浙江监管局'], outdated: ['省经信委'] };
const REG = registry({ name: '省科技厅' }, { name: '省财政厅' }, { name: '省发展改革委' }, { name: '国家金融监督管理总局浙江监管局' }, { name: '省经信委', status: 'merged' });

/** Every mention of a name, in document order, read plainly from each task's mention objects. */
function referenceMentions(plan: Plan, name: string): { task: Task; mention: Mention }[] {
  return plan.tasks.flatMap((task) => task.mentions.filter((m) => registryKey(m.name) === registryKey(name)).map((mention) => ({ task, mention })));
}

/** The label as first written: the whole body read, spaces dropped, first sentence, 30 characters. */
function referenceLabel(plan: Plan, task: Task): string {
  const body = taskBody(plan, task);
  const sentence = /^[^。；;！!？?]*/.exec(body)?.[0] || body;
  return [...sentence].length > 30 ? [...sentence].slice(0, 30).join('') + '…' : sentence;
}

const AWKWARD = [
  '一、总体\r\n1.加强 科技\u3000创新，推动𠀋𠀋产业发展。（省科技厅牵头，\r\n省财政厅参加）2027年底前完成\r\n',
  '（一）子项\r2.。开头就是句号的任务（省经信委、不存在局参加）\r',
  '3. 很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的任务没有句号（省科技厅牵头）\n',
  '二、第二部分\n4.\t𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋，刚好三十一个。（国家金融监督管理总局浙江监管局牵头）\n',
  '5.空格 在 第 三 十 个 字 之 后 的 任 务 ， 一 二 三 四 五 六 七 八 九 十 一 二 三 四 五 六 七 八（省财政厅负责）\n',
].join('');

describe('long plans: features that read every task', () => {
  const generated = generatePlan(1500, 20130614, NAMES);
  const texts: [string, string][] = [
    ['a generated 1,500-task plan', generated.text],
    ['the same plan in Markdown', generated.markdown],
    ['awkward text', AWKWARD],
  ];

  for (const [what, text] of texts) {
    it(`labels each task as the whole-body reading does, in ${what}`, () => {
      const plan = parsePlan(text);
      for (const task of plan.tasks) assert.equal(taskLabel(plan, task), referenceLabel(plan, task), `task ${task.number} on line ${task.line + 1}`);
    });

    it(`puts every task in the outline with its own range, in ${what}`, () => {
      const { doc } = planDoc(text, REG);
      const tasks: { name: string; range: unknown; selectionRange: unknown }[] = [];
      const walk = (xs: ReturnType<typeof documentSymbols>) => {
        for (const s of xs) {
          if (s.children) walk(s.children);
          else tasks.push(s);
        }
      };
      walk(documentSymbols(doc));
      assert.equal(tasks.length, doc.plan.tasks.length, 'no task left out');
      doc.plan.tasks.forEach((t, i) => {
        assert.deepEqual(tasks[i].range, t.span.range, `range of task ${i}`);
        assert.deepEqual(tasks[i].selectionRange, t.numberSpan.range, `selection range of task ${i}`);
        assert.ok(tasks[i].name.startsWith(`${t.number}. `));
      });
    });

    it(`encodes one semantic token per numeral, name and deadline, in ${what}`, () => {
      const { doc } = planDoc(text, REG);
      const { plan } = doc;
      const expected: string[] = [];
      const push = (span: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }, type: string) => {
        const { start, end } = span.range;
        // Multi-line spans are cut per line; none of these fixtures has one.
        assert.equal(start.line, end.line);
        expected.push(`${start.line}:${start.character}:${end.character - start.character}:${type}`);
      };
      for (const h of [...plan.sections, ...plan.subsections]) push(h.numeralSpan, 'namespace');
      for (const t of plan.tasks) {
        push(t.numberSpan, 'number');
        for (const m of t.mentions) {
          const found = REG.lookup(m.name);
          push(m.span, !found ? 'type' : m.role === 'lead' ? 'class' : 'variable');
        }
        for (const d of t.deadlines) push(d.span, 'string');
      }
      const data = semanticTokens(doc).data;
      const decoded: string[] = [];
      let line = 0;
      let char = 0;
      for (let k = 0; k < data.length; k += 5) {
        line += data[k];
        char = data[k] === 0 ? char + data[k + 1] : data[k + 1];
        decoded.push(`${line}:${char}:${data[k + 2]}:${TOKEN_TYPES[data[k + 3]]}`);
      }
      const order = (s: string) => s.split(':').slice(0, 2).map(Number);
      expected.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
      assert.deepEqual(decoded, expected);
    });

    it(`lists every task for the task view with its key, label and ranges, in ${what}`, () => {
      const plan = parsePlan(text);
      const infos = taskInfos(plan);
      assert.equal(infos.length, plan.tasks.length);
      plan.tasks.forEach((t, i) => {
        assert.deepEqual(infos[i].range, t.span.range);
        assert.deepEqual(infos[i].selectionRange, t.numberSpan.range);
        assert.equal(infos[i].key, taskKeys(plan)[i]);
        assert.equal(infos[i].label, referenceLabel(plan, t));
      });
    });

    it(`folds each heading to its last words and each task over its own lines, in ${what}`, () => {
      const { doc } = planDoc(text, REG);
      const { plan } = doc;
      const expected: { startLine: number; endLine: number; kind?: string }[] = [];
      const add = (startLine: number, endLine: number, kind?: string) => {
        if (endLine > startLine) expected.push({ startLine, endLine, ...(kind ? { kind } : {}) });
      };
      for (const h of [...plan.sections, ...plan.subsections]) {
        let last = h.extent.range.end.line;
        while (last > 0 && plan.lines.lineText(last).trim() === '') last--;
        add(h.extent.range.start.line, last);
      }
      for (const t of plan.tasks) add(t.span.range.start.line, t.span.range.end.line);
      if (plan.title && plan.sections[0]) add(plan.title.span.range.start.line, plan.sections[0].extent.range.start.line - 1, 'region');
      expected.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
      assert.deepEqual(foldingRanges(doc), expected);
      assert.ok(expected.length > 0);
    });

    it(`finds every mention of each name, in document order, in ${what}`, () => {
      const plan = parsePlan(text);
      const names = new Set(plan.tasks.flatMap((t) => t.mentions.map((m) => m.name)));
      for (const name of names) {
        const expected = referenceMentions(plan, name).map(({ task, mention }) => ({ task, role: mention.role, start: mention.span.start, end: mention.span.end, written: mention.written }));
        assert.deepEqual(mentionPlacesOf(plan, name), expected, name);
      }
    });
  }

  it('answers hover, highlights, references, definition, rename and replace-everywhere of a name from offsets, making the spans of the task under the cursor alone', () => {
    const { text } = generatePlan(1500, 20130614, NAMES);
    for (const name of NAMES.active.slice(0, 3)) {
      const a = analyse(text, REG);
      const doc: PlanDocument = { uri: 'untitled:long', plan: a.plan, problems: a.problems, registry: REG, locale: 'zh-cn' };
      const at = text.indexOf(name, text.indexOf(name) + 1) + 1;
      const position = a.plan.lines.positionAt(at);
      const answers = {
        hover: hover(doc, position),
        highlights: documentHighlights(doc, position),
        references: references(doc, position, false),
        definition: definition(doc, position),
        rename: rename(doc, position, '省新名称', [doc]),
        replaceEverywhere: replaceEverywhereEdits(a.plan, name, '省新名称'),
      };
      // Only the task under the cursor made its spans (mentionAt); every other mention was read as offsets.
      assert.equal(spannedTaskCount(a.plan), 1, name);
      // The reference: the same answers from mention objects.
      const all = referenceMentions(a.plan, name);
      assert.ok(all.length > 50, `${name} is mentioned throughout the plan`);
      const range = (m: (typeof all)[number]) => m.mention.span.range;
      const leads = all.filter((m) => m.mention.role === 'lead');
      assert.deepEqual(answers.highlights.map((h) => [h.range, h.kind]), all.map((m) => [range(m), m.mention.role === 'lead' ? 3 : 2]));
      assert.deepEqual(answers.references.map((r) => r.range), [...leads, ...all.filter((m) => m.mention.role !== 'lead')].map(range));
      assert.deepEqual(answers.definition.map((r) => r.range), [range(leads[0] ?? all[0])]);
      // Every mention is written in full in this plan: each is renamed and replaced.
      const edits = all.map((m) => ({ range: range(m), newText: '省新名称' }));
      assert.deepEqual(answers.rename?.changes?.[doc.uri], edits);
      assert.deepEqual(answers.replaceEverywhere, edits);
      assert.ok(answers.hover, name);
    }
  });

  it('lists the tasks a name leads and joins once each, in plan order, a task it leads not counted as joined', () => {
    const plan = parsePlan(
      ['1.甲（省科技厅牵头，省财政厅参加）', '2.乙（省财政厅牵头，省科技厅、省财政厅参加）', '3.丙（省发展改革委牵头，省财政厅、省财政厅参加）', '4.丁（省财政厅负责）', ''].join('\n'),
    );
    assert.deepEqual(rolesInPlan(plan, '省财政厅'), { leads: ['2', '4'], joins: ['1', '3'] });
    assert.deepEqual(rolesInPlan(plan, '省科技厅'), { leads: ['1'], joins: ['2'] });
    assert.deepEqual(rolesInPlan(plan, '省自编局'), { leads: [], joins: [] });
  });

  it('gives the same task keys on every call for one analysis, and new ones for the next', () => {
    const first = parsePlan('一、甲\n1.事（省科技厅牵头）\n二、乙\n1.事（省财政厅牵头）\n');
    assert.deepEqual(taskKeys(first), ['一.1', '二.1']);
    assert.equal(taskKeys(first), taskKeys(first), 'computed once per plan');
    const second = parsePlan('一、甲\n1.事（省科技厅牵头）\n2.事（省财政厅牵头）\n');
    assert.deepEqual(taskKeys(second), ['1', '2']);
  });

  it('maps any offsets, in any order, to the positions the line index gives', () => {
    const piece = fc.constantFrom('a', '甲', '𠀋', '\n', '\r\n', '\r', ' ', '1.', '（', '）');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 60 }), (pieces, raw) => {
        const text = pieces.join('');
        const plan = parsePlan(text);
        const cursor = new PositionCursor(plan);
        for (const r of raw) {
          const offset = text.length === 0 ? 0 : (r % (text.length + 3)) - 1;
          assert.deepEqual(cursor.position(offset), plan.lines.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
