import type { Locale } from '../messages';
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
import { DEFAULT_SEVERITIES, type Problem, type Rule, type RuleCode, type SeveritySetting } from './types';

export * from './types';

const RULES: readonly Rule[] = [
  noClause,
  noLead,
  departments,
  leadAlsoParticipant,
  duplicateDepartment,
  numbering,
  missingSeparator,
  sectionOrder,
  unbalancedBracket,
];

export interface CheckOptions {
  readonly locale?: Locale;
  readonly severities?: Partial<Record<RuleCode, SeveritySetting>>;
}

/** Runs every rule over a parsed plan; problems come back in document order. */
export function checkPlan(plan: Plan, registry: Registry, options: CheckOptions = {}): Problem[] {
  const locale = options.locale ?? 'zh-cn';
  const problems: Problem[] = [];
  const severity = (code: RuleCode): SeveritySetting => options.severities?.[code] ?? DEFAULT_SEVERITIES[code];
  const ctx = {
    plan,
    registry,
    locale,
    report(code: RuleCode, span: Problem['span'], message: string, extra: Pick<Problem, 'related' | 'task' | 'data'> = {}) {
      const s = severity(code);
      if (s === 'off') return;
      problems.push({ code, severity: s, span, message, related: extra.related, task: extra.task, data: extra.data });
    },
  };
  for (const rule of RULES) rule(ctx);
  problems.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return problems;
}
