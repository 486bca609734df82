import { t } from '../messages';
import { numberSpanOf, planColumns } from '../model/parser';
import type { Plan } from '../model/types';
import type { Rule } from './types';

/** The separator most tasks of the plan use, so a fix matches the document's style. */
export function dominantSeparator(plan: Plan): string {
  const { cols } = planColumns(plan);
  // A plan uses two or three separators: a short list counts them without a map lookup per task.
  const seps: string[] = [];
  const counts: number[] = [];
  const r = cols.readings;
  for (let i = 0; i < cols.count; i++) {
    const sep = r.separator(i);
    // A table row's tab or | is its cell's edge, not a style to propose for numbers written in text.
    if (!sep || sep === '\t' || sep === '|' || r.style(i) !== 'arabic') continue;
    const k = seps.indexOf(sep);
    if (k >= 0) counts[k]++;
    else {
      seps.push(sep);
      counts.push(1);
    }
  }
  let best = '.';
  let n = 0;
  for (let k = 0; k < seps.length; k++) if (counts[k] > n) [best, n] = [seps[k], counts[k]];
  return best;
}

/** "3 着力抓好…": a task number followed by a space or directly by text (read from the task columns). */
export const missingSeparator: Rule = (ctx) => {
  const separator = dominantSeparator(ctx.plan);
  const { cols, lines } = planColumns(ctx.plan);
  const r = cols.readings;
  for (let k = 0; k < cols.count; k++) {
    if (r.separator(k) !== null || r.style(k) !== 'arabic') continue;
    ctx.report('missing-separator', numberSpanOf(cols, k, lines), t('missing-separator', ctx.locale, { task: r.number(k), separator }), {
      task: k,
      data: { separator },
    });
  }
};
