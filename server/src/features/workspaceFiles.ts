/** Which files of a workspace are plans: *.fgfa, or .txt/.md named like a plan or starting like one. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePlanBytes } from '../io/decode';
import { parsePlan } from '../model/parser';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e', 'test-output']);
const NAME_RE = /分工方案|分工|责任分解/;
/**
 * Files above this size are not read by the workspace check (a stray multi-gigabyte log named
 * like a plan must not stall the server); the user is told which, and can open them to check
 * them. A 50,000-task plan is ~13 MB in UTF-8, well below it.
 */
export const MAX_PLAN_MB = 64;
const MAX_BYTES = MAX_PLAN_MB * 1024 * 1024;

/** Decided from the name alone, or null when the first lines must tell. */
export function planByName(fileName: string): boolean | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.fgfa')) return true;
  if (!lower.endsWith('.txt') && !lower.endsWith('.md')) return false;
  return NAME_RE.test(fileName) ? true : null;
}

/** The first lines look like a plan: a 分工 title, or a section heading followed by a task with a clause. */
export function looksLikePlan(text: string): boolean {
  const head = text.slice(0, 4000);
  if (/分工方案|责任分工|任务分工|责任分解/.test(head.split(/\r?\n|\r/).slice(0, 5).join('\n'))) return true;
  const plan = parsePlan(head);
  return plan.tasks.some((t) => t.clause !== null && t.names.length > 0);
}

/** Candidate files under the folders, depth-first, skipping build and VCS folders. */
export async function listCandidateFiles(folders: readonly string[], isCancelled: () => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 12 || isCancelled()) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder is skipped; the rest of the workspace is still checked.
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(join(dir, e.name), depth + 1);
      else if (e.isFile() && planByName(e.name) !== false) out.push(join(dir, e.name));
    }
  };
  for (const f of folders) await walk(f, 0);
  return out;
}

/** What reading a candidate found: a plan's text, a file too large to read, or not a plan (null). */
export type PlanFile = { readonly text: string } | { readonly tooLarge: number };

export async function readPlanFile(path: string): Promise<PlanFile | null> {
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_BYTES) return { tooLarge: size };
    bytes = await readFile(path);
  } catch {
    return null;
  }
  const decoded = decodePlanBytes(bytes);
  if (!decoded.ok) return null;
  const name = path.split(/[\\/]/).pop() ?? path;
  return planByName(name) === true || looksLikePlan(decoded.text) ? { text: decoded.text } : null;
}
