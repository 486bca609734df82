/** Problems of the core as LSP diagnostics: rule code, source, related places, fix data. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Problem, RuleCode, Severity } from '../rules/types';

export const SOURCE = 'fengong';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

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
    // No `data`: quick fixes find the problem again in the analysis of the version asked about, so
    // a copy of each problem's fix data would only lengthen every publish (~15 % of it), which a
    // long plan sends on every keystroke.
    return d;
  });
}

export function ruleCodeOf(d: Diagnostic): RuleCode | null {
  return d.source === SOURCE && typeof d.code === 'string' ? (d.code as RuleCode) : null;
}
