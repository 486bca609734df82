/**
 * "Compare with Another Draft…": the open plan against another draft, through the same
 * diffPlans/formatDiffText as `fengong diff`, with the open plan's registry and language.
 */
import { readFile } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import { decodePlanFile } from '../io/planFile';
import { t, type Locale } from '../messages';
import type { Plan } from '../model/types';
import { DOCX_SCHEME, type DiffAnswer } from '../protocol';
import { diffPlans, formatDiffText } from '../reviewer/diff';
import type { PlanDocument } from './common';

/** The other draft, parsed, or why it could not be read (already in the user's language). */
export type Draft = { readonly plan: Plan } | { readonly error: string };

/** Reads a draft that is not open: text in any encoding the CLI reads, an Excel .xlsx, or a Word .docx (always, when `word`, unless named .xlsx). */
export async function readDraftText(path: string, locale: Locale, word = false): Promise<{ readonly text: string } | { readonly error: string }> {
  const file = path.split(/[\\/]/).pop() ?? path;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { error: t('diff.unreadable', locale, { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }) };
  }
  const r = await decodePlanFile(path, bytes, word);
  if (r.ok) return { text: r.text };
  if (r.reason === 'not-docx') return { error: t('diff.notDocx', locale, { file, reason: r.detail }) };
  if (r.reason === 'not-xlsx') return { error: t('diff.notXlsx', locale, { file, reason: r.detail }) };
  return { error: t(r.reason === 'old-doc' ? 'diff.oldDoc' : 'diff.binary', locale, { file }) };
}

/** A Word file shown as a plan: its text, or why it cannot be read. */
export async function readWordFile(uri: string, locale: Locale): Promise<{ readonly text: string } | { readonly error: string }> {
  const path = localPath(uri);
  if (path === null) return { error: t('word.scheme', locale, { file: uri }) };
  return readDraftText(path, locale, true);
}

/** `otherIs` says which side the other draft is: the earlier one (as in VS Code's compare), or the later. */
export function compareDrafts(current: PlanDocument, other: Draft, otherIs: 'old' | 'new' = 'old'): DiffAnswer {
  if ('error' in other) return { error: other.error };
  const [before, after] = otherIs === 'old' ? [other.plan, current.plan] : [current.plan, other.plan];
  const diff = diffPlans(before, after, current.registry);
  return {
    text: formatDiffText(diff, current.locale).join('\n') + '\n',
    json: diff,
    differs: diff.added.length + diff.removed.length + diff.changed.length > 0,
    locale: current.locale,
  };
}

/** The file behind a URI the server can read itself: file:, or a Word file shown as a plan. */
export function localPath(uri: string): string | null {
  const u = URI.parse(uri);
  if (u.scheme === 'file') return u.fsPath;
  if (u.scheme === DOCX_SCHEME && (u.query === '' || u.query === 'file')) return u.with({ scheme: 'file', query: '' }).fsPath;
  return null;
}
