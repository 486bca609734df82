/**
 * What the reviewer commands (matrix, report, diff) share with each other and with `check`:
 * reading a plan from text or Word, their common options, and paragraph-aware output for .docx.
 */
import { readFileSync } from 'node:fs';
import { decodePlanFile, decodeTextPlanFile, type PlanFileText } from '../io/planFile';
import { registryIssueText, resolveLocale, type Locale } from '../messages';
import { parsePlan } from '../model/parser';
import type { Plan } from '../model/types';
import { loadRegistries } from '../registry/load';
import type { Registry } from '../registry/registry';
import type { Problem } from '../rules';
import type { CliIO } from './main';
import type { JsonPlan } from './output';
import { s, type CliKey } from './strings';

export interface LoadedText {
  readonly text: string;
  readonly encoding: string;
  /** True for Word input: line n of the text is paragraph n + 1. */
  readonly docx: boolean;
}

/** Reads a plan file (text in any encoding decodePlanBytes knows, or .docx); reports why not on stderr. */
export async function loadPlanText(file: string, locale: Locale, io: CliIO): Promise<LoadedText | null> {
  const bytes = readBytes(file, locale, io);
  return bytes && reported(file, await decodePlanFile(file, bytes), locale, io);
}

/** The synchronous part of loadPlanText: a text plan (Word files need the asynchronous reader). */
export function loadTextPlan(file: string, locale: Locale, io: CliIO): LoadedText | null {
  const bytes = readBytes(file, locale, io);
  return bytes && reported(file, decodeTextPlanFile(bytes), locale, io);
}

function readBytes(file: string, locale: Locale, io: CliIO): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    io.err(s('unreadable', locale, file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    return null;
  }
}

/** Says on stderr why a file was not read, or which encoding it was read in. */
function reported(file: string, r: PlanFileText, locale: Locale, io: CliIO): LoadedText | null {
  if (!r.ok) {
    if (r.reason === 'not-docx') io.err(s('notDocx', locale, file, r.detail));
    else if (r.reason === 'not-xlsx') io.err(s('notXlsx', locale, file, r.detail));
    else io.err(s(r.reason === 'old-doc' ? 'oldDoc' : 'binary', locale, file));
    return null;
  }
  if (r.encoding !== 'utf-8' && r.encoding !== 'utf-8-bom' && r.encoding !== 'docx' && r.encoding !== 'xlsx') io.err(s('encoding', locale, file, r.encoding.toUpperCase()));
  // Nothing is left out unsaid: a workbook's other worksheets are named.
  if (r.sheet && r.sheet.others.length > 0) io.err(s('otherSheets', locale, file, r.sheet.name, r.sheet.others.join(locale === 'en' ? ', ' : '、')));
  return { text: r.text, encoding: r.encoding, docx: r.docx };
}

/** Compiler style like toText, with the paragraph named for Word users: "第 12 段：…". */
export function docxTextLine(file: string, p: Problem, locale: Locale): string {
  const { line, character } = p.span.range.start;
  return `${file}:${line + 1}:${character + 1}: ${p.severity} ${p.code} ${s('paragraph', locale, line + 1)}${p.message}`;
}

export type JsonPlanWithParagraphs = JsonPlan & {
  sections: (JsonPlan['sections'][number] & { paragraph: number })[];
  subsections: (JsonPlan['subsections'][number] & { paragraph: number })[];
  tasks: (JsonPlan['tasks'][number] & { paragraph: number })[];
  diagnostics: (JsonPlan['diagnostics'][number] & { paragraph: number })[];
};

/** For Word input `line` stays the 0-based paragraph index and `paragraph` counts from 1, as Word users do. */
export function withParagraphs(json: JsonPlan): JsonPlanWithParagraphs {
  return {
    ...json,
    sections: json.sections.map((x) => ({ ...x, paragraph: x.line + 1 })),
    subsections: json.subsections.map((x) => ({ ...x, paragraph: x.line + 1 })),
    tasks: json.tasks.map((x) => ({ ...x, paragraph: x.line + 1 })),
    diagnostics: json.diagnostics.map((x) => ({ ...x, paragraph: x.range.start.line + 1 })),
  };
}

export class ArgsError extends Error {}

export interface ReviewerArgs extends CommonArgs {
  format: string;
  output: string | null;
  department: string | null;
}

/** The language asked for by --lang (read first, so every later message is in it), else FENGONG_LANG, else Chinese. */
export function localeFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv, fail?: (message: string) => Error): Locale {
  let locale = resolveLocale(env.FENGONG_LANG ?? 'zh');
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langAt >= 0) {
    const v = argv[langAt].includes('=') ? argv[langAt].split('=')[1] : argv[langAt + 1];
    if (v === 'zh' || v === 'zh-cn' || v === 'en') locale = resolveLocale(v);
    else if (fail) throw fail(s('badValue', locale, '--lang', v ?? ''));
  }
  return locale;
}

/** The options every command takes: registries, the first-listed convention and the language. */
export interface CommonArgs {
  registries: string[];
  defaultRegistry: boolean;
  firstListed: 'auto' | 'on' | 'off';
  locale: Locale;
  paths: string[];
}

/**
 * Walks the arguments (`--opt value` and `--opt=value`): `handle` takes a command's own options and
 * returns 'help'/'version' to stop, true when it took the option; the common options and paths
 * are filled in here. Throws `fail(message)` for unknown options and missing or bad values.
 */
export function scanArgs(
  argv: readonly string[],
  args: CommonArgs,
  fail: (message: string) => Error,
  handle: (arg: string, value: () => string) => boolean | 'help' | 'version' = () => false,
): 'help' | 'version' | null {
  const locale = args.locale;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw fail(s('missingValue', locale, arg));
      return v;
    };
    const own = handle(arg, value);
    if (own === 'help' || own === 'version') return own;
    if (own) continue;
    switch (arg) {
      case '--registry':
        args.registries.push(value());
        break;
      case '--no-default-registry':
        args.defaultRegistry = false;
        break;
      case '--first-listed': {
        const v = value();
        if (v !== 'auto' && v !== 'on' && v !== 'off') throw fail(s('badValue', locale, arg, v));
        args.firstListed = v;
        break;
      }
      case '--lang':
        value();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw fail(s('unknownOption', locale, arg));
        args.paths.push(argv[i]);
    }
  }
  return null;
}

/** The options the reviewer commands take; `formats[0]` is the default format. */
export function parseReviewerArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  accepts: { readonly formats: readonly string[]; readonly output?: boolean; readonly department?: boolean },
): ReviewerArgs {
  const fail = (m: string) => new ArgsError(m);
  const locale = localeFromArgv(argv, env, fail);
  const args: ReviewerArgs = {
    format: accepts.formats[0],
    output: null,
    department: null,
    registries: [],
    defaultRegistry: true,
    firstListed: 'auto',
    locale,
    paths: [],
  };
  scanArgs(argv, args, fail, (arg, value) => {
    switch (arg) {
      case '--format': {
        const v = value();
        if (!accepts.formats.includes(v)) throw fail(s('badValue', locale, arg, v));
        args.format = v;
        return true;
      }
      case '-o':
      case '--output':
        if (!accepts.output) throw fail(s('unknownOption', locale, arg));
        args.output = value();
        return true;
      case '--department':
        if (!accepts.department) throw fail(s('unknownOption', locale, arg));
        args.department = value();
        return true;
      default:
        return false;
    }
  });
  return args;
}

/** Writes exact bytes to stdout when the IO can, else text through `out` (tests capture it so). */
export function writeStdout(io: CliIO, data: string): void {
  if (io.write) io.write(data);
  else io.out(data.replace(/\r?\n$/, ''));
}

/** Loads the registries of the options and reports each broken file as file:line:col on stderr. */
export function loadRegistriesReporting(args: Pick<CommonArgs, 'registries' | 'defaultRegistry' | 'locale'>, io: CliIO): Registry {
  const registry = loadRegistries(args.registries, args.defaultRegistry);
  for (const issue of registry.issues) {
    const { where, message } = registryIssueText(issue, args.locale);
    io.err(`${where}: error ${issue.code} ${message}`);
  }
  return registry;
}

export interface LoadedPlan extends LoadedText {
  readonly file: string;
  readonly plan: Plan;
}

export async function loadPlan(file: string, args: ReviewerArgs, io: CliIO): Promise<LoadedPlan | null> {
  const loaded = await loadPlanText(file, args.locale, io);
  return loaded && { ...loaded, file, plan: parsePlan(loaded.text, { firstListed: args.firstListed }) };
}

/** "第 6 行" for text, "第 6 段" for Word: where a reader finds the task. */
export function placeName(docx: boolean, line: number, locale: Locale): string {
  return s(docx ? 'atParagraph' : 'atLine', locale, line + 1);
}

/** Runs a reviewer command, turning option errors into usage text and exit code 2. */
export async function withUsage(io: CliIO, env: NodeJS.ProcessEnv, usage: CliKey, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof ArgsError)) throw e;
    io.err(`fengong: ${e.message}`);
    io.err(s(usage, resolveLocale(env.FENGONG_LANG ?? 'zh')));
    return 2;
  }
}
