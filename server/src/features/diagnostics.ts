/** Problems of the core as LSP diagnostics: rule code, source, related places, fix data. */
import { DiagnosticSeverity, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
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

/** Whether two lists of diagnostics would serialise alike: same places, codes, severities and messages. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || !sameRange(x.range, y.range)) return false;
    const rx = x.relatedInformation;
    const ry = y.relatedInformation;
    if ((rx?.length ?? 0) !== (ry?.length ?? 0)) return false;
    for (let j = 0; rx && ry && j < rx.length; j++) {
      if (rx[j].message !== ry[j].message || rx[j].location.uri !== ry[j].location.uri || !sameRange(rx[j].location.range, ry[j].location.range)) return false;
    }
  }
  return true;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Pull diagnostics with result ids (LSP 3.17, textDocument/diagnostic). Most keystrokes stay within
 * one line and leave every diagnostic where it was: positions are lines and characters, so only
 * diagnostics on the edited line could move. Such a version is answered "unchanged" with the
 * result id the client already holds, and nothing is sent again; a 50,000-task plan's full report
 * is ~8,000 diagnostics, ~2 MB of JSON per keystroke otherwise.
 */
export class DiagnosticReports {
  private readonly last = new Map<string, { resultId: string; items: Diagnostic[]; problems: readonly Problem[] }>();
  /**
   * Ids start with this server's own prefix: after a restart the client may still send an id of
   * the last server's, which must never match one of ours by chance.
   */
  private readonly prefix = `${process.pid.toString(36)}.${Date.now().toString(36)}.`;
  private next = 0;

  report(uri: string, problems: readonly Problem[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    // The same analysis asked again (a tab shown again, a second view): nothing to compare.
    const items = last && last.problems === problems ? last.items : toDiagnostics(uri, problems);
    if (last && (items === last.items || sameDiagnostics(last.items, items))) {
      this.last.set(uri, { resultId: last.resultId, items: last.items, problems });
      return previousResultId === last.resultId ? { kind: 'unchanged', resultId: last.resultId } : { kind: 'full', resultId: last.resultId, items: last.items };
    }
    const resultId = this.prefix + ++this.next;
    this.last.set(uri, { resultId, items, problems });
    return { kind: 'full', resultId, items };
  }

  /** The document closed: the next report of it is full, whatever id the client still holds. */
  forget(uri: string): void {
    this.last.delete(uri);
  }
}
