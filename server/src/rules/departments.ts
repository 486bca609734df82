import { quotedList, t } from '../messages';
import { sinceYear } from '../registry/registry';
import type { Rule } from './types';

/**
 * unknown-department, outdated-department and alias-department: each mention is looked up once
 * and gets at most one of the three.
 */
export const departments: Rule = (ctx) => {
  const { registry, locale } = ctx;
  for (const task of ctx.plan.tasks) {
    for (const m of task.mentions) {
      const found = registry.lookup(m.name);
      if (!found) {
        const suggestions = registry.suggest(m.name, 3);
        const hint = suggestions.length
          ? t('unknown-department.suggest', locale, { suggestions: quotedList(suggestions, locale) })
          : t('unknown-department.none', locale);
        ctx.report('unknown-department', m.span, t('unknown-department', locale, { name: m.name, hint }), {
          task: task.index,
          data: { suggestions, name: m.name },
        });
        continue;
      }
      const d = found.department;
      if (d.status !== 'active') {
        const successors = registry.currentSuccessors(d).map((s) => s.name);
        const year = sinceYear(d);
        const change = t(`change.${d.status}`, locale);
        const message =
          successors.length === 0
            ? t('outdated-department.abolished', locale, { name: m.name, year: year ?? '?' })
            : t(year ? 'outdated-department' : 'outdated-department.noyear', locale, {
                name: m.name,
                year: year ?? '',
                change,
                successors: successors.join(t('list.separator', locale)),
              });
        ctx.report('outdated-department', m.span, message, { task: task.index, data: { successors, name: m.name } });
        continue;
      }
      if (found.by === 'alias') {
        ctx.report('alias-department', m.span, t('alias-department', locale, { name: m.name, preferred: d.name }), {
          task: task.index,
          data: { preferred: d.name, name: m.name },
        });
      }
    }
  }
};
