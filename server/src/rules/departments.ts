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
const verdicts = new WeakMap<Registry, Map<string, Verdict | null>>();

/** The registry judged last and its verdicts: asked for every mention, nearly always the same registry. */
let lastRegistry: Registry | null = null;
let lastVerdicts: Map<string, Verdict | null> | null = null;

function judge(registry: Registry, locale: Locale, name: string): Verdict | null {
  let byName = registry === lastRegistry ? lastVerdicts : verdicts.get(registry);
  if (!byName) verdicts.set(registry, (byName = new Map()));
  lastRegistry = registry;
  lastVerdicts = byName;
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

/** Each registry's number for Spelling.judgedIn, odd in Chinese and even in English (never 0). */
const registryNumbers = new WeakMap<Registry, number>();
let lastNumbered: Registry | null = null;
let lastNumber = 0;
let registriesNumbered = 0;

function judgedIn(registry: Registry, locale: Locale): number {
  if (registry !== lastNumbered) {
    let n = registryNumbers.get(registry);
    if (n === undefined) registryNumbers.set(registry, (n = 2 * ++registriesNumbered));
    lastNumbered = registry;
    lastNumber = n;
  }
  return locale === 'en' ? lastNumber : lastNumber - 1;
}

/**
 * unknown-department, outdated-department and alias-department: each mention is looked up once
 * and gets at most one of the three.
 */
export const departments: TaskRule = (ctx) => {
  const { registry, locale } = ctx;
  const { block, first, count } = ctx.reading.mentions;
  const judged = count > 0 ? judgedIn(registry, locale) : 0;
  for (let k = first; k < first + count; k++) {
    const name = block.names[k];
    const s = block.spellings[k];
    // A name as its spelling reads keeps its verdict there: no lookup by name (a Map lookup per
    // mention was the largest line of the rules in the bench's profile). A name given a shared
    // prefix or suffix (财政厅 → 省财政厅) is not its spelling's, and is looked up.
    let v: Verdict | null;
    if (name !== s.name) v = judge(registry, locale, name);
    else if (s.judgedIn === judged) v = s.verdict as Verdict | null;
    else {
      v = judge(registry, locale, name);
      s.judgedIn = judged;
      s.verdict = v;
    }
    if (v) ctx.report(v.code, block.starts[k], block.ends[k], v.message, { data: v.data });
  }
};
