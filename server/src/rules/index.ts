import type { Locale } from '../messages';
import { planColumns, planTask, ReadingView, RESHAPED, type Reshape, type TaskReading } from '../model/parser';
import { TextSpan } from '../model/text';
import { keepJudge } from '../model/shapes';
import type { Plan } from '../model/types';
import type { Registry } from '../registry/registry';
import { unbalancedBracket } from './brackets';
import { departments } from './departments';
import { duplicateDepartment } from './duplicateDepartment';
import { leadAlsoParticipant } from './leadAlsoParticipant';
import { missingSeparator } from './missingSeparator';
import { noClause } from './noClause';
import { noLead } from './noLead';
import { numbering } from './numbering';
import { sectionOrder } from './sectionOrder';
import { tableWithoutNumbers } from './tableWithoutNumbers';
import {
  DEFAULT_SEVERITIES,
  type LocalExtra,
  type Problem,
  type ProblemData,
  type Rule,
  type RuleCode,
  type Severity,
  type SeveritySetting,
  type TaskRuleContext,
} from './types';

export * from './types';

/** Rules that compare tasks or headings with each other: run over the whole plan every time. */
const PLAN_RULES: readonly Rule[] = [numbering, missingSeparator, sectionOrder, tableWithoutNumbers];

export interface CheckOptions {
  readonly locale?: Locale;
  readonly severities?: Partial<Record<RuleCode, SeveritySetting>>;
}

/** A task rule's finding, offsets relative to the task's first line. */
interface Finding {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly related: LocalExtra['related'];
  readonly data: ProblemData | undefined;
  readonly ofTask: boolean;
}

/**
 * Findings per reading, for the environment they were made in. A reading is shared by every
 * version of the document in which the task's text is unchanged (TaskCache), so a keystroke judges
 * only the task it touched; the rest of the plan's findings are moved to their new offsets. Kept
 * in the reading's own `judged` slot.
 */
/** What findings depend on besides the text: they are reused only where all three are the same. */
interface JudgedIn {
  readonly registry: Registry;
  readonly locale: Locale;
  readonly severities: CheckOptions['severities'];
}

function sameEnvironment(a: JudgedIn, b: JudgedIn): boolean {
  return a.registry === b.registry && a.locale === b.locale && a.severities === b.severities;
}

interface Judged extends JudgedIn {
  readonly findings: readonly Finding[];
}

/** Shared by every reading without findings (not frozen, for the reason given in model/parser.ts). */
const NONE: readonly Finding[] = [];

let NOTHING: Judged | undefined;

/** Judges readings for one environment, with one context object for all tasks (this runs per task per parse). */
class Judge implements TaskRuleContext, JudgedIn {
  reading!: TaskReading;
  private findings: Finding[] | null = null;

  constructor(
    readonly registry: Registry,
    readonly locale: Locale,
    readonly severities: CheckOptions['severities'],
  ) {
    keepJudge(this);
  }

  findingsOf(reading: TaskReading): readonly Finding[] {
    const hit = reading.judged as Judged | undefined;
    if (hit && sameEnvironment(hit, this)) return hit.findings;
    this.reading = reading;
    this.findings = null;
    // The rules that read one task's own text (their findings are kept with the task's reading),
    // called one by one: six call sites the compiler can inline, where one site calling six rules
    // in turn could not (this runs per task per parse). Each mention's registry key was found as it
    // was read (once per spelling): block.key().
    noClause(this);
    noLead(this);
    departments(this);
    leadAlsoParticipant(this);
    duplicateDepartment(this);
    unbalancedBracket(this);
    // Kept as long as the reading: a copy of exactly its length, not the pushed list with its spare room.
    const pushed = this.findings as Finding[] | null;
    const findings = pushed ? pushed.slice() : NONE;
    reading.judged = findings === NONE ? this.nothing() : { registry: this.registry, locale: this.locale, severities: this.severities, findings };
    return findings;
  }

  /** The verdict of most tasks, one record for all of them in this environment (not one per task). */
  private nothing(): Judged {
    const n = NOTHING;
    if (n && sameEnvironment(n, this)) return n;
    return (NOTHING = { registry: this.registry, locale: this.locale, severities: this.severities, findings: NONE });
  }

  report(code: RuleCode, start: number, end: number, message: string, extra: LocalExtra = {}): void {
    const severity = this.severities?.[code] ?? DEFAULT_SEVERITIES[code];
    if (severity === 'off') return;
    (this.findings ??= []).push({ code, severity, start, end, message, related: extra.related, data: extra.data, ofTask: extra.ofTask ?? true });
  }
}

/**
 * What checkPlan found in a plan, for the plan of the next version when that plan was made by
 * moving this one (parser.ts, Reshape): the task rules' problems in task order with the task each
 * came from, and the plan rules' problems.
 */
interface Checked extends JudgedIn {
  readonly taskProblems: readonly Problem[];
  readonly from: readonly number[];
  readonly planProblems: readonly Problem[];
}
const checked = new WeakMap<Plan, Checked>();

/** The findings of task `index`, which starts at `base`, as problems of this version. */
function emit(index: number, base: number, findings: readonly Finding[], lines: Plan['lines'], out: Problem[], from: number[]): void {
  for (const f of findings) {
    out.push({
      code: f.code,
      severity: f.severity,
      span: new TextSpan(base + f.start, base + f.end, lines),
      message: f.message,
      related: f.related?.map((r) => ({ span: new TextSpan(base + r.start, base + r.end, lines), message: r.message })),
      task: f.ofTask ? index : undefined,
      data: f.data,
    });
    from.push(index);
  }
}

/** A problem of the last version at its place in this one: offsets moved by `move`, spans made on this version's lines. */
function moved(p: Problem, move: (o: number) => number, lines: Plan['lines']): Problem {
  // Every field written out, in the order emit() writes them: one object shape for all problems.
  return {
    code: p.code,
    severity: p.severity,
    span: new TextSpan(move(p.span.start), move(p.span.end), lines),
    message: p.message,
    related: p.related?.map((r) => ({ span: new TextSpan(move(r.span.start), move(r.span.end), lines), message: r.message })),
    task: p.task,
    data: p.data,
  };
}

/** Whether a problem has an offset at or inside the edit, where moving it could be wrong either way. */
function touches(p: Problem, shape: Reshape): boolean {
  const at = (o: number) => o >= shape.prefix && o <= shape.oldSuffix;
  return at(p.span.start) || at(p.span.end) || (p.related?.some((r) => at(r.span.start) || at(r.span.end)) ?? false);
}

/** Runs every rule over a parsed plan; problems come back in document order. */
export function checkPlan(plan: Plan, registry: Registry, options: CheckOptions = {}): Problem[] {
  const locale = options.locale ?? 'zh-cn';
  const severities = options.severities;
  const judge = new Judge(registry, locale, severities);
  const { lines } = plan;
  // A plan moved from the last version's (one task read again) gets the last version's problems moved.
  const shape = RESHAPED.get(plan);
  RESHAPED.delete(plan);
  const last = shape && checked.get(shape.previous);
  const carried = shape && last && sameEnvironment(last, judge) ? last : undefined;
  const taskProblems: Problem[] = [];
  const from: number[] = [];
  if (shape && carried) {
    // The edited task alone: the others' problems are moved, and their tasks need not be made.
    const edited = shape.task >= 0 ? planTask(plan, shape.task) : null;
    const fresh = () => {
      if (edited) emit(edited.index, edited.base, judge.findingsOf(edited.reading), lines, taskProblems, from);
    };
    const before = (o: number) => o;
    const after = (o: number) => o + shape.delta;
    let done = false;
    for (let k = 0; k < carried.taskProblems.length; k++) {
      const task = carried.from[k];
      if (task < shape.after && task !== shape.task) {
        taskProblems.push(moved(carried.taskProblems[k], before, lines));
        from.push(task);
        continue;
      }
      if (!done) {
        fresh();
        done = true;
      }
      if (task >= shape.after) {
        taskProblems.push(moved(carried.taskProblems[k], after, lines));
        from.push(task);
      }
    }
    if (!done) fresh();
  } else {
    // The task rules judge readings, which only a plan made by parsePlan carries; read from its
    // columns, no task is made.
    // One view of the readings, moved from row to row: no record per task.
    const { cols } = planColumns(plan);
    // (A plan of no task has no row to view.)
    const view = cols.count > 0 ? new ReadingView(cols.readings, 0) : null;
    for (let k = 0; view && k < cols.count; k++) {
      view.moveTo(k);
      emit(k, cols.bases[k], judge.findingsOf(view), lines, taskProblems, from);
    }
  }
  let planProblems: Problem[];
  if (shape && carried && !carried.planProblems.some((p) => touches(p, shape))) {
    // Numbers, separators and headings are as they were: the plan rules would find the same.
    const move = (o: number) => (o < shape.prefix ? o : o + shape.delta);
    planProblems = carried.planProblems.map((p) => moved(p, move, lines));
  } else {
    planProblems = [];
    const ctx = {
      plan,
      registry,
      locale,
      report(code: RuleCode, span: Problem['span'], message: string, extra: Pick<Problem, 'related' | 'task' | 'data'> = {}) {
        const severity = severities?.[code] ?? DEFAULT_SEVERITIES[code];
        if (severity === 'off') return;
        planProblems.push({ code, severity, span, message, related: extra.related, task: extra.task, data: extra.data });
      },
    };
    for (const rule of PLAN_RULES) rule(ctx);
  }
  checked.set(plan, { registry, locale, severities, taskProblems, from, planProblems });
  const problems = taskProblems.concat(planProblems);
  problems.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return problems;
}
