import { reportRepeatedName } from './repeatedName';
import type { TaskRule } from './types';

/** The same body listed twice in the same role of one task. */
export const duplicateDepartment: TaskRule = (ctx) => {
  const { block, first, count } = ctx.reading;
  const { roles } = block;
  // Lists are short: a nested loop beats building a map for every list.
  for (let k = first + 1; k < first + count; k++) {
    let earlier = -1;
    for (let j = first; j < k && earlier < 0; j++) if (roles[j] === roles[k] && block.sameKey(j, k)) earlier = j;
    if (earlier >= 0) reportRepeatedName(ctx, 'duplicate-department', k, earlier);
  }
};
