import { t } from '../messages';
import type { Task } from '../model/types';
import type { Rule } from './types';

/**
 * numbering-gap and duplicate-number: numbering continues from the previous task; a restart at 1
 * is allowed only right after a section or sub-section heading.
 */
export const numbering: Rule = (ctx) => {
  const used = new NumberSet(ctx.plan.tasks);
  let prev: Task | null = null;
  for (const task of ctx.plan.tasks) {
    if (task.restarted) used.clear();
    else {
      const expected = prev ? prev.value + 1 : 1;
      if (task.value !== expected) {
        const earlier = used.get(task.value);
        if (earlier) {
          ctx.report('duplicate-number', task.numberSpan, t('duplicate-number', ctx.locale, { found: task.number, expected }), {
            task: task.index,
            related: [{ span: earlier.numberSpan, message: t('duplicate-number.related', ctx.locale, { found: task.number }) }],
          });
        } else {
          ctx.report('numbering-gap', task.numberSpan, t('numbering-gap', ctx.locale, { found: task.number, expected }), { task: task.index });
        }
      }
    }
    if (!used.has(task.value)) used.set(task.value, task);
    prev = task;
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

  constructor(private readonly tasks: readonly Task[]) {
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

  get(value: number): Task | undefined {
    return this.has(value) ? this.tasks[NumberSet.owner[value]] : undefined;
  }

  set(value: number, task: Task): void {
    if (value < 0 || value >= NumberSet.stamp.length) return;
    NumberSet.stamp[value] = NumberSet.generation;
    NumberSet.owner[value] = task.index;
  }
}
