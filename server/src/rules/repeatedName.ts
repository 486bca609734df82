import { t } from '../messages';
import type { TaskRuleContext } from './types';

/**
 * Reports entry `at` of the task's mention block as naming again the body of entry `earlier`
 * (lead-also-participant, duplicate-department): at the repeat, with the first as related place.
 */
export function reportRepeatedName(ctx: TaskRuleContext, code: 'lead-also-participant' | 'duplicate-department', at: number, earlier: number): void {
  const { block } = ctx.reading;
  const name = block.name(at);
  ctx.report(code, block.starts[at], block.ends[at], t(code, ctx.locale, { name }), {
    data: { name },
    related: [{ start: block.starts[earlier], end: block.ends[earlier], message: name }],
  });
}
