import { quotedList, t, type Locale } from '../messages';
import { sinceYear, type Registry } from '../registry/registry';
import type { ProblemData, RuleCode, TaskRule } from './types';

interface Verdict {
  readonly code: RuleCode;
  readonly message: string;
  readonly data: ProblemData;
}

/**
 * What the registry says of a name depends only on the name, the registry and the language, and a
 * plan names the same bodies again and again: each distinct name is judged once per registry.
 */
interface Verdicts {
  /** By name, an English verdict's key marked with \u0001. */
  readonly byName: Map<string, Verdict | null>;
  /** The registry's number for Spelling.judgedIn (not the registry, which a spelling would keep alive): even, never 0; this in English, this − 1 in Chinese. */
  readonly number: number;
}
const verdicts = new WeakMap<Registry, Verdicts>();
let registriesSeen = 0;

/** The registry judged last and its verdicts: asked for every task, nearly always the same registry. */
let lastRegistry: Registry | null = null;
let lastVerdicts: Verdicts | null = null;

function verdictsOf(registry: Registry): Verdicts {
  if (registry === lastRegistry) return lastVerdicts!;
  let v = verdicts.get(registry);
  if (!v) verdicts.set(registry, (v = { byName: new Map(), number: 2 * ++registriesSeen }));
  lastRegistry = registry;
  lastVerdicts = v;
  return v;
}

function judge(registry: Registry, locale: Locale, name: string): Verdict | null {
  const { byName } = verdictsOf(registry);
  const key = locale === 'en' ? '\u0001' + name : name;
  let v = byName.get(key);
  if (v === undefined) {
    v = verdictFor(registry, locale, name);
    if (byName.size > 100_000) byName.clear();
    byName.set(key, v);
  }
  return v;
}

function verdictFor(registry: Registry, locale: Locale, name: string): Verdict | null {
  const found = registry.lookup(name);
  if (!found) {
    const suggestions = registry.suggest(name, 3);
    const hint = suggestions.length
      ? t('unknown-department.suggest', locale, { suggestions: quotedList(suggestions, locale) })
      : t('unknown-department.none', locale);
    return { code: 'unknown-department', message: t('unknown-department', locale, { name, hint }), data: { suggestions, name } };
  }
  const d = found.department;
  if (d.status !== 'active') {
    const successors = registry.currentSuccessors(d).map((s) => s.name);
    const year = sinceYear(d);
    const change = t(`change.${d.status}`, locale);
    const message =
      successors.length === 0
        ? t('outdated-department.abolished', locale, { name, year: year ?? '?' })
        : t(year ? 'outdated-department' : 'outdated-department.noyear', locale, {
            name,
            year: year ?? '',
            change,
            successors: successors.join(t('list.separator', locale)),
          });
    return { code: 'outdated-department', message, data: { successors, name } };
  }
  if (found.by === 'alias') {
    return { code: 'alias-department', message: t('alias-department', locale, { name, preferred: d.name }), data: { preferred: d.name, name } };
  }
  return null;
}

/**
 * unknown-department, outdated-department and alias-department: each mention is looked up once
 * and gets at most one of the three.
 */
export const departments: TaskRule = (ctx) => {
  const { registry, locale } = ctx;
  const { block, first, count } = ctx.reading;
  const judged = count > 0 ? verdictsOf(registry).number - (locale === 'en' ? 0 : 1) : 0;
  for (let k = first; k < first + count; k++) {
    // A name as its spelling reads keeps its verdict there: no lookup by name (a Map lookup per
    // mention was the largest line of the rules in the bench's profile). A name given a shared
    // prefix or suffix (财政厅 → 省财政厅) is not its spelling's, and is looked up.
    let v: Verdict | null;
    const s = block.spelt(k);
    if (s === null) v = judge(registry, locale, block.name(k));
    else if (s.judgedIn === judged) v = s.verdict as Verdict | null;
    else {
      v = judge(registry, locale, s.name);
      s.judgedIn = judged;
      s.verdict = v;
    }
    if (v) ctx.report(v.code, block.starts[k], block.ends[k], v.message, { data: v.data });
  }
};
