import type { Locale } from '../messages';
import type { TaskReading } from '../model/parser';
import type { Plan, Span } from '../model/types';
import type { Registry } from '../registry/registry';

export const RULE_CODES = [
  'no-clause',
  'no-lead',
  'unknown-department',
  'outdated-department',
  'alias-department',
  'lead-also-participant',
  'duplicate-department',
  'numbering-gap',
  'duplicate-number',
  'missing-separator',
  'section-order',
  'unbalanced-bracket',
  'table-without-numbers',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Every value a rule's severity may be set to (settings and --rule alike). */
export const SEVERITY_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'] satisfies readonly SeveritySetting[];

export const DEFAULT_SEVERITIES: Readonly<Record<RuleCode, SeveritySetting>> = {
  'no-clause': 'error',
  'no-lead': 'error',
  'unknown-department': 'warning',
  'outdated-department': 'warning',
  'alias-department': 'info',
  'lead-also-participant': 'warning',
  'duplicate-department': 'warning',
  'numbering-gap': 'warning',
  'duplicate-number': 'error',
  'missing-separator': 'warning',
  'section-order': 'warning',
  'unbalanced-bracket': 'error',
  'table-without-numbers': 'warning',
};

/** One finding: stable code, exact place, message in the user's language, and what a quick fix needs. */
export interface Problem {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
  /** Index of the task it belongs to, if any. */
  readonly task?: number;
  readonly data?: ProblemData;
}

export interface ProblemData {
  readonly suggestions?: readonly string[];
  readonly successors?: readonly string[];
  readonly preferred?: string;
  readonly separator?: string;
  readonly name?: string;
}

export interface RuleContext {
  readonly plan: Plan;
  readonly registry: Registry;
  readonly locale: Locale;
  report(code: RuleCode, span: Span, message: string, extra?: Pick<Problem, 'related' | 'task' | 'data'>): void;
}

export type Rule = (ctx: RuleContext) => void;

/**
 * A rule that looks only at one task's own text. It reports with offsets relative to the start of
 * the task's first line, so what it finds stays true for as long as that text is unchanged — and is
 * kept with the task's reading (rules/index.ts) rather than found again on every keystroke.
 */
export interface TaskRuleContext {
  /** Only the reading: findings are kept with it, so they may depend on nothing else of the task. */
  readonly reading: TaskReading;
  readonly registry: Registry;
  readonly locale: Locale;
  report(code: RuleCode, start: number, end: number, message: string, extra?: LocalExtra): void;
}

export interface LocalExtra {
  readonly related?: readonly { readonly start: number; readonly end: number; readonly message: string }[];
  readonly data?: ProblemData;
  /** False for findings that belong to no task (an unbalanced bracket); true by default. */
  readonly ofTask?: boolean;
}

export type TaskRule = (ctx: TaskRuleContext) => void;
