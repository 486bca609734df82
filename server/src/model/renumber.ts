/**
 * Renumbering as pure text edits: tasks become 1..n in document order (or 1..n per section or
 * sub-section where the plan's numbering restarts), and "第12项" in prose follows its task.
 */
import { numberLike } from './lexicon';
import { perPlan } from './perPlan';
import type { Range } from './text';
import type { Plan, Task } from './types';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
  readonly start: number;
  readonly end: number;
}

/** Where a restarting plan starts again at 1: at each section, or at each sub-section. */
function restartUnit(plan: Plan): 'none' | 'section' | 'subsection' {
  if (!plan.numberingRestarts) return 'none';
  const bySub = plan.tasks.some((t) => t.restarted && t.subsection && t.subsection.tasks[0] === t && t.section && t.section.tasks[0] !== t);
  return bySub ? 'subsection' : 'section';
}

/** The number each task should carry. */
export function targetNumbers(plan: Plan): number[] {
  const unit = restartUnit(plan);
  const out: number[] = [];
  let n = 0;
  let prev: Task | null = null;
  for (const task of plan.tasks) {
    const group = (t: Task) => (unit === 'section' ? t.section : unit === 'subsection' ? (t.subsection ?? t.section) : null);
    if (prev && unit !== 'none' && group(task) !== group(prev)) n = 0;
    out.push(++n);
    prev = task;
  }
  return out;
}

/**
 * The edits, made once per plan: quick fixes and the source action are asked for on every cursor
 * move (and once more per numbering problem in a request), the renumber command once more.
 */
export const renumberEdits: (plan: Plan) => readonly TextEdit[] = perPlan(makeEdits);

function makeEdits(plan: Plan): TextEdit[] {
  const targets = targetNumbers(plan);
  const edits: TextEdit[] = [];
  plan.tasks.forEach((task, i) => {
    const wanted = numberLike(targets[i], task.number);
    if (task.number !== wanted) edits.push({ start: task.numberSpan.start, end: task.numberSpan.end, range: task.numberSpan.range, newText: wanted });
  });
  for (const ref of plan.crossReferences) {
    const task = referencedTaskIndex(plan, ref.value, ref.span.start);
    if (task === null) continue;
    const written = plan.text.slice(ref.numberSpan.start, ref.numberSpan.end);
    const wanted = numberLike(targets[task], written);
    if (written !== wanted) {
      edits.push({ start: ref.numberSpan.start, end: ref.numberSpan.end, range: ref.numberSpan.range, newText: wanted });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** The first task numbered `value` (within the section the reference stands in, if numbering restarts). */
export function referencedTaskIndex(plan: Plan, value: number, at: number): number | null {
  const candidates = tasksByValue(plan).get(value);
  if (!candidates) return null;
  if (candidates.length > 1 && plan.numberingRestarts) {
    const here = plan.sections.find((s) => s.extent.start <= at && at <= s.extent.end);
    const local = candidates.find((t) => t.section === here);
    if (local) return local.index;
  }
  return candidates[0].index;
}

/** Tasks by number, in document order, per plan: each reference looked up without a scan of all tasks. */
const tasksByValue = perPlan((plan): Map<number, Task[]> => {
  const index = new Map<number, Task[]>();
  for (const t of plan.tasks) {
    const list = index.get(t.value);
    if (list) list.push(t);
    else index.set(t.value, [t]);
  }
  return index;
});

/** Applies edits (non-overlapping) to a text; used by tests and by anything that previews. */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'start' | 'end' | 'newText'>[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
