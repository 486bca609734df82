import { t } from '../messages';
import { registryKey } from '../registry/registry';
import type { Rule } from './types';

/** The same body named as lead and as participant of one task. */
export const leadAlsoParticipant: Rule = (ctx) => {
  for (const task of ctx.plan.tasks) {
    if (task.lead.length === 0 || task.participants.length === 0) continue;
    // Lists are short: a nested loop beats building a set for every task.
    for (const p of task.participants) {
      const key = registryKey(p.name);
      const lead = task.lead.find((m) => registryKey(m.name) === key);
      if (!lead) continue;
      ctx.report('lead-also-participant', p.span, t('lead-also-participant', ctx.locale, { name: p.name }), {
        task: task.index,
        data: { name: p.name },
        related: [{ span: lead.span, message: p.name }],
      });
    }
  }
};
