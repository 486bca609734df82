import assert from 'node:assert/strict';
import { analyse } from '../../../server/src/analysis';
import { parsePlan } from '../../../server/src/model/parser';
import { Registry } from '../../../server/src/registry/registry';
import { createDefaultRegistry } from '../../../server/src/registry/defaults';
import { buildMatrix, taskKeys } from '../../../server/src/reviewer/matrix';
import { corpusCases, namesRegistry, registryFor } from '../../helpers/corpus';

describe('responsibility matrix', () => {
  for (const c of corpusCases()) {
    it(`totals equal the parsed leads and participants of ${c.name}`, () => {
      const registry = registryFor(c.expected);
      const { plan } = analyse(c.text, registry);
      const m = buildMatrix(plan, registry, 'file:///plan.txt');
      assert.equal(m.tasks.length, c.expected.tasks.length);
      // Every (task, name) pair the annotation lists appears once, lead winning over participant.
      const expectedPairs = new Map<string, 'lead' | 'participant'>();
      c.expected.tasks.forEach((t, i) => {
        for (const n of t.participants) expectedPairs.set(`${i}|${n}`, 'participant');
        for (const n of t.lead) expectedPairs.set(`${i}|${n}`, 'lead');
      });
      const actualPairs = new Map(m.cells.map((cell) => [`${cell.task}|${m.departments[cell.department].name}`, cell.role]));
      assert.deepEqual([...actualPairs].sort(), [...expectedPairs].sort());
      const leads = m.departments.reduce((n, d) => n + d.leads, 0);
      const joins = m.departments.reduce((n, d) => n + d.participates, 0);
      assert.equal(leads, [...expectedPairs.values()].filter((r) => r === 'lead').length);
      assert.equal(joins, [...expectedPairs.values()].filter((r) => r === 'participant').length);
      for (const [i, d] of m.departments.entries()) {
        assert.equal(d.leads, m.cells.filter((x) => x.department === i && x.role === 'lead').length, d.name);
        assert.equal(d.participates, m.cells.filter((x) => x.department === i && x.role === 'participant').length, d.name);
      }
    });
  }

  it('counts the seed plan: 省经信委 leads 13 tasks and joins 15, 省科技厅 leads 9 and joins 11', () => {
    const seed = corpusCases().find((c) => c.name === '00-seed');
    assert.ok(seed);
    const m = buildMatrix(parsePlan(seed.text), registryFor(seed.expected), 'file:///seed.txt');
    const row = (name: string) => m.departments.find((d) => d.name === name);
    assert.deepEqual([row('省经信委')?.leads, row('省经信委')?.participates], [13, 15]);
    assert.deepEqual([row('省科技厅')?.leads, row('省科技厅')?.participates], [9, 11]);
  });

  it('puts a name and its alias on one row but keeps a former body on its own row', () => {
    const plan = parsePlan('一、任务\n1.甲。(省发改委牵头,省经信委参加)\n2.乙。(省发展改革委牵头,省经信厅参加)\n');
    const m = buildMatrix(plan, createDefaultRegistry(), 'file:///a.txt');
    assert.deepEqual(
      m.departments.map((d) => [d.name, d.preferred, d.status, d.leads, d.participates]),
      [
        ['省发改委', '省发展改革委', 'active', 2, 0],
        ['省经信委', '省经信委', 'renamed', 0, 1],
        ['省经信厅', '省经信厅', 'active', 0, 1],
      ],
    );
  });

  it('marks a department that both leads and joins a task once, as lead', () => {
    const plan = parsePlan('1.甲。(省财政厅牵头,省财政厅、省科技厅参加)\n');
    const m = buildMatrix(plan, namesRegistry('省财政厅', '省科技厅'), 'file:///a.txt');
    assert.deepEqual(
      m.cells.map((c) => [m.departments[c.department].name, c.role]),
      [
        ['省财政厅', 'lead'],
        ['省科技厅', 'participant'],
      ],
    );
  });

  it('reports unknown departments with status unknown and no preferred name', () => {
    const m = buildMatrix(parsePlan('1.甲。(省不存在局牵头)\n'), new Registry([]), 'file:///a.txt');
    assert.deepEqual(m.departments, [{ name: '省不存在局', preferred: null, fullName: null, status: 'unknown', leads: 1, participates: 0 }]);
  });

  it('keys tasks by section when numbering restarts in each section', () => {
    const plan = parsePlan('一、甲\n1.任务。(省财政厅牵头)\n2.任务。(省财政厅牵头)\n二、乙\n1.任务。(省财政厅牵头)\n');
    assert.deepEqual(taskKeys(plan), ['一.1', '一.2', '二.1']);
  });

  it('labels a task with its first sentence and ranges its number', () => {
    const text = '1.加强规划指导，明确目标。再做别的。(省财政厅牵头)\n';
    const m = buildMatrix(parsePlan(text), namesRegistry('省财政厅'), 'file:///a.txt');
    assert.equal(m.tasks[0].label, '加强规划指导，明确目标');
    assert.deepEqual(m.tasks[0].selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });
});
