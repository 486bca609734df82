import { ROLE_LEAD, ROLE_PARTICIPANT } from '../model/mentions';
import { t } from '../messages';
import type { TaskRule } from './types';

/** The same body named as lead and as participant of one task. */
export const leadAlsoParticipant: TaskRule = (ctx) => {
  const { block, first, count } = ctx.reading.mentions;
  const keys = block.keys;
  // Lists are short: a nested loop beats building a set for every task. Mention k is entry first + k.
  for (let k = 0; k < count; k++) {
    if (block.roles[first + k] !== ROLE_PARTICIPANT) continue;
    let lead = -1;
    for (let j = 0; j < count && lead < 0; j++) if (block.roles[first + j] === ROLE_LEAD && keys[first + j] === keys[first + k]) lead = j;
    if (lead < 0) continue;
    const name = block.names[first + k];
    ctx.report('lead-also-participant', block.starts[first + k], block.ends[first + k], t('lead-also-participant', ctx.locale, { name }), {
      data: { name },
      related: [{ start: block.starts[first + lead], end: block.ends[first + lead], message: name }],
    });
  }
};
