import { t } from '../messages';
import type { TaskRule } from './types';

/** The same body listed twice in the same role of one task. */
export const duplicateDepartment: TaskRule = (ctx) => {
  const { block, first, count } = ctx.reading.mentions;
  const keys = block.keys;
  // Lists are short: a nested loop beats building a map for every list. Mention k is entry first + k.
  for (let k = 1; k < count; k++) {
    const role = block.roles[first + k];
    let earlier = -1;
    for (let j = 0; j < k && earlier < 0; j++) if (block.roles[first + j] === role && keys[first + j] === keys[first + k]) earlier = j;
    if (earlier < 0) continue;
    const name = block.names[first + k];
    ctx.report('duplicate-department', block.starts[first + k], block.ends[first + k], t('duplicate-department', ctx.locale, { name }), {
      data: { name },
      related: [{ start: block.starts[first + earlier], end: block.ends[first + earlier], message: name }],
    });
  }
};
