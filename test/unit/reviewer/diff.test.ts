import assert from 'node:assert/strict';
import { parsePlan } from '../../../server/src/model/parser';
import { createDefaultRegistry } from '../../../server/src/registry/defaults';
import { diffPlans, formatDiffText, similarity } from '../../../server/src/reviewer/diff';
import { corpusCases, draftRound, namesRegistry } from '../../helpers/corpus';

const seed = corpusCases().find((c) => c.name === '00-seed')!.text;

/** The seed with the five edits a drafter makes between two rounds of comments: draftRound's, and 省环保厅 renamed everywhere. */
function editedSeed(): string {
  return draftRound(seed).replace(/省环保厅/g, '省生态环境厅');
}

describe('draft diff', () => {
  const registry = createDefaultRegistry();
  const before = parsePlan(seed);
  const after = parsePlan(editedSeed());
  const diff = diffPlans(before, after, registry);

  it('finds the removed task and the added one by their words', () => {
    assert.deepEqual(
      diff.removed.map((t) => [t.key, t.lead]),
      [['10', ['省知识产权局']]],
    );
    assert.deepEqual(
      diff.added.map((t) => [t.key, t.lead, t.participants]),
      [['19', ['省能源局'], ['省发改委', '省财政厅']]],
    );
  });

  it('reports exactly tasks 11–19 as renumbered one down, and nothing as moved or reworded', () => {
    const renumbered = diff.changed.filter((c) => c.renumbered).map((c) => `${c.old.key}→${c.new.key}`);
    assert.deepEqual(renumbered, ['11→10', '12→11', '13→12', '14→13', '15→14', '16→15', '17→16', '18→17', '19→18']);
    assert.deepEqual(diff.changed.filter((c) => c.moved), []);
    assert.deepEqual(diff.changed.filter((c) => c.reworded), []);
  });

  it('reports the rename once, over every task that named 省环保厅, not as gains and losses', () => {
    const tasksWithOldName = before.tasks.filter((t) => t.mentions.some((m) => m.name === '省环保厅')).length;
    assert.deepEqual(
      diff.renamed.map((r) => [r.from, r.to, r.tasks.length]),
      [['省环保厅', '省生态环境厅', tasksWithOldName]],
    );
    assert.ok(!diff.departments.some((d) => d.name === '省环保厅' || d.name === '省生态环境厅'));
  });

  it('reports the changed lead of task 29 and per department only the edits made', () => {
    const roles = diff.changed.filter((c) => c.leadGained.length + c.leadLost.length + c.participantGained.length + c.participantLost.length > 0);
    assert.deepEqual(
      roles.map((c) => [c.new.key, c.leadGained, c.leadLost, c.participantGained, c.participantLost]),
      [['29', ['省财政厅'], ['省国资委'], [], []]],
    );
    const view = Object.fromEntries(
      diff.departments.map((d) => [
        d.name,
        {
          leadGained: d.leadGained.map((r) => r.new),
          leadLost: d.leadLost.map((r) => r.new ?? `old ${r.old}`),
          participantGained: d.participantGained.map((r) => r.new),
          participantLost: d.participantLost.map((r) => r.new ?? `old ${r.old}`),
        },
      ]),
    );
    assert.deepEqual(view, {
      省能源局: { leadGained: ['19'], leadLost: [], participantGained: [], participantLost: [] },
      省发改委: { leadGained: [], leadLost: [], participantGained: ['19'], participantLost: ['old 10'] },
      省财政厅: { leadGained: ['29'], leadLost: [], participantGained: ['19'], participantLost: ['old 10'] },
      省国资委: { leadGained: [], leadLost: ['29'], participantGained: [], participantLost: [] },
      省知识产权局: { leadGained: [], leadLost: ['old 10'], participantGained: [], participantLost: [] },
      省经信委: { leadGained: [], leadLost: [], participantGained: [], participantLost: ['old 10'] },
      省科技厅: { leadGained: [], leadLost: [], participantGained: [], participantLost: ['old 10'] },
    });
    assert.equal(diff.unchanged + diff.changed.length, 46);
  });

  it('finds no change between a plan and itself', () => {
    const same = diffPlans(before, parsePlan(seed), registry);
    assert.deepEqual([same.added, same.removed, same.changed, same.departments], [[], [], [], []]);
    assert.deepEqual(formatDiffText(same, 'en').slice(1), ['The two drafts have the same tasks and responsibilities.']);
  });

  it('matches a reworded task to its old self and reports a task moved to another section', () => {
    const a = parsePlan('一、甲\n1.加强规划指导，制订年度实施方案。(省财政厅牵头)\n2.建设一批产业基地。(省科技厅牵头)\n二、乙\n3.加大科技投入力度。(省科技厅牵头)\n');
    const b = parsePlan('一、甲\n1.加强规划指导，抓紧制订年度实施方案。(省财政厅牵头)\n二、乙\n2.加大科技投入力度。(省科技厅牵头)\n3.建设一批产业基地。(省科技厅牵头)\n');
    const d = diffPlans(a, b, namesRegistry('省财政厅', '省科技厅'));
    assert.deepEqual([d.added, d.removed], [[], []]);
    const byOld = Object.fromEntries(d.changed.map((c) => [c.old.key, c]));
    assert.equal(byOld['1'].reworded, true);
    assert.ok(byOld['1'].similarity > 0.8 && byOld['1'].similarity < 1);
    assert.equal(byOld['2'].moved, true);
    assert.equal(byOld['2'].new.key, '3');
    assert.equal(byOld['3'].moved, false);
    assert.equal(byOld['3'].renumbered, true);
  });

  it('treats a former name replaced by its successor in one task as a rename, not a change of lead', () => {
    const a = parsePlan('1.推进两化融合。(省经信委牵头,省科技厅参加)\n');
    const b = parsePlan('1.推进两化融合。(省经信厅牵头,省科技厅参加)\n');
    const d = diffPlans(a, b, registry);
    assert.deepEqual(d.renamed, [{ from: '省经信委', to: '省经信厅', tasks: ['1'] }]);
    assert.deepEqual(d.departments, []);
  });

  it('does not take a change between two known, different bodies for a rename', () => {
    const a = parsePlan('1.甲项工作。(省科技厅牵头)\n2.乙项工作。(省科技厅牵头)\n');
    const b = parsePlan('1.甲项工作。(省教育厅牵头)\n2.乙项工作。(省教育厅牵头)\n');
    const d = diffPlans(a, b, registry);
    assert.deepEqual(d.renamed, []);
    assert.deepEqual(d.departments.map((x) => [x.name, x.leadGained.length, x.leadLost.length]), [
      ['省教育厅', 2, 0],
      ['省科技厅', 0, 2],
    ]);
  });

  it('prints the edits in Chinese with the per-department view', () => {
    const text = formatDiffText(diff, 'zh-cn');
    assert.match(text[0], /原 47 项，新 47 项；新增 1，删除 1，移动 0，重新编号 9，内容修改 0，分工变化 1/);
    assert.ok(text.some((l) => l.startsWith('- 删除任务 10：强化知识产权的创造')));
    assert.ok(text.some((l) => l === '~ 单位改称：省环保厅 → 省生态环境厅（8 项任务）'));
    assert.ok(text.some((l) => l === '~ 任务 29 分工变化：+牵头 省财政厅；−牵头 省国资委'));
    assert.ok(text.some((l) => l === '  省知识产权局：不再牵头 原10'));
  });

  it('scores similarity 1 for equal texts and low for unrelated ones', () => {
    assert.equal(similarity('加大科技投入', '加大科技投入'), 1);
    assert.ok(similarity('加大科技投入', '优化营商环境') < 0.2);
  });
});
