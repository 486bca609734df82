import { t } from '../messages';
import { registryKey } from '../registry/registry';
import type { TaskRule } from './types';

/** The same body named as lead and as participant of one task. */
export const leadAlsoParticipant: TaskRule = (ctx) => {
  const mentions = ctx.reading.mentions;
  // Lists are short: a nested loop beats building a set for every task.
  for (const p of mentions) {
    if (p.role !== 'participant') continue;
    const key = registryKey(p.name);
    let lead: (typeof mentions)[number] | undefined;
    for (const m of mentions) {
      if (m.role === 'lead' && registryKey(m.name) === key) {
        lead = m;
        break;
      }
    }
    if (!lead) continue;
    ctx.report('lead-also-participant', p.start, p.end, t('lead-also-participant', ctx.locale, { name: p.name }), {
      data: { name: p.name },
      related: [{ start: lead.start, end: lead.end, message: p.name }],
    });
  }
};
