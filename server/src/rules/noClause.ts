import { t } from '../messages';
import type { TaskRule } from './types';

/** A task with no responsibility clause at all (a bracket holding only a time limit does not count). */
export const noClause: TaskRule = (ctx) => {
  const r = ctx.reading;
  if (r.hasClause) return;
  ctx.report('no-clause', r.numberStart, r.numberEnd, t('no-clause', ctx.locale, { task: r.number }));
};
