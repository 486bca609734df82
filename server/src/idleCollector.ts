/**
 * Gives memory back once the server falls idle after heavy work.
 *
 * Every version of a document is a new string of its whole text: a keystroke in a 50,000-task plan
 * leaves 8.75 MB behind. V8 frees such strings only in a full collection, which it puts off until
 * the heap has grown several times over, and once the server is idle it may not come back to it for
 * a long while: the benchmark read 519 MB 40 s after typing stopped in a 50k plan. So, when nothing
 * has happened for `delayMs` and the heap has grown by `minGrowth` bytes or more since the last
 * collection made here, one full collection is made (~110 ms with a 50k plan open, ~35 ms with 10k).
 * If the heap then still holds `minGrowth` bytes unused (V8 keeps half-empty pages, and a young
 * generation grown to 32 MB), and nothing happens for `compactDelayMs` more, a compacting collection
 * gives them back (the young generation shrinks in a collection made while little is allocated).
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
  /**
   * A full collection, compacting or not; null when it cannot be had (nothing is then ever
   * scheduled). A compacting one gives freed pages back to the system but takes some 2.5 times as
   * long (50k plan: ~260 ms against ~110 ms; 10k: ~70 against ~35).
   */
  readonly collect: ((compact: boolean) => void) | null;
  /** Bytes in use on the heap now. */
  readonly heapUsed?: () => number;
  /** Bytes the heap holds from the system but does not use (unusedHeap()). */
  readonly slack?: () => number;
  /** Idle time before the collection. */
  readonly delayMs?: number;
  /** Further idle time before the compacting collection. */
  readonly compactDelayMs?: number;
  readonly minGrowth?: number;
  readonly timers?: IdleTimers;
}

export class IdleCollector {
  private readonly collect: ((compact: boolean) => void) | null;
  private readonly heapUsed: () => number;
  private readonly slack: () => number;
  private readonly delayMs: number;
  private readonly compactDelayMs: number;
  private readonly minGrowth: number;
  private readonly timers: IdleTimers;
  private timer: unknown = undefined;
  /** Heap in use after the last collection made here (at start: when the server started). */
  private baseline: number;
  /** Unused bytes held after the last compacting collection made here. */
  private slackBaseline = 0;
  /** How many collections were made here, and how many of them compacted. */
  collections = 0;
  compactions = 0;

  constructor(options: IdleCollectorOptions) {
    this.collect = options.collect;
    this.heapUsed = options.heapUsed ?? (() => getHeapStatistics().used_heap_size);
    this.slack = options.slack ?? unusedHeap;
    this.delayMs = options.delayMs ?? 1500;
    this.compactDelayMs = options.compactDelayMs ?? 5000;
    this.minGrowth = options.minGrowth ?? 32 * 1024 * 1024;
    this.timers = options.timers ?? NODE_TIMERS;
    this.baseline = this.heapUsed();
  }

  /** Something happened (an edit, a request, a document closed): the idle wait starts again. */
  touch(): void {
    if (!this.collect) return;
    this.wait(() => this.idle(), this.delayMs);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private wait(fn: () => void, ms: number): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      fn();
    }, ms);
  }

  /**
   * First stage, after a short idle spell: objects freed. Second stage, only if the server stays
   * idle longer and the old generation still holds many unused pages (V8 frees objects but keeps
   * half-empty pages): a compacting collection gives them back. The longer pause of compacting
   * comes only when the user has stopped for a while.
   */
  private idle(): void {
    const used = this.heapUsed();
    // V8 collected on its own meanwhile: what is in use now is the new reference.
    if (used < this.baseline) this.baseline = used;
    // Only touch() starts the waits, and it starts none without a collection to make.
    if (used - this.baseline >= this.minGrowth) {
      this.collect!(false);
      this.collections++;
      this.baseline = this.heapUsed();
    }
    // Held but unused pages: those V8's own collections left while the server was busy, or this one.
    if (this.slack() - this.slackBaseline >= this.minGrowth) this.wait(() => this.compact(), this.compactDelayMs);
  }

  private compact(): void {
    this.collect!(true);
    this.collections++;
    this.compactions++;
    this.baseline = this.heapUsed();
    this.slackBaseline = this.slack();
  }
}

/** Open plans of this many characters in all (a 23,000-task plan) make the heap grow slowly. */
export const BIG_OPEN_CHARS = 2_000_000;
/** V8's flags with big plans open, and without (its defaults). */
export const BIG_PLAN_HEAP_FLAGS = ['--heap-growing-percent=35', '--semi-space-growth-factor=1'];
export const DEFAULT_HEAP_FLAGS = ['--heap-growing-percent=0', '--semi-space-growth-factor=2'];

/**
 * How fast V8 lets the heap grow, by the size of the open plans.
 *
 * After a full collection V8 lets the old generation grow to up to four times what was alive
 * before the next one, and the young generation grow to 2 × 16 MB. A keystroke in a 50,000-task
 * plan leaves a whole copy of its text behind (8.7 MB), and the outline of each version some more:
 * the server stood at 394 MB right after a burst of keystrokes and outline requests, with 76 MB
 * alive. With big plans open the old generation may grow by 35 % over what is alive
 * (--heap-growing-percent, which V8 reads at each collection) and the young one stays as it is
 * (--semi-space-growth-factor, read each time it would grow), for more frequent full collections.
 * Measured on one 2-core machine, the same burst (100 keystrokes, 41 outlines, in a 50k plan) six
 * times each: at 35 % the server stood at 173-176 MB right after it; at 50 %, at 181-252 MB, over
 * 200 in two of six (each keystroke leaves its text behind in the large-object space, freed only by
 * a full collection; at 50 % up to three of them were still there). Keystroke to diagnostics at
 * 35 %: 61-86 ms at p50, against 58-74 at 50 % (the machine's own swing is as large). Below
 * BIG_OPEN_CHARS V8's own growth stays, and the speed with it.
 */
export class HeapGrowth {
  private slow = false;

  constructor(private readonly setFlags: (flags: string) => void = setFlagsFromString) {}

  /** The open plans now hold `chars` characters in all. */
  update(chars: number): void {
    const slow = chars >= BIG_OPEN_CHARS;
    if (slow === this.slow) return;
    this.slow = slow;
    try {
      for (const flag of slow ? BIG_PLAN_HEAP_FLAGS : DEFAULT_HEAP_FLAGS) this.setFlags(flag);
    } catch {
      // Flags cannot be set here: V8's own growth stays.
    }
  }

  /** Whether the heap is held to slow growth now. */
  get holding(): boolean {
    return this.slow;
  }
}

/**
 * Bytes held for the heap but not in use: old objects, large objects and the young generation
 * (2 × 16 MB once grown, given back by a collection made while the server is idle).
 */
export function unusedHeap(): number {
  let slack = 0;
  for (const s of getHeapSpaceStatistics()) {
    if (s.space_name === 'old_space' || s.space_name === 'large_object_space' || s.space_name === 'new_space') slack += s.space_size - s.space_used_size;
  }
  return slack;
}

/**
 * V8's full collection, which Node gives only to a process started with --expose-gc: on the first
 * call the flag is set and the function taken from a new context, where V8 installs it (~1.6 ms, so
 * not at start-up). If that fails, calls do nothing.
 *
 * A compacting collection moves what lives on half-empty pages together, so the pages come free
 * and go back to the system. Without that a full collection frees the objects but keeps most pages
 * (50k plan, idle: 104 MB in use, 248 MB held; compacting, 119 MB held).
 */
export function fullCollection(): (compact: boolean) => void {
  let gc: (() => void) | null | undefined;
  return (compact) => {
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
    if (!compact) return gc();
    try {
      setFlagsFromString('--compact-on-every-full-gc');
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}
