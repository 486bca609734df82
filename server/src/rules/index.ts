import type { Locale } from '../messages';
import { PlanTask, type TaskReading } from '../model/parser';
import { TextSpan } from '../model/text';
import type { Plan, Task } from '../model/types';
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
const kept = new WeakMap<TaskReading, { registry: Registry; locale: Locale; severities: CheckOptions['severities']; findings: readonly Finding[] }>();

function findingsOf(task: Task, reading: TaskReading, registry: Registry, options: CheckOptions, locale: Locale): readonly Finding[] {
  const hit = kept.get(reading);
  if (hit && hit.registry === registry && hit.locale === locale && hit.severities === options.severities) return hit.findings;
  const findings: Finding[] = [];
  const ctx = {
    task,
    reading,
    registry,
    locale,
    report(code: RuleCode, start: number, end: number, message: string, extra: LocalExtra = {}) {
      const severity = options.severities?.[code] ?? DEFAULT_SEVERITIES[code];
      if (severity === 'off') return;
      findings.push({ code, severity, start, end, message, related: extra.related, data: extra.data, ofTask: extra.ofTask ?? true });
    },
  };
  for (const rule of TASK_RULES) rule(ctx);
  kept.set(reading, { registry, locale, severities: options.severities, findings });
  return findings;
}

/** Runs every rule over a parsed plan; problems come back in document order. */
export function checkPlan(plan: Plan, registry: Registry, options: CheckOptions = {}): Problem[] {
  const locale = options.locale ?? 'zh-cn';
  const problems: Problem[] = [];
  for (const task of plan.tasks) {
    // The task rules judge readings, which only a plan made by parsePlan carries.
    if (!(task instanceof PlanTask)) throw new Error('checkPlan needs a plan made by parsePlan');
    const { base, reading } = task;
    const span = (start: number, end: number) => new TextSpan(base + start, base + end, plan.lines);
    for (const f of findingsOf(task, reading, registry, options, locale)) {
      problems.push({
        code: f.code,
        severity: f.severity,
        span: span(f.start, f.end),
        message: f.message,
        related: f.related?.map((r) => ({ span: span(r.start, r.end), message: r.message })),
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
