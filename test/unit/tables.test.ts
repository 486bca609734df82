import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis';
import { codeActions } from '../../server/src/features/codeActions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { parsePlan, TaskCache } from '../../server/src/model/parser';
import { applyEdits, renumberEdits } from '../../server/src/model/renumber';
import { columnLabel } from '../../server/src/model/table';
import { LineIndex } from '../../server/src/model/text';
import type { Plan } from '../../server/src/model/types';
import { createDefaultRegistry } from '../../server/src/registry/defaults';

const registry = createDefaultRegistry();
const row = (...cells: string[]) => cells.join('\t');
const HEADER = row('序号', '重点任务', '牵头单位', '配合单位', '完成时限');

function roles(plan: Plan) {
  return plan.tasks.map((t) => ({ n: t.number, lead: t.lead.map((m) => m.name), part: t.participants.map((m) => m.name), deadlines: t.deadlines.map((d) => d.text) }));
}

describe('plans written as a table (tab-separated rows under a header row)', () => {
  it('reads each row\'s cells under 牵头单位, 配合单位 and 完成时限 as its lead, participants and time limit', () => {
    const text = ['浙江省2025年重点任务分工表', HEADER, '一、基础设施', row('1', '加快5G网络建设。', '省经信厅', '省通信管理局、省发展改革委', '2025年底'), row('2', '推进算力布局。', '省发展改革委', '省经信厅等部门', '')].join('\n');
    const plan = parsePlan(text);
    assert.deepEqual(roles(plan), [
      { n: '1', lead: ['省经信厅'], part: ['省通信管理局', '省发展改革委'], deadlines: ['2025年底'] },
      { n: '2', lead: ['省发展改革委'], part: ['省经信厅'], deadlines: [] },
    ]);
    const [t1] = plan.tasks;
    assert.equal(t1.clause?.form, 'table');
    assert.equal(t1.separator, '\t');
    // The task's words are its own cell, not the cells after it; the header is not the plan's title.
    assert.equal(text.slice(t1.bodySpan.start, t1.bodySpan.end), '加快5G网络建设。');
    assert.equal(plan.title?.text, '浙江省2025年重点任务分工表');
    // Every name points at its own characters in its cell.
    for (const m of t1.mentions) assert.equal(text.slice(m.span.start, m.span.end), m.name);
    // The tab after a number is the cell's edge: no missing separator, no missing clause.
    assert.deepEqual(analyse(text, registry).problems.map((p) => p.code), []);
  });

  it('reads a row whatever its number or its words start with: 1000, 12000, a task starting 5G or 2025年', () => {
    const text = [HEADER, row('999', '甲。', '省经信厅', '', ''), row('1000', '5G网络建设。', '省经信厅', '', ''), row('1001', '2025年底前建成。', '省财政厅', '', ''), '| 序号 | 重点任务 | 牵头单位 |', '| 12000 | 3个平台。 | 省商务厅 |'].join('\n');
    const plan = parsePlan(text);
    assert.deepEqual(plan.tasks.map((t) => [t.number, text.slice(t.bodySpan.start, t.bodySpan.end), t.lead.map((m) => m.name)]), [
      ['999', '甲。', ['省经信厅']],
      ['1000', '5G网络建设。', ['省经信厅']],
      ['1001', '2025年底前建成。', ['省财政厅']],
      ['12000', '3个平台。', ['省商务厅']],
    ]);
    // Outside a table the same lines are a year and a quantity, not tasks.
    assert.deepEqual(parsePlan('1000\t5G网络建设。\n2025 年底前建成。').tasks, []);
  });

  it('reports an empty lead cell as a missing lead on the participants\' characters, in the table\'s words', () => {
    const text = [HEADER, row('1', '推进农业数字化。', '', '省农业农村厅、省财政厅', '2025年底')].join('\n');
    const { problems } = analyse(text, registry);
    assert.deepEqual(problems.map((p) => p.code), ['no-lead']);
    const [p] = problems;
    assert.equal(text.slice(p.span.start, p.span.end), '省农业农村厅、省财政厅');
    assert.deepEqual(p.span.range.start, { line: 1, character: new LineIndex(text).positionAt(text.indexOf('省农业农村厅')).character });
    assert.match(p.message, /请在“牵头单位”一栏填写/);
    const en = analyse(text, registry, { locale: 'en' }).problems[0];
    assert.match(en.message, /Fill in the lead column/);
  });

  it('offers to move the first participant into the empty lead cell, in one edit that leaves the row well formed', () => {
    const text = [HEADER, row('1', '推进农业数字化。', '', '省农业农村厅、省财政厅', '2025年底')].join('\n');
    const fixed = applyQuickFix(text, 'no-lead');
    assert.equal(fixed.split('\n')[1], row('1', '推进农业数字化。', '省农业农村厅', '省财政厅', '2025年底'));
    assert.deepEqual(roles(parsePlan(fixed))[0], { n: '1', lead: ['省农业农村厅'], part: ['省财政厅'], deadlines: ['2025年底'] });
    assert.deepEqual(analyse(fixed, registry).problems, []);
  });

  it('marks the lead where it stands when the table has no lead column: 省科技厅牵头，省财政厅', () => {
    const header = row('序号', '工作任务', '责任单位（部门）', '时间安排');
    const text = [header, row('1', '加强基础研究。', '省科技厅、省财政厅', '2025年底前')].join('\n');
    assert.deepEqual(roles(parsePlan(text))[0], { n: '1', lead: [], part: ['省科技厅', '省财政厅'], deadlines: ['2025年底前'] });
    const fixed = applyQuickFix(text, 'no-lead');
    assert.equal(fixed.split('\n')[1], row('1', '加强基础研究。', '省科技厅牵头，省财政厅', '2025年底前'));
    assert.deepEqual(roles(parsePlan(fixed))[0].lead, ['省科技厅']);
  });

  it('reads a 责任单位 column by the first-listed convention, and a lead the cell names itself', () => {
    const header = row('序号', '重点任务', '责任单位', '完成时间');
    const rows = [row('1', '甲。', '国家发展改革委、财政部等按职责分工负责', '2025年底前'), row('2', '乙。', '科技部牵头，教育部参加', '持续推进')];
    const declared = parsePlan(['列第一位者为牵头单位。', header, ...rows].join('\n'));
    assert.deepEqual(roles(declared).map((r) => [r.lead, r.part]), [
      [['国家发展改革委', '财政部'], []],
      [['科技部'], ['教育部']],
    ]);
    const undeclared = parsePlan([header, ...rows].join('\n'));
    assert.deepEqual(roles(undeclared).map((r) => [r.lead, r.part]), [
      [[], ['国家发展改革委', '财政部']],
      [['科技部'], ['教育部']],
    ]);
  });

  it('recognises headings written with brackets, emphasis or a colon, and no heading that is not a column label', () => {
    assert.equal(columnLabel('牵头单位'), '牵头单位');
    assert.equal(columnLabel(' **配合单位** '), '配合单位');
    assert.equal(columnLabel('责任单位（部门）'), '责任单位');
    assert.equal(columnLabel('完成时限：'), '完成时限');
    assert.equal(columnLabel('时间安排'), '完成时限');
    assert.equal(columnLabel('重点任务'), null);
    assert.equal(columnLabel('序号'), null);
  });

  it('lets a header row end the task before it, and reads a line with no tab after its number as an ordinary task', () => {
    const text = ['1.建立工作专班。', HEADER, row('2', '加快建设。', '省经信厅', '省财政厅', ''), '3.完善制度。（省财政厅牵头）'].join('\n');
    const plan = parsePlan(text);
    assert.deepEqual(roles(plan).map((r) => [r.n, r.lead]), [['1', []], ['2', ['省经信厅']], ['3', ['省财政厅']]]);
    assert.equal(text.slice(plan.tasks[0].span.start, plan.tasks[0].span.end), '1.建立工作专班。');
    assert.equal(plan.tasks[2].clause?.form, 'paren');
    // Task 1 has no clause at all; the header did not become part of it.
    assert.deepEqual(analyse(text, registry).problems.map((p) => `${p.code}@${p.span.range.start.line}`), ['no-clause@0']);
  });

  it('reads cells Excel put in quotes without the quotes', () => {
    const text = [HEADER, row('1', '"推进""数字政府""建设。"', '"省数据局"', '"省财政厅、省经信厅"', '2025年底')].join('\n');
    const [t] = parsePlan(text).tasks;
    assert.deepEqual([t.lead.map((m) => m.name), t.participants.map((m) => m.name)], [['省数据局'], ['省财政厅', '省经信厅']]);
    assert.equal(text.slice(t.lead[0].span.start, t.lead[0].span.end), '省数据局');
  });

  it('reads a row whose cell runs over several lines (Excel quotes it; Word pastes its paragraphs as lines)', () => {
    const excel = [HEADER, row('1', '"推进数字政府建设，\n完善一体化平台。"', '省数据局', '"省财政厅、\n省经信厅"', '2025年底'), row('2', '乙。', '省科技厅', '', '')].join('\n');
    const plan = parsePlan(excel);
    assert.deepEqual(roles(plan), [
      { n: '1', lead: ['省数据局'], part: ['省财政厅', '省经信厅'], deadlines: ['2025年底'] },
      { n: '2', lead: ['省科技厅'], part: [], deadlines: [] },
    ]);
    assert.equal(excel.slice(plan.tasks[0].bodySpan.start, plan.tasks[0].bodySpan.end), '推进数字政府建设，\n完善一体化平台。');
    const word = [HEADER, '1\t推进数字政府建设。', '完善一体化平台。\t省数据局\t省财政厅\t2025年底', '2\t乙。\t省科技厅\t\t'].join('\n');
    assert.deepEqual(roles(parsePlan(word)).map((r) => [r.n, r.lead, r.part, r.deadlines]), [
      ['1', ['省数据局'], ['省财政厅'], ['2025年底']],
      ['2', ['省科技厅'], [], []],
    ]);
    // A row complete on its line does not reach into the note after it.
    const noted = [HEADER, row('1', '甲。', '省科技厅', '省财政厅', '2025年底'), '注：\t以上任务按季度报送。'].join('\n');
    assert.deepEqual(roles(parsePlan(noted))[0].deadlines, ['2025年底']);
  });

  it('reads rows with an empty number cell after a task as more of that task (a number merged over its measures)', () => {
    const header = row('序号', '重点任务', '具体措施', '牵头单位', '配合单位');
    const text = [header, row('1', '推进数字化转型。', '建设工业互联网平台。', '省经信厅', '省财政厅'), row('', '', '培育未来工厂。', '省科技厅', '省商务厅'), row('2', '发展智慧商贸。', '建设数字商圈。', '省商务厅', '')].join('\n');
    const plan = parsePlan(text);
    assert.deepEqual(roles(plan).map((r) => [r.n, r.lead, r.part]), [
      ['1', ['省经信厅', '省科技厅'], ['省财政厅', '省商务厅']],
      ['2', ['省商务厅'], []],
    ]);
    for (const m of plan.tasks[0].mentions) assert.equal(text.slice(m.span.start, m.span.end), m.name);
    const md = ['| 序号 | 重点任务 | 牵头单位 |', '| --- | --- | --- |', '| 1 | 甲。 | 省经信厅 |', '|  | 乙。 | 省科技厅 |', '| 2 | 丙。 | 省商务厅 |'].join('\n');
    assert.deepEqual(roles(parsePlan(md)).map((r) => [r.n, r.lead]), [['1', ['省经信厅', '省科技厅']], ['2', ['省商务厅']]]);
    // A row ending in a time limit in brackets is not a task ended by its clause: the next row is still its own.
    const bracketed = [row('序号', '重点任务', '牵头单位', '完成时限'), row('1', '甲。', '省经信厅', '（2025年底前）'), row('', '乙。', '省科技厅', ''), row('2', '丙。', '省商务厅', '')].join('\n');
    assert.deepEqual(roles(parsePlan(bracketed)).map((r) => [r.n, r.lead, r.deadlines]), [
      ['1', ['省经信厅', '省科技厅'], ['（2025年底前）']],
      ['2', ['省商务厅'], []],
    ]);
  });

  it('says on the header when a table\'s rows carry no task number, so none of them is checked', () => {
    const numberless = ['重点任务\t牵头单位\t配合单位', '加快5G网络建设。\t省经信厅\t省通信管理局'].join('\n');
    const [p] = analyse(numberless, registry).problems;
    assert.equal(p?.code, 'table-without-numbers');
    assert.equal(numberless.slice(p.span.start, p.span.end), '重点任务\t牵头单位\t配合单位');
    assert.match(p.message, /没有“序号”列/);
    const md = ['| 重点任务 | 牵头单位 |', '| --- | --- |', '| 甲。 | 省经信厅 |'].join('\n');
    assert.deepEqual(analyse(md, registry).problems.map((x) => [x.code, x.span.range.start.line]), [['table-without-numbers', 0]]);
    // Numbered rows, a header with no row yet (or only Markdown's alignment row): nothing to say.
    assert.deepEqual(analyse([HEADER, row('1', '甲。', '省经信厅', '', '')].join('\n'), registry).problems, []);
    assert.deepEqual(analyse(HEADER + '\n\n', registry).problems, []);
    assert.deepEqual(analyse('| 重点任务 | 牵头单位 |\n| --- | --- |\n', registry).problems, []);
    // Each table on its own: a numbered one after a numberless one does not hide it.
    const both = [numberless, '', HEADER, row('1', '甲。', '省经信厅', '', '')].join('\n');
    assert.deepEqual(analyse(both, registry).problems.map((x) => [x.code, x.span.range.start.line]), [['table-without-numbers', 0]]);
  });

  it('keeps each row\'s tab when renumbering, and proposes no tab to tasks written in text', () => {
    const text = [HEADER, row('1', '甲。', '省经信厅', '', ''), row('3', '乙。', '省财政厅', '', ''), '', '4 丙。（省商务厅牵头）'].join('\n');
    const renumbered = applyEdits(text, renumberEdits(parsePlan(text)));
    assert.deepEqual(renumbered.split('\n').slice(1, 3), [row('1', '甲。', '省经信厅', '', ''), row('2', '乙。', '省财政厅', '', '')]);
    const missing = analyse(text, registry).problems.find((p) => p.code === 'missing-separator');
    assert.equal(missing?.data?.separator, '.');
  });

  it('reads a Markdown table the same way, its cells separated by |', () => {
    const text = [
      '## 一、数字基础设施',
      '',
      '| 序号 | 重点任务 | **牵头单位** | 配合单位 | 完成时限 |',
      '| --- | :--- | --- | --- | --- |',
      '| 1 | 加快5G网络建设。 | 省经信厅 | 省通信管理局、省发展改革委 | 2025年底 |',
      '| 2 | 推进算力布局。 |  | 省经信厅、省数据局 | 2025年12月 |',
      '',
      '3. 完善制度。（省财政厅牵头）',
    ].join('\n');
    const plan = parsePlan(text);
    assert.deepEqual(roles(plan), [
      { n: '1', lead: ['省经信厅'], part: ['省通信管理局', '省发展改革委'], deadlines: ['2025年底'] },
      { n: '2', lead: [], part: ['省经信厅', '省数据局'], deadlines: ['2025年12月'] },
      { n: '3', lead: ['省财政厅'], part: [], deadlines: [] },
    ]);
    assert.deepEqual(plan.tasks.map((t) => text.slice(t.bodySpan.start, t.bodySpan.end)), ['加快5G网络建设。', '推进算力布局。', '完善制度。']);
    assert.deepEqual(plan.tasks.map((t) => [t.separator, t.section?.numeral]), [['|', '一'], ['|', '一'], ['.', '一']]);
    assert.deepEqual(analyse(text, registry).problems.map((p) => `${p.code}@${p.span.range.start.line}`), ['no-lead@5']);
    // The fix fills the empty cell, spaces kept as Markdown writes them.
    assert.equal(applyQuickFix(text, 'no-lead').split('\n')[5], '| 2 | 推进算力布局。 | 省经信厅 | 省数据局 | 2025年12月 |');
  });

  it('reads no row of a Markdown table without a header naming a unit column', () => {
    const text = '1. 推进。（省科技厅牵头）\n\n| 1 | 杭州 | 100 |\n| 2 | 宁波 | 80 |\n';
    assert.deepEqual(parsePlan(text).tasks.map((t) => t.number), ['1']);
  });

  it('reads rows again when the header changes, with readings of the last version at hand', () => {
    const rows = [row('1', '甲。', '省经信厅', '省财政厅', '2025年底'), row('2', '乙。', '省科技厅', '省商务厅', '')];
    const cache = new TaskCache();
    const first = analyse([HEADER, ...rows].join('\n'), registry, { taskCache: cache });
    assert.deepEqual(first.plan.tasks.map((t) => t.lead.map((m) => m.name)), [['省经信厅'], ['省科技厅']]);
    // The two unit columns swapped in the header only: every row's roles swap with them.
    const swapped = [row('序号', '重点任务', '配合单位', '牵头单位', '完成时限'), ...rows].join('\n');
    const again = analyse(swapped, registry, { taskCache: cache });
    const fresh = analyse(swapped, registry);
    assert.deepEqual(again.plan.tasks.map((t) => t.lead.map((m) => m.name)), [['省财政厅'], ['省商务厅']]);
    assert.deepEqual(roles(again.plan), roles(fresh.plan));
    assert.deepEqual(again.problems.map((p) => [p.code, p.span.start]), fresh.problems.map((p) => [p.code, p.span.start]));
    // A keystroke in a cell: only that row is read again, and it reads as a fresh parse does.
    const typed = swapped.replace('省商务厅', '省商务');
    const after = analyse(typed, registry, { taskCache: cache });
    assert.deepEqual(roles(after.plan), roles(analyse(typed, registry).plan));
    assert.deepEqual(after.problems.map((p) => [p.code, p.span.start]), analyse(typed, registry).problems.map((p) => [p.code, p.span.start]));
    // Keystrokes on the header line alone (the headers are then looked at on that line only): a
    // heading unmade, then made again, each version as a fresh parse reads it.
    for (const text of [typed.replace('牵头单位', '牵头单'), typed.replace('牵头单位', '牵头单'), typed]) {
      const now = analyse(text, registry, { taskCache: cache });
      assert.deepEqual(roles(now.plan), roles(analyse(text, registry).plan), text.split('\n')[0]);
    }
    assert.deepEqual(roles(analyse(typed.replace('牵头单位', '牵头单'), registry).plan).map((r) => r.lead), [[], []]);
  });
});

/** The text after the preferred quick fix for the first problem of `code`. */
function applyQuickFix(text: string, code: string): string {
  const { plan, problems } = analyse(text, registry);
  const uri = 'file:///plan.txt';
  const diagnostics = toDiagnostics(uri, problems.filter((p) => p.code === code));
  const [action] = codeActions({ uri, plan, problems, registry, locale: 'zh-cn' }, diagnostics);
  assert.ok(action?.edit?.changes, `a quick fix for ${code}`);
  const lines = new LineIndex(text);
  const edits = action.edit.changes[uri].map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
  return applyEdits(text, edits);
}
