import type { Plan } from './types';

/**
 * `fn` made once per analysed plan, whoever asks: hovers, quick fixes, the outline and the task
 * list ask many times per version. A plan is made for one text (and is let go with it).
 */
export function perPlan<R>(fn: (plan: Plan) => R): (plan: Plan) => R {
  return perPlanOf((plan) => plan, fn);
}

/** The same for an argument that carries its plan (a feature's document): made once per `planOf(arg)`. */
export function perPlanOf<A, R>(planOf: (arg: A) => Plan, fn: (arg: A) => R): (arg: A) => R {
  const made = new WeakMap<Plan, R>();
  return (arg) => {
    const plan = planOf(arg);
    let r = made.get(plan);
    if (r === undefined) made.set(plan, (r = fn(arg)));
    return r;
  };
}
