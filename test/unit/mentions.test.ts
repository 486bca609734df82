/**
 * A task's mentions are kept as columns in blocks shared by many tasks (model/mentions.ts), not as
 * a record per name: each task must still read back exactly the names, roles and places its clause
 * gives, wherever a block ends, and a clause longer than a block must not lose a name.
 */
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis';
import { MentionBlock } from '../../server/src/model/mentions';
import { parsePlan, planTask, TaskCache } from '../../server/src/model/parser';
import type { Plan } from '../../server/src/model/types';
import { namesRegistry } from '../helpers/corpus';

const DEPTS = ['省科技厅', '省财政厅', '省发展改革委', '省商务厅', '省教育厅', '省人力社保厅', '省自然资源厅'];

/** Task k names DEPTS[k % 7] as lead and the next `n` departments as participants. */
function plan(tasks: number, n: number): string {
  const lines = ['一、总体要求'];
  for (let k = 0; k < tasks; k++) {
    const parts = Array.from({ length: n }, (_, j) => DEPTS[(k + 1 + j) % DEPTS.length]);
    lines.push(`${k + 1}.推进第${k + 1}项工作。（${DEPTS[k % DEPTS.length]}牵头，${parts.join('、')}参加）`);
  }
  return lines.join('\n') + '\n';
}

/** Each task's mentions as written in the text at their spans, with role and name. */
function read(p: Plan): string[][] {
  return p.tasks.map((t) => t.mentions.map((m) => `${m.role}:${m.name}:${p.text.slice(m.span.start, m.span.end)}:${m.via}`));
}

function expected(tasks: number, n: number): string[][] {
  return Array.from({ length: tasks }, (_, k) => [
    `lead:${DEPTS[k % DEPTS.length]}:${DEPTS[k % DEPTS.length]}:牵头`,
    ...Array.from({ length: n }, (_, j) => DEPTS[(k + 1 + j) % DEPTS.length]).map((d) => `participant:${d}:${d}:参加`),
  ]);
}

describe('mentions kept in shared blocks', () => {
  it('reads back every task of a plan whose mentions fill several blocks, each at its own place', () => {
    // 700 tasks of 3 names: 2,100 mentions, more than two blocks of 1,024.
    const p = parsePlan(plan(700, 2));
    assert.deepEqual(read(p), expected(700, 2));
    const blocks = new Set<MentionBlock>();
    for (let k = 0; k < p.tasks.length; k++) blocks.add(planTask(p, k).reading.block);
    assert.ok(blocks.size >= 2 && blocks.size <= 4, `the plan's mentions sit in ${blocks.size} blocks`);
  });

  it('keeps a clause of more names than a block holds whole, in a block of its own size', () => {
    const names = Array.from({ length: 3000 }, (_, k) => `省第${k}厅`);
    const text = `一、总体要求\n1.推进工作。（省科技厅牵头，${names.join('、')}参加）\n2.推进工作。（省财政厅负责）\n`;
    const p = parsePlan(text);
    const [first, second] = p.tasks;
    assert.equal(first.mentions.length, 3001);
    assert.deepEqual(
      first.mentions.map((m) => text.slice(m.span.start, m.span.end)),
      ['省科技厅', ...names],
    );
    assert.ok(planTask(p, 0).reading.block.capacity >= 3001);
    assert.deepEqual(second.mentions.map((m) => [m.role, m.name]), [['lead', '省财政厅']]);
  });

  it('keeps the mentions of reused readings while later keystrokes write theirs after them', () => {
    const text = plan(400, 3);
    const cache = new TaskCache();
    const registry = namesRegistry(...DEPTS);
    analyse(text, registry, { taskCache: cache });
    let now = text;
    // Type into 300 different tasks, one after another: each re-read task writes new mentions.
    for (let k = 0; k < 300; k++) {
      const at = now.indexOf(`推进第${k + 1}项工作`) + 2;
      now = now.slice(0, at) + '快' + now.slice(at);
      analyse(now, registry, { taskCache: cache });
    }
    const last = analyse(now, registry, { taskCache: cache }).plan;
    const fresh = parsePlan(now);
    assert.deepEqual(read(last), read(fresh));
    assert.deepEqual(read(last), expected(400, 3));
  });

  it('gives whole-plan scans roles and names without spans', () => {
    const p = parsePlan('1.推进工作。（省财政厅、省商务厅参加）\n2.推进工作。（省科技厅牵头，省教育厅参加）\n');
    assert.deepEqual(p.tasks.map((t) => t.hasLead), [false, true]);
    assert.deepEqual(p.tasks[1].names, [
      { role: 'lead', name: '省科技厅' },
      { role: 'participant', name: '省教育厅' },
    ]);
    const seen: string[] = [];
    p.tasks[1].forEachName((role, name, start, end, written) => seen.push(`${role}:${name}:${p.text.slice(start, end)}:${written}`));
    assert.deepEqual(seen, ['lead:省科技厅:省科技厅:省科技厅', 'participant:省教育厅:省教育厅:省教育厅']);
  });

  it('keeps each spelling once per block, its entries only numbers, and reads every entry back', () => {
    // 700 tasks naming the same seven departments: 2,100 mentions in two or three blocks.
    const p = parsePlan(plan(700, 2));
    const blocks = new Set<MentionBlock>();
    for (let k = 0; k < p.tasks.length; k++) blocks.add(planTask(p, k).reading.block);
    for (const b of blocks) {
      assert.ok(b.count > 0);
      assert.ok(b.spellingCount <= DEPTS.length, `a block of ${b.count} entries keeps ${b.spellingCount} spellings`);
    }
    assert.deepEqual(read(p), expected(700, 2));
  });

  it('keeps the name, key, spelling and verb of a name given a shared prefix, and tells it the same body as the name written whole', () => {
    // 财政厅 takes 省 from 省商务厅 (省财政厅); 省财政厅 also leads: lead-also-participant, at 财政厅.
    const text = '一、总体要求\n1.推进工作。（省财政厅牵头，省商务厅、财政厅参加）\n2.推进工作。（省科技厅牵头，省 科技厅参加）\n';
    const a = analyse(text, namesRegistry('省财政厅', '省商务厅', '省科技厅'));
    const t = a.plan.tasks[0];
    assert.deepEqual(
      t.mentions.map((m) => `${m.role}:${m.name}:${m.written}:${m.via}:${text.slice(m.span.start, m.span.end)}`),
      ['lead:省财政厅:省财政厅:牵头:省财政厅', 'participant:省商务厅:省商务厅:参加:省商务厅', 'participant:省财政厅:财政厅:参加:财政厅'],
    );
    const keys: string[] = [];
    t.forEachName((_role, _name, _start, _end, _written, key) => keys.push(key));
    assert.deepEqual(keys, ['省财政厅', '省商务厅', '省财政厅']);
    const repeats = a.problems.filter((q) => q.code === 'lead-also-participant');
    assert.deepEqual(
      repeats.map((q) => text.slice(q.span.start, q.span.end)),
      ['财政厅', '省 科技厅'],
    );
  });
});
