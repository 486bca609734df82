/**
 * `fengong`: the command-line checker for reviewers and CI pipelines. It reuses the same core as
 * the language server (model, registry, rules); its flags and JSON output are a contract.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../analysis';
import { resolveLocale, type Locale } from '../messages';
import { planColumns } from '../model/parser';
import type { Registry } from '../registry/registry';
import { RULE_CODES, SEVERITY_SETTINGS, type RuleCode, type SeveritySetting } from '../rules';
import { toJson, toSarif, toText, type FileResult } from './output';
import { s } from './strings';
import { diffCommand } from './diff';
import { docxTextLine, loadPlanText, loadRegistriesReporting, loadTextPlan, localeFromArgv, scanArgs, withParagraphs, type CommonArgs, type LoadedText } from './input';
import { needsAsyncReader } from '../io/planFile';
import { matrixCommand } from './matrix';
import { reportCommand } from './report';
import { summary } from './summary';

declare const FENGONG_VERSION: string | undefined;
const VERSION = typeof FENGONG_VERSION === 'string' ? FENGONG_VERSION : '0.0.0-dev';

export class UsageError extends Error {}

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Exact bytes to stdout (CSV keeps its BOM and CRLF, XLSX is binary); without it, text goes through `out`. */
  write?(data: string | Uint8Array): void;
  /** Whether stdout is a terminal: binary output is refused there. */
  readonly stdoutIsTTY?: boolean;
}

export interface CheckArgs extends CommonArgs {
  command: 'check' | 'summary';
  format: 'text' | 'json' | 'sarif';
  severities: Partial<Record<RuleCode, SeveritySetting>>;
}

const PLAN_EXTENSIONS = /\.(fgfa|txt|md|markdown|docx|xlsx)$/i;

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CheckArgs | 'help' | 'version' {
  const fail = (m: string) => new UsageError(m);
  // `check` has always ignored a --lang value it does not know; the reviewer commands reject it.
  const locale = localeFromArgv(argv, env);
  const args: CheckArgs = {
    command: 'check',
    format: 'text',
    registries: [],
    defaultRegistry: true,
    firstListed: 'auto',
    severities: {},
    locale,
    paths: [],
  };
  const rest = [...argv];
  const first = rest[0];
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return 'help';
  if (first === '-v' || first === '--version') return 'version';
  if (first === 'check' || first === 'summary') {
    args.command = first;
    rest.shift();
  } else if (!first.startsWith('-')) {
    throw new UsageError(s('unknownCommand', locale, first));
  }
  const stop = scanArgs(rest, args, fail, (arg, value) => {
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw fail(s('badValue', locale, arg, v));
        args.format = v;
        return true;
      }
      case '--rule': {
        const v = value();
        const [code, level] = v.split('=');
        if (!(RULE_CODES as readonly string[]).includes(code) || !SEVERITY_SETTINGS.includes(level)) throw fail(s('badValue', locale, arg, v));
        args.severities[code as RuleCode] = level as SeveritySetting;
        return true;
      }
      default:
        return false;
    }
  });
  if (stop) return stop;
  if (args.paths.length === 0) throw new UsageError(s('noPaths', locale));
  return args;
}

/** Expands directories into the plan files under them, in a stable order. */
export function expandPaths(paths: readonly string[], locale: Locale, io: CliIO): { files: string[]; failed: boolean } {
  const files: string[] = [];
  let failed = false;
  const walk = (dir: string): string[] => {
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      // ~$plan.docx is Word's lock file beside an open document, not a plan.
      if (entry.name.startsWith('.') || entry.name.startsWith('~$') || entry.name === 'node_modules') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...walk(p));
      else if (PLAN_EXTENSIONS.test(entry.name)) out.push(p);
    }
    return out;
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) {
        const found = walk(p);
        if (found.length === 0) {
          io.err(s('noPlans', locale, p));
          failed = true;
        }
        files.push(...found);
      } else files.push(p);
    } catch (e) {
      io.err(s('unreadable', locale, p, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : (e as Error).message));
      failed = true;
    }
  }
  return { files, failed };
}

export function checkFile(file: string, registry: Registry, args: CheckArgs, io: CliIO, preloaded?: LoadedText): FileResult | null {
  const loaded = preloaded ?? loadTextPlan(file, args.locale, io);
  if (!loaded) return null;
  const analysis = analyse(loaded.text, registry, { locale: args.locale, severities: args.severities, firstListed: args.firstListed });
  return { file, analysis, encoding: loaded.encoding };
}

/**
 * Runs `check`/`summary` synchronously; returns the exit code. Word files must come `preloaded`
 * (reading them is asynchronous): runAsync does that and is what the `fengong` binary calls.
 * A `null` entry is a file already reported unreadable: skipped, and the exit code is 2.
 */
export function run(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env, preloaded: ReadonlyMap<string, LoadedText | null> = new Map()): number {
  const args = parseOrExit(argv, io, env);
  if (typeof args === 'number') return args;
  const registry = loadRegistriesReporting(args, io);
  return checkFiles(args, registry, expandPaths(args.paths, args.locale, io), io, preloaded);
}

/** The arguments of check/summary, or the exit code when they were a usage error, --help or --version. */
function parseOrExit(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv): CheckArgs | number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const locale = resolveLocale(env.FENGONG_LANG ?? 'zh');
    io.err(`fengong: ${e.message}`);
    io.err(s('usage', locale));
    return 2;
  }
  if (parsed === 'help') {
    io.out(s('usage', resolveLocale(env.FENGONG_LANG ?? (argv.includes('en') ? 'en' : 'zh'))));
    return 0;
  }
  if (parsed === 'version') {
    io.out(VERSION);
    return 0;
  }
  return parsed;
}

function checkFiles(
  args: CheckArgs,
  registry: Registry,
  { files, failed }: { files: string[]; failed: boolean },
  io: CliIO,
  preloaded: ReadonlyMap<string, LoadedText | null>,
): number {
  let unreadable = failed;
  const results: FileResult[] = [];
  for (const f of files) {
    const pre = preloaded.get(f);
    // null: read already and found unreadable, its reason is on stderr; the other files still count.
    const r = pre === null ? null : checkFile(f, registry, args, io, pre);
    // A file read without a single task passes every rule: said, so no one takes that for a clean plan.
    if (r && planColumns(r.analysis.plan).cols.count === 0) io.err(s(r.analysis.plan.text.trim() === '' ? 'emptyFile' : 'noTasks', args.locale, f));
    if (r) results.push(r);
    else unreadable = true;
  }
  const docx = (r: FileResult) => preloaded.get(r.file)?.docx === true;
  if (args.command === 'summary') {
    for (const r of results) for (const line of summary(r, args.locale)) io.out(line);
  } else if (args.format === 'json') {
    const json = results.map((r) => (docx(r) ? withParagraphs(toJson(r)) : toJson(r)));
    io.out(JSON.stringify(args.paths.length === 1 && files.length === 1 && json.length === 1 ? json[0] : json, null, 2));
  } else if (args.format === 'sarif') {
    io.out(JSON.stringify(toSarif(results, VERSION, args.locale), null, 2));
  } else {
    for (const r of results) for (const line of docx(r) ? r.analysis.problems.map((p) => docxTextLine(r.file, p, args.locale)) : toText(r)) io.out(line);
  }
  if (unreadable) return 2;
  return results.some((r) => r.analysis.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

const REVIEWER_COMMANDS: Record<string, (argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv) => Promise<number>> = {
  matrix: matrixCommand,
  report: reportCommand,
  diff: diffCommand,
};

/** The whole CLI: the reviewer commands, and check/summary with Word files read first. */
export async function runAsync(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const command = REVIEWER_COMMANDS[argv[0]];
  if (command) return command(argv.slice(1), io, env);
  // The same steps as run(), arguments parsed and folders walked once, with Word files read first
  // (asynchronously); a broken one is reported and skipped, the rest checked, and the exit code is 2.
  const args = parseOrExit(argv, io, env);
  if (typeof args === 'number') return args;
  const registry = loadRegistriesReporting(args, io);
  const expanded = expandPaths(args.paths, args.locale, io);
  const preloaded = new Map<string, LoadedText | null>();
  for (const f of expanded.files) if (needsAsyncReader(f)) preloaded.set(f, await loadPlanText(f, args.locale, io));
  return checkFiles(args, registry, expanded, io, preloaded);
}

if (require.main === module) {
  // A reader that stops early (| head) is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const chunks: Buffer[] = [];
  void runAsync(process.argv.slice(2), {
    out: (l) => chunks.push(Buffer.from(l + '\n')),
    err: (l) => process.stderr.write(l + '\n'),
    write: (data) => chunks.push(Buffer.from(data)),
    stdoutIsTTY: process.stdout.isTTY === true,
  }).then((code) => {
    // One write, then let Node exit on its own so a piped stdout is flushed completely.
    if (chunks.length) process.stdout.write(Buffer.concat(chunks));
    process.exitCode = code;
  });
}
