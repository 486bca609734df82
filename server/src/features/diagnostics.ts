/** Problems of the core as LSP diagnostics: rule code, source, related places, fix data. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Problem, ProblemData, RuleCode, Severity } from '../rules/types';

export const SOURCE = 'fengong';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix reads back from a diagnostic: the problem's data and the task it concerns. */
export interface DiagnosticData extends ProblemData {
  readonly task?: number;
}

export function toDiagnostics(uri: string, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((p) => {
    const d: Diagnostic = {
      range: p.span.range,
      severity: SEVERITY[p.severity],
      code: p.code,
      source: SOURCE,
      message: p.message,
    };
    if (p.related?.length) d.relatedInformation = p.related.map((r) => ({ location: { uri, range: r.span.range }, message: r.message }));
    const data: DiagnosticData = { ...p.data, task: p.task };
    d.data = data;
    return d;
  });
}

export function ruleCodeOf(d: Diagnostic): RuleCode | null {
  return d.source === SOURCE && typeof d.code === 'string' ? (d.code as RuleCode) : null;
}
