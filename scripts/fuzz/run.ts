/**
 * On-demand fuzzing, longer than the unit suite: `npx tsx scripts/fuzz/run.ts [runs] [seed]`.
 * Runs the same generators and invariants as test/unit/hostile with many more inputs, then every
 * growth case at n and 16n, and prints the figures (inputs, crashes, slowest input, growth ratios).
 * Exits 1 on any failure, printing the seed and the shrunk counterexample so it can be replayed.
 */
import fc from 'fast-check';
import { analyse } from '../../server/src/analysis';
import { codeActions } from '../../server/src/features/codeActions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { applyEdits, renumberEdits } from '../../server/src/model/renumber';
import { LineIndex } from '../../server/src/model/text';
import { createDefaultRegistry } from '../../server/src/registry/defaults';
import { hostileText, mutatedExcerpt, mutatedPlan } from '../../test/unit/hostile/arbitraries';
import { GROWTH_CASES, growth } from '../../test/unit/hostile/growth';
import { fingerprint, spanViolations } from '../../test/unit/hostile/invariants';
import { stats, summaryLine, tried } from '../../test/unit/hostile/stats';

const runs = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const registry = createDefaultRegistry();
const URI = 'file:///fuzz.txt';

function check(text: string): void {
  const a = tried('analyse', text, () => analyse(text, registry, { locale: 'zh-cn' }));
  const bad = spanViolations(a.plan, a.problems);
  if (bad.length) throw new Error(bad.slice(0, 5).join('\n'));
  const b = analyse(text, registry, { locale: 'zh-cn' });
  if (fingerprint(a.plan, a.problems) !== fingerprint(b.plan, b.problems)) throw new Error('not deterministic');
  const doc = { uri: URI, plan: a.plan, problems: a.problems, registry, locale: 'zh-cn' as const };
  const lines = new LineIndex(text);
  for (const action of codeActions(doc, toDiagnostics(URI, a.problems))) {
    const edits = (action.edit?.changes?.[URI] ?? []).map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
    const fixed = applyEdits(text, edits);
    const after = tried(`quick fix ${action.title}`, fixed, () => analyse(fixed, registry, { locale: 'zh-cn' }));
    const badAfter = spanViolations(after.plan, after.problems);
    if (badAfter.length) throw new Error(`after "${action.title}": ${badAfter[0]}`);
  }
  for (const e of renumberEdits(a.plan)) if (!/^(?:\d+|[０-９]+)$/.test(text.slice(e.start, e.end)) || !/^(?:\d+|[０-９]+)$/.test(e.newText)) throw new Error('renumber touched more than digits');
}

const t0 = Date.now();
let failed = false;
const result = fc.check(
  fc.property(fc.oneof(hostileText(400), mutatedExcerpt(), mutatedPlan(12)), (text) => check(text)),
  { numRuns: runs, seed },
);
if (result.failed) {
  failed = true;
  process.stderr.write(`property failed (seed ${seed}, path ${result.counterexamplePath}):\n${JSON.stringify(result.counterexample)}\n${String(result.errorInstance)}\n`);
}
process.stdout.write(`${summaryLine(`fuzz (seed ${seed})`)}, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

for (const c of GROWTH_CASES) {
  // 100k → 400k: at 25k the working set fits in cache and the small time is too flattering.
  let g = growth(c, 100_000, 4);
  if (g.ratio >= 12) g = growth(c, 100_000, 4);
  const ok = g.ratio < 12;
  if (!ok) failed = true;
  process.stdout.write(
    `growth ${ok ? 'ok  ' : 'FAIL'} ${c.name}: ${g.small} → ${g.large} units, ${g.smallMs.toFixed(1)} → ${g.largeMs.toFixed(1)} ms CPU, ratio ${g.ratio.toFixed(1)} (linear ≈ 4, quadratic ≈ 16)\n`,
  );
}
process.stdout.write(`${summaryLine('total')}\n`);
process.exitCode = failed || stats.crashes > 0 ? 1 : 0;
