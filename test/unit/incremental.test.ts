import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis';
import { TaskCache } from '../../server/src/model/parser';
import type { Plan } from '../../server/src/model/types';
import { createDefaultRegistry } from '../../server/src/registry/defaults';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', '浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt'), 'utf8');
const registry = createDefaultRegistry();

/** Everything a feature may read from a plan, with offsets and ranges, as plain data. */
function snapshot(plan: Plan) {
  return {
    tasks: plan.tasks.map((t) => ({
      n: t.number,
      line: t.line,
      span: [t.span.start, t.span.end, t.span.range],
      body: [t.bodySpan.start, t.bodySpan.end],
      clause: t.clause && { form: t.clause.form, line: t.clause.line, span: [t.clause.span.start, t.clause.span.end], anchor: t.clause.anchor.range, insertAt: t.clause.insertAt, persons: t.clause.persons },
      mentions: t.mentions.map((m) => [m.role, m.written, m.name, m.via, m.span.start, m.span.end, m.span.range]),
      deadlines: t.deadlines.map((d) => [d.text, d.span.start, d.span.range]),
    })),
    brackets: plan.brackets.map((b) => [b.char, b.kind, b.span.range]),
  };
}

describe('incremental re-analysis', () => {
  const edits: [string, (s: string) => string][] = [
    ['a character typed in the middle of a task', (s) => s.replace('制订落实年度实施方案', '制订落实年度实施方案案')],
    ['a lead changed', (s) => s.replace('(省科技厅牵头,省财政厅、省知识产权局参加)', '(省财政厅牵头,省科技厅、省知识产权局参加)')],
    ['a line inserted above many tasks', (s) => s.replace('一、加强规划指导', '一、加强规划指导\n  说明：以下任务按季度推进。')],
    ['a closing bracket deleted', (s) => s.replace('(省教育厅负责)', '(省教育厅负责')],
    ['a task removed', (s) => s.replace(/\n {2}10\.[^\n]*/, '')],
    ['a clause naming only participants', (s) => s.replace('(省国资委负责)', '(省国资委、省财政厅参加)')],
    ['the first-listed convention declared', (s) => s.replace('发布人:kjhz', '列第一位者为牵头单位。发布人:kjhz')],
  ];

  it('gives exactly what a fresh analysis gives, edit after edit', () => {
    const cache = new TaskCache();
    let text = SEED;
    analyse(text, registry, { taskCache: cache });
    for (const [what, edit] of edits) {
      text = edit(text);
      const reused = analyse(text, registry, { taskCache: cache });
      const fresh = analyse(text, registry);
      assert.deepEqual(snapshot(reused.plan), snapshot(fresh.plan), what);
      assert.deepEqual(
        reused.problems.map((p) => [p.code, p.span.range, p.message]),
        fresh.problems.map((p) => [p.code, p.span.range, p.message]),
        what,
      );
    }
  });
});
