import { quotedList, t } from '../messages';
import type { TaskRule } from './types';

/** A clause that names only participants. */
export const noLead: TaskRule = (ctx) => {
  const c = ctx.reading.clause;
  if (!c || ctx.reading.mentions.some((m) => m.role === 'lead')) return;
  const [start, end] = c.form === 'labels' ? [c.anchorStart, c.anchorEnd] : [c.start, c.end];
  const names = ctx.reading.mentions.map((m) => m.name);
  ctx.report('no-lead', start, end, t('no-lead', ctx.locale, { task: ctx.reading.number, names: names.length ? quotedList(names, ctx.locale) : '—' }));
};
