/**
 * Completion of department names inside responsibility clauses and after labels (by name,
 * alias or pinyin initials: "kjt" → 省科技厅), and snippets for a task, a clause and a plan.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver';
import { t } from '../messages';
import { LABEL_KIND } from '../model/lexicon';
import { tableColumnAt } from '../model/parser';
import type { Plan } from '../model/types';
import type { Department, Registry } from '../registry/registry';
import { statusText } from './hover';
import { lettersOf } from './initials';
import { lastTaskBefore, taskAt, type PlanDocument, type Position } from './common';

interface Key {
  readonly text: string;
  /** Pinyin initials of the text, and the same without a level prefix (省/市/区/县). */
  readonly initials: readonly string[];
}

interface Entry {
  readonly department: Department;
  readonly keys: readonly Key[];
}

const MAX_ITEMS = 100;
const DELIMITERS = /[（(【[、，,；;：:\s\u3000和及|]/;
const index = new WeakMap<Registry, Entry[]>();

function initialsOf(text: string): string[] {
  const letters = lettersOf(text);
  const out = [letters];
  if (/^[省市区县]/.test(text) && letters.length > 1) out.push(letters.slice(1));
  return out;
}

/** Names, aliases and their initials, computed once per registry. */
function entries(registry: Registry): Entry[] {
  let list = index.get(registry);
  if (!list) {
    list = [...registry.departments()].map((department) => ({
      department,
      keys: [department.name, ...department.aliases].map((text) => ({ text, initials: initialsOf(text) })),
    }));
    index.set(registry, list);
  }
  return list;
}

/**
 * Builds a registry's completion index ahead of time: the first pinyin lookups cost a few hundred
 * milliseconds, which belong in idle time rather than in the user's first completion.
 */
export function warmCompletionIndex(registry: Registry): void {
  entries(registry);
}

/** What the user has typed of a name, back to the last delimiter on the line. */
function typedPrefix(line: string): string {
  let i = line.length;
  while (i > 0 && !DELIMITERS.test(line[i - 1])) i--;
  return line.slice(i);
}

/** True when the cursor stands where a department name goes. */
function inDepartmentPosition(plan: Plan, offset: number, before: string): boolean {
  const labelled = [...before.matchAll(/([\u4e00-\u9fa5]{2,4})[ \t\u3000]*[：:]/g)].pop();
  if (labelled) {
    const kind = LABEL_KIND.get(labelled[1]);
    if (kind === 'lead' || kind === 'participant') return !/[；;。]/.test(before.slice((labelled.index ?? 0) + labelled[0].length));
  }
  // A table row's cell: its column says (an empty lead cell too, which no clause span covers).
  const column = tableColumnAt(plan, offset);
  if (column !== null) return column === 'lead' || column === 'participant';
  // Only the task under the cursor can hold it: asking every task for its clause would build the
  // names of the whole plan, and completion is asked again on every character typed.
  const c = taskAt(plan, offset)?.clause;
  if (c && c.span.start < offset && offset < c.span.end && c.form !== 'labels') return true;
  // An opening bracket not yet closed on this line: the user is writing a clause.
  let depth = 0;
  for (const ch of before) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth > 0;
}

function score(entry: Entry, prefix: string): { rank: number; filter: string } | null {
  if (prefix === '') return { rank: 0, filter: entry.department.name };
  const latin = /^[a-z0-9]+$/i.test(prefix);
  const p = prefix.toLowerCase();
  let best: { rank: number; filter: string } | null = null;
  const consider = (rank: number, filter: string) => {
    if (!best || rank < best.rank) best = { rank, filter };
  };
  for (const [k, key] of entry.keys.entries()) {
    const aliasPenalty = k === 0 ? 0 : 1;
    if (latin) {
      for (const ini of key.initials) if (ini.startsWith(p)) consider(2 + aliasPenalty, ini);
    } else if (key.text.startsWith(prefix)) consider(aliasPenalty, key.text);
    else if (key.text.includes(prefix)) consider(4 + aliasPenalty, prefix + key.text);
  }
  return best;
}

function departmentItems(doc: PlanDocument, prefix: string, range: { start: Position; end: Position }): CompletionItem[] {
  const { registry, locale } = doc;
  const scored: { entry: Entry; rank: number; filter: string }[] = [];
  for (const entry of entries(registry)) {
    const s = score(entry, prefix);
    if (s) scored.push({ entry, ...s });
  }
  const outdated = (d: Department) => (d.status === 'active' ? 0 : 1);
  scored.sort(
    (a, b) => outdated(a.entry.department) - outdated(b.entry.department) || a.rank - b.rank || a.entry.department.name.length - b.entry.department.name.length,
  );
  return scored.slice(0, MAX_ITEMS).map(({ entry, filter }, i) => {
    const d = entry.department;
    const item: CompletionItem = {
      label: d.name,
      kind: CompletionItemKind.Class,
      detail: d.fullName ?? d.name,
      filterText: filter,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: d.name },
    };
    if (d.aliases.length) item.labelDetails = { description: d.aliases.join('、') };
    if (d.status !== 'active') {
      item.tags = [CompletionItemTag.Deprecated];
      item.detail = `${d.fullName ?? d.name} — ${statusText(registry, d, locale)}`;
    }
    return item;
  });
}

const TASK_SNIPPET = (n: number) => `${n}.\${1:任务内容}。（\${2:牵头单位}牵头，\${3:参加单位}参加）`;
const CLAUSE_SNIPPET = '（${1:牵头单位}牵头，${2:参加单位}参加）';
const SKELETON_SNIPPET = [
  '${1:关于……的重点工作分工方案}',
  '',
  '一、${2:第一部分}',
  '1.${3:任务内容}。（${4:牵头单位}牵头，${5:参加单位}参加）',
  '2.${6:任务内容}。（${7:牵头单位}牵头，${8:参加单位}参加）',
  '',
  '二、${9:第二部分}',
  '3.${10:任务内容}。（${11:牵头单位}牵头，${12:参加单位}参加）',
  '$0',
].join('\n');

function snippet(label: string, detail: string, body: string, range: { start: Position; end: Position }, sort: string): CompletionItem {
  return {
    label,
    detail,
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: body },
    sortText: sort,
  };
}

export function completion(doc: PlanDocument, position: Position): CompletionList {
  const { plan, locale } = doc;
  const offset = plan.lines.offsetAt(position);
  const lineStart = plan.lines.lineStarts[position.line] ?? 0;
  const before = plan.text.slice(lineStart, offset);
  if (inDepartmentPosition(plan, offset, before)) {
    const prefix = typedPrefix(before);
    const range = { start: plan.lines.positionAt(offset - prefix.length), end: position };
    // The server filters (pinyin initials are not something the client can match), so the
    // list is incomplete: the client asks again as the user types.
    return { isIncomplete: true, items: departmentItems(doc, prefix, range) };
  }
  const items: CompletionItem[] = [];
  const here = { start: position, end: position };
  const trimmed = before.trim();
  if (/^\d*$/.test(trimmed)) {
    const prev = lastTaskBefore(plan, lineStart);
    const range = { start: plan.lines.positionAt(offset - before.trimStart().length), end: position };
    items.push(snippet('1.', t('completion.task', locale), TASK_SNIPPET(prev ? prev.value + 1 : 1), range, '1'));
    if (plan.tasks.length === 0) items.push(snippet('分工方案', t('completion.skeleton', locale), SKELETON_SNIPPET, range, '0'));
  } else {
    items.push(snippet('（牵头，参加）', t('completion.clause', locale), CLAUSE_SNIPPET, here, '1'));
  }
  return { isIncomplete: false, items };
}
