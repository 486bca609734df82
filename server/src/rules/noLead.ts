import { quotedList, t } from '../messages';
import type { Rule } from './types';

/** A clause that names only participants. */
export const noLead: Rule = (ctx) => {
  for (const task of ctx.plan.tasks) {
    if (!task.clause || task.lead.length > 0) continue;
    const where = task.clause.form === 'labels' ? task.clause.anchor : task.clause.span;
    const names = task.participants.map((m) => m.name);
    ctx.report('no-lead', where, t('no-lead', ctx.locale, { task: task.number, names: names.length ? quotedList(names, ctx.locale) : '—' }), {
      task: task.index,
    });
  }
};
