/** In-memory plan documents with a cursor marker (|), as vscode-markdown-languageservice tests do. */
import { analyse } from '../../../server/src/analysis';
import type { PlanDocument } from '../../../server/src/features/common';
import type { Locale } from '../../../server/src/messages';
import { LineIndex } from '../../../server/src/model/text';
import { Registry, type Department } from '../../../server/src/registry/registry';

export const CURSOR = '|';

export function registry(...departments: (Partial<Department> & { name: string })[]): Registry {
  return new Registry([
    { source: 'test', issues: [], departments: departments.map((d) => ({ aliases: [], status: 'active' as const, successors: [], source: 'test', ...d })) },
  ]);
}

/** A document from text that may hold one cursor marker; returns the text without it and the cursor position. */
export function planDoc(marked: string, reg: Registry, locale: Locale = 'zh-cn') {
  const at = marked.indexOf(CURSOR);
  const text = at >= 0 ? marked.slice(0, at) + marked.slice(at + 1) : marked;
  const a = analyse(text, reg, { locale });
  const doc: PlanDocument = { uri: 'untitled:test', plan: a.plan, problems: a.problems, registry: reg, locale };
  const position = new LineIndex(text).positionAt(Math.max(0, at));
  return { doc, text, position };
}
