import { ROLE_LEAD, ROLE_PARTICIPANT } from '../model/mentions';
import { reportRepeatedName } from './repeatedName';
import type { TaskRule } from './types';

/** The same body named as lead and as participant of one task. */
export const leadAlsoParticipant: TaskRule = (ctx) => {
  const { block, first, count } = ctx.reading;
  const { roles } = block;
  // Lists are short: a nested loop beats building a set for every task.
  for (let k = first; k < first + count; k++) {
    if (roles[k] !== ROLE_PARTICIPANT) continue;
    let lead = -1;
    for (let j = first; j < first + count && lead < 0; j++) if (roles[j] === ROLE_LEAD && block.sameKey(j, k)) lead = j;
    if (lead >= 0) reportRepeatedName(ctx, 'lead-also-participant', k, lead);
  }
};
