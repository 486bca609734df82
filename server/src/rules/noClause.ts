import { t } from '../messages';
import type { TaskRule } from './types';

/** A task with no responsibility clause at all (a bracket holding only a time limit does not count). */
export const noClause: TaskRule = (ctx) => {
  if (ctx.reading.clause) return;
  const { task } = ctx;
  ctx.report('no-clause', ctx.reading.numberStart, ctx.reading.numberEnd, t('no-clause', ctx.locale, { task: task.number }));
};
