import { t } from '../messages';
import type { Rule } from './types';

/** A task with no responsibility clause at all (a bracket holding only a time limit does not count). */
export const noClause: Rule = (ctx) => {
  for (const task of ctx.plan.tasks) {
    if (task.clause) continue;
    ctx.report('no-clause', task.numberSpan, t('no-clause', ctx.locale, { task: task.number }), { task: task.index });
  }
};
