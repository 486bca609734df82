import type { Plan } from './types';

/**
 * `fn` made once per analysed plan, whoever asks: hovers, quick fixes, the outline and the task
 * list ask many times per version. A plan is made for one text (and is let go with it).
 */
export function perPlan<R>(fn: (plan: Plan) => R): (plan: Plan) => R {
  const made = new WeakMap<Plan, R>();
  return (plan) => {
    let r = made.get(plan);
    if (r === undefined) made.set(plan, (r = fn(plan)));
    return r;
  };
}
