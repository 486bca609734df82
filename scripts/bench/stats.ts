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
 * Like timeRuns, also giving each run's process CPU time (all threads, so garbage collection on
 * helper threads counts). The least CPU time is the figure a busy shared machine disturbs least.
 */
export async function timeRunsCpu(reps: number, warmup: number, fn: () => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  for (let k = 0; k < warmup; k++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < reps; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** Rounds for display and JSON: 3 significant figures is all a timing deserves. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number(x.toPrecision(3));
}
