import { t } from '../messages';
import type { Task } from '../model/types';
import type { Rule } from './types';

/**
 * numbering-gap and duplicate-number: numbering continues from the previous task; a restart at 1
 * is allowed only right after a section or sub-section heading.
 */
export const numbering: Rule = (ctx) => {
  const used = new Map<number, Task>();
  let prev: Task | null = null;
  for (const task of ctx.plan.tasks) {
    if (task.restarted) used.clear();
    else {
      const expected = prev ? prev.value + 1 : 1;
      if (task.value !== expected) {
        const earlier = used.get(task.value);
        if (earlier) {
          ctx.report('duplicate-number', task.numberSpan, t('duplicate-number', ctx.locale, { found: task.number, expected }), {
            task: task.index,
            related: [{ span: earlier.numberSpan, message: t('duplicate-number.related', ctx.locale, { found: task.number }) }],
          });
        } else {
          ctx.report('numbering-gap', task.numberSpan, t('numbering-gap', ctx.locale, { found: task.number, expected }), { task: task.index });
        }
      }
    }
    if (!used.has(task.value)) used.set(task.value, task);
    prev = task;
  }
};
