import { t } from '../messages';
import type { Plan } from '../model/types';
import type { Rule } from './types';

/** The separator most tasks of the plan use, so a fix matches the document's style. */
export function dominantSeparator(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const task of plan.tasks) if (task.separator && task.style === 'arabic') counts.set(task.separator, (counts.get(task.separator) ?? 0) + 1);
  let best = '.';
  let n = 0;
  for (const [sep, c] of counts) if (c > n) [best, n] = [sep, c];
  return best;
}

/** "3 着力抓好…": a task number followed by a space or directly by text. */
export const missingSeparator: Rule = (ctx) => {
  const separator = dominantSeparator(ctx.plan);
  for (const task of ctx.plan.tasks) {
    if (task.separator !== null || task.style !== 'arabic') continue;
    ctx.report('missing-separator', task.numberSpan, t('missing-separator', ctx.locale, { task: task.number, separator }), {
      task: task.index,
      data: { separator },
    });
  }
};
