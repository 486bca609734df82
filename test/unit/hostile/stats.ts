/** Counts what the hostile suites tried, so the closing summary line can give real figures. */
export interface Slowest {
  ms: number;
  what: string;
  length: number;
}

export const stats = { inputs: 0, crashes: 0, slowest: { ms: 0, what: '-', length: 0 } as Slowest };

/** Runs fn on one input, counting it, timing it and counting (then rethrowing) a crash. */
export function tried<T>(what: string, input: string, fn: () => T): T {
  stats.inputs++;
  const t0 = performance.now();
  try {
    return fn();
  } catch (e) {
    stats.crashes++;
    throw e;
  } finally {
    const ms = performance.now() - t0;
    if (ms > stats.slowest.ms) stats.slowest = { ms, what, length: input.length };
  }
}

export function summaryLine(label: string): string {
  const s = stats.slowest;
  return `${label}: ${stats.inputs} inputs tried, ${stats.crashes} crashes, slowest ${s.ms.toFixed(1)} ms (${s.what}, ${s.length} UTF-16 units)`;
}
