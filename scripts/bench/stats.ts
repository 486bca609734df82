/** Small statistics for timings: medians and nearest-rank percentiles, in milliseconds. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs fn `warmup` times untimed, then `reps` times timed; returns each run's milliseconds. */
export async function timeRuns(reps: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let k = 0; k < warmup; k++) await fn();
  const out: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Times several functions in the same runs: each round runs every one of them once, starting with
 * a different one each round. On a shared machine the load changes from second to second; timed
 * one after another, the side measured in a busy stretch looked slower than the other for no fault
 * of its own, and a ratio of the two moved by half between runs. Interleaved, both see the same load.
 * Each run's process CPU time is kept too (all threads, so garbage collection on helper threads
 * counts): the least of them is the figure a busy machine disturbs least.
 */
export async function timeInterleaved<K extends string>(reps: number, warmup: number, fns: Record<K, () => unknown>, warmMs = 0): Promise<Record<K, { wall: number[]; cpu: number[] }>> {
  const keys = Object.keys(fns) as K[];
  const out = {} as Record<K, { wall: number[]; cpu: number[] }>;
  for (const k of keys) out[k] = { wall: [], cpu: [] };
  // Warm-up rounds: at least `warmup`, and on until they have taken `warmMs` (a fresh process's
  // compiler needs some thousand tasks read, not two plans of a thousand).
  const warmStart = performance.now();
  let warming = warmup > 0 || warmMs > 0;
  let timed = 0;
  for (let round = 0; timed < reps; round++) {
    if (warming && round >= warmup && performance.now() - warmStart >= warmMs) warming = false;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[(round + j) % keys.length];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fns[key]();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (warming) continue;
      out[key].wall.push(wall);
      out[key].cpu.push((c.user + c.system) / 1000);
    }
    if (!warming) timed++;
  }
  return out;
}

/** Rounds for display and JSON: 3 significant figures is all a timing deserves. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number(x.toPrecision(3));
}
