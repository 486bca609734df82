/**
 * `npm run bench`: how long Fengong takes on plans of 1k, 10k and 50k tasks, against the Markdown
 * outline VS Code users get (the peer) and one regular expression per line (the floor), plus
 * keystroke → diagnostics, outline, hover and memory over a real stdio LSP connection.
 *
 * Prints a table; the LAST line is one JSON object with every figure. `--quick` (1k and 10k,
 * fewer repetitions) is what the unit tests run; it fails only on errors, never on timings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis';
import { parsePlan, TaskCache } from '../../server/src/model/parser';
import { createDefaultRegistry } from '../../server/src/registry/defaults';
import type { Position } from '../../server/src/model/text';
import type { Plan } from '../../server/src/model/types';
import { floorScan } from './floor';
import { generatePlan, type GeneratedPlan } from './generate';
import { BenchClient, REST_MS, restingRss } from './lsp';
import { benchNames, ROOT, type BenchNames } from './names';
import { markdownOutline } from './peer';
import { median, percentile, round, timeInterleaved, timeRuns } from './stats';

const SERVER = join(ROOT, 'dist', 'server.js');
const SEED = 20130614;

interface Config {
  readonly quick: boolean;
  readonly sizes: readonly number[];
  /** Timed runs of the in-process measurements, per size. */
  readonly reps: (size: number) => number;
  /** Untimed runs first, so the JIT has compiled the code being timed: at least so many, for at least so long. */
  readonly warmup: number;
  readonly warmMs: number;
  /** Passes over the sizes that each size's timed runs are shared among. */
  readonly passes: number;
  readonly edits: number;
  readonly requests: number;
}

function config(argv: readonly string[]): Config {
  const quick = argv.includes('--quick');
  const sizesArg = argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice(8).split(',').map(Number).filter((n) => n > 0) : quick ? [1000, 10000] : [1000, 10000, 50000];
  return {
    quick,
    sizes,
    // The biggest plan's median of 5, each run next to a Markdown outline of half a second, moved its
    // time (and the 50k/10k ratio) by half between runs; of 11 (117-172 ms in four runs of the same
    // code), by a third: 21 of them, some 20 s. The smaller plans' medians of 11 moved by a quarter on
    // a shared machine (a 10k analysis read 20-34 ms, the floor 5.2-10, in runs of the same code one
    // after another): 41 rounds of them, some 7 s at 10k.
    reps: (size) => (quick ? 2 : size >= 50_000 ? 21 : 41),
    warmup: quick ? 1 : 2,
    warmMs: quick ? 0 : 500,
    // Each size's runs are spread over the whole in-process part, not made in one block. On a shared
    // machine a neighbour's load comes and goes in stretches of a second to several, each making every
    // run in it ~1.5x slower: process CPU time as much as wall (no run was descheduled; the CPU itself
    // gave less), the floor's as much as the analysis's. A stretch over one size's block moved that
    // size's median alone: the 10k analysis read 28.6 ms in one run and 20.3 in the next, the 50k 135
    // against 117, and the 50k/10k ratio 4.1-6.7 in five runs of the same code. In passes, one stretch
    // covers a part of one pass, not all of a size's runs.
    passes: Math.max(1, Math.floor(Number(argv.find((a) => a.startsWith('--passes='))?.slice(9) ?? (quick ? 1 : 3))) || 1),
    // "p95 over many edits": of 30 keystrokes the 95th percentile is the second slowest, and moved
    // by a third from run to run; of 100 it is the sixth slowest.
    edits: quick ? 4 : 100,
    requests: quick ? 3 : 20,
  };
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() already named the CPU.
  }
  return { cpu, cores: cpus().length, node: process.version, platform: `${process.platform}-${process.arch}`, memoryGb: round(totalmem() / 2 ** 30) };
}

interface LspFigures {
  openMs: number;
  keystrokeP50Ms: number;
  keystrokeP95Ms: number;
  keystrokeMaxMs: number;
  edits: number;
  symbolsP50Ms: number;
  symbolsP95Ms: number;
  /** The outline of a version just typed (the others: the same version asked again). */
  symbolsAfterEditP50Ms: number;
  hoverP50Ms: number;
  hoverP95Ms: number;
  /** Server CPU time per keystroke and per outline request (mean), where /proc tells it. */
  keystrokeCpuMs: number | null;
  symbolsCpuMs: number | null;
  rssMb: number | null;
  peakRssMb: number | null;
  /**
   * RSS once the server has been idle (the lowest reading within REST_MS after the last request),
   * and when that reading was taken. Right after a burst of requests most of the RSS is garbage V8
   * has not collected yet; left idle, the server collects (idleCollector.ts) and V8's memory reducer
   * returns the pages within some seconds. Both readings are judged: rss50kMb and rssAtRest50kMb.
   */
  restRssMb: number | null;
  restAfterMs: number | null;
  diagnostics: number;
}

/** Keystrokes in the middle half of the plan: insert a character in a task's words, then delete it. */
function editPoints(plan: Plan, count: number) {
  const middle = plan.tasks.slice(Math.floor(plan.tasks.length / 4), Math.ceil((plan.tasks.length * 3) / 4));
  const step = Math.max(1, Math.floor(middle.length / Math.max(1, count)));
  const out = [];
  for (let k = 0; k < middle.length && out.length < count; k += step) {
    const s = middle[k].bodySpan.range.start;
    out.push({ line: s.line, character: s.character + 1 });
  }
  return out;
}

/** The keystrokes both LSP measurements type: at each edit point a character inserted, then deleted again. */
function keystrokes(plan: Plan, count: number): { range: { start: Position; end: Position }; text: string }[] {
  const out = [];
  for (const p of editPoints(plan, Math.ceil(count / 2))) {
    out.push({ range: { start: p, end: p }, text: '快' });
    out.push({ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' });
  }
  return out;
}

function hoverPoints(plan: Plan, count: number) {
  const middle = plan.tasks.slice(Math.floor(plan.tasks.length / 4), Math.ceil((plan.tasks.length * 3) / 4)).filter((t) => t.mentions.length > 0);
  const step = Math.max(1, Math.floor(middle.length / Math.max(1, count)));
  const out = [];
  for (let k = 0; k < middle.length && out.length < count; k += step) {
    const s = middle[k].mentions[0].span.range.start;
    out.push({ line: s.line, character: s.character + 1 });
  }
  return out;
}

async function measureLsp(g: GeneratedPlan, plan: Plan, cfg: Config): Promise<LspFigures> {
  const client = await BenchClient.start(SERVER);
  const uri = `file:///bench/plan-${g.tasks}.txt`;
  const deadline = 120_000;
  try {
    const t0 = performance.now();
    const opened = await client.open(uri, g.text, deadline);
    const openMs = opened.at - t0;
    let version = 1;
    const typed: number[] = [];
    let last = opened;
    const cpu0 = client.cpuMs();
    for (const k of keystrokes(plan, cfg.edits)) {
      version++;
      const sent = performance.now();
      last = await client.change(uri, version, k.range, k.text, deadline);
      typed.push(last.at - sent);
    }
    const cpu1 = client.cpuMs();
    await client.symbols(uri);
    const cpu2 = client.cpuMs();
    const symbols = await timeRuns(cfg.requests, 0, () => client.symbols(uri));
    const cpu3 = client.cpuMs();
    const perCall = (from: number | null, to: number | null, n: number) => (from === null || to === null || n === 0 ? null : round((to - from) / n));
    // The outline of a version just typed (what an editor showing the outline asks for after each
    // pause): a keystroke, its diagnostics, then the outline timed.
    const afterEdit: number[] = [];
    for (const p of editPoints(plan, cfg.requests).reverse()) {
      version++;
      last = await client.change(uri, version, { start: p, end: p }, '快', deadline);
      const t = performance.now();
      await client.symbols(uri);
      afterEdit.push(performance.now() - t);
    }
    const points = hoverPoints(plan, cfg.requests);
    let h = 0;
    const hovers = await timeRuns(points.length, 1, () => client.hover(uri, points[h++ % points.length]));
    const mem = client.rssMb();
    const rest = cfg.quick || g.tasks < 10000 ? null : await restingRss(client, mem?.rss ?? null);
    return {
      openMs: round(openMs),
      keystrokeP50Ms: round(percentile(typed, 50)),
      keystrokeP95Ms: round(percentile(typed, 95)),
      keystrokeMaxMs: round(Math.max(...typed)),
      edits: typed.length,
      keystrokeCpuMs: perCall(cpu0, cpu1, typed.length),
      symbolsCpuMs: perCall(cpu2, cpu3, symbols.length),
      symbolsP50Ms: round(percentile(symbols, 50)),
      symbolsP95Ms: round(percentile(symbols, 95)),
      symbolsAfterEditP50Ms: round(percentile(afterEdit, 50)),
      hoverP50Ms: round(percentile(hovers, 50)),
      hoverP95Ms: round(percentile(hovers, 95)),
      rssMb: mem ? round(mem.rss) : null,
      peakRssMb: mem ? round(mem.peak) : null,
      restRssMb: rest ? round(rest.rss) : null,
      restAfterMs: rest ? rest.afterMs : null,
      diagnostics: last.count,
    };
  } finally {
    await client.stop();
  }
}

/**
 * Analysis after a keystroke, in process: the "analyse incrementally if a full pass cannot".
 * The plan is analysed once with a TaskCache (as the server keeps one per open document), then it is
 * typed the keystrokes the LSP measurements type (keystrokes()), each version analysed in full (every task
 * and problem of the plan comes back) with the cache of the version before. Returns each analysis's
 * ms, and whether the last version's problems equal those of a fresh analysis of the same text.
 */
function timeEdits(text: string, plan: Plan, names: BenchNames, count: number): { ms: number[]; same: boolean } {
  const cache = new TaskCache();
  analyse(text, names.registry, { taskCache: cache });
  const ms: number[] = [];
  let last = text;
  let problems: ReturnType<typeof analyse>['problems'] = [];
  for (const k of keystrokes(plan, count)) {
    // Within one line of the plan: its start is where the plan's line index puts it, in every version.
    const at = plan.lines.offsetAt(k.range.start);
    const next = last.slice(0, at) + k.text + last.slice(at + k.range.end.character - k.range.start.character);
    const t0 = performance.now();
    problems = analyse(next, names.registry, { taskCache: cache }).problems;
    ms.push(performance.now() - t0);
    last = next;
  }
  const fresh = analyse(last, names.registry).problems;
  const key = (ps: typeof problems) => ps.map((q) => `${q.code}@${q.span.start}-${q.span.end}:${q.message}`).join('\n');
  return { ms, same: key(fresh) === key(problems) };
}

/**
 * Keystroke → diagnostics for a client that pulls them (VS Code does): each edit sent, then the
 * document's diagnostics asked for with the result id the client holds, timed until the answer.
 * Returns the times and how many answers were "unchanged" (nothing sent again).
 */
async function measurePull(g: GeneratedPlan, plan: Plan, cfg: Config): Promise<{ p50: number; p95: number; unchanged: number; edits: number }> {
  const client = await BenchClient.start(SERVER, true);
  const uri = `file:///bench/pull-${g.tasks}.txt`;
  try {
    await client.openOnly(uri, g.text);
    let held = await client.pull(uri);
    if (held.kind !== 'full' || held.count <= 0) throw new Error(`the first pull of the ${g.tasks}-task plan answered ${held.kind} with ${held.count} diagnostics`);
    let version = 1;
    const times: number[] = [];
    let unchanged = 0;
    for (const k of keystrokes(plan, cfg.edits)) {
      version++;
      const sent = performance.now();
      await client.changeOnly(uri, version, k.range, k.text);
      const r = await client.pull(uri, held.resultId);
      times.push(performance.now() - sent);
      if (r.kind === 'unchanged') unchanged++;
      else held = r;
    }
    return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), unchanged, edits: times.length };
  } finally {
    await client.stop();
  }
}

/** What the bench reports of an analysis: counts only, so the analysis itself can be let go. */
function planCounts(a: ReturnType<typeof analyse>) {
  const problems: Record<string, number> = {};
  for (const p of a.problems) problems[p.code] = (problems[p.code] ?? 0) + 1;
  return { lines: a.plan.lines.lineCount, tasks: a.plan.tasks.length, sections: a.plan.sections.length, subsections: a.plan.subsections.length, problems };
}

type Runs = Record<'analysis' | 'analysisNewRegistry' | 'floor' | 'analysisMarkdown' | 'peer', { wall: number[]; cpu: number[] }>;

/**
 * One pass's share of a size's in-process runs, in a process of its own (bench.js --block=…), so
 * that no size's runs inherit the state the others' left. In one process, passes over the sizes
 * timed the 10k analysis at 20.2-21.0 ms of CPU at least, against 18.9-20.1 in the one block it had
 * before (after an idle spell): every pass, the first included, and with a full collection before
 * each block all the same. Why was not pinned down (not the young generation's size: it was at its
 * full 2 x 16 MB there and in a process timing the 10k plan alone, which read 18.6-19.7); a process
 * per block measures each size as a one-shot `fengong check` runs, warmed up.
 */
async function timeBlock(size: number, reps: number, cfg: Config, names: BenchNames): Promise<{ runs: Runs; peerSymbols: number }> {
  const g = generatePlan(size, SEED, names.pool);
  const outline = markdownOutline();
  let peerSymbols = 0;
  try {
    // Each ratio's two sides are timed in the same rounds, so a busy moment slows both alike: Fengong
    // and the floor in one set of rounds, Fengong on the Markdown and the peer in another. In shared
    // rounds the collection of the peer's garbage fell on whatever ran next: the 50k analysis took
    // 191 ms after the peer and 132 after the floor, the 10k floor 9.3 ms after the peer and 5.4 after
    // an analysis.
    const own = await timeInterleaved(
      reps,
      cfg.warmup,
      {
        analysis: () => analyse(g.text, names.registry),
        // With a registry made for the run, as a one-shot `fengong check` has: nothing it learnt from
        // earlier analyses (suggestions for misspelt names) is there yet. The server keeps its registry.
        analysisNewRegistry: () => analyse(g.text, createDefaultRegistry()),
        floor: () => floorScan(g.text),
      },
      cfg.warmMs,
    );
    const against = await timeInterleaved(
      reps,
      cfg.warmup,
      {
        analysisMarkdown: () => analyse(g.markdown, names.registry),
        peer: async () => (peerSymbols = await outline.symbols(g.markdown)),
      },
      cfg.warmMs,
    );
    return { runs: { ...own, ...against }, peerSymbols };
  } finally {
    outline.dispose();
  }
}

/** Every size's in-process runs: `passes` passes over the sizes, each block in a process of its own. */
function timeSizes(cfg: Config, argv: readonly string[]): Map<number, { runs: Runs; peerSymbols: number }> {
  const out = new Map<number, { runs: Runs; peerSymbols: number }>();
  for (let pass = 0; pass < cfg.passes; pass++) {
    for (const size of cfg.sizes) {
      // This pass's share: 41 runs in three passes are 14, 14 and 13.
      const reps = Math.ceil((cfg.reps(size) - pass) / cfg.passes);
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, ...argv, `--block=${size}:${reps}`], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      if (child.status !== 0) throw new Error(`timing the ${size}-task plan failed: ${child.stderr || child.error?.message}`);
      const block = JSON.parse(child.stdout.trim().split('\n').pop()!) as { runs: Runs; peerSymbols: number };
      const into = out.get(size);
      if (!into) out.set(size, block);
      else for (const key of Object.keys(block.runs) as (keyof Runs)[]) {
        into.runs[key].wall.push(...block.runs[key].wall);
        into.runs[key].cpu.push(...block.runs[key].cpu);
      }
    }
  }
  return out;
}

/** Everything measured for one plan size, its in-process runs timed already. */
async function measurePlan(size: number, timed: { runs: Runs; peerSymbols: number }, cfg: Config, names: BenchNames, serverReady: boolean) {
  const g = generatePlan(size, SEED, names.pool);
  const { runs, peerSymbols } = timed;
  const counted = planCounts(analyse(g.text, names.registry));
  const parsedMarkdownTasks = parsePlan(g.markdown).tasks.length;
  const reps = runs.analysis.wall.length;
  const analysisRuns = runs.analysis;
  const analysisMarkdownRuns = runs.analysisMarkdown;
  const peerRuns = runs.peer;
  const analysis = median(analysisRuns.wall);
  const analysisMarkdown = median(analysisMarkdownRuns.wall);
  const peer = median(peerRuns.wall);
  const floor = median(runs.floor.wall);
  const plan = parsePlan(g.text);
  const edits = timeEdits(g.text, plan, names, cfg.edits);
  // A wrong answer is an error, not a timing: the bench fails on it, --quick (in npm test) included.
  if (!edits.same) throw new Error(`the ${size}-task plan analysed after keystrokes differs from a fresh analysis of the same text`);
  const lsp = serverReady ? await measureLsp(g, plan, cfg) : null;
  const pull = serverReady ? await measurePull(g, plan, cfg) : null;
  return {
    tasks: g.tasks,
    chars: g.text.length,
    lines: counted.lines,
    sections: g.sections,
    subsections: g.subsections,
    parsedTasks: counted.tasks,
    parsedSections: counted.sections,
    parsedSubsections: counted.subsections,
    parsedMarkdownTasks,
    generatedDefects: g.defects,
    problems: counted.problems,
    reps,
    analysisMs: round(analysis),
    analysisMarkdownMs: round(analysisMarkdown),
    analysisNewRegistryMs: round(median(runs.analysisNewRegistry.wall)),
    peerOutlineMs: round(peer),
    // Least CPU time of the runs: steadier than wall medians when other jobs share the machine.
    analysisCpuMinMs: round(Math.min(...analysisRuns.cpu)),
    analysisMarkdownCpuMinMs: round(Math.min(...analysisMarkdownRuns.cpu)),
    peerOutlineCpuMinMs: round(Math.min(...peerRuns.cpu)),
    peerSymbols,
    floorMs: round(floor),
    floorCpuMinMs: round(Math.min(...runs.floor.cpu)),
    // Analysis of each version after one keystroke, reusing the version before (TaskCache).
    editAnalysisP50Ms: round(percentile(edits.ms, 50)),
    editAnalysisP95Ms: round(percentile(edits.ms, 95)),
    editAnalysisSameAsFresh: edits.same,
    // Same input for both sides of the peer ratio: the Markdown rendering of the plan.
    ratioToPeer: round(analysisMarkdown / peer),
    ratioToFloor: round(analysis / floor),
    // The same ratio from the least CPU time of each: what the two cost when nothing else got in the way.
    // (null where the system counts CPU time too coarsely to see the floor's.)
    ratioToFloorCpu: Math.min(...runs.floor.cpu) > 0 ? round(Math.min(...analysisRuns.cpu) / Math.min(...runs.floor.cpu)) : null,
    lsp,
    pull,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const cfg = config(argv);
  const names = benchNames();
  // A block of timed runs (timeSizes): its figures as one JSON line, nothing else.
  const block = argv.find((a) => a.startsWith('--block='));
  if (block) {
    const [size, reps] = block.slice(8).split(':').map(Number);
    process.stdout.write(JSON.stringify(await timeBlock(size, reps, cfg, names)) + '\n');
    return;
  }
  const m = machine();
  const log = (s: string) => process.stdout.write(s + '\n');
  log(`Fengong benchmark${cfg.quick ? ' (quick)' : ''} — ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.platform})`);
  log(`Department names: ${names.source}; seed ${SEED}`);
  const serverReady = existsSync(SERVER);
  if (!serverReady) log(`LSP figures skipped: ${SERVER} not found (npm run build)`);
  const results: Awaited<ReturnType<typeof measurePlan>>[] = [];
  const timed = timeSizes(cfg, argv);
  for (const size of cfg.sizes) {
    const r = await measurePlan(size, timed.get(size)!, cfg, names, serverReady);
    results.push(r);
    if (r.parsedTasks !== r.tasks) log(`WARNING: generated ${r.tasks} tasks but the parser found ${r.parsedTasks}`);
  }

  const row = (cells: (string | number)[], widths: number[]) => cells.map((c, k) => String(c).padStart(widths[k])).join('  ');
  const w1 = [7, 9, 10, 7, 8, 11, 7, 10, 7, 8, 8, 7, 9, 7, 9, 9];
  log('');
  log('In process (median wall ms; cpu = least process CPU time of the runs, steadier on a shared machine; new reg = analyse() with a registry made for the run, as one `fengong check` has; by cpu = analyse()\'s least CPU time over the floor\'s; edit = analyse() after a keystroke, p50 and p95)');
  log(row(['tasks', 'chars', 'analyse()', 'cpu', 'new reg', 'analyse(md)', 'cpu', 'md outline', 'cpu', 'vs peer', 'floor', 'cpu', 'vs floor', 'by cpu', 'edit p50', 'edit p95'], w1));
  for (const r of results) {
    log(
      row(
        [
          r.tasks,
          r.chars,
          r.analysisMs,
          r.analysisCpuMinMs,
          r.analysisNewRegistryMs,
          r.analysisMarkdownMs,
          r.analysisMarkdownCpuMinMs,
          r.peerOutlineMs,
          r.peerOutlineCpuMinMs,
          `${r.ratioToPeer}×`,
          r.floorMs,
          r.floorCpuMinMs,
          `${r.ratioToFloor}×`,
          r.ratioToFloorCpu === null ? '-' : `${r.ratioToFloorCpu}×`,
          r.editAnalysisP50Ms,
          r.editAnalysisP95Ms,
        ],
        w1,
      ),
    );
  }
  if (serverReady) {
    const w2 = [7, 8, 8, 8, 8, 8, 8, 8, 9, 8, 8, 8, 8, 11];
    log('');
    log(`Over stdio LSP (ms; cpu = server process CPU per request, mean, all threads; sym edit = outline of a version just typed, p50; RSS in MB right after the requests, peak, and at rest: lowest within ${REST_MS / 1000} s idle)`);
    log(row(['tasks', 'open', 'key p50', 'key p95', 'key cpu', 'sym p50', 'sym p95', 'sym cpu', 'sym edit', 'hov p50', 'hov p95', 'RSS', 'peak', 'at rest'], w2));
    for (const r of results) {
      const l = r.lsp!;
      const rest = l.restRssMb === null ? '-' : `${l.restRssMb} (${Math.round((l.restAfterMs ?? 0) / 1000)} s)`;
      log(row([r.tasks, l.openMs, l.keystrokeP50Ms, l.keystrokeP95Ms, l.keystrokeCpuMs ?? '-', l.symbolsP50Ms, l.symbolsP95Ms, l.symbolsCpuMs ?? '-', l.symbolsAfterEditP50Ms, l.hoverP50Ms, l.hoverP95Ms, l.rssMb ?? '-', l.peakRssMb ?? '-', rest], w2));
    }
    log('');
    log('Keystroke → diagnostics for a client that pulls them, as VS Code does (ms; unchanged: answers that sent nothing again)');
    log(row(['tasks', 'key p50', 'key p95', 'unchanged'], [7, 8, 8, 12]));
    for (const r of results) log(row([r.tasks, r.pull!.p50, r.pull!.p95, `${r.pull!.unchanged}/${r.pull!.edits}`], [7, 8, 8, 12]));
  }
  const by = (n: number) => results.find((r) => r.tasks === n);
  const r10 = by(10000);
  const r50 = by(50000);
  const growth = r10 && r50 ? round(r50.analysisMs / r10.analysisMs) : null;
  const targets = {
    analysis10kMedianMs: { target: 25, value: r10?.analysisMs ?? null },
    // The route when a full pass cannot: the whole plan analysed again after a keystroke, reusing the version before.
    editAnalysis10kP95Ms: { target: 25, value: r10?.editAnalysisP95Ms ?? null },
    keystroke10kP95Ms: { target: 50, value: r10?.lsp?.keystrokeP95Ms ?? null },
    ratioToPeer10k: { target: 0.5, value: r10?.ratioToPeer ?? null },
    ratioToFloor10k: { target: 4, value: r10?.ratioToFloor ?? null },
    growth50kOver10k: { target: 6, value: growth },
    // Read right after the last request, most of it garbage V8 has not collected yet; and once the
    // server has been idle (the plan still open), which is what it holds for as long as the plan is open.
    rss50kMb: { target: 200, value: r50?.lsp?.rssMb ?? null },
    rssAtRest50kMb: { target: 200, value: r50?.lsp?.restRssMb ?? null },
    allTasksParsed: { target: true, value: results.every((r) => r.parsedTasks === r.tasks) },
  };
  log('');
  log('Targets');
  for (const [k, v] of Object.entries(targets)) {
    const met = v.value === null ? 'n/a' : typeof v.target === 'boolean' ? (v.value === v.target ? 'met' : 'MISSED') : (v.value as number) <= v.target ? 'met' : 'MISSED';
    const goal = typeof v.target === 'boolean' ? 'every task' : `≤ ${v.target}`;
    log(`  ${k.padEnd(22)} ${String(v.value ?? '-').padStart(8)}  ${goal.padEnd(11)} ${met}`);
  }
  log(JSON.stringify({ machine: m, seed: SEED, quick: cfg.quick, passes: cfg.passes, names: names.source, plans: results, growth50kOver10k: growth, targets }));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
