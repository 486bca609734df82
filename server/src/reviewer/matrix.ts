/**
 * The responsibility matrix: departments × tasks. Pure (no LSP, no I/O) so the language server,
 * the VS Code view's export buttons and the CLI all build the same table.
 */
import type { Matrix, MatrixDepartment, TaskInfo } from '../protocol';
import { perPlan } from '../model/perPlan';
import type { Plan, Task } from '../model/types';
import { isWhite } from '../model/text';
import type { Registry } from '../registry/registry';

const LABEL_LENGTH = 30;

/** The task's words, whitespace collapsed (what labels and the diff compare). */
export function taskBody(plan: Plan, task: Task): string {
  return plan.text.slice(task.bodyStart, task.bodyEnd).replace(/[\s\u3000]+/g, '');
}

/** The first sentence of the task, cut to a length a list can show. */
export function taskLabel(plan: Plan, task: Task): string {
  // Only the label's own stretch of text is read, not the whole body: the outline labels every
  // task of a 50,000-task plan. The stretch ends at the sentence's end or one character past the
  // label's length, spaces not counted, exactly as the whole-body reading below would cut it.
  const { text } = plan;
  const start = task.bodyStart;
  const end = task.bodyEnd;
  let i = start;
  let count = 0;
  let spaces = false;
  /** Where the label's last character ends, once it has LABEL_LENGTH of them. */
  let cut = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isWhite(c)) {
      spaces = true;
      continue;
    }
    if (SENTENCE_END.has(c)) {
      // A body that opens with a sentence end has an empty first sentence: the label is then the body.
      if (count === 0) return wholeBodyLabel(plan, task);
      break;
    }
    // One more character past the label's length: the sentence is cut there.
    if (count === LABEL_LENGTH) return squeeze(text.slice(start, cut), spaces) + '…';
    count++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    if (count === LABEL_LENGTH) cut = i + 1;
  }
  return squeeze(text.slice(start, i), spaces);
}

function squeeze(s: string, spaces: boolean): string {
  return spaces ? s.replace(/[\s\u3000]+/g, '') : s;
}

const SENTENCE_END = new Set([...'。；;！!？?'].map((c) => c.charCodeAt(0)));


function wholeBodyLabel(plan: Plan, task: Task): string {
  const body = taskBody(plan, task);
  const sentence = /^[^。；;！!？?]*/.exec(body)?.[0] || body;
  // A string has at least as many UTF-16 units as characters: short ones need no counting.
  if (sentence.length <= LABEL_LENGTH) return sentence;
  const chars = [...sentence];
  return chars.length > LABEL_LENGTH ? chars.slice(0, LABEL_LENGTH).join('') + '…' : sentence;
}

/**
 * A key unique within the plan: the number, prefixed with the section (and sub-section) numerals
 * when numbering restarts, because "3" alone would then name several tasks. Made once per plan:
 * hovers, outline and the task list ask for them many times per version.
 */
export const taskKeys: (plan: Plan) => readonly string[] = perPlan(computeTaskKeys);

function computeTaskKeys(plan: Plan): string[] {
  const underSub = plan.numberingRestarts && plan.tasks.some((t) => t.restarted && t.subsection && t.subsection.tasks[0] === t);
  const seen = new Map<string, number>();
  return plan.tasks.map((t) => {
    const parts: string[] = [];
    if (plan.numberingRestarts) {
      if (t.section) parts.push(t.section.numeral);
      if (underSub && t.subsection) parts.push(`（${t.subsection.numeral}）`);
    }
    parts.push(t.number);
    const base = parts.join('.');
    // A number written twice still needs two keys; the second one says which occurrence it is.
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

export function taskInfos(plan: Plan): TaskInfo[] {
  const keys = taskKeys(plan);
  return plan.tasks.map((t, i) => ({
    key: keys[i],
    number: t.number,
    section: t.section?.numeral ?? null,
    subsection: t.subsection?.numeral ?? null,
    label: taskLabel(plan, t),
    lead: unique(t.lead.map((m) => m.name)),
    participants: unique(t.participants.map((m) => m.name)),
    // Computed, not read from the spans: reading span.range would keep a range object on every
    // span of the plan for as long as the plan lives (~20 MB for 50,000 tasks).
    range: plan.lines.range(t.spanStart, t.spanEnd),
    selectionRange: plan.lines.range(t.spanStart, t.numberEnd),
  }));
}

/**
 * Rows are departments in order of first mention; a name and its aliases (省发改委, 省发展改革委)
 * share one row, while a former body (省经信委) keeps its own row because the plan assigned the
 * work to it. A department both leading and joining one task counts once, as lead.
 */
export function buildMatrix(plan: Plan, registry: Registry, uri: string): Matrix {
  const tasks = taskInfos(plan);
  const rows: { name: string; preferred: string | null; fullName: string | null; status: MatrixDepartment['status']; leads: number; participates: number }[] = [];
  const rowOf = new Map<string, number>();
  const cells: { department: number; task: number; role: 'lead' | 'participant' }[] = [];
  const row = (name: string): number => {
    const found = registry.lookup(name);
    const key = found ? `registry:${found.department.name}` : `name:${name}`;
    let r = rowOf.get(key);
    if (r === undefined) {
      r = rows.length;
      rowOf.set(key, r);
      rows.push({
        name,
        preferred: found?.department.name ?? null,
        fullName: found?.department.fullName ?? null,
        status: found?.department.status ?? 'unknown',
        leads: 0,
        participates: 0,
      });
    }
    return r;
  };
  plan.tasks.forEach((task, ti) => {
    const roles = new Map<number, 'lead' | 'participant'>();
    for (const m of task.lead) roles.set(row(m.name), 'lead');
    for (const m of task.participants) {
      const r = row(m.name);
      if (!roles.has(r)) roles.set(r, 'participant');
    }
    for (const [department, role] of [...roles].sort((a, b) => a[0] - b[0])) {
      cells.push({ department, task: ti, role });
      if (role === 'lead') rows[department].leads++;
      else rows[department].participates++;
    }
  });
  return { uri, title: plan.title?.text ?? null, tasks, departments: rows, cells };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
