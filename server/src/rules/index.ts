import type { Locale } from '../messages';
import { PlanTask, type TaskReading } from '../model/parser';
import { TextSpan } from '../model/text';
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
import {
  DEFAULT_SEVERITIES,
  type LocalExtra,
  type Problem,
  type ProblemData,
  type Rule,
  type RuleCode,
  type Severity,
  type SeveritySetting,
  type TaskRule,
  type TaskRuleContext,
} from './types';

export * from './types';

/** Rules that read one task's own text: their findings are kept with the task's reading. */
const TASK_RULES: readonly TaskRule[] = [noClause, noLead, departments, leadAlsoParticipant, duplicateDepartment, unbalancedBracket];
/** Rules that compare tasks or headings with each other: run over the whole plan every time. */
const PLAN_RULES: readonly Rule[] = [numbering, missingSeparator, sectionOrder];

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
 * only the task it touched; the rest of the plan's findings are moved to their new offsets.
 */
const kept = new WeakMap<TaskReading, Judged>();

interface Judged {
  readonly registry: Registry;
  readonly locale: Locale;
  readonly severities: CheckOptions['severities'];
  readonly findings: readonly Finding[];
}

/** Shared by every reading without findings (not frozen, for the reason given in model/parser.ts). */
const NONE: readonly Finding[] = [];

/** Judges readings for one environment, with one context object for all tasks (this runs per task per parse). */
class Judge implements TaskRuleContext {
  reading!: TaskReading;
  private findings: Finding[] | null = null;

  constructor(
    readonly registry: Registry,
    readonly locale: Locale,
    private readonly severities: CheckOptions['severities'],
  ) {}

  findingsOf(reading: TaskReading): readonly Finding[] {
    const hit = kept.get(reading);
    if (hit && hit.registry === this.registry && hit.locale === this.locale && hit.severities === this.severities) return hit.findings;
    this.reading = reading;
    this.findings = null;
    for (const rule of TASK_RULES) rule(this);
    const findings = this.findings ?? NONE;
    kept.set(reading, { registry: this.registry, locale: this.locale, severities: this.severities, findings });
    return findings;
  }

  report(code: RuleCode, start: number, end: number, message: string, extra: LocalExtra = {}): void {
    const severity = this.severities?.[code] ?? DEFAULT_SEVERITIES[code];
    if (severity === 'off') return;
    (this.findings ??= []).push({ code, severity, start, end, message, related: extra.related, data: extra.data, ofTask: extra.ofTask ?? true });
  }
}

/** Runs every rule over a parsed plan; problems come back in document order. */
export function checkPlan(plan: Plan, registry: Registry, options: CheckOptions = {}): Problem[] {
  const locale = options.locale ?? 'zh-cn';
  const problems: Problem[] = [];
  const judge = new Judge(registry, locale, options.severities);
  const { lines } = plan;
  for (const task of plan.tasks) {
    // The task rules judge readings, which only a plan made by parsePlan carries.
    if (!(task instanceof PlanTask)) throw new Error('checkPlan needs a plan made by parsePlan');
    const { base, reading } = task;
    for (const f of judge.findingsOf(reading)) {
      problems.push({
        code: f.code,
        severity: f.severity,
        span: new TextSpan(base + f.start, base + f.end, lines),
        message: f.message,
        related: f.related?.map((r) => ({ span: new TextSpan(base + r.start, base + r.end, lines), message: r.message })),
        task: f.ofTask ? task.index : undefined,
        data: f.data,
      });
    }
  }
  const ctx = {
    plan,
    registry,
    locale,
    report(code: RuleCode, span: Problem['span'], message: string, extra: Pick<Problem, 'related' | 'task' | 'data'> = {}) {
      const severity = options.severities?.[code] ?? DEFAULT_SEVERITIES[code];
      if (severity === 'off') return;
      problems.push({ code, severity, span, message, related: extra.related, task: extra.task, data: extra.data });
    },
  };
  for (const rule of PLAN_RULES) rule(ctx);
  problems.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return problems;
}
