/**
 * Semantic tokens and code lenses.
 *
 * Token legend (standard types, so every theme colours them without configuration):
 *   section/sub-section numeral → namespace · task number → number · lead department → class
 *   (+declaration) · participant → variable · department not in the registry → type ·
 *   deadline → string. Modifier `deprecated` marks a department renamed, merged or abolished.
 */
import type { CodeLens, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { t } from '../messages';
import type { Plan, Span } from '../model/types';
import { PositionCursor, type PlanDocument } from './common';

export const TOKEN_TYPES = ['namespace', 'number', 'class', 'variable', 'type', 'string'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

const DECLARATION = 1 << 0;
const DEPRECATED = 1 << 1;
const TYPE: Record<TokenType, number> = { namespace: 0, number: 1, class: 2, variable: 3, type: 4, string: 5 };

/**
 * Tokens are gathered as flat numbers (start, end, type, modifiers), four per token, and encoded in
 * one pass with a forward position cursor: VS Code asks for every token after every edit, and a
 * 50,000-task plan has a quarter of a million of them.
 */
export function semanticTokens(doc: PlanDocument): SemanticTokens {
  const { plan, registry } = doc;
  const tokens: number[] = [];
  const add = (span: Pick<Span, 'start' | 'end'>, type: TokenType, modifiers: number) => tokens.push(span.start, span.end, TYPE[type], modifiers);
  // Whether a name is known and current, once per name rather than once per mention.
  const kinds = new Map<string, number>();
  const kindOf = (name: string): number => {
    let k = kinds.get(name);
    if (k === undefined) {
      const found = registry.lookup(name);
      k = !found ? UNKNOWN : found.department.status !== 'active' ? DEPRECATED : 0;
      kinds.set(name, k);
    }
    return k;
  };
  const headings = [...plan.sections, ...plan.subsections].sort((a, b) => a.numeralSpan.start - b.numeralSpan.start);
  let h = 0;
  for (const task of plan.tasks) {
    while (h < headings.length && headings[h].numeralSpan.start < task.numberSpan.start) add(headings[h++].numeralSpan, 'namespace', 0);
    add(task.numberSpan, 'number', 0);
    task.forEachName((role, name, start, end) => {
      const kind = kindOf(name);
      if (kind === UNKNOWN) add({ start, end }, 'type', 0);
      else if (role === 'lead') add({ start, end }, 'class', DECLARATION | kind);
      else add({ start, end }, 'variable', kind);
    });
    task.forEachDeadline((start, end) => add({ start, end }, 'string', 0));
  }
  while (h < headings.length) add(headings[h++].numeralSpan, 'namespace', 0);
  return { data: encode(plan, tokens) };
}

/** Not a modifier: marks a name the registry does not know, in kindOf's cache. */
const UNKNOWN = -1;

/** LSP's relative encoding; tokens may not span lines, so a multi-line span is cut per line. */
function encode(plan: Plan, tokens: number[]): number[] {
  const count = tokens.length / 4;
  // Tokens come almost in document order (a deadline may precede a task's mentions): sort only if needed.
  let order: number[] | null = null;
  for (let k = 1; k < count; k++) {
    if (tokens[4 * k] < tokens[4 * (k - 1)]) {
      order = Array.from({ length: count }, (_, i) => i).sort((a, b) => tokens[4 * a] - tokens[4 * b] || a - b);
      break;
    }
  }
  const at = new PositionCursor(plan);
  const { lines } = plan;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastLine = -1;
  let lastEnd = 0;
  const piece = (line: number, from: number, to: number, type: number, modifiers: number) => {
    // Overlapping tokens are not allowed; the earlier one wins.
    if (to <= from || line < lastLine || (line === lastLine && from < lastEnd)) return;
    data.push(line - prevLine, line === prevLine ? from - prevChar : from, to - from, type, modifiers);
    prevLine = line;
    prevChar = from;
    lastLine = line;
    lastEnd = to;
  };
  for (let n = 0; n < count; n++) {
    const k = 4 * (order ? order[n] : n);
    const start = at.position(tokens[k]);
    const endLine = at.lineOf(tokens[k + 1]);
    if (endLine === start.line) {
      piece(start.line, start.character, tokens[k + 1] - lines.lineStarts[endLine], tokens[k + 2], tokens[k + 3]);
      continue;
    }
    for (let line = start.line; line <= endLine; line++) {
      const from = line === start.line ? start.character : 0;
      const to = (line === endLine ? tokens[k + 1] : lines.lineEnd(line)) - lines.lineStarts[line];
      piece(line, from, to, tokens[k + 2], tokens[k + 3]);
    }
  }
  return data;
}

/** "8 项任务 · 1 项无牵头单位" above each section (and each sub-section). */
export function codeLenses(doc: PlanDocument): CodeLens[] {
  const { plan, locale } = doc;
  return [...plan.sections, ...plan.subsections]
    .sort((a, b) => a.span.start - b.span.start)
    .map((h) => {
      const tasks = h.tasks.length;
      const withoutLead = h.tasks.filter((x) => !x.hasLead).length;
      const parts = [t('lens.tasks', locale, { count: tasks })];
      if (withoutLead > 0) parts.push(t('lens.noLead', locale, { count: withoutLead }));
      return { range: h.span.range, command: { title: parts.join(' · '), command: '' } };
    });
}
