import { t } from '../messages';
import { numberSpanOf, planColumns } from '../model/parser';
import { numberLike } from '../model/lexicon';
import type { Rule } from './types';

/**
 * numbering-gap and duplicate-number: numbering continues from the previous task; a restart at 1
 * is allowed only right after a section or sub-section heading. Read from the task columns: no
 * task is made for it.
 */
export const numbering: Rule = (ctx) => {
  const { cols, lines } = planColumns(ctx.plan);
  const used = new NumberSet();
  const r = cols.readings;
  for (let k = 0; k < cols.count; k++) {
    const value = r.value(k);
    if (cols.restarted[k] === 1) used.clear();
    else {
      const expected = k > 0 ? r.value(k - 1) + 1 : 1;
      if (value !== expected) {
        const earlier = used.get(value);
        const found = r.number(k);
        if (earlier >= 0) {
          ctx.report('duplicate-number', numberSpanOf(cols, k, lines), t('duplicate-number', ctx.locale, { found, expected: numberLike(expected, found) }), {
            task: k,
            related: [{ span: numberSpanOf(cols, earlier, lines), message: t('duplicate-number.related', ctx.locale, { found }) }],
          });
        } else {
          ctx.report('numbering-gap', numberSpanOf(cols, k, lines), t('numbering-gap', ctx.locale, { found, expected: numberLike(expected, found) }), { task: k });
        }
      }
    }
    if (!used.has(value)) used.set(value, k);
  }
};

/**
 * The first task of each number since the last restart. Task numbers have at most five digits, so
 * two shared arrays indexed by number serve every check, a generation stamp marking which entries
 * are current: this runs on every keystroke, and a map of every task number was ~0.7 MB of garbage
 * per keystroke in a 10k-task plan.
 */
class NumberSet {
  private static stamp = new Uint32Array(100_000);
  private static owner = new Int32Array(100_000);
  private static generation = 0;

  constructor() {
    this.clear();
  }

  clear(): void {
    if (++NumberSet.generation === 0xffffffff) {
      NumberSet.stamp.fill(0);
      NumberSet.generation = 1;
    }
  }

  has(value: number): boolean {
    return value >= 0 && value < NumberSet.stamp.length && NumberSet.stamp[value] === NumberSet.generation;
  }

  /** The index of the first task of this number since the last restart, or -1. */
  get(value: number): number {
    return this.has(value) ? NumberSet.owner[value] : -1;
  }

  set(value: number, task: number): void {
    if (value < 0 || value >= NumberSet.stamp.length) return;
    NumberSet.stamp[value] = NumberSet.generation;
    NumberSet.owner[value] = task;
  }
}
