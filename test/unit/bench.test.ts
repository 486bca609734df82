import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../server/src/model/parser';
import { restingRss } from '../../scripts/bench/lsp';
import { timeInterleaved } from '../../scripts/bench/stats';

const ROOT = join(__dirname, '..', '..');

interface BenchPlan {
  tasks: number;
  parsedTasks: number;
  sections: number;
  parsedSections: number;
  subsections: number;
  parsedSubsections: number;
  parsedMarkdownTasks: number;
  reps: number;
  analysisMs: number;
  analysisNewRegistryMs: number;
  peerOutlineMs: number;
  floorMs: number;
  floorCpuMinMs: number;
  ratioToFloorCpu: number | null;
  ratioToPeer: number;
  ratioToFloor: number;
  editAnalysisP50Ms: number;
  editAnalysisP95Ms: number;
  editAnalysisSameAsFresh: boolean;
  peerSymbols: number;
  lsp: null | Record<string, number | null>;
  pull: null | { p50: number; p95: number; unchanged: number; edits: number };
}

/** Runs the quick benchmark once for the whole file; its figures are checked for shape, never for speed. */
function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // run.mjs bundles the bench as npm run bench does, then runs it.
    // In two passes, as a full run makes three: each size's runs are timed in two processes and pooled.
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'bench', 'run.mjs'), '--quick', '--passes=2'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench -- --quick', function () {
  // About 20 s on an idle 2-core machine; the margin is for a machine busy with other work.
  this.timeout(120_000);
  let run: { code: number | null; stdout: string; stderr: string };
  let report: { machine: Record<string, unknown>; plans: BenchPlan[]; targets: Record<string, unknown>; quick: boolean; passes: number };

  before(async () => {
    run = await runQuickBench();
    const lines = run.stdout.trim().split('\n');
    report = JSON.parse(lines[lines.length - 1]);
  });

  it('exits 0 and ends with one JSON object holding the machine, the plans and the targets', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.equal(report.quick, true);
    for (const key of ['cpu', 'cores', 'node']) assert.ok(key in report.machine, `machine.${key}`);
    for (const key of ['analysis10kMedianMs', 'editAnalysis10kP95Ms', 'keystroke10kP95Ms', 'ratioToFloor10k', 'rss50kMb', 'rssAtRest50kMb']) assert.ok(key in report.targets, `targets.${key}`);
    assert.deepEqual(
      report.plans.map((p) => p.tasks),
      [1000, 10000],
    );
  });

  it('parses every generated plan to exactly the tasks, sections and sub-sections the generator wrote', () => {
    for (const p of report.plans) {
      assert.equal(p.parsedTasks, p.tasks, `tasks of the ${p.tasks}-task plan`);
      assert.equal(p.parsedSections, p.sections, `sections of the ${p.tasks}-task plan`);
      assert.equal(p.parsedSubsections, p.subsections, `sub-sections of the ${p.tasks}-task plan`);
      assert.equal(p.parsedMarkdownTasks, p.tasks, `tasks of the Markdown rendering of the ${p.tasks}-task plan`);
    }
  });

  it('measures analysis, the Markdown outline and the floor on every plan', () => {
    for (const p of report.plans) {
      for (const k of ['analysisMs', 'analysisNewRegistryMs', 'peerOutlineMs', 'floorMs', 'ratioToPeer', 'ratioToFloor'] as const) {
        assert.ok(Number.isFinite(p[k]) && p[k] > 0, `${k} of the ${p.tasks}-task plan is ${p[k]}`);
      }
      // The floor's least CPU time, and analysis over it (null only where CPU time is counted too coarsely to see it).
      assert.ok(Number.isFinite(p.floorCpuMinMs) && p.floorCpuMinMs >= 0, `floorCpuMinMs of the ${p.tasks}-task plan is ${p.floorCpuMinMs}`);
      assert.ok(p.floorCpuMinMs === 0 ? p.ratioToFloorCpu === null : Number.isFinite(p.ratioToFloorCpu) && p.ratioToFloorCpu! > 0, `ratioToFloorCpu of the ${p.tasks}-task plan is ${p.ratioToFloorCpu}`);
      for (const k of ['editAnalysisP50Ms', 'editAnalysisP95Ms'] as const) assert.ok(Number.isFinite(p[k]) && p[k] > 0, `${k} of the ${p.tasks}-task plan is ${p[k]}`);
      // The bench fails if not; here as well, so that a bench that stopped checking would be caught.
      assert.equal(p.editAnalysisSameAsFresh, true);
      // The peer really built an outline: one symbol per heading at least.
      assert.ok(p.peerSymbols >= p.sections, `peer symbols ${p.peerSymbols}`);
      // The two runs --quick times, one in each pass's process, pooled.
      assert.equal(p.reps, 2, `runs of the ${p.tasks}-task plan`);
    }
    assert.equal(report.passes, 2);
  });

  it('measures keystroke, outline, hover and memory over LSP when the server is built', function () {
    if (!existsSync(join(ROOT, 'dist', 'server.js'))) this.skip();
    for (const p of report.plans) {
      assert.ok(p.lsp, `lsp figures of the ${p.tasks}-task plan`);
      for (const k of ['openMs', 'keystrokeP50Ms', 'keystrokeP95Ms', 'symbolsP50Ms', 'symbolsAfterEditP50Ms', 'hoverP50Ms']) {
        assert.ok(Number.isFinite(p.lsp[k]) && (p.lsp[k] as number) >= 0, `lsp.${k} is ${p.lsp[k]}`);
      }
      // Keystrokes for a client that pulls diagnostics: every edit answered, some of them "unchanged".
      assert.ok(p.pull && Number.isFinite(p.pull.p50) && Number.isFinite(p.pull.p95), `pull figures of the ${p.tasks}-task plan`);
      assert.ok(p.pull.edits > 0 && p.pull.unchanged >= 0 && p.pull.unchanged <= p.pull.edits);
    }
  });
});

describe('plans of more tasks than the benchmark sizes', function () {
  // Ten thousand tasks take a second or two to parse on a busy machine.
  this.timeout(20_000);

  it('keeps numbering past task 9999 instead of silently dropping the rest of the plan', () => {
    const lines = ['一、任务'];
    for (let i = 1; i <= 10003; i++) lines.push(`${i}.做好工作。（省财政厅负责）`);
    const plan = parsePlan(lines.join('\n'));
    assert.equal(plan.tasks.length, 10003);
    assert.equal(plan.tasks[10002].number, '10003');
    assert.deepEqual(plan.tasks[10002].lead.map((m) => m.name), ['省财政厅']);
  });

  it('still reads a lone five-digit number that does not continue the numbering as prose', () => {
    const plan = parsePlan('一、任务\n1.做好工作。（省财政厅负责）\n20135.这不是任务编号\n');
    assert.equal(plan.tasks.length, 1);
  });
});

describe('timing the two sides of a ratio', () => {
  it('runs every side once per round, each round starting with the next side, and times only the rounds after the warm-up', async () => {
    const calls: string[] = [];
    const runs = await timeInterleaved(3, 1, { a: () => calls.push('a'), b: () => calls.push('b'), c: () => calls.push('c') });
    assert.deepEqual(calls.join(''), 'abc' + 'bca' + 'cab' + 'abc');
    for (const side of ['a', 'b', 'c'] as const) {
      assert.equal(runs[side].wall.length, 3);
      assert.equal(runs[side].cpu.length, 3);
      assert.ok(runs[side].wall.every((ms) => ms >= 0));
    }
  });

  it('goes on warming up until the warm-up rounds have taken the time asked for, then times as many rounds as asked', async () => {
    // Each call takes 5 ms of the clock at least (a busy wait, no sleep): one warm-up round, as asked
    // for, would end after ~10 ms; with 40 ms asked for, no timed call starts before 40 ms have passed.
    const busy = () => {
      const until = performance.now() + 5;
      while (performance.now() < until);
    };
    const starts: number[] = [];
    const call = () => {
      starts.push(performance.now());
      busy();
    };
    const before = performance.now();
    const runs = await timeInterleaved(3, 1, { a: call, b: call }, 40);
    assert.equal(runs.a.wall.length, 3);
    assert.equal(runs.b.wall.length, 3);
    // The last 3 rounds (6 calls) were timed; every call before them was warm-up.
    const warm = starts.length - 6;
    assert.ok(warm >= 2 && warm % 2 === 0, `${warm} warm-up calls`);
    assert.ok(starts[warm] - before >= 40, `timing began ${starts[warm] - before} ms after the warm-up did`);
    // Each timed run's wall time is that of its own call.
    assert.ok(runs.a.wall.every((ms) => ms >= 5));
  });
});

describe('memory at rest', () => {
  it('keeps the lowest RSS the idle server reaches through a long pause between drops, and stops after a quiet spell', async () => {
    // The server's collection, five readings without change, V8's memory reducer, then quiet.
    const readings = [300, 310, 200, 201, 200, 202, 200, 200, 150, 149, 155, 150, 151, 150, 152, 150, 150, 90];
    let asked = 0;
    const client = { rssMb: () => ({ rss: readings[Math.min(asked++, readings.length - 1)] }) };
    const rest = await restingRss(client, 300, 5_000, 1, 7);
    // 200 held for five readings (fewer than seven), so the wait went on to 149.
    assert.equal(rest?.rss, 149);
    // Seven readings without a new low after 149: the 90 after them was never asked for.
    assert.equal(asked, 17);
  });

  it('reports the RSS after the requests when it never falls, and nothing without a reading', async () => {
    assert.deepEqual((await restingRss({ rssMb: () => ({ rss: 400 }) }, 350, 20, 1))?.rss, 350);
    assert.equal(await restingRss({ rssMb: () => null }, 350, 20, 1), null);
    assert.equal(await restingRss({ rssMb: () => ({ rss: 1 }) }, null, 20, 1), null);
  });
});
