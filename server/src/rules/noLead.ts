import { ROLE_LEAD } from '../model/mentions';
import { quotedList, t } from '../messages';
import type { TaskRule } from './types';

/** A clause that names only participants. */
export const noLead: TaskRule = (ctx) => {
  const c = ctx.reading.clause;
  if (!c) return;
  const { block, first, count } = ctx.reading.mentions;
  for (let k = first; k < first + count; k++) if (block.roles[k] === ROLE_LEAD) return;
  const [start, end] = c.form === 'labels' ? [c.anchorStart, c.anchorEnd] : [c.start, c.end];
  const names = block.names.slice(first, first + count);
  ctx.report('no-lead', start, end, t('no-lead', ctx.locale, { task: ctx.reading.number, names: names.length ? quotedList(names, ctx.locale) : '—' }));
};
