import { t } from '../messages';
import { registryKey } from '../registry/registry';
import type { Rule } from './types';

/** The same body listed twice in the same role of one task. */
export const duplicateDepartment: Rule = (ctx) => {
  for (const task of ctx.plan.tasks) {
    for (const list of [task.lead, task.participants]) {
      // Lists are short: a nested loop beats building a map for every list.
      for (let k = 1; k < list.length; k++) {
        const key = registryKey(list[k].name);
        let earlier = -1;
        for (let j = 0; j < k && earlier < 0; j++) if (registryKey(list[j].name) === key) earlier = j;
        if (earlier < 0) continue;
        const m = list[k];
        ctx.report('duplicate-department', m.span, t('duplicate-department', ctx.locale, { name: m.name }), {
          task: task.index,
          data: { name: m.name },
          related: [{ span: list[earlier].span, message: m.name }],
        });
      }
    }
  }
};
