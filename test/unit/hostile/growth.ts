/**
 * Inputs that make careless parsers quadratic, and a way to measure growth without asserting any
 * absolute time: parse a size n and k·n and compare median CPU times (CPU, not wall clock, so other
 * processes on a busy machine disturb it less). Shared by the unit suite and scripts/fuzz.
 */
import { parsePlan } from '../../../server/src/model/parser';
import { tried } from './stats';

export interface GrowthCase {
  readonly name: string;
  readonly make: (n: number) => string;
  /** Run in the unit suite (the cases the issue names, and regressions of fixed quadratic bugs). */
  readonly unit: boolean;
  /** Small size in the unit suite when 25k is needlessly slow (many tasks: the quadratic showed at 6k). */
  readonly unitN?: number;
  /** Size factor in the unit suite (default 4); 16 where a fast regex hid the quadratic term at 4. */
  readonly unitFactor?: number;
}

export const GROWTH_CASES: readonly GrowthCase[] = [
  { unit: true, name: 'a single line of 1 MB (UTF-8) at 4n', make: (n) => '1. ' + '推进产业发展，'.repeat((n * 3.5) / 7) + '(省科技厅牵头)' },
  { unit: true, name: 'nested brackets, closed', make: (n) => '1. 任务（' + '（'.repeat(n / 2) + '省科技厅牵头' + '）'.repeat(n / 2) },
  { unit: true, name: '、 in a row inside a clause', make: (n) => '1. 任务（省科技厅牵头，' + '、'.repeat(n) + '省财政厅参加）' },
  { unit: true, unitN: 12_500, name: 'label colons on one line', make: (n) => '1. 任务' + '牵头单位：'.repeat(n / 5) },
  // Regressions: each of these was quadratic before the fix named in git log.
  { unit: true, unitN: 12_500, name: 'closers of a kind never opened, after openers of another', make: (n) => '1. 任务' + '（'.repeat(n / 2) + '】'.repeat(n / 2) },
  { unit: true, name: '和 between names', make: (n) => '1. 任务（省科技厅牵头，' + '省财政厅和'.repeat(n / 5) + '参加）' },
  { unit: true, name: 'prose lines continuing one task', make: (n) => '1. 任务\n' + '继续推进\n'.repeat(n / 5) },
  { unit: true, unitN: 6_250, unitFactor: 16, name: 'thousands of tasks', make: (n) => '1. 任务（省科技厅牵头）\n'.repeat(n / 14) },
  // A search backwards for 等 from each name ran on to the start of the document: fast enough to
  // hide at small sizes (it passed at 12.5k → 200k), so this one is measured on 25k and 400k
  // characters, where that search gave a ratio of 130.
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'thousands of tasks naming several departments', make: (n) => '1. 推进（省科技厅牵头，省财政厅、省商务厅参加）\n'.repeat(n / 26) },
  { unit: true, unitN: 6_250, unitFactor: 16, name: 'thousands of headings', make: (n) => '一、标题\n（一）小标题\n'.repeat(n / 12) },
  { unit: true, name: 'a run of punctuation after a task line', make: (n) => '1. 任务\n' + '。'.repeat(n) + 'x\n推进' },
  { unit: true, name: 'a run of punctuation in a person label', make: (n) => '1. 任务\n牵头领导：' + '；'.repeat(n) + 'x' },
  // Measured by the fuzz script only until the label-lines regression above slipped past this
  // suite: every case now runs here too, at 16n where that is cheap (mostly under half a second).
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'opening brackets never closed', make: (n) => '1. 任务' + '（'.repeat(n) },
  // Quadratic for one afternoon: the task's labels were gathered by concatenating lists, one per label line.
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'label lines under one task', make: (n) => '1. 任务\n' + '牵头单位：省科技厅\n'.repeat(n / 10) },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'bracket kinds interleaved', make: (n) => '1. 任务' + '（[【〔'.repeat(n / 4) },
  // Each task's search for its next bracket runs on to the one at the very end: kept, not run again per task.
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'tasks without brackets, one bracket at the end', make: (n) => '1. 推进产业发展\n牵头单位：省科技厅\n'.repeat(n / 18) + '（附）' },
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'verbs repeated in one clause', make: (n) => '1. 任务（' + '省科技厅牵头'.repeat(n / 6) + '）' },
  { unit: true, unitN: 100_000, unitFactor: 4, name: 'cross-references in prose', make: (n) => '见第1项，'.repeat(n / 5) },
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'astral characters and CR-only breaks', make: (n) => '1. 𠀋𠮷任务（省科技厅牵头）\r'.repeat(n / 20) },
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'spaces between names', make: (n) => '1. 任务（省科技厅' + ' 　'.repeat(n / 2) + '牵头）' },
  // Quadratic before it landed: stray brackets were dropped from a name's edge one at a time, each time pairing the rest again.
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'stray closers after a name on a label line', make: (n) => '1. 任务\n责任单位：省商务厅' + '）'.repeat(n) },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'stray openers among names in inline labels', make: (n) => '1. 任务。牵头单位：省财政厅' + '（、'.repeat(n / 2) + '省商务厅' },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'openers left open before a clause', make: (n) => '1. 任务' + '（'.repeat(n / 2) + '（省科技厅牵头，省财政厅参加）' },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'names each with a time limit in brackets', make: (n) => '1. 任务（省科技厅牵头，' + '省财政厅（2025年底前）、'.repeat(n / 12) + '省商务厅参加）' },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'names each with a role marked in brackets', make: (n) => '1. 任务\n责任单位：' + '省财政厅（牵头）、省商务厅（配合）、'.repeat(n / 18) },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'many unknown names in one clause', make: (n) => '1. 任务（' + Array.from({ length: n / 8 }, (_, i) => `省未知${i}厅`).join('、') + '参加）' },
  // Tables (model/table.ts): every line with a tab is looked at once for a header; rows are read by their cells.
  { unit: true, unitN: 6_250, unitFactor: 16, name: 'thousands of table rows under one header', make: (n) => '序号\t重点任务\t牵头单位\t配合单位\t完成时限\n' + '1\t推进\t省科技厅\t省财政厅、省商务厅\t2025年底\n'.repeat(n / 30) },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'a header row of many columns, and a row of as many cells', make: (n) => '序号' + '\t牵头单位'.repeat(n / 10) + '\n1' + '\t省科技厅'.repeat(n / 10) },
  { unit: true, unitN: 6_250, unitFactor: 16, name: 'thousands of Markdown table rows', make: (n) => '| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n' + '| 1 | 推进 | 省科技厅 | 省财政厅、省商务厅 |\n'.repeat(n / 30) },
  { unit: true, unitN: 25_000, unitFactor: 4, name: 'a line of | only', make: (n) => '| 序号 | 牵头单位 |\n|' + '|'.repeat(n) },
  // Quadratic for an afternoon: from every line holding a tab the next | was searched for to the end of a text without one.
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'a tab on every line, and no |', make: (n) => '\t甲\n'.repeat(n / 3) },
  { unit: true, unitN: 25_000, unitFactor: 16, name: 'a | on every line, and no tab', make: (n) => '|甲\n'.repeat(n / 3) },
  { unit: true, unitN: 6_250, unitFactor: 16, name: 'thousands of header rows', make: (n) => '序号\t牵头单位\t配合单位\n1\t省科技厅\t省财政厅\n'.repeat(n / 30) },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Median CPU milliseconds of parsing `text`, over `runs` runs. */
export function parseCpuMs(name: string, text: string, runs: number): number {
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    tried(`parse: ${name}`, text, () => parsePlan(text));
    const c = process.cpuUsage(c0);
    ts.push((c.user + c.system) / 1000);
  }
  return median(ts);
}

export interface Growth {
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
  readonly smallMs: number;
  readonly largeMs: number;
}

/** Parses make(n) and make(factor·n) and returns the ratio of their median CPU times. */
export function growth(c: GrowthCase, n: number, factor: number, runs = 3): Growth {
  const small = c.make(n);
  const large = c.make(factor * n);
  parseCpuMs(c.name, small, 1); // warm the JIT so the first measurement is not the slowest
  const smallMs = parseCpuMs(c.name, small, runs);
  const largeMs = parseCpuMs(c.name, large, runs);
  // Floor the small time at 1 ms so timer granularity cannot fake a large ratio.
  return { small: small.length, large: large.length, smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 1) };
}
