/**
 * Gives memory back once the server falls idle after heavy work.
 *
 * Every version of a document is a new string of its whole text: a keystroke in a 50,000-task plan
 * leaves 8.75 MB behind. V8 frees such strings only in a full collection, which it puts off until
 * the heap has grown several times over, and once the server is idle it may not come back to it for
 * a long while: the benchmark read 519 MB 40 s after typing stopped in a 50k plan. So, when nothing
 * has happened for `delayMs` and the heap has grown by `minGrowth` bytes or more since the last
 * collection made here, one full collection is made (~70-85 ms with a 50k plan open, ~30 ms with 10k).
 * Small plans never grow the heap that much between V8's own collections, so they never pay for one.
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const NODE_TIMERS: IdleTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface IdleCollectorOptions {
  /** A full collection; null when it cannot be had (nothing is then ever scheduled). */
  readonly collect: (() => void) | null;
  /** Bytes in use on the heap now. */
  readonly heapUsed?: () => number;
  /** Bytes the old generation holds from the system but does not use (oldSlack()). */
  readonly slack?: () => number;
  readonly delayMs?: number;
  readonly minGrowth?: number;
  readonly timers?: IdleTimers;
}

export class IdleCollector {
  private readonly collect: (() => void) | null;
  private readonly heapUsed: () => number;
  private readonly slack: () => number;
  private readonly delayMs: number;
  private readonly minGrowth: number;
  private readonly timers: IdleTimers;
  private timer: unknown = undefined;
  /** Heap in use after the last collection made here (at start: when the server started). */
  private baseline: number;
  /** Unused bytes held after the last collection made here. */
  private slackBaseline = 0;
  /** How many collections were made here. */
  collections = 0;

  constructor(options: IdleCollectorOptions) {
    this.collect = options.collect;
    this.heapUsed = options.heapUsed ?? (() => getHeapStatistics().used_heap_size);
    this.slack = options.slack ?? oldSlack;
    this.delayMs = options.delayMs ?? 1500;
    this.minGrowth = options.minGrowth ?? 32 * 1024 * 1024;
    this.timers = options.timers ?? NODE_TIMERS;
    this.baseline = this.heapUsed();
  }

  /** Something happened (an edit, a request, a document closed): the idle wait starts again. */
  touch(): void {
    if (!this.collect) return;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.idle(), this.delayMs);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private idle(): void {
    this.timer = undefined;
    const used = this.heapUsed();
    // V8 collected on its own meanwhile: what is in use now is the new reference.
    if (used < this.baseline) this.baseline = used;
    if (!this.collect) return;
    // Either the heap grew, or V8 collected on its own during the work but kept the pages it freed
    // (the benchmark read 104 MB in use of 248 MB held, 16 s after typing stopped in a 50k plan).
    if (used - this.baseline < this.minGrowth && this.slack() - this.slackBaseline < this.minGrowth) return;
    this.collect();
    this.collections++;
    this.baseline = this.heapUsed();
    this.slackBaseline = this.slack();
  }
}

/** Bytes held for the old generation (old objects and large objects) but not in use. */
export function oldSlack(): number {
  let slack = 0;
  for (const s of getHeapSpaceStatistics()) {
    if (s.space_name === 'old_space' || s.space_name === 'large_object_space') slack += s.space_size - s.space_used_size;
  }
  return slack;
}

/**
 * V8's full collection, which Node gives only to a process started with --expose-gc: on the first
 * call the flag is set and the function taken from a new context, where V8 installs it (~1.6 ms, so
 * not at start-up). If that fails, calls do nothing.
 *
 * The collection compacts: it moves what lives on half-empty pages together, so the pages come
 * free and go back to the system. Without that a full collection frees the objects but keeps most
 * pages (50k plan, idle: 104 MB in use, 248 MB held; compacting, 139 MB held).
 */
export function fullCollection(): () => void {
  let gc: (() => void) | null | undefined;
  return () => {
    if (gc === undefined) {
      try {
        setFlagsFromString('--expose-gc');
        const found: unknown = runInNewContext('gc');
        gc = typeof found === 'function' ? (found as () => void) : null;
      } catch {
        gc = null;
      }
    }
    if (!gc) return;
    try {
      setFlagsFromString('--compact-on-every-full-gc');
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}
