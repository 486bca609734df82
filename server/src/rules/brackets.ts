import { t } from '../messages';
import type { Rule } from './types';

/** A bracket in a task that is never closed, or a closer with no opener. */
export const unbalancedBracket: Rule = (ctx) => {
  for (const b of ctx.plan.brackets) {
    ctx.report('unbalanced-bracket', b.span, t(`unbalanced-bracket.${b.kind}`, ctx.locale, { char: b.char }));
  }
};
