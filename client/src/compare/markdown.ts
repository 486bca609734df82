/**
 * The comparison of two drafts as a Markdown document: a heading, then the report of
 * `fengong diff` in a ```diff block (removals red, additions green). Everything taken from the
 * plans stays inside the fenced block, so no task text can turn into Markdown. Pure, for unit tests.
 */
import type { DiffResult } from '../../../server/src/protocol';

const WORDS = {
  'zh-cn': { title: '分工方案两稿比较', old: '原稿', new: '新稿', sep: '：' },
  en: { title: 'Comparison of two drafts', old: 'Earlier draft', new: 'Later draft', sep: ': ' },
} as const;

export interface DraftNames {
  readonly old: string;
  readonly new: string;
}

export function diffMarkdown(result: DiffResult, names: DraftNames): string {
  const w = WORDS[result.locale];
  const body = [`--- ${w.old}${w.sep}${oneLine(names.old)}`, `+++ ${w.new}${w.sep}${oneLine(names.new)}`, ...result.text.replace(/\n$/, '').split('\n')];
  // A fence longer than any run of backticks inside, so the block cannot be closed early.
  const longest = Math.max(2, ...body.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(longest + 1);
  return [`# ${w.title}`, '', `${fence}diff`, ...body, fence, ''].join('\n');
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
