import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis';
import { createDefaultRegistry } from '../../server/src/registry/defaults';
import { parseRegistry, Registry } from '../../server/src/registry/registry';
import type { RuleCode } from '../../server/src/rules';

const registry = new Registry([
  parseRegistry(
    JSON.stringify({
      departments: [
        { name: '省发展改革委', aliases: ['省发改委'], fullName: '浙江省发展和改革委员会' },
        { name: '省经信厅', fullName: '浙江省经济和信息化厅' },
        { name: '省经信委', status: 'renamed', successors: ['省经信厅'], since: 2018 },
        { name: '省物价局', status: 'abolished', since: 2018 },
        { name: '省财政厅' },
        { name: '省商务厅' },
        { name: '国家统计局' },
      ],
    }),
    'test.json',
  ),
]);

function problems(text: string, code?: RuleCode, locale: 'zh-cn' | 'en' = 'zh-cn') {
  return analyse(text, registry, { locale }).problems.filter((p) => !code || p.code === code);
}

function cover(text: string, p: { span: { start: number; end: number } }) {
  return text.slice(p.span.start, p.span.end);
}

describe('rules', () => {
  it('no-clause: flags a task with no responsibility clause at its number', () => {
    const text = '1.任务甲。\n2.任务乙。（省财政厅负责）';
    const [p, ...rest] = problems(text, 'no-clause');
    assert.equal(rest.length, 0);
    assert.equal(cover(text, p), '1');
    assert.equal(p.severity, 'error');
  });

  it('no-lead: flags a task whose clause names only participants', () => {
    const text = '1.任务。（省财政厅、省商务厅参加）';
    const [p] = problems(text, 'no-lead');
    assert.equal(cover(text, p), '（省财政厅、省商务厅参加）');
    assert.match(p.message, /没有牵头单位：“省财政厅”、“省商务厅”都只是参加\/配合单位/);
  });

  it('unknown-department: suggests near spellings and the name with its 省 prefix', () => {
    const text = '1.任务。（省经心委牵头，财政厅参加）';
    const ps = problems(text, 'unknown-department');
    assert.deepEqual(ps.map((p) => cover(text, p)), ['省经心委', '财政厅']);
    assert.deepEqual(ps[0].data?.suggestions, ['省经信委', '省经信厅']);
    assert.deepEqual(ps[1].data?.suggestions?.[0], '省财政厅');
    assert.match(ps[0].message, /名录中没有“省经心委”。是否为：“省经信委”、“省经信厅”？/);
  });

  it('unknown-department: suggests the name without a wrong 省 prefix', () => {
    const [p] = problems('1.任务。（省国家统计局负责）', 'unknown-department');
    assert.equal(p.data?.suggestions?.[0], '国家统计局');
  });

  it('outdated-department: names the successor and the year', () => {
    const text = '1.任务。（省经信委牵头，省物价局参加）';
    const ps = problems(text, 'outdated-department');
    assert.equal(ps[0].message, '“省经信委”已于 2018 年更名，请改用“省经信厅”。');
    assert.deepEqual(ps[0].data?.successors, ['省经信厅']);
    assert.match(ps[1].message, /“省物价局”已于 2018 年撤销，没有单一的承接单位/);
    assert.equal(problems(text, 'outdated-department', 'en')[0].message, '"省经信委" was renamed in 2018; write "省经信厅" instead.');
  });

  it('outdated-department: follows successor chains in the default registry to today’s body', () => {
    const text = '1.任务。（省卫生厅牵头，浙江银监局参加）';
    const ps = analyse(text, createDefaultRegistry()).problems.filter((p) => p.code === 'outdated-department');
    assert.deepEqual(ps.map((p) => p.data?.successors), [['省卫生健康委'], ['浙江金融监管局']]);
  });

  it('alias-department: accepts an informal name and points at the preferred form', () => {
    const text = '1.任务。（省发改委负责）';
    const [p] = problems(text, 'alias-department');
    assert.equal(p.severity, 'info');
    assert.equal(p.data?.preferred, '省发展改革委');
    assert.equal(problems(text).filter((x) => x.code === 'unknown-department').length, 0);
  });

  it('judges a spelling anew for each registry and language, and a name given a shared prefix by its own name', () => {
    // A spelling keeps the rules' verdict on it: a verdict of one registry or language must not
    // answer for another, and 财政厅 made 省财政厅 by the list's prefix is not its spelling's name.
    const text = '1.任务。（省发改委负责，省物价局、财政厅参加）\n2.任务。（财政厅负责）';
    const other = new Registry([parseRegistry(JSON.stringify({ departments: [{ name: '省物价局' }, { name: '省发改委' }] }), 'other.json')]);
    const codes = (reg: Registry, locale: 'zh-cn' | 'en') =>
      analyse(text, reg, { locale })
        .problems.filter((p) => p.code.endsWith('-department'))
        .map((p) => `${p.code}:${cover(text, p)}:${String(p.data?.name)}:${p.message.includes('。') ? 'zh' : 'en'}`);
    const here = ['alias-department:省发改委:省发改委:zh', 'outdated-department:省物价局:省物价局:zh', 'unknown-department:财政厅:财政厅:zh'];
    const there = ['unknown-department:财政厅:省财政厅:zh', 'unknown-department:财政厅:财政厅:zh'];
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(codes(registry, 'zh-cn'), here);
      assert.deepEqual(codes(other, 'zh-cn'), there);
      assert.deepEqual(codes(registry, 'en'), here.map((c) => c.replace(/zh$/, 'en')));
      assert.deepEqual(codes(other, 'en'), there.map((c) => c.replace(/zh$/, 'en')));
    }
  });

  it('lead-also-participant: flags the participant that repeats a lead', () => {
    const text = '1.任务。（省财政厅牵头，省商务厅、省财政厅参加）';
    const [p] = problems(text, 'lead-also-participant');
    assert.equal(p.span.start, text.lastIndexOf('省财政厅'));
    assert.equal(p.related?.[0].span.start, text.indexOf('省财政厅'));
  });

  it('duplicate-department: flags the second listing in the same role', () => {
    const text = '1.任务。（省财政厅牵头，省商务厅、省商务厅参加）';
    const [p] = problems(text, 'duplicate-department');
    assert.equal(p.span.start, text.lastIndexOf('省商务厅'));
  });

  it('compares names as the registry does: bracket width and spaces aside, and after a shared prefix is given', () => {
    const dup = '1.任务。（省财政厅牵头，各县(市、区)政府、各县（市、区） 政府参加）';
    const [d] = problems(dup, 'duplicate-department');
    assert.equal(cover(dup, d), '各县（市、区） 政府');
    assert.equal(cover(dup, { span: d.related![0].span }), '各县(市、区)政府');
    // 财政厅 takes the 省 of the name before it: it is the lead 省财政厅 again.
    const shared = '1.任务。（省财政厅牵头，省商务厅、财政厅参加）';
    const [p] = problems(shared, 'lead-also-participant');
    assert.equal(cover(shared, p), '财政厅');
    assert.equal(p.data?.name, '省财政厅');
  });

  it('numbering-gap and duplicate-number: expected from the previous task, restarts only after headings', () => {
    const text = '一、甲\n1.a（省财政厅负责）\n2.b（省财政厅负责）\n2.c（省财政厅负责）\n3.d（省财政厅负责）\n5.e（省财政厅负责）\n二、乙\n1.f（省财政厅负责）\n1.g（省财政厅负责）\n';
    const ps = problems(text).filter((p) => p.code === 'numbering-gap' || p.code === 'duplicate-number');
    assert.deepEqual(ps.map((p) => [p.code, p.span.range.start.line]), [
      ['duplicate-number', 3],
      ['numbering-gap', 5],
      ['duplicate-number', 8],
    ]);
    assert.match(ps[0].message, /任务编号 2 重复（应为 3）/);
    assert.equal(ps[0].related?.[0].span.range.start.line, 2);
    assert.match(ps[1].message, /此处应为 4，实为 5/);
  });

  it('missing-separator: proposes the separator the plan mostly uses', () => {
    const text = '1、a（省财政厅负责）\n2、b（省财政厅负责）\n3 c（省财政厅负责）';
    const [p] = problems(text, 'missing-separator');
    assert.equal(p.data?.separator, '、');
    assert.equal(p.span.range.start.line, 2);
  });

  it('section-order: flags sections and sub-sections out of order', () => {
    const text = '一、甲\n（一）子\n（三）子\n三、丙\n';
    const ps = problems(text, 'section-order');
    assert.deepEqual(ps.map((p) => [p.span.range.start.line, p.message]), [
      [2, '小节序号不连续：此处应为“二”，实为“三”。'],
      [3, '部分序号不连续：此处应为“二”，实为“三”。'],
    ]);
  });

  it('unbalanced-bracket: flags an unclosed bracket and still reads the clause', () => {
    const text = '1.任务。（省财政厅牵头，省商务厅参加\n2.任务）。（省财政厅负责）';
    const ps = problems(text, 'unbalanced-bracket');
    assert.deepEqual(ps.map((p) => [cover(text, p), p.span.range.start.line]), [
      ['（', 0],
      ['）', 1],
    ]);
    const plan = analyse(text, registry).plan;
    assert.deepEqual(plan.tasks[0].lead.map((m) => m.name), ['省财政厅']);
  });

  it('unbalanced-bracket: a stray bracket on a label line is flagged and kept out of the name', () => {
    const text = '1.任务。\n牵头单位：省财政厅\n责任单位：省商务厅）\n2.任务。\n牵头单位：（省财政厅\n';
    const ps = problems(text, 'unbalanced-bracket');
    assert.deepEqual(ps.map((p) => [cover(text, p), p.span.range.start.line, p.span.range.start.character]), [
      ['）', 2, 9],
      ['（', 4, 5],
    ]);
    assert.deepEqual(problems(text, 'unknown-department'), []);
    const tasks = analyse(text, registry).plan.tasks;
    assert.deepEqual(tasks[0].participants.map((m) => [m.name, cover(text, m)]), [['省商务厅', '省商务厅']]);
    assert.deepEqual(tasks[1].lead.map((m) => [m.name, cover(text, m)]), [['省财政厅', '省财政厅']]);
  });

  it('unbalanced-bracket: a stray bracket among inline labels keeps the lead and the names clean', () => {
    const text = '1.任务。牵头单位：省财政厅（；责任单位：省商务厅\n2.任务。牵头单位：省财政厅；责任单位：省商务厅）\n';
    assert.deepEqual(problems(text, 'no-lead'), []);
    assert.deepEqual(problems(text, 'unknown-department'), []);
    assert.deepEqual(problems(text, 'unbalanced-bracket').map((p) => [cover(text, p), p.span.range.start.line]), [
      ['（', 0],
      ['）', 1],
    ]);
    const tasks = analyse(text, registry).plan.tasks;
    for (const task of tasks) {
      assert.equal(task.clause?.form, 'inline-labels');
      assert.deepEqual(task.lead.map((m) => cover(text, m)), ['省财政厅']);
      assert.deepEqual(task.participants.map((m) => cover(text, m)), ['省商务厅']);
    }
  });

  it('unbalanced-bracket: a bracket left open in a list of names still lets the list split', () => {
    const text = '1.任务。牵头单位：省财政厅（、省商务厅';
    const [task] = analyse(text, registry).plan.tasks;
    assert.deepEqual(task.lead.map((m) => cover(text, m)), ['省财政厅', '省商务厅']);
    assert.deepEqual(problems(text, 'unbalanced-bracket').map((p) => cover(text, p)), ['（']);
  });

  it('unbalanced-bracket: a doubled or stray bracket around a clause does not cost the task its clause', () => {
    const text = '1.任务。（省财政厅牵头，省商务厅参加））\n2.任务。（（省财政厅牵头，省商务厅参加）\n3.任务（说明。（省财政厅牵头，省商务厅参加）（长期坚持）\n';
    assert.deepEqual(problems(text, 'no-clause'), []);
    assert.deepEqual(problems(text, 'unbalanced-bracket').map((p) => [cover(text, p), p.span.range.start.line, p.span.range.start.character]), [
      ['）', 0, 20],
      ['（', 1, 5],
      ['（', 2, 4],
    ]);
    const tasks = analyse(text, registry).plan.tasks;
    for (const task of tasks) {
      assert.equal(task.clause?.form, 'paren');
      assert.deepEqual(task.lead.map((m) => cover(text, m)), ['省财政厅']);
      assert.deepEqual(task.participants.map((m) => cover(text, m)), ['省商务厅']);
    }
    assert.deepEqual(tasks[2].deadlines.map((d) => d.text), ['长期坚持']);
  });

  it('unbalanced-bracket: brackets that pair inside a name stay part of it', () => {
    const text = '1.任务。（省财政厅牵头，中国（浙江）自由贸易试验区参加）';
    assert.deepEqual(problems(text, 'unbalanced-bracket'), []);
    const [task] = analyse(text, registry).plan.tasks;
    assert.deepEqual(task.participants.map((m) => m.name), ['中国（浙江）自由贸易试验区']);
  });

  it('honours configured severities, including off', () => {
    const text = '1.任务。（省发改委负责）\n3 任务';
    const ps = analyse(text, registry, { severities: { 'alias-department': 'warning', 'no-clause': 'off', 'numbering-gap': 'error' } }).problems;
    assert.equal(ps.find((p) => p.code === 'alias-department')?.severity, 'warning');
    assert.equal(ps.find((p) => p.code === 'no-clause'), undefined);
    assert.equal(ps.find((p) => p.code === 'numbering-gap')?.severity, 'error');
  });
});
