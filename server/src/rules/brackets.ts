import { t } from '../messages';
import type { TaskRule } from './types';

/** A bracket in a task that is never closed, or a closer with no opener. */
export const unbalancedBracket: TaskRule = (ctx) => {
  for (const b of ctx.reading.brackets) {
    ctx.report('unbalanced-bracket', b.start, b.start + 1, t(`unbalanced-bracket.${b.kind}`, ctx.locale, { char: b.char }), { ofTask: false });
  }
};
