/** The core in one call: parse a plan and check it against a registry. Knows nothing about LSP. */
import { parsePlan, type ParseOptions } from './model/parser';
import type { Plan } from './model/types';
import type { Registry } from './registry/registry';
import { checkPlan, type CheckOptions, type Problem } from './rules';

export interface AnalysisOptions extends ParseOptions, CheckOptions {}

export interface Analysis {
  readonly plan: Plan;
  readonly problems: readonly Problem[];
}

export function analyse(text: string, registry: Registry, options: AnalysisOptions = {}): Analysis {
  const plan = parsePlan(text, options);
  return { plan, problems: checkPlan(plan, registry, options) };
}
