import assert from 'node:assert/strict';
import { parsePlan } from '../../../server/src/model/parser';
import { createDefaultRegistry } from '../../../server/src/registry/defaults';
import { departmentReport, formatReportText } from '../../../server/src/reviewer/report';
import { corpusCases } from '../../helpers/corpus';

const seed = corpusCases().find((c) => c.name === '00-seed')!;

describe('department report', () => {
  const registry = createDefaultRegistry();
  const plan2013 = { file: 'a-2013.txt', plan: parsePlan(seed.text) };
  const plan2020 = { file: 'b-2020.txt', plan: parsePlan('一、重点任务\n1.推进数字经济。(省经信厅牵头,省发展改革委参加)\n2.培育新兴产业。(省发改委牵头,省经信厅、省科技厅参加)\n') };

  it('counts a former name and its successor as one body across plans', () => {
    const report = departmentReport('省经信厅', [plan2013, plan2020], registry);
    const expected = seed.expected.tasks;
    assert.equal(report.department?.name, '省经信厅');
    assert.deepEqual(report.plans[0].leads.map((t) => t.key), expected.filter((t) => t.lead.includes('省经信委')).map((t) => t.number));
    assert.deepEqual(report.plans[0].joins.map((t) => t.key), expected.filter((t) => t.participants.includes('省经信委') && !t.lead.includes('省经信委')).map((t) => t.number));
    assert.deepEqual(report.plans[1].leads.map((t) => t.key), ['1']);
    assert.deepEqual(report.plans[1].joins.map((t) => t.key), ['2']);
    assert.equal(report.leads, 13 + 1);
    assert.deepEqual([...report.names].sort(), ['省经信厅', '省经信委'].sort());
  });

  it('gives the same report when asked by the former name', () => {
    const a = departmentReport('省经信委', [plan2013, plan2020], registry);
    const b = departmentReport('省经信厅', [plan2013, plan2020], registry);
    assert.deepEqual([a.leads, a.joins, a.department?.name], [b.leads, b.joins, b.department?.name]);
  });

  it('matches an alias to its preferred name', () => {
    const report = departmentReport('省发改委', [plan2020], registry);
    assert.deepEqual([report.plans[0].leads.map((t) => t.key), report.plans[0].joins.map((t) => t.key)], [['2'], ['1']]);
    assert.equal(report.department?.name, '省发展改革委');
  });

  it('does not fold a body abolished with its duties split into either successor', () => {
    const old = { file: 'c.txt', plan: parsePlan('1.搞活流通。(省经贸委牵头)\n') };
    assert.equal(departmentReport('省商务厅', [old], registry).leads, 0);
    assert.equal(departmentReport('省经贸委', [old], registry).leads, 1);
  });

  it('prints the tasks with their text, where they are and the name as written', () => {
    const text = formatReportText(departmentReport('省经信厅', [plan2013, plan2020], registry), 'zh-cn', (_f, line) => `第 ${line + 1} 行`);
    assert.equal(text[0], '省经信厅（浙江省经济和信息化厅）：牵头 14 项，参加 16 项（2 个方案）');
    assert.ok(text.some((l) => /^\s+1 {2}按照九个战略性新兴产业.*（写作“省经信委”） {2}\[第 6 行\]$/.test(l)));
  });
});
