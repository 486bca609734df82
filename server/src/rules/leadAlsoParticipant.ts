import { t } from '../messages';
import { registryKey } from '../registry/registry';
import type { Rule } from './types';

/** The same body named as lead and as participant of one task. */
export const leadAlsoParticipant: Rule = (ctx) => {
  for (const task of ctx.plan.tasks) {
    const leads = new Set(task.lead.map((m) => registryKey(m.name)));
    for (const p of task.participants) {
      if (!leads.has(registryKey(p.name))) continue;
      const lead = task.lead.find((m) => registryKey(m.name) === registryKey(p.name));
      ctx.report('lead-also-participant', p.span, t('lead-also-participant', ctx.locale, { name: p.name }), {
        task: task.index,
        data: { name: p.name },
        related: lead ? [{ span: lead.span, message: p.name }] : undefined,
      });
    }
  }
};
