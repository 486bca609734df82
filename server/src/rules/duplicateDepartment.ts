import { t } from '../messages';
import type { TaskRule } from './types';

/** The same body listed twice in the same role of one task. */
export const duplicateDepartment: TaskRule = (ctx) => {
  const mentions = ctx.reading.mentions;
  // Lists are short: a nested loop beats building a map for every list.
  for (let k = 1; k < mentions.length; k++) {
    const m = mentions[k];
    const keys = ctx.keys;
    let earlier = -1;
    for (let j = 0; j < k && earlier < 0; j++) if (mentions[j].role === m.role && keys[j] === keys[k]) earlier = j;
    if (earlier < 0) continue;
    ctx.report('duplicate-department', m.start, m.end, t('duplicate-department', ctx.locale, { name: m.name }), {
      data: { name: m.name },
      related: [{ start: mentions[earlier].start, end: mentions[earlier].end, message: m.name }],
    });
  }
};
