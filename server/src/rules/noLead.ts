import { namesLead } from '../model/mentions';
import { quotedList, t } from '../messages';
import type { TaskRule } from './types';

/** A clause that names only participants. */
export const noLead: TaskRule = (ctx) => {
  if (!ctx.reading.hasClause || namesLead(ctx.reading)) return;
  // The clause as a record only for the task reported (rare): the rules run per task per parse.
  const c = ctx.reading.clause!;
  const { block, first, count } = ctx.reading;
  const [start, end] = c.form === 'labels' ? [c.anchorStart, c.anchorEnd] : [c.start, c.end];
  const names: string[] = [];
  for (let k = first; k < first + count; k++) names.push(block.name(k));
  const message = names.length === 0 ? 'no-lead.empty' : c.form === 'table' ? 'no-lead.table' : 'no-lead';
  ctx.report('no-lead', start, end, t(message, ctx.locale, { task: ctx.reading.number, names: quotedList(names, ctx.locale) }));
};
