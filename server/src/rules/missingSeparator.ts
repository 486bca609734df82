import { t } from '../messages';
import type { Plan } from '../model/types';
import type { Rule } from './types';

/** The separator most tasks of the plan use, so a fix matches the document's style. */
export function dominantSeparator(plan: Plan): string {
  // A plan uses two or three separators: a short list counts them without a map lookup per task.
  const seps: string[] = [];
  const counts: number[] = [];
  for (const task of plan.tasks) {
    if (!task.separator || task.style !== 'arabic') continue;
    const k = seps.indexOf(task.separator);
    if (k >= 0) counts[k]++;
    else {
      seps.push(task.separator);
      counts.push(1);
    }
  }
  let best = '.';
  let n = 0;
  for (let k = 0; k < seps.length; k++) if (counts[k] > n) [best, n] = [seps[k], counts[k]];
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
