import { t } from '../messages';
import type { TaskRule } from './types';

/** The same body named as lead and as participant of one task. */
export const leadAlsoParticipant: TaskRule = (ctx) => {
  const mentions = ctx.reading.mentions;
  // Lists are short: a nested loop beats building a set for every task.
  const keys = ctx.keys;
  for (let k = 0; k < mentions.length; k++) {
    const p = mentions[k];
    if (p.role !== 'participant') continue;
    let lead: (typeof mentions)[number] | undefined;
    for (let j = 0; j < mentions.length; j++) {
      if (mentions[j].role === 'lead' && keys[j] === keys[k]) {
        lead = mentions[j];
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
