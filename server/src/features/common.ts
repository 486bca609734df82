/** What every feature receives: one analysed plan document. No LSP connection, no I/O. */
import type { Locale } from '../messages';
import { lastAtMost, type Range } from '../model/text';
import type { Mention, Plan, Role, Task } from '../model/types';
import type { Registry } from '../registry/registry';
import { perPlan, perPlanOf } from '../model/perPlan';
import { registryKey } from '../registry/registry';
import type { Problem } from '../rules/types';

/**
 * A whole-document answer (outline, folding, tokens, lenses) made once per analysis. VS Code asks
 * for the same version's outline from several places (outline view, breadcrumbs, sticky scroll),
 * and on a 50,000-task plan each answer is ~50,000 objects. An analysis is made for one text and
 * one environment (DocumentCache), so its plan object identifies everything the answer depends on.
 */
export function perAnalysis<R>(fn: (doc: PlanDocument) => R): (doc: PlanDocument) => R {
  return perPlanOf((doc: PlanDocument) => doc.plan, fn);
}

export interface PlanDocument {
  readonly uri: string;
  readonly plan: Plan;
  readonly problems: readonly Problem[];
  readonly registry: Registry;
  readonly locale: Locale;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * LSP positions for offsets visited roughly in document order (the outline, semantic tokens,
 * folding). Walking forward from the last line found is cheaper than a binary search per offset,
 * and the ranges are not kept on the plan's spans: a 50,000-task outline would otherwise leave
 * ~20 MB of range objects behind on a plan that the next keystroke replaces anyway.
 */
export class PositionCursor {
  private line = 0;
  private readonly starts: Int32Array;
  private readonly length: number;

  constructor(plan: Plan) {
    this.starts = plan.lines.lineStarts;
    this.length = plan.text.length;
  }

  lineOf(offset: number): number {
    const starts = this.starts;
    const o = Math.max(0, Math.min(offset, this.length));
    let line = this.line;
    if (starts[line] <= o) {
      // A few lines forward is the usual case; further than that, search.
      for (let k = 0; k < 8 && line + 1 < starts.length && starts[line + 1] <= o; k++) line++;
      if (line + 1 < starts.length && starts[line + 1] <= o) line = lastAtMost(starts, o, line + 1);
    } else line = lastAtMost(starts, o, 0, line - 1);
    this.line = line;
    return line;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: Math.max(0, Math.min(offset, this.length)) - this.starts[line] };
  }

  range(span: { readonly start: number; readonly end: number }): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }
}

/** The mention whose span holds the offset (a cursor just after the last character counts). */
export function mentionAt(plan: Plan, offset: number): { task: Task; mention: Mention } | null {
  const task = taskAt(plan, offset);
  if (!task) return null;
  for (const mention of task.mentions) if (mention.span.start <= offset && offset <= mention.span.end) return { task, mention };
  return null;
}

export function taskAt(plan: Plan, offset: number): Task | null {
  // Tasks are in document order; a binary search keeps this cheap on 1,000-task plans.
  let lo = 0;
  let hi = plan.tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = plan.tasks[mid];
    if (offset < t.spanStart) hi = mid - 1;
    else if (offset > t.spanEnd) lo = mid + 1;
    else return t;
  }
  return null;
}

/** The last task that starts before the offset, by binary search (tasks are in document order). */
export function lastTaskBefore(plan: Plan, offset: number): Task | null {
  let lo = 0;
  let hi = plan.tasks.length - 1;
  let found: Task | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (plan.tasks[mid].spanStart < offset) {
      found = plan.tasks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}


/** Names compare as the registry compares them: brackets and spaces do not matter. */
export function sameName(a: string, b: string): boolean {
  return registryKey(a) === registryKey(b);
}

/**
 * Tasks by the registry keys of the names they mention, per analysed plan. Hover, highlights,
 * references and rename all look a name up in the whole plan; on a 50,000-task plan one scan is
 * ~180,000 mentions, so it is done once per version, not once per request. Task indices (not
 * mention objects) keep the index small.
 */
const tasksByKey = perPlan((plan): Map<string, number[]> => {
  const index = new Map<string, number[]>();
  for (const task of plan.tasks) {
    // Each name's key was found as its clause was read: no name is keyed again here.
    task.forEachName((_role, _name, _start, _end, _written, k) => {
      const list = index.get(k);
      if (!list) index.set(k, [task.index]);
      else if (list[list.length - 1] !== task.index) list.push(task.index);
    });
  }
  return index;
});

function tasksMentioning(plan: Plan, key: string): readonly number[] {
  return tasksByKey(plan).get(key) ?? [];
}

/** A mention as its task, role, document offsets and the text as written: no span, nothing kept by the task. */
export interface MentionPlace {
  readonly task: Task;
  readonly role: Role;
  readonly start: number;
  readonly end: number;
  readonly written: string;
}

/**
 * Every mention in the plan of a name, in document order, as places. Hover, highlights, references,
 * definition, rename and "replace everywhere" read a common name's every mention: mention objects
 * would make each mentioning task's spans, and the task keeps them (~15 MB of a 50,000-task plan's
 * heap after a few requests).
 */
export function mentionPlacesOf(plan: Plan, name: string): MentionPlace[] {
  const key = registryKey(name);
  const out: MentionPlace[] = [];
  for (const i of tasksMentioning(plan, key)) {
    const task = plan.tasks[i];
    task.forEachName((role, _name, start, end, written, named) => {
      if (named === key) out.push({ task, role, start, end, written });
    });
  }
  return out;
}

/**
 * Escapes text from the document or a registry for Markdown: every ASCII punctuation character
 * CommonMark lets one escape, so names can never open links, emphasis, HTML or command URIs.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:$%;@^]/g, '\\$&').replace(/\r?\n|\r/g, ' ');
}

export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
