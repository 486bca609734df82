/** The CLI's output formats. The JSON shape is a contract that users' scripts rely on. */
import type { Analysis } from '../analysis';
import type { Locale } from '../messages';
import type { Range } from '../model/text';
import { RULE_CODES, DEFAULT_SEVERITIES, type Problem, type Severity } from '../rules';
import { ruleDescription } from './strings';

export interface FileResult {
  /** The path as given (or found under a directory), for output. */
  readonly file: string;
  readonly analysis: Analysis;
  readonly encoding: string;
}

export interface JsonPlan {
  file: string;
  convention: 'first-listed' | null;
  sections: { number: string; title: string; line: number }[];
  subsections: { number: string; title: string; line: number; section: string | null }[];
  tasks: {
    number: string;
    section: string | null;
    subsection: string | null;
    line: number;
    lead: string[];
    participants: string[];
    deadlines: string[];
    range: Range;
  }[];
  diagnostics: { code: string; severity: Severity; message: string; range: Range }[];
}

export function toJson(r: FileResult): JsonPlan {
  const { plan, problems } = r.analysis;
  return {
    file: r.file,
    convention: plan.convention ? 'first-listed' : null,
    sections: plan.sections.map((s) => ({ number: s.numeral, title: s.title, line: s.line })),
    subsections: plan.subsections.map((s) => ({ number: s.numeral, title: s.title, line: s.line, section: s.section?.numeral ?? null })),
    tasks: plan.tasks.map((t) => ({
      number: t.number,
      section: t.section?.numeral ?? null,
      subsection: t.subsection?.numeral ?? null,
      line: t.line,
      lead: t.lead.map((m) => m.name),
      participants: t.participants.map((m) => m.name),
      deadlines: t.deadlines.map((d) => d.text),
      range: t.span.range,
    })),
    diagnostics: problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, range: p.span.range })),
  };
}

/** Compiler style, 1-based: file:line:col: severity code message */
export function toText(r: FileResult): string[] {
  return r.analysis.problems.map((p) => textLine(r.file, p));
}

export function textLine(file: string, p: Problem): string {
  const { line, character } = p.span.range.start;
  return `${file}:${line + 1}:${character + 1}: ${p.severity} ${p.code} ${p.message}`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 with columns in UTF-16 code units, as LSP counts them. */
export function toSarif(results: readonly FileResult[], version: string, locale: Locale): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fengong',
            version,
            informationUri: 'https://example.invalid/fengong',
            rules: RULE_CODES.map((code) => ({
              id: code,
              name: code,
              shortDescription: { text: ruleDescription(code, locale) },
              defaultConfiguration: { level: DEFAULT_SEVERITIES[code] === 'off' ? 'none' : SARIF_LEVEL[DEFAULT_SEVERITIES[code] as Severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: { uri: toUri(r.file) }, encoding: r.encoding })),
        results: results.flatMap((r, artifactIndex) =>
          r.analysis.problems.map((p) => ({
            ruleId: p.code,
            ruleIndex: RULE_CODES.indexOf(p.code),
            level: SARIF_LEVEL[p.severity],
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(r.file), index: artifactIndex },
                  region: {
                    startLine: p.span.range.start.line + 1,
                    startColumn: p.span.range.start.character + 1,
                    endLine: p.span.range.end.line + 1,
                    endColumn: p.span.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}
