import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { getHeapSpaceStatistics } from 'node:v8';
import { BIG_OPEN_CHARS, BIG_PLAN_HEAP_FLAGS, DEFAULT_HEAP_FLAGS, fullCollection, HeapGrowth, IdleCollector, unusedHeap, type IdleTimers } from '../../server/src/idleCollector';

/** Timers run by hand: `fire()` runs the one pending, as its delay passing would. */
class HandTimers implements IdleTimers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    assert.equal(this.pending.size, 1, 'one idle wait at a time');
    const [[id, t]] = [...this.pending];
    this.pending.delete(id);
    t.fn();
  }
}

const MB = 1024 * 1024;

describe('idle collection', () => {
  function setup() {
    const timers = new HandTimers();
    let heap = 100 * MB;
    const collected: number[] = [];
    const collector = new IdleCollector({
      // A collection frees what grew beyond 100 MB of live data.
      collect: () => {
        collected.push(heap);
        heap = 100 * MB;
      },
      heapUsed: () => heap,
      slack: () => 0,
      delayMs: 1500,
      minGrowth: 64 * MB,
      timers,
    });
    return { timers, collector, collected, grow: (mb: number) => (heap += mb * MB) };
  }

  it('collects once the server is idle after the heap grew by the threshold, and not again until it grows again', () => {
    const { timers, collector, collected, grow } = setup();
    grow(80);
    collector.touch();
    assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [1500]);
    timers.fire();
    assert.deepEqual(collected, [180 * MB]);
    collector.touch();
    timers.fire();
    assert.equal(collected.length, 1, 'nothing grew since: no second collection');
    grow(70);
    collector.touch();
    timers.fire();
    assert.deepEqual(collected, [180 * MB, 170 * MB]);
    assert.equal(collector.collections, 2);
  });

  it('waits while there is activity: each touch starts the wait again, and only the last one fires', () => {
    const { timers, collector, collected, grow } = setup();
    for (let k = 0; k < 10; k++) {
      grow(10);
      collector.touch();
    }
    assert.equal(timers.pending.size, 1);
    assert.equal(collected.length, 0, 'nothing collected while typing');
    timers.fire();
    assert.equal(collected.length, 1);
  });

  it('leaves a heap that grew less than the threshold alone, and takes a drop made by V8 as the new reference', () => {
    const { timers, collector, collected, grow } = setup();
    grow(40);
    collector.touch();
    timers.fire();
    assert.equal(collected.length, 0);
    // V8 collected on its own down to 60 MB: growth is counted from there.
    grow(-80);
    collector.touch();
    timers.fire();
    grow(70);
    collector.touch();
    timers.fire();
    assert.deepEqual(collected, [130 * MB]);
  });

  it('compacts, after a longer idle spell, when the old generation holds many unused pages; typing meanwhile puts it off', () => {
    const timers = new HandTimers();
    let used = 100 * MB;
    let slack = 0;
    const calls: string[] = [];
    const collector = new IdleCollector({
      // A plain collection frees objects but keeps their pages; a compacting one gives back all but 8 MB.
      collect: (compact) => {
        calls.push(compact ? 'compact' : 'plain');
        if (compact) slack = 8 * MB;
        else {
          slack += used - 100 * MB;
          used = 100 * MB;
        }
      },
      heapUsed: () => used,
      slack: () => slack,
      delayMs: 1500,
      compactDelayMs: 5000,
      minGrowth: 64 * MB,
      timers,
    });
    used = 200 * MB;
    collector.touch();
    timers.fire();
    assert.deepEqual(calls, ['plain'], 'objects freed first');
    assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [5000], 'the pages they held wait for a longer idle spell');
    collector.touch();
    assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [1500], 'typing again puts the compaction off');
    timers.fire();
    assert.deepEqual(calls, ['plain'], 'nothing new in use: no second plain collection');
    timers.fire();
    assert.deepEqual(calls, ['plain', 'compact']);
    assert.equal(timers.pending.size, 0);
    collector.touch();
    timers.fire();
    assert.equal(timers.pending.size, 0, 'what the compaction kept is not compacted again');
    // V8 collected on its own while busy: little more in use, but 150 MB held unused.
    slack = 150 * MB;
    collector.touch();
    timers.fire();
    timers.fire();
    assert.deepEqual(calls, ['plain', 'compact', 'compact']);
    assert.equal(collector.compactions, 2);
    assert.equal(collector.collections, 3);
  });

  it('reads the heap\'s unused bytes from V8, the young generation\'s among them', () => {
    const slack = unusedHeap();
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!;
    assert.ok(Number.isFinite(slack) && slack >= young.space_size - young.space_used_size, String(slack));
  });

  it('schedules nothing without a collection to make, and disposing cancels the wait', () => {
    const timers = new HandTimers();
    const none = new IdleCollector({ collect: null, heapUsed: () => 0, timers });
    none.touch();
    assert.equal(timers.pending.size, 0);
    const { timers: t2, collector } = setup();
    collector.touch();
    collector.dispose();
    assert.equal(t2.pending.size, 0);
  });

  it('gets V8\'s full collection in a process started without --expose-gc, and it frees unreachable memory', () => {
    const gc = fullCollection();
    assert.ok(gc, 'a full collection is available');
    const weak = new WeakRef(Array.from({ length: 1000 }, (_, k) => ({ k })));
    // A WeakRef's target is held until the current job ends: collect in a later one.
    return new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        try {
          gc(false);
          assert.equal(weak.deref(), undefined, 'the unreachable array was collected');
          // Compacting moves live objects: they are the same objects afterwards.
          const live = { k: 1 };
          gc(true);
          assert.equal(live.k, 1);
          resolve();
        } catch (err) {
          reject(err);
        }
      }),
    );
  });
});

describe('heap growth by the size of the open plans', () => {
  it('holds the heap to slow growth while big plans are open and gives V8 its own back after', () => {
    const set: string[] = [];
    const growth = new HeapGrowth((f) => set.push(f));
    growth.update(865_228);
    assert.deepEqual(set, [], 'a 10,000-task plan keeps V8\'s growth');
    growth.update(BIG_OPEN_CHARS);
    assert.deepEqual(set, BIG_PLAN_HEAP_FLAGS);
    assert.ok(growth.holding);
    growth.update(4_366_693);
    assert.equal(set.length, BIG_PLAN_HEAP_FLAGS.length, 'set once, not at every keystroke');
    growth.update(0);
    assert.deepEqual(set, [...BIG_PLAN_HEAP_FLAGS, ...DEFAULT_HEAP_FLAGS]);
    assert.ok(!growth.holding);
  });

  it('sets flags V8 knows, and restores its defaults', () => {
    // As `node --v8-options` lists them: each flag, and the defaults as V8's own.
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const f of BIG_PLAN_HEAP_FLAGS) assert.ok(options.includes(`${f.split('=')[0]} (`), f);
    for (const f of DEFAULT_HEAP_FLAGS) assert.ok(options.includes(`default: ${f}\n`), f);
  });

  it('carries on when the flags cannot be set', () => {
    const growth = new HeapGrowth(() => {
      throw new Error('no flags here');
    });
    growth.update(BIG_OPEN_CHARS * 2);
    assert.ok(growth.holding);
  });
});
