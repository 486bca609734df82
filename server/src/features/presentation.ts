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
import type { PlanDocument } from './common';

export const TOKEN_TYPES = ['namespace', 'number', 'class', 'variable', 'type', 'string'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

interface Token {
  readonly span: Span;
  readonly type: TokenType;
  readonly modifiers: number;
}

const DECLARATION = 1 << 0;
const DEPRECATED = 1 << 1;

export function semanticTokens(doc: PlanDocument): SemanticTokens {
  const { plan, registry } = doc;
  const tokens: Token[] = [];
  for (const h of [...plan.sections, ...plan.subsections]) tokens.push({ span: h.numeralSpan, type: 'namespace', modifiers: 0 });
  for (const task of plan.tasks) {
    tokens.push({ span: task.numberSpan, type: 'number', modifiers: 0 });
    for (const m of task.mentions) {
      const found = registry.lookup(m.name);
      const deprecated = found && found.department.status !== 'active' ? DEPRECATED : 0;
      if (!found) tokens.push({ span: m.span, type: 'type', modifiers: 0 });
      else if (m.role === 'lead') tokens.push({ span: m.span, type: 'class', modifiers: DECLARATION | deprecated });
      else tokens.push({ span: m.span, type: 'variable', modifiers: deprecated });
    }
    for (const d of task.deadlines) tokens.push({ span: d.span, type: 'string', modifiers: 0 });
  }
  return { data: encode(plan, tokens) };
}

/** LSP's relative encoding; tokens may not span lines, so a multi-line span is cut per line. */
function encode(plan: Plan, tokens: Token[]): number[] {
  const pieces: { line: number; char: number; length: number; type: number; modifiers: number }[] = [];
  for (const tok of tokens) {
    const { start, end } = tok.span.range;
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : plan.lines.lineEnd(line) - plan.lines.lineStarts[line];
      if (to > from) pieces.push({ line, char: from, length: to - from, type: TOKEN_TYPES.indexOf(tok.type), modifiers: tok.modifiers });
    }
  }
  pieces.sort((a, b) => a.line - b.line || a.char - b.char);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = { line: -1, char: 0 };
  for (const p of pieces) {
    // Overlapping tokens are not allowed; the earlier one wins.
    if (p.line === lastEnd.line && p.char < lastEnd.char) continue;
    data.push(p.line - prevLine, p.line === prevLine ? p.char - prevChar : p.char, p.length, p.type, p.modifiers);
    prevLine = p.line;
    prevChar = p.char;
    lastEnd = { line: p.line, char: p.char + p.length };
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
      const withoutLead = h.tasks.filter((x) => x.lead.length === 0).length;
      const parts = [t('lens.tasks', locale, { count: tasks })];
      if (withoutLead > 0) parts.push(t('lens.noLead', locale, { count: withoutLead }));
      return { range: h.span.range, command: { title: parts.join(' · '), command: '' } };
    });
}
