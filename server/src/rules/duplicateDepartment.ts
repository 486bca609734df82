import { t } from '../messages';
import { registryKey } from '../registry/registry';
import type { Mention } from '../model/types';
import type { Rule } from './types';

/** The same body listed twice in the same role of one task. */
export const duplicateDepartment: Rule = (ctx) => {
  for (const task of ctx.plan.tasks) {
    for (const list of [task.lead, task.participants]) {
      const first = new Map<string, Mention>();
      for (const m of list) {
        const key = registryKey(m.name);
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, m);
          continue;
        }
        ctx.report('duplicate-department', m.span, t('duplicate-department', ctx.locale, { name: m.name }), {
          task: task.index,
          data: { name: m.name },
          related: [{ span: earlier.span, message: m.name }],
        });
      }
    }
  }
};
