/**
 * The plan parser: one linear pass over the lines classifies headings, task numbers, label lines
 * and prose; a second pass per task finds its responsibility clause. It never throws and never
 * backtracks: every regular expression here is anchored and linear, so hostile input (a 1 MB
 * line, 100k brackets) costs time proportional to its length.
 */
import {
  bracketSlot,
  emptyContent,
  findLabels,
  isUnitLabel,
  labelEntry,
  poolLabels,
  labelAt,
  readBracket,
  type BracketReading,
  type BracketSlot,
  parseLabels,
  type ClauseContent,
  type LabelEntry,
  type RawDeadline,
} from './clause';
import { namesLead, NO_MENTIONS, roleOfCode } from './mentions';
import {
  BIT_EXPLICIT_LEAD,
  BIT_PAREN,
  FORM_SHIFT,
  formCode,
  INTS,
  newReadingId,
  P_BLOCK,
  P_BRACKETS,
  P_DEADLINES,
  P_JUDGED,
  P_NUMBER,
  P_OUTLINED,
  P_PERSONS,
  P_SEPARATOR,
  R_ANCHOR_END,
  R_ANCHOR_START,
  R_BITS,
  R_BODY_END,
  R_BODY_START,
  R_CLAUSE_END,
  R_CLAUSE_LINE,
  R_CLAUSE_START,
  R_COUNT,
  R_END,
  R_FIRST,
  R_ID,
  R_INSERT_AT,
  R_NUMBER_END,
  R_NUMBER_START,
  R_VALUE,
  ReadingView,
  Readings,
  REFS,
  rowOf,
  type RawBracket,
} from './readings';
import { CHAR_CLASS, CH_CLOSE, CONVENTION_RE, digitsValue, digitValue, isFullWidthDigit, ownCopy, LABEL_KIND, chineseNumeralValue, type LabelKind } from './lexicon';
import { FLAG_CONTEXTUAL, FLAG_INDENTED, FLAG_PAREN, KIND_BLANK, KIND_LABEL, KIND_PROSE, KIND_SECTION, KIND_SUBSECTION, KIND_TASK, LABELS, LineTable, SEPARATORS } from './lineTable';
import { columnKind, findTableHeaders, headerAt, headersAfterLineEdit, holdsDelimiter, isHeaderLine, PIPE, tablesKey, type TableHeader } from './table';
import { keepParser } from './shapes';
import { doubled, isWhite, lastAtMost, LineIndex, startsAt, TextSpan } from './text';
import type {
  BracketProblem,
  Clause,
  ClauseForm,
  Convention,
  CrossReference,
  Deadline,
  Mention,
  NumberStyle,
  Plan,
  Section,
  Span,
  Role,
  Subsection,
  Task,
  TaskName,
} from './types';


const SECTION_RE = /^([一二三四五六七八九十百零〇两]{1,4})[ \t\u3000]*[、．.][ \t\u3000]*/;
const SUBSECTION_RE = /^[（(][ \t\u3000]*([一二三四五六七八九十百零〇两]{1,4})[ \t\u3000]*[）)][ \t\u3000]*/;
const PAREN_TASK_RE = /^[（(][ \t\u3000]*(\d{1,3}|[０-９]{1,3})[ \t\u3000]*[）)][ \t\u3000]*/;
/** A number that is a quantity or a date, not a task: 2027年, 3个, 50%. */
const QUANTITY_CODES: ReadonlySet<number> = new Set([...'年月日号时分秒%％个项万亿元千百家条次人所处名倍天周度米吨亩台辆套份层栋户座期批轮届级类种位岁:：-—–~～/'].map((c) => c.charCodeAt(0)));
/** Space, tab or ideographic space: what may stand between a task number and its separator. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000;
}
/** . ． 、 ) ）: what may follow a task number. */
function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0xff0e || c === 0x3001 || c === 0x29 || c === 0xff09;
}
/** The separator as one shared string (t[i] made a new one per task line for 、 and ．). */
function separatorOf(c: number): string {
  switch (c) {
    case 0x2e: return '.';
    case 0xff0e: return '．';
    case 0x3001: return '、';
    case 0x29: return ')';
    case 0xff09: return '）';
    default: return String.fromCharCode(c);
  }
}
/** 0-9 or ０-９. */
function isAnyDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || isFullWidthDigit(c);
}
const CROSS_REF_RE = /第[ \t\u3000]*(\d{1,5}|[０-９]{1,5})[ \t\u3000]*(?:项|条)(?:任务)?/;
const TITLE_WORDS_RE = /(方案|分工|分解|计划|意见|通知|要点|清单|安排|措施|任务)/;
/**
 * The brackets （([【〔 and ）)]】〕 (CH_OPEN and CH_CLOSE): bracketGroups jumps from one to the next.
 * test() with lastIndex finds the next one without making a match; compiled, it passes over the
 * characters between about twice as fast as a loop looking each up in CHAR_CLASS.
 */
const ANY_BRACKET = /[（([【〔）)\]】〕]/g;
/** bracketGroups' count of open brackets per kind (it never runs inside itself, so one array serves). */
const OPEN_COUNTS = new Int32Array(5);
let BRACKET_STACK: Int32Array = new Int32Array(64);
/**
 * bracketGroups' answer: the top-level bracket groups of the stretch it read last, group g running
 * from its opener BG_OPEN[g] to its closer (content to BG_INNER_END[g], the closer's end at
 * BG_CLOSE[g]). Shared arrays rather than a record per bracket: nothing asks for groups while
 * another stretch's are in use (endsWithClause, then readTask).
 */
let BG_COUNT = 0;
let BG_OPEN: Int32Array = new Int32Array(16);
let BG_INNER_END: Int32Array = new Int32Array(16);
let BG_CLOSE: Int32Array = new Int32Array(16);

/** The last bracket the last bracketGroups() left unclosed, when it left one. */
let LAST_UNCLOSED = -1;

function addBracketGroup(open: number, innerEnd: number, close: number): void {
  if (BG_COUNT === BG_OPEN.length) {
    BG_OPEN = doubled(BG_OPEN);
    BG_INNER_END = doubled(BG_INNER_END);
    BG_CLOSE = doubled(BG_CLOSE);
  }
  BG_OPEN[BG_COUNT] = open;
  BG_INNER_END[BG_COUNT] = innerEnd;
  BG_CLOSE[BG_COUNT] = close;
  BG_COUNT++;
}

/** Opening brackets as bits: （ ( [ 【 〔. */
function openerBit(c: number): number {
  switch (c) {
    case 0xff08: return 1; // （
    case 0x28: return 2; // (
    case 0x5b: return 4; // [
    case 0x3010: return 8; // 【
    case 0x3014: return 16; // 〔
    default: return 0;
  }
}
/** The openers each closer closes (round brackets pair across widths): ） ) → （(, ] → [, 】 → 【, 〕 → 〔. */
function closerMask(c: number): number {
  switch (c) {
    case 0xff09: case 0x29: return 1 | 2;
    case 0x5d: return 4;
    case 0x3011: return 8;
    case 0x3015: return 16;
    default: return 0;
  }
}

const START_NUMERAL = 1;
const START_BRACKET = 2;
const START_LABEL = 3;
const START_DIGIT = 4;
/** What a line's first character allows it to be: a section numeral, a bracket, a label, a digit, or only prose (0). */
const LINE_START: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (const ch of '一二三四五六七八九十百零〇两') table[ch.charCodeAt(0)] = START_NUMERAL;
  for (const ch of '（(') table[ch.charCodeAt(0)] = START_BRACKET;
  for (const label of LABEL_KIND.keys()) table[label.charCodeAt(0)] = START_LABEL;
  for (let d = 0x30; d <= 0x39; d++) table[d] = START_DIGIT;
  for (let d = 0xff10; d <= 0xff19; d++) table[d] = START_DIGIT; // ０-９
  return table;
})();

/**
 * The one empty list every reading without names, time limits or stray brackets shares. Not frozen:
 * a frozen array has its own elements kind, and for-of over it is not optimised (each step made an
 * iterator result; ~6 MB of garbage per analysis of the 10k-task bench plan). Readonly types guard it.
 */
const NONE: readonly never[] = [];
const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
const NO_INTS = new Int32Array(0);
/** The edited line's row, classified by reuse() before it is put in a table. */
const EDITED_LINE = new LineTable(1);
/** The stray brackets of the task being read (readTask copies them out): one list for every task. */
const STRAY: RawBracket[] = [];
/** Task numbers written as their values are, one string per value (PlanParser.taskNumeral). */
const NUMBER_STRINGS: string[] = new Array<string>(10_000).fill('');
/** The labels of the task being read (readTask): one list for every task, as STRAY is. */
const TASK_LABELS: LabelEntry[] = [];
/** The time limits of the task being read (readTask copies them out): one list for every task, as STRAY is. */
const TASK_DEADLINES: RawDeadline[] = [];

/** A task's time limits, offsets relative to `base`, in a list of their own. */
function relativeDeadlines(ds: readonly RawDeadline[], base: number): RawDeadline[] {
  return ds.map((d) => ({ text: ownCopy(d.text), start: d.start - base, end: d.end - base }));
}

/** A task's stray brackets, offsets relative to `base`, in a list of their own. */
function relativeBrackets(bs: readonly RawBracket[], base: number): RawBracket[] {
  return bs.map((b) => ({ char: b.char, kind: b.kind, start: b.start - base }));
}

/** What /[\s。．.；;*_]/ matches: what may end a line after its clause. */
function endsLine(c: number): boolean {
  return isWhite(c) || c === 0x3002 /* 。 */ || c === 0xff0e /* ． */ || c === 0x2e /* . */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */ || c === 0x2a /* * */ || c === 0x5f /* _ */;
}

/**
 * Whether [from, to) holds only what may follow a clause to the end of its task: white space,
 * punctuation and Markdown emphasis (。．.；;，,、！!*_~`), and closing brackets. Those are asked
 * about only after a top-level bracket group, where a closer opens nothing: a stray, which the
 * parser reports (bracketGroups) and which must not cost the task its clause (…参加））).
 * Read in place, not sliced and matched.
 */
function onlyTrailing(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (!isWhite(c) && !TRAILING_PUNCTUATION.has(c) && (CHAR_CLASS[c] & CH_CLOSE) === 0) return false;
  }
  return true;
}
/** What trails inline labels and is not their last value's (/[\s。；;，,*]/, by character code). */
function endsInlineLabels(c: number): boolean {
  return isWhite(c) || c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */ || c === 0xff0c /* ， */ || c === 0x2c /* , */ || c === 0x2a /* * */;
}

const TRAILING_PUNCTUATION: ReadonlySet<number> = new Set([...'。．.；;，,、！!*_~`'].map((c) => c.charCodeAt(0)));


/**
 * What a task's own text says, with offsets relative to its first line (see TaskCache): row k of
 * its version's readings (model/readings.ts), seen as a record. The names its clause gives are its
 * own entries [first, first + count) of `block`, in order, offsets relative to the task
 * (model/mentions.ts): a reading is the Mentions of its task.
 */
export type TaskReading = ReadingView;
export { ReadingView, Readings } from './readings';

/** What one parse leaves for the next: its plan, its line records, and what they were read with. */
interface LastParse {
  readonly plan: ParsedPlan;
  readonly lines: LineTable;
  readonly taskStyle: NumberStyle;
  readonly mixedStyles: boolean;
  /** Whether the first-listed convention was on: readings made with it on differ from those made without. */
  readonly convention: boolean;
  /** Whether the text held 第一 anywhere (every form of the first-listed declaration says it). */
  readonly saysFirst: boolean;
  /** The table headers' columns (tablesKey): rows read under other columns read differently. */
  readonly tables: string;
  /** Whether the text held a tab or a | anywhere (every table row does). */
  readonly hasCells: boolean;
}

/**
 * What one parse of a document leaves for the next. A keystroke changes one place: the text
 * before it and after it is the same as last time, so a task lying wholly in that unchanged prefix
 * or suffix (same text, same extent) keeps its reading, shifted by the length of the edit, and so
 * do the rules' findings on it (rules/index.ts). Lines outside the edit keep their classification
 * and their starts. Only what touches the edit is read again. Comparing two versions costs about
 * twenty substring comparisons. Everything it knows of the last version is that version's parse.
 */
export class TaskCache {
  /** The last parse; during a parse (compare() to end()), `previousPlan` holds it instead. */
  private last: LastParse | null = null;
  previousPlan: LastParse | null = null;
  /** Lookups come in document order, so a cursor over the last version's tasks finds each in O(1). */
  private cursor = 0;
  private usable = false;
  private prefix = 0;
  private suffixStart = 0;
  private delta = 0;

  /** Whether the last parse moved the plan before it (PlanParser.reuse) rather than building one. */
  private moved = false;
  get reshaped(): boolean {
    return this.moved;
  }

  /** Where the text changed since the last version (known from compare() on, whatever the convention). */
  get changed(): { readonly prefix: number; readonly suffixStart: number } | null {
    return this.previousPlan ? { prefix: this.prefix, suffixStart: this.suffixStart } : null;
  }

  /** The edit since the last version: the text before `prefix` and from `suffixStart` on is unchanged. */
  get edit(): { readonly prefix: number; readonly suffixStart: number; readonly delta: number } | null {
    return this.usable ? { prefix: this.prefix, suffixStart: this.suffixStart, delta: this.delta } : null;
  }

  /**
   * Starts a parse of `text`: finds how much at its start and end is unchanged since the last one.
   * The last parse is taken here: should this parse not finish, the next has nothing to reuse.
   */
  compare(text: string): void {
    this.previousPlan = this.last;
    this.last = null;
    if (!this.previousPlan) return;
    const old = this.previousPlan.plan.text;
    const max = Math.min(old.length, text.length);
    // Halving: comparing two substrings is one memory comparison, so the longest equal prefix (and
    // suffix) is found in ~20 comparisons of shrinking stretches, with no loop over code units and
    // no string made per block (a keystroke in an 850k-character plan: ~2.5 ms → ~0.3 ms).
    let p = 0;
    let hi = max;
    while (p < hi) {
      const mid = (p + hi + 1) >> 1;
      if (old.substring(p, mid) === text.substring(p, mid)) p = mid;
      else hi = mid - 1;
    }
    let q = 0;
    hi = max - p;
    while (q < hi) {
      const mid = (q + hi + 1) >> 1;
      if (old.substring(old.length - mid, old.length - q) === text.substring(text.length - mid, text.length - q)) q = mid;
      else hi = mid - 1;
    }
    this.prefix = p;
    this.suffixStart = text.length - q;
    this.delta = text.length - old.length;
  }

  /** The lines of the text being parsed, scanning only what changed since the last version. */
  lineIndex(text: string): LineIndex {
    const old = this.previousPlan?.plan.lines.lineStarts;
    return old ? LineIndex.spliced(text, old, this.prefix, this.suffixStart, this.delta) : new LineIndex(text);
  }

  /** With the first-listed convention and the tables' columns known: task readings are reused only if they are unchanged. */
  begin(convention: boolean, tables: string): void {
    this.cursor = 0;
    this.usable = this.previousPlan !== null && convention === this.previousPlan.convention && tables === this.previousPlan.tables;
  }

  /** Ends a parse: its plan is the one the next parse compares with; the one before is let go. */
  end(parse: LastParse, reshaped: boolean): void {
    this.last = parse;
    this.moved = reshaped;
    this.previousPlan = null;
  }

  /**
   * The row of the last version's line table that classified a line of the new text, if the same
   * line (same text, and a line break after it unchanged) stood there; -1 if none. Its offsets are
   * relative to the line, so the same row serves: a keystroke classifies only the lines it touched.
   */
  lineRow(line: number, start: number, end: number, lineCount: number): number {
    const last = this.previousPlan;
    if (!this.usable || !last) return -1;
    const oldStarts = last.plan.lines.lineStarts;
    let old: number;
    if (end < this.prefix) old = line;
    else if (start > this.suffixStart) old = line - (lineCount - oldStarts.length);
    else return -1;
    if (old < 0 || old >= last.lines.count || last.lines.has(old, FLAG_CONTEXTUAL)) return -1;
    const shift = start - oldStarts[old];
    return shift === (end < this.prefix ? 0 : this.delta) ? old : -1;
  }

  /** The last version's readings, whose rows get() points at. */
  get previousReadings(): Readings {
    return this.previousPlan!.plan.cols.readings;
  }

  /** The last version's row (in previousReadings) of the task at [base, end) if the same text stood there last time; -1 if none. */
  get(base: number, end: number): number {
    const last = this.previousPlan;
    if (!this.usable || !last) return -1;
    let old: number;
    if (end <= this.prefix) old = base;
    else if (base >= this.suffixStart) old = base - this.delta;
    else return -1;
    // Columns, not tasks: the last version's tasks may never have been made (ParsedPlan).
    const { count, bases, readings } = last.plan.cols;
    let k = this.cursor;
    while (k < count && bases[k] < old) k++;
    this.cursor = k;
    if (k >= count || bases[k] !== old) return -1;
    return old + readings.end(k) === end - (base - old) ? k : -1;
  }
}

/**
 * How a plan was made from the last version's plan (PlanParser.reuse): the same lines, tasks and
 * headings, one task read again, everything after the edit moved by its length. The rules use it
 * to move the last version's problems rather than gather them again (rules/index.ts).
 */
export interface Reshape {
  readonly previous: Plan;
  /** Index of the task read again, the edit lying within it; -1 when the edit is outside every task. */
  readonly task: number;
  /** Index of the first task after the edit: its offsets, and those of every later task, moved. */
  readonly after: number;
  /** Offsets before `prefix` are unchanged; offsets from `oldSuffix` on (in the last version) move by `delta`. */
  readonly prefix: number;
  readonly oldSuffix: number;
  readonly delta: number;
}

/** Plans made by moving the last version's, with how (taken by checkPlan, which forgets it). */
export const RESHAPED = new WeakMap<Plan, Reshape>();

export interface ParseOptions {
  /** Force the first-listed convention on or off; by default it follows the document's declaration. */
  readonly firstListed?: 'auto' | 'on' | 'off';
  /** Readings of an earlier version of the same document, to reuse for unchanged tasks. */
  readonly taskCache?: TaskCache;
}

export function parsePlan(text: string, options: ParseOptions = {}): Plan {
  return new PlanParser(text, options).parse();
}

/**
 * A plan's tasks as columns, by index: what is needed to make each task (a PlanTask) when asked.
 * A plan has only these until something asks for its tasks: a keystroke in a 50,000-task plan
 * (PlanParser.reuse) then makes no task but the edited one, and the next version is moved from
 * these, not from tasks. Never changed once made, so a moved version shares the columns that did
 * not change.
 */
export interface TaskColumns {
  readonly count: number;
  /** The line each task starts on. */
  readonly lines: Int32Array;
  /** The offset of the start of each task's first line. */
  readonly bases: Int32Array;
  readonly readings: Readings;
  /** Index of each task's section in the plan's sections, -1 for none; likewise sub-sections. */
  readonly sections: Int32Array;
  readonly subsections: Int32Array;
  /** 1 where the task's numbering restarts after a heading. */
  readonly restarted: Uint8Array;
}

class ParsedPlan implements Plan {
  /** The tasks, once something asked for them; `cols` says how to make them. */
  private made: Task[] | undefined;
  /** Tasks made one by one before the rest (checkPlan asks for the edited task alone). */
  private early: Map<number, PlanTask> | undefined;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly title: Plan['title'],
    readonly convention: Convention | null,
    /** The headings; their task lists are filled when the tasks are made. */
    readonly headings: { readonly sections: readonly Section[]; readonly subsections: readonly Subsection[] },
    /** The tasks as columns (PlanParser.reuse moves them to the next version). */
    readonly cols: TaskColumns,
    readonly crossReferences: readonly CrossReference[],
    /** The table header rows (model/table.ts), for features asking which column an offset is in. */
    readonly tableHeaders: readonly TableHeader[],
  ) {}

  get tasks(): readonly Task[] {
    return this.made ?? this.makeTasks();
  }
  // A heading lists its tasks: the tasks are made before the headings are handed out.
  get sections(): readonly Section[] {
    if (!this.made) this.makeTasks();
    return this.headings.sections;
  }
  get subsections(): readonly Subsection[] {
    if (!this.made) this.makeTasks();
    return this.headings.subsections;
  }
  get numberingRestarts(): boolean {
    return this.cols.restarted.includes(1);
  }

  get madeCount(): number {
    return this.made ? this.made.length : (this.early?.size ?? 0);
  }

  /** Task k, made alone when the others are not made yet; the same object when they are made later. */
  task(k: number): PlanTask {
    if (this.made) return this.made[k] as PlanTask;
    let task = this.early?.get(k);
    if (!task) (this.early ??= new Map()).set(k, (task = this.makeTask(k)));
    return task;
  }

  private makeTask(k: number): PlanTask {
    const c = this.cols;
    const { sections, subsections } = this.headings;
    const section = c.sections[k] >= 0 ? sections[c.sections[k]] : null;
    const subsection = c.subsections[k] >= 0 ? subsections[c.subsections[k]] : null;
    return new PlanTask(k, c.lines[k], section, subsection, c.restarted[k] === 1, c.readings, c.bases[k], this.lines);
  }

  private makeTasks(): Task[] {
    const out = new Array<Task>(this.cols.count);
    for (let k = 0; k < out.length; k++) {
      // A sub-section's task is also its section's.
      const task = this.early?.get(k) ?? this.makeTask(k);
      out[k] = task;
      if (task.subsection) task.subsection.tasks.push(task);
      if (task.section) task.section.tasks.push(task);
    }
    this.early = undefined;
    return (this.made = out);
  }

  private stray: BracketProblem[] | undefined;
  /**
   * Stray brackets are each task reading's, placed where the task now starts: made when asked for
   * (the rules judge readings), not on every parse and every keystroke.
   */
  get brackets(): readonly BracketProblem[] {
    if (this.stray) return this.stray;
    const out: BracketProblem[] = [];
    for (const t of this.tasks as readonly PlanTask[]) {
      for (const b of this.cols.readings.brackets(t.index)) out.push({ char: b.char, kind: b.kind, span: new TextSpan(t.base + b.start, t.base + b.start + 1, this.lines) });
    }
    return (this.stray = out);
  }
}

/** How many of a plan's tasks are made so far (for tests: a keystroke should make one at most). */
export function madeTaskCount(plan: Plan): number {
  return plan instanceof ParsedPlan ? plan.madeCount : plan.tasks.length;
}

/** How many of a plan's made tasks have made their spans (clause, names, time limits) so far: for tests. */
export function spannedTaskCount(plan: Plan): number {
  if (plan instanceof ParsedPlan && plan.madeCount === 0) return 0;
  let n = 0;
  for (const t of plan.tasks) if (t instanceof PlanTask && t.spanned) n++;
  return n;
}

/**
 * A plan made by parsePlan as its task columns, its headings (their task lists are filled only once
 * the tasks are made) and its lines: what the rules read, making no task (a task is an object per
 * task, kept as long as the plan; 1.1 MB at 10k tasks, made for nothing when only problems are asked).
 */
export function planColumns(plan: Plan): { readonly cols: TaskColumns; readonly headings: ParsedPlan['headings']; readonly lines: LineIndex; readonly tableHeaders: readonly TableHeader[] } {
  if (!(plan instanceof ParsedPlan)) throw new Error('planColumns needs a plan made by parsePlan');
  return plan;
}

/**
 * The kind of column (lead, participant, person, deadline) a table row's cell at `offset` stands
 * under; null outside a table row or in a column no label names (序号, 重点任务).
 */
export function tableColumnAt(plan: Plan, offset: number): LabelKind | null {
  if (!(plan instanceof ParsedPlan) || plan.tableHeaders.length === 0) return null;
  const line = plan.lines.positionAt(offset).line;
  const header = headerAt(plan.tableHeaders, line);
  if (!header) return null;
  const t = plan.text;
  const start = plan.lines.lineStarts[line];
  if (!holdsDelimiter(t, start, plan.lines.lineEnd(line), header)) return null;
  let col = 0;
  for (let i = start; i < offset; i++) if (t.charCodeAt(i) === header.delimiter) col++;
  const label = header.labels[col];
  return label ? columnKind(label) : null;
}

/** The index of the last task starting on or before `line` (-1: none), found by halving: tasks are in line order. */
export function taskOnOrBefore(cols: TaskColumns, line: number): number {
  return lastAtMost(cols.lines, line, 0, cols.count - 1);
}

/** The span of task k's number, from the columns (as PlanTask.numberSpan). */
export function numberSpanOf(cols: TaskColumns, k: number, lines: LineIndex): Span {
  const r = cols.readings;
  return new TextSpan(cols.bases[k] + r.numberStart(k), cols.bases[k] + r.numberEnd(k), lines);
}

/** Task k of a plan made by parsePlan, without making the plan's other tasks if they are not made yet. */
export function planTask(plan: Plan, k: number): PlanTask {
  if (plan instanceof ParsedPlan) return plan.task(k);
  const task = plan.tasks[k];
  if (!(task instanceof PlanTask)) throw new Error('planTask needs a plan made by parsePlan');
  return task;
}

/**
 * The line an edit lies within, or -1: no line break touched, so the lines are as many as before and
 * the edited one starts where it did. The edit replaced [prefix, oldSuffix) of the last version's
 * text with [prefix, suffixStart) of this one.
 */
function lineOfEdit(lines: LineIndex, old: LineIndex, prefix: number, suffixStart: number, oldSuffix: number): number {
  if (lines.lineCount !== old.lineCount) return -1;
  const line = lines.positionAt(prefix).line;
  return lines.lineStarts[line] === old.lineStarts[line] && suffixStart <= lines.lineEnd(line) && oldSuffix <= old.lineEnd(line) ? line : -1;
}

class PlanParser {
  private readonly lines: LineIndex;
  private table = new LineTable(0);
  private readonly sections: Section[] = [];
  private readonly subsections: Subsection[] = [];
  /** The tasks, as columns: moved from the last version's (reuse), or found by build() and finishTask() with room for one per line. */
  private found: TaskColumns & { count: number } = { count: 0, lines: NO_INTS, bases: NO_INTS, readings: Readings.empty(), sections: NO_INTS, subsections: NO_INTS, restarted: new Uint8Array(0) };
  private readonly crossRefs: CrossReference[] = [];
  private convention: Convention | null = null;
  private conventionOn = false;

  constructor(
    private readonly text: string,
    private readonly options: ParseOptions,
  ) {
    const cache = options.taskCache;
    cache?.compare(text);
    this.lines = cache ? cache.lineIndex(text) : new LineIndex(text);
    keepParser(this);
  }

  /**
   * Each bracket is read once, whoever asks (continuation check, deadlines, clause): they ask about
   * the same few brackets one after another, so the last eight readings are kept, by where their
   * content starts and ends (an unclosed bracket read to the end of one line, for the continuation
   * check, is a different reading from the same bracket read to the end of its task). A map of every
   * bracket of the plan cost an entry per bracket and a lookup in a large table each time.
   */
  private readonly readStarts = new Int32Array(8).fill(-1);
  private readonly readEnds = new Int32Array(8);
  private readonly readValues: (BracketReading | undefined)[] = new Array<BracketReading | undefined>(8).fill(undefined);
  private readNext = 0;
  /**
   * The records each of the eight readings is written into (readBracket's `into`): a bracket's
   * reading is used only while its task is read, so two records per bracket need not be made.
   */
  private readonly readSlots: readonly BracketSlot[] = Array.from({ length: 8 }, bracketSlot);
  /** The content of a task's label lines or inline labels (parseLabels' `into`), read again for each task. */
  private readonly labelContent = emptyContent();

  /** The reading of bracket group g (bracketGroups). */
  private read(g: number): BracketReading {
    const innerStart = BG_OPEN[g] + 1;
    const innerEnd = BG_INNER_END[g];
    for (let k = 0; k < 8; k++) if (this.readStarts[k] === innerStart && this.readEnds[k] === innerEnd) return this.readValues[k]!;
    const k = this.readNext;
    const reading = readBracket(this.text, innerStart, innerEnd, this.conventionOn, true, this.readSlots[k]);
    this.readNext = (k + 1) & 7;
    this.readStarts[k] = innerStart;
    this.readEnds[k] = innerEnd;
    this.readValues[k] = reading;
    return reading;
  }

  span(start: number, end: number): Span {
    return new TextSpan(start, end, this.lines);
  }


  parse(): Plan {
    this.findConvention();
    this.findTables();
    const cache = this.options.taskCache;
    cache?.begin(this.conventionOn, this.tablesKey);
    const reused = cache ? this.reuse(cache) : null;
    if (!reused) {
      this.classifyLines();
      this.build();
    }
    const plan = this.finish();
    cache?.end({ plan, lines: this.table, taskStyle: this.taskStyle, mixedStyles: this.mixedStyles, convention: this.conventionOn, saysFirst: this.saysFirst, tables: this.tablesKey, hasCells: this.hasCells }, reused !== null);
    if (reused) RESHAPED.set(plan, reused);
    // The parser is held until the next parse (model/shapes.ts): not the last version's plan with it.
    this.refsFrom = null;
    return plan;
  }

  /**
   * The usual keystroke stays within one line: a task's words, a heading's title, the prose before
   * or between tasks. It changes nothing but that line: the same lines (none added or removed, none
   * of another kind), the same tasks with the same numbers under the same headings. Then only the
   * task the line belongs to, if any, is read again (an edited heading is made again); every other
   * line record, task extent and heading is the last version's, moved past the edit. A line break
   * typed, a task or heading number edited, or a change in where a task ends takes the full path.
   */
  private reuse(cache: TaskCache): Reshape | null {
    const last = cache.previousPlan;
    const edit = cache.edit;
    if (!last || !edit) return null;
    const old = last.plan;
    const lines = this.lines;
    const { prefix, suffixStart, delta } = edit;
    const oldSuffix = suffixStart - delta;
    const line = lineOfEdit(lines, old.lines, prefix, suffixStart, oldSuffix);
    if (line < 0) return null;
    const was = last.lines;
    if (line >= was.count || was.has(line, FLAG_CONTEXTUAL)) return null;
    this.taskStyle = last.taskStyle;
    this.mixedStyles = last.mixedStyles;
    // A five-digit number depends on the task before it: such a line is contextual and never reused.
    const now = EDITED_LINE;
    this.classifyLine(line, 0, now, 0);
    if (now.has(0, FLAG_CONTEXTUAL)) return null;
    // The same kind of line, the same number written the same way: only its words changed.
    const a = lines.lineStarts[line];
    const sameFlags = (was.flags[line] & (FLAG_INDENTED | FLAG_PAREN)) === (now.flags[0] & (FLAG_INDENTED | FLAG_PAREN));
    const sameNumeral = old.text.slice(a + was.numeralStarts[line], a + was.numeralEnds[line]) === this.text.slice(a + now.numeralStarts[0], a + now.numeralEnds[0]);
    if (now.kinds[0] !== was.kinds[line] || !sameFlags || !sameNumeral || now.separators[0] !== was.separators[line] || now.labels[0] !== was.labels[line]) return null;
    // The task the edited line belongs to, if any: the last task starting on or before it. Read from
    // the last version's columns: its tasks need not have been made.
    const cols = old.cols;
    const lo = taskOnOrBefore(cols, line);
    const lastLine = lo >= 0 ? old.lines.positionAt(cols.bases[lo] + cols.readings.end(lo)).line : -1;
    // Within a task, that task is read again; on a heading or in prose outside any task, none is.
    const edited = lo >= 0 && line <= lastLine ? lo : -1;
    this.table = was.withRow(line, now, 0);
    // The task before must still end where it ended: the edit may have closed or opened a clause, or
    // attached the prose line after it.
    if (lo >= 0 && this.taskLastLine(cols.lines[lo]) !== lastLine) {
      this.table = new LineTable(0);
      return null;
    }
    // The last version's readings, but for the edited task's row, read again into a chunk of its own.
    const readings = edited >= 0 ? cols.readings.withOwnRow(edited) : cols.readings;
    if (edited >= 0) this.readTask(cols.lines[edited], lastLine, lines.lineStarts[cols.lines[edited]], readings, edited);
    // A table row's separator is the tab after its number (readTask), which the line's own record
    // does not hold: the plan-wide rules read separators, so a changed one takes the full path.
    if (edited >= 0 && readings.separator(edited) !== cols.readings.separator(edited)) {
      this.table = new LineTable(0);
      return null;
    }
    // Tasks from here on start after the edit.
    const after = edited >= 0 ? edited + 1 : lo + 1;
    // Headings lie on other lines, before the edit or after it and moved; an edited one (its title:
    // its number is the same) is made again from its line. Extents are set by closeExtents().
    // Written out, not spread: spreading each of a long plan's ~2,000 headings cost ~2 ms a keystroke.
    const move = (o: number) => (o < prefix ? o : o + delta);
    const moved = (s: Span) => this.span(move(s.start), move(s.end));
    const remade = (h: Section | Subsection, section: Section | null) => this.makeHeading(h.kind, line, section);
    // The last version's own heading lists: asking for its sections would make its tasks.
    const { sections: oldSections, subsections: oldSubsections } = old.headings;
    for (const h of oldSections) {
      this.sections.push(
        h.line === line
          ? (remade(h, null) as Section)
          : { kind: 'section', numeral: h.numeral, value: h.value, title: h.title, line: h.line, span: moved(h.span), numeralSpan: moved(h.numeralSpan), extent: h.span, tasks: [], subsections: [] },
      );
    }
    // Everything is in document order: one cursor per kind of heading finds each copy, no lookup.
    let si = 0;
    for (const h of oldSubsections) {
      let section: Section | null = null;
      if (h.section) {
        while (oldSections[si] !== h.section) si++;
        section = this.sections[si];
      }
      const copy: Subsection =
        h.line === line
          ? (remade(h, section) as Subsection)
          : { kind: 'subsection', numeral: h.numeral, value: h.value, title: h.title, line: h.line, span: moved(h.span), numeralSpan: moved(h.numeralSpan), extent: h.span, tasks: [], section };
      section?.subsections.push(copy);
      this.subsections.push(copy);
    }
    // The tasks are the last version's, by index, under the copies of their headings: the same
    // lines, numbers and readings (but the edited task's), those after the edit moved. Kept as
    // columns, made into tasks when asked for (ParsedPlan): most keystrokes are answered with none.
    const bases = cols.bases.slice();
    for (let k = after; k < cols.count; k++) bases[k] += delta;
    this.found = { ...cols, bases, readings };
    this.refsFrom = { old, line };
    this.closeExtents();
    // The last version's own reshaping is no longer needed: versions must not chain.
    RESHAPED.delete(old);
    return { previous: old, task: edited, after, prefix, oldSuffix, delta };
  }

  /** Set by reuse(): the last version and the edited line, whose cross-references are the only ones read again. */
  private refsFrom: { readonly old: ParsedPlan; readonly line: number } | null = null;

  private finish(): ParsedPlan {
    const title = this.findTitle();
    if (this.refsFrom) this.moveCrossReferences(this.refsFrom.old, this.refsFrom.line);
    else this.findCrossReferences(0, this.text.length);
    const headings = { sections: this.sections, subsections: this.subsections };
    // A full parse's columns have room for a task per line: cut to the tasks found.
    const f = this.found;
    const n = f.count;
    const cols: TaskColumns = f.lines.length === n ? f : { count: n, lines: f.lines.slice(0, n), bases: f.bases.slice(0, n), readings: f.readings, sections: f.sections.slice(0, n), subsections: f.subsections.slice(0, n), restarted: f.restarted.slice(0, n) };
    return new ParsedPlan(this.text, this.lines, title, this.convention, headings, cols, this.crossRefs, this.headers);
  }

  /** Whether the text says 第一 anywhere. */
  private saysFirst = false;

  private findConvention(): void {
    // Every form of the declaration says 第一: a plan without it (most) needs no regular-expression scan.
    // When the last version did not say it, this one says it only where it changed (one character
    // either side of the edit): the rest of the text need not be searched on every keystroke.
    const last = this.options.taskCache?.previousPlan;
    const changed = this.options.taskCache?.changed;
    this.saysFirst = last && changed && !last.saysFirst ? this.text.slice(Math.max(0, changed.prefix - 1), changed.suffixStart + 1).includes('第一') : this.text.includes('第一');
    const m = this.saysFirst ? CONVENTION_RE.exec(this.text) : null;
    if (m) this.convention = { phrase: m[0], span: this.span(m.index, m.index + m[0].length) };
    const mode = this.options.firstListed ?? 'auto';
    this.conventionOn = mode === 'on' || (mode === 'auto' && this.convention !== null);
  }

  /** Whether the text holds a tab or a |; the table header rows, in order (model/table.ts), and their columns. */
  private hasCells = false;
  private headers: readonly TableHeader[] = NONE;
  private tablesKey = '';

  private findTables(): void {
    // Every table row holds a tab or a |: a plan without either (most) has no table to look for.
    // When the last version had none, this one has one only where it changed.
    const last = this.options.taskCache?.previousPlan;
    const changed = this.options.taskCache?.changed;
    const holdsCells = (s: string) => s.includes('\t') || s.includes('|');
    this.hasCells = last && changed && !last.hasCells ? holdsCells(this.text.slice(changed.prefix, changed.suffixStart)) : holdsCells(this.text);
    if (!this.hasCells) return;
    this.headers = last && changed && last.hasCells ? this.headersAfter(last, changed) : findTableHeaders(this.text, this.lines);
    this.tablesKey = tablesKey(this.headers);
  }

  /** The header rows when the last version had some cells: its own, if the edit stayed within one line. */
  private headersAfter(last: LastParse, changed: { readonly prefix: number; readonly suffixStart: number }): readonly TableHeader[] {
    const lines = this.lines;
    const line = lineOfEdit(lines, last.plan.lines, changed.prefix, changed.suffixStart, changed.suffixStart - (this.text.length - last.plan.text.length));
    return line >= 0 ? headersAfterLineEdit(last.plan.tableHeaders, this.text, lines, line) : findTableHeaders(this.text, lines);
  }

  private classifyLines(): void {
    const cache = this.options.taskCache;
    const last = cache?.previousPlan?.lines;
    const count = this.lines.lineCount;
    const table = (this.table = new LineTable(count));
    let arabic = 0;
    let lastArabic = 0;
    let paren = 0;
    for (let line = 0; line < count; line++) {
      const old = last ? cache!.lineRow(line, this.lines.lineStarts[line], this.lines.lineEnd(line), count) : -1;
      if (old >= 0) table.copyRow(last!, old, line);
      else this.classifyLine(line, lastArabic, table, line);
      if (table.kinds[line] === KIND_TASK) {
        if (!table.has(line, FLAG_PAREN)) {
          lastArabic = table.values[line];
          arabic++;
        } else paren++;
      }
    }
    // One task style per document: where 1. numbers the tasks, (1) lines are items inside a task.
    this.taskStyle = arabic > 0 ? 'arabic' : 'paren-arabic';
    this.mixedStyles = paren > 0 && arabic > 0;
  }

  /**
   * What one line's own text makes it (`lastArabic`: the task number before it, for five-digit
   * numbers), written to row `row` of `table`, offsets relative to the line's start.
   */
  private classifyLine(line: number, lastArabic: number, table: LineTable, row: number): void {
    const t = this.text;
    const lineStart = this.lines.lineStarts[line];
    const lineEnd = this.lines.lineEnd(line);
    let s = lineStart;
    while (s < lineEnd && isWhite(t.charCodeAt(s))) s++;
    const indented = s > lineStart && !(s === lineStart + 1 && t[lineStart] === '\ufeff');
    // The delimiter of the table the line stands under (model/table.ts), -1 outside any.
    const delimiter = this.headers.length > 0 ? (headerAt(this.headers, line)?.delimiter ?? -1) : -1;
    // A row of a Markdown table under its header: its words start after the |.
    if (t.charCodeAt(s) === PIPE && delimiter === PIPE) {
      for (let c = PIPE; s < lineEnd && (c === PIPE || isWhite(c)); c = t.charCodeAt(++s));
    }
    // Markdown: headings, list bullets, quotes, emphasis.
    const c0 = t.charCodeAt(s);
    if (c0 === 0x23 /* # */ || c0 === 0x3e /* > */ || c0 === 0x2d /* - */ || c0 === 0x2a /* * */ || c0 === 0x2b /* + */) {
      const md = /^(?:#{1,6}[ \t]+|>[ \t]*|[-+][ \t]+|\*[ \t]+(?!\*))/.exec(t.slice(s, Math.min(lineEnd, s + 8)));
      if (md) s += md[0].length;
      while (t.startsWith('**', s)) s += 2;
      while (s < lineEnd && isWhite(t.charCodeAt(s))) s++;
    }
    let e = lineEnd;
    while (e > s && isWhite(t.charCodeAt(e - 1))) e--;
    table.setRow(row, indented ? FLAG_INDENTED : 0, s - lineStart, e - lineStart);
    if (s >= e) return; // blank (kind 0)
    table.kinds[row] = KIND_PROSE;
    // Each kind of line starts with its own kind of character: try only the pattern that can match.
    const first = LINE_START[t.charCodeAt(s)];
    if (first === START_DIGIT) this.taskNumber(s, e, lastArabic, table, row, lineStart, delimiter);
    else if (first === START_LABEL) {
      // A label line: 牵头单位：… (the label and its colon within the first 24 characters).
      const label = labelAt(t, s, Math.min(e, s + 24));
      if (label !== undefined) {
        table.kinds[row] = KIND_LABEL;
        table.labels[row] = LABELS.of(label);
      }
    } else if (first !== 0) {
      const head = t.slice(s, Math.min(e, s + 24));
      let m: RegExpExecArray | null;
      let value = NaN;
      if (first === START_NUMERAL && (m = SECTION_RE.exec(head)) && !Number.isNaN((value = chineseNumeralValue(m[1])))) {
        table.setNumbered(row, KIND_SECTION, s - lineStart, s + m[1].length - lineStart, value, s + m[0].length - lineStart);
      } else if (first === START_BRACKET && (m = SUBSECTION_RE.exec(head)) && !Number.isNaN((value = chineseNumeralValue(m[1])))) {
        const n = s + m[0].indexOf(m[1]) - lineStart;
        table.setNumbered(row, KIND_SUBSECTION, n, n + m[1].length, value, s + m[0].length - lineStart);
      } else if (first === START_BRACKET && (m = PAREN_TASK_RE.exec(head))) {
        const n = s + m[0].indexOf(m[1]) - lineStart;
        table.setNumbered(row, KIND_TASK, n, n + m[1].length, digitsValue(m[1]), s + m[0].length - lineStart);
        table.flags[row] |= FLAG_PAREN;
        table.separators[row] = SEPARATORS.of(t.charCodeAt(s) === 0x28 /* ( */ ? '(）' : '（）');
      }
    }
  }

  /** Where 1. numbers the tasks, (1) lines are items inside them, and read as prose. */
  private taskStyle: NumberStyle = 'arabic';
  private mixedStyles = false;

  /** A line's kind in this document: its own, except tasks of the other numbering style. */
  private kind(line: number): number {
    const kind = this.table.kinds[line];
    if (kind !== KIND_TASK || !this.mixedStyles) return kind;
    return this.table.has(line, FLAG_PAREN) !== (this.taskStyle === 'paren-arabic') ? KIND_PROSE : kind;
  }

  /** Start of a line in this version: a line's row counts its offsets from there. */
  private at(line: number): number {
    return this.lines.lineStarts[line];
  }
  private contentStart(line: number): number {
    return this.at(line) + this.table.contentStarts[line];
  }
  private contentEnd(line: number): number {
    return this.at(line) + this.table.contentEnds[line];
  }
  /** Where a heading's or task's words start; where any other line's content starts. */
  private bodyStart(line: number): number {
    return this.at(line) + (this.table.kinds[line] >= KIND_SECTION ? this.table.bodyStarts[line] : this.table.contentStarts[line]);
  }
  /** A heading's or task's number as written. */
  private numeral(line: number): string {
    return this.text.slice(this.at(line) + this.table.numeralStarts[line], this.at(line) + this.table.numeralEnds[line]);
  }

  /**
   * A task's number as written. Written as its value is (12, not 012), it is one shared string per
   * value: a plan of 10,000 tasks writes 1 to 150 again and again, and each slice was a new string
   * kept as long as the reading. Otherwise a slice (short: a copy in V8, not a view of the text).
   */
  private taskNumeral(line: number): string {
    const a = this.at(line) + this.table.numeralStarts[line];
    const b = this.at(line) + this.table.numeralEnds[line];
    const v = this.table.values[line];
    if (v >= 0 && v < NUMBER_STRINGS.length) {
      let s = NUMBER_STRINGS[v];
      if (s === '') s = NUMBER_STRINGS[v] = String(v);
      if (s.length === b - a && startsAt(this.text, a, s)) return s;
    }
    return this.text.slice(a, b);
  }

  /**
   * A line starting with a digit: is it a task number ("12." "12、" "12 " "12推进…", or in full-width digits
   * "１２．", its digits all of one width)? The first 24 characters decide, as /^(\d{1,5}|[０-９]{1,5})([ \t\u3000]*[.．、)）](?![\d０-９])|[ \t\u3000]+)?/ on them would,
   * read by character codes: every task line of a plan passes here, and the expression with its
   * slices made several strings per line. Sets the task fields of row `row` when it is one.
   */
  private taskNumber(s: number, e: number, lastArabic: number, table: LineTable, row: number, lineStart: number, delimiter: number): boolean {
    const t = this.text;
    const headEnd = Math.min(e, s + 24);
    let d = s;
    let value = 0;
    // Digits of one width: 2１２ is a slip, not task 212 (renumbering it would rewrite both widths).
    const full = isFullWidthDigit(t.charCodeAt(s));
    for (let c = t.charCodeAt(d); d < headEnd && d - s < 5 && isAnyDigit(c) && isFullWidthDigit(c) === full; c = t.charCodeAt(++d)) value = value * 10 + digitValue(c);
    if (d === s || value <= 0) return false;
    // A separator after optional spaces, not followed by a digit (1.5 is a quantity); or spaces alone.
    let k = d;
    while (k < headEnd && isBlank(t.charCodeAt(k))) k++;
    let sep = -1;
    let matchEnd = k;
    if (k < headEnd && isNumberSeparator(t.charCodeAt(k)) && !(k + 1 < headEnd && isAnyDigit(t.charCodeAt(k + 1)))) {
      sep = k;
      matchEnd = k + 1;
    }
    const restLength = headEnd - matchEnd;
    if (sep >= 0) {
      // Five digits read as a year or a code, unless they continue the numbering: compiled plans run
      // past task 9999, and without this the rest of such a plan was silently left unchecked.
      if (value >= 10000) table.flags[row] |= FLAG_CONTEXTUAL;
      if (!((value < 10000 || value === lastArabic + 1) && restLength > 0)) return false;
    } else {
      // No separator: the number must stand before words, not be a quantity or a year. Alone in the
      // first cell of a table row (a header in force, its delimiter next), it is a row's number,
      // however large: a table of thousands of tasks numbers them 1000	, 1001	…
      let q = d;
      while (q < e && (t.charCodeAt(q) === 0x20 || t.charCodeAt(q) === 0x3000)) q++;
      const alone = delimiter >= 0 && t.charCodeAt(q) === delimiter;
      if ((value >= 1000 && !alone) || restLength === 0) return false;
      const r = t.charCodeAt(matchEnd);
      if (!alone && (QUANTITY_CODES.has(r) || isAnyDigit(r) || r === 0x2e /* . */ || r === 0xff0e /* ． */)) return false;
    }
    let body = matchEnd;
    while (body < e && isBlank(t.charCodeAt(body))) body++;
    table.setNumbered(row, KIND_TASK, s - lineStart, d - lineStart, value, body - lineStart);
    table.separators[row] = sep >= 0 ? SEPARATORS.of(separatorOf(t.charCodeAt(sep))) : 0;
    return true;
  }

  private findTitle(): { text: string; span: Span } | null {
    let best: number | null = null;
    for (let line = 0; line < this.table.count; line++) {
      const kind = this.kind(line);
      if (kind === KIND_SECTION || kind === KIND_SUBSECTION || kind === KIND_TASK) break;
      if (kind !== KIND_PROSE || (this.headers.length > 0 && isHeaderLine(this.headers, line))) continue;
      const s = this.text.slice(this.contentStart(line), this.contentEnd(line));
      if (s.length <= 60 && TITLE_WORDS_RE.test(s) && !/[。：:]$/.test(s) && !/^[《“]/.test(s) && !/[>＞]/.test(s)) best = line;
    }
    if (best === null) return null;
    const start = this.contentStart(best);
    const end = this.contentEnd(best);
    return { text: this.text.slice(start, end), span: this.span(start, end) };
  }

  private build(): void {
    let section: Section | null = null;
    let subsection: Subsection | null = null;
    let headingSinceTask = false;
    const n = this.table.count;
    this.found = { count: 0, lines: new Int32Array(n), bases: new Int32Array(n), readings: Readings.empty(), sections: new Int32Array(n), subsections: new Int32Array(n), restarted: new Uint8Array(n) };
    for (let line = 0; line < this.table.count; line++) {
      switch (this.kind(line)) {
        case KIND_SECTION: {
          section = this.makeHeading('section', line, null) as Section;
          subsection = null;
          headingSinceTask = true;
          this.sections.push(section);
          break;
        }
        case KIND_SUBSECTION: {
          subsection = this.makeHeading('subsection', line, section) as Subsection;
          section?.subsections.push(subsection);
          this.subsections.push(subsection);
          headingSinceTask = true;
          break;
        }
        case KIND_TASK: {
          const last = this.taskLastLine(line);
          this.finishTask(line, last, section, subsection, headingSinceTask);
          headingSinceTask = false;
          // What follows the task up to the next heading or task is prose outside any task.
          line = last;
          break;
        }
      }
    }
    this.closeExtents();
  }

  /** The last line of the task starting at `first`: its label lines and the prose lines attached to it. */
  private taskLastLine(first: number): number {
    let last = first;
    let blankSince = false;
    for (let line = first + 1; line < this.table.count; line++) {
      switch (this.kind(line)) {
        case KIND_BLANK:
          blankSince = true;
          continue;
        case KIND_LABEL:
          last = line;
          break;
        case KIND_PROSE:
          // A table's header row starts a new table, never continues a task.
          if (this.headers.length > 0 && isHeaderLine(this.headers, line)) return last;
          if (!this.continuesTask(first, last, line, blankSince)) return last;
          last = line;
          break;
        default:
          return last;
      }
      blankSince = false;
    }
    return last;
  }

  /** A prose line continues the open task while the task has no clause yet and the line is attached to it. */
  private continuesTask(first: number, last: number, line: number, blankSince: boolean): boolean {
    // Only label lines end a task's prose, and they are never followed by prose in it, so checking
    // the last line is enough (scanning first..last for every line was quadratic in long tasks).
    if (last > first && this.table.kinds[last] === KIND_LABEL) return false;
    const from = this.contentStart(last);
    // A loop, not /[…]+$/: that regex rescans a long run of punctuation from every start (quadratic).
    // By character codes: this.text[i] made a new string for each Chinese character looked at.
    const t = this.text;
    let pe = this.contentEnd(last);
    while (pe > from && endsLine(t.charCodeAt(pe - 1))) pe--;
    if (pe > from && (CHAR_CLASS[t.charCodeAt(pe - 1)] & CH_CLOSE) !== 0 && this.endsWithClause(last) && !this.tableRow(first, last)) return false;
    return this.table.has(line, FLAG_INDENTED) || !blankSince;
  }

  /**
   * Whether `last` is a line of table row `first`: its cells end with the line, whatever the last
   * one holds (a time limit in brackets is no clause ending the task), so a row of the same task
   * after it (its number cell empty) still belongs to it.
   */
  private tableRow(first: number, last: number): boolean {
    const header = this.headers.length > 0 ? headerAt(this.headers, first) : null;
    return header !== null && holdsDelimiter(this.text, this.at(last), this.lines.lineEnd(last), header);
  }

  private endsWithClause(line: number): boolean {
    this.bracketGroups(this.bodyStart(line), this.contentEnd(line), null);
    return BG_COUNT > 0 && this.read(BG_COUNT - 1).kind !== 'other';
  }

  /** The heading on `line`; a sub-section under `section` (the one it stands in, if any). */
  private makeHeading(kind: 'section' | 'subsection', line: number, section: Section | null): Section | Subsection {
    const numeral = this.numeral(line);
    const a = this.at(line);
    const bodyStart = this.bodyStart(line);
    let titleEnd = this.contentEnd(line);
    // Trailing emphasis, # and spaces are not the title's (/[*#\s]/, by character codes).
    while (titleEnd > bodyStart) {
      const c = this.text.charCodeAt(titleEnd - 1);
      if (c !== 0x2a /* * */ && c !== 0x23 /* # */ && !isWhite(c)) break;
      titleEnd--;
    }
    const value = this.table.values[line];
    // Carried to later versions (reuse): a slice of this version's text would keep the text alive.
    const title = ownCopy(this.text.slice(bodyStart, titleEnd));
    const numeralStart = a + this.table.numeralStarts[line];
    const span = this.span(numeralStart, titleEnd);
    const numeralSpan = this.span(numeralStart, a + this.table.numeralEnds[line]);
    const extent = this.span(a, this.contentEnd(line));
    // Written out, not spread from a shared part: the same fields in the same order as reuse() copies them.
    return kind === 'section'
      ? { kind, numeral, value, title, line, span, numeralSpan, extent, tasks: [], subsections: [] }
      : { kind, numeral, value, title, line, span, numeralSpan, extent, tasks: [], section };
  }

  private closeExtents(): void {
    const end = (line: number) => this.lines.lineEnd(Math.max(0, line));
    const lastContent = (before: number) => {
      let l = before - 1;
      while (l > 0 && this.table.kinds[l] === KIND_BLANK) l--;
      return l;
    };
    const setExtent = (h: Section | Subsection, nextLine: number) => {
      (h as { extent: Span }).extent = this.span(this.lines.lineStarts[h.line], end(Math.max(h.line, lastContent(nextLine))));
    };
    // Headings are in document order, so "the next one" is the next index (a find() per heading was
    // quadratic in plans of many headings).
    const nextSection = (k: number) => (k + 1 < this.sections.length ? this.sections[k + 1].line : this.table.count);
    this.sections.forEach((sec, k) => {
      setExtent(sec, nextSection(k));
      sec.subsections.forEach((ss, j) => setExtent(ss, j + 1 < sec.subsections.length ? sec.subsections[j + 1].line : nextSection(k)));
    });
    // Sub-sections before the first section end at the next sub-section or at that section.
    const firstSection = this.sections.length > 0 ? this.sections[0].line : this.table.count;
    this.subsections.forEach((ss, k) => {
      if (!ss.section) setExtent(ss, Math.min(k + 1 < this.subsections.length ? this.subsections[k + 1].line : this.table.count, firstSection));
    });
  }

  private finishTask(first: number, last: number, section: Section | null, subsection: Subsection | null, afterHeading: boolean): void {
    const f = this.found;
    const k = f.count++;
    const value = this.table.values[first];
    const restarted = afterHeading && value === 1 && k > 0 && f.readings.value(k - 1) !== 0;
    const taskEnd = this.contentEnd(last);
    const base = this.at(first);
    // A task whose text is unchanged since the last parse is not read again (incremental re-analysis).
    const cache = this.options.taskCache;
    const kept = cache ? cache.get(base, taskEnd) : -1;
    if (kept >= 0) f.readings.copyRow(k, cache!.previousReadings, kept);
    else this.readTask(first, last, base, f.readings, k);
    f.lines[k] = first;
    f.bases[k] = base;
    // The open headings are the last ones made.
    f.sections[k] = section ? this.sections.length - 1 : -1;
    f.subsections[k] = subsection ? this.subsections.length - 1 : -1;
    f.restarted[k] = restarted ? 1 : 0;
  }

  /** Everything about a task that depends only on its own text, with offsets relative to `base`: written as row k of `out`. */
  private readTask(first: number, last: number, base: number, out: Readings, k: number): void {
    // The task's label records are pooled (clause.ts): none is kept past its reading.
    poolLabels(true);
    try {
      this.readTaskRow(first, last, base, out, k);
    } finally {
      poolLabels(false);
    }
  }

  private readTaskRow(first: number, last: number, base: number, out: Readings, k: number): void {
    const table = this.table;
    const t = this.text;
    const taskEnd = this.contentEnd(last);
    let bodyStart = this.bodyStart(first);
    // Stray brackets are rare: the list is made when there is one.
    const brackets = STRAY;
    // Emptied only when it holds something: setting an array's length is a call into the runtime.
    if (brackets.length > 0) brackets.length = 0;

    // Label lines after the task (block form), or the clause inside the task's own text. Their labels
    // are gathered in one list for every task (read here and by parseLabels, never kept).
    const labelEntries = TASK_LABELS;
    if (labelEntries.length > 0) labelEntries.length = 0;
    let textEnd = taskEnd;
    let labelsStart = -1;
    // A table row: its cells under labelled columns are its labels (model/table.ts).
    const header = this.headers.length > 0 ? headerAt(this.headers, first) : null;
    const cells = header ? this.tableCells(first, last, header, labelEntries) : -1;
    const delimiter = cells >= 0 ? header!.delimiter : -1;
    if (cells >= 0) {
      textEnd = cells;
      labelsStart = cells;
      // The task's words are the cells after the number's: past the | that ends it (a tab is a space)
      // and the quote Excel may have put around them.
      while (bodyStart < textEnd && (isWhite(t.charCodeAt(bodyStart)) || t.charCodeAt(bodyStart) === delimiter || t.charCodeAt(bodyStart) === 0x22)) bodyStart++;
    }
    for (let l = first + 1; l <= last && cells < 0; l++) {
      if (table.kinds[l] !== KIND_LABEL) continue;
      if (labelEntries.length === 0) {
        textEnd = this.contentEnd(this.prevContentLine(l, first));
        labelsStart = this.contentStart(l);
      }
      // Added in place: a task may have 100,000 label lines, and concatenating lists made that quadratic.
      findLabels(t, this.contentStart(l), this.contentEnd(l), labelEntries);
    }
    this.bracketGroups(bodyStart, textEnd, brackets);

    // Whether a clause was found: its fields are then this.clauseForm and the rest (rawClause).
    let clause = false;
    let content: ClauseContent | null = null;
    let bodyEnd = textEnd;
    // Most tasks have no time limit: one list serves every task and is copied out when it holds some.
    const deadlines = TASK_DEADLINES;
    if (deadlines.length > 0) deadlines.length = 0;

    // The last label of a unit (lead or participants) and the first lead label, by one loop.
    let lastUnit: LabelEntry | undefined;
    let leadLabel: LabelEntry | undefined;
    for (const l of labelEntries) {
      if (isUnitLabel(l)) lastUnit = l;
      if (l.kind === 'lead') leadLabel ??= l;
    }
    if (lastUnit) {
      content = parseLabels(t, labelEntries, this.conventionOn, this.labelContent);
      if (cells >= 0) this.tableClause(labelEntries, leadLabel, content, first, last, base);
      else {
        const firstLabel = labelEntries[0];
        const insertAt = leadLabel ? leadLabel.valueStart : firstLabel.labelStart;
        this.rawClause('labels', firstLabel.labelStart, taskEnd, lastUnit.labelStart, lastUnit.labelStart, lastUnit.labelEnd, insertAt, content, first, last, base);
      }
      clause = true;
      // Deadlines in the task's own text still count.
      this.trailingDeadlines(textEnd, deadlines);
    } else {
      clause = this.findInlineClause(bodyStart, textEnd, deadlines, first, last, base);
      if (clause) {
        content = this.inlineContent;
        bodyEnd = base + this.clauseStart;
      } else if (labelEntries.length > 0) {
        // Only person or deadline labels: no clause, but keep the deadlines.
        content = parseLabels(t, labelEntries, this.conventionOn, this.labelContent);
      }
    }
    if (content) for (const d of content.deadlines) deadlines.push(d);
    if (deadlines.length > 1) deadlines.sort(byStart);
    // A bracket left open or never opened on the label lines is as much a slip as one in the task's
    // text (责任单位：省商务厅）). Scanned last: the scan replaces the body's bracket groups read above.
    if (labelsStart >= 0) this.bracketGroups(labelsStart, taskEnd, brackets);
    while (bodyEnd > bodyStart && (isWhite(t.charCodeAt(bodyEnd - 1)) || t.charCodeAt(bodyEnd - 1) === 0x2a /* * */ || (cells >= 0 && (t.charCodeAt(bodyEnd - 1) === delimiter || t.charCodeAt(bodyEnd - 1) === 0x22)))) bodyEnd--;
    // Offsets relative to `base` are written out: no closure made per task. The clause reader wrote
    // these mentions for this task alone (a bracket belongs to one task and is read once per parse),
    // so they are moved to task-relative offsets in place rather than copied. Their names are
    // already the plan's own strings (clause.ts, NAME_FACTS and collectNames).
    // A content naming no one already holds the empty block (newContent, commitMentions).
    const { block, first: m0, count: mn } = content ?? NO_MENTIONS;
    for (let j = m0; j < m0 + mn; j++) {
      block.starts[j] -= base;
      block.ends[j] -= base;
    }
    // The row: its numbers, then its references (model/readings.ts). Every field is written: the row
    // may be a copy of the last version's (PlanParser.reuse).
    const chunk = out.chunkFor(k);
    const ints = chunk.ints;
    const i = rowOf(k) * INTS;
    ints[i + R_ID] = newReadingId();
    ints[i + R_VALUE] = table.values[first];
    // The task's first line starts at base: its row's offsets are already relative to it.
    ints[i + R_NUMBER_START] = table.numeralStarts[first];
    ints[i + R_NUMBER_END] = table.numeralEnds[first];
    ints[i + R_BODY_START] = bodyStart - base;
    ints[i + R_END] = taskEnd - base;
    ints[i + R_BODY_END] = bodyEnd - base;
    ints[i + R_FIRST] = m0;
    ints[i + R_COUNT] = mn;
    ints[i + R_BITS] = (table.has(first, FLAG_PAREN) ? BIT_PAREN : 0) | (clause ? (this.clauseForm << FORM_SHIFT) | (this.clauseExplicit ? BIT_EXPLICIT_LEAD : 0) : 0);
    ints[i + R_CLAUSE_START] = clause ? this.clauseStart : 0;
    ints[i + R_CLAUSE_END] = clause ? this.clauseEnd : 0;
    ints[i + R_CLAUSE_LINE] = clause ? this.clauseLine : 0;
    ints[i + R_ANCHOR_START] = clause ? this.anchorStart : 0;
    ints[i + R_ANCHOR_END] = clause ? this.anchorEnd : 0;
    ints[i + R_INSERT_AT] = clause ? this.insertAt : 0;
    const refs = chunk.refs;
    const p = rowOf(k) * REFS;
    refs[p + P_NUMBER] = this.taskNumeral(first);
    // In a table the number stands alone in its cell: the tab (or |) after it is its separator.
    refs[p + P_SEPARATOR] = table.separators[first] !== 0 ? SEPARATORS.at(table.separators[first]) : cells >= 0 && this.aloneInCell(base + table.numeralEnds[first], delimiter) ? String.fromCharCode(delimiter) : null;
    // Readings outlive the version they were read from (TaskCache): their strings must not pin its text.
    // Empty lists are one shared array: most tasks have no time limit, no stray bracket, no person named.
    refs[p + P_PERSONS] = clause ? this.clausePersons : NONE;
    refs[p + P_DEADLINES] = deadlines.length ? relativeDeadlines(deadlines, base) : NONE;
    refs[p + P_BRACKETS] = brackets.length ? relativeBrackets(brackets, base) : NONE;
    refs[p + P_BLOCK] = block;
    refs[p + P_JUDGED] = undefined;
    refs[p + P_OUTLINED] = undefined;
  }

  /**
   * The cells of table row `first` (its task running to line `last`) under `header`'s labelled
   * columns, as label entries in `out` (each cell's label is its column's heading, written nowhere
   * in the row: labelStart = labelEnd = valueStart). Returns where the first of those cells starts;
   * -1 if the row has none (a line with no tab after its number is no row, even under a header).
   * A row whose first line has fewer cells than the header runs on over the task's next lines: a
   * cell of several lines (Excel quotes it, Word pastes its paragraphs as lines) holds line breaks.
   * A row complete on its line may be followed by rows of the same task whose number cell is empty
   * (a number merged down over a task's several measures, each with its own units): their cells
   * are the task's too.
   */
  private tableCells(first: number, last: number, header: TableHeader, out: LabelEntry[]): number {
    const t = this.text;
    const start = this.at(first);
    const { labels, delimiter } = header;
    let end = this.lines.lineEnd(first);
    let cells = 1;
    let numberCol = 0;
    const numberStart = start + this.table.numeralStarts[first];
    for (let i = start; i < end; i++) {
      if (t.charCodeAt(i) !== delimiter) continue;
      cells++;
      if (i < numberStart) numberCol++;
    }
    const complete = cells >= labels.length;
    if (!complete && last > first) end = this.contentEnd(last);
    const firstCell = this.rowCells(start, end, start + this.table.numeralEnds[first], header, out);
    if (complete) {
      for (let l = first + 1; l <= last; l++) {
        const ls = this.at(l);
        const le = this.lines.lineEnd(l);
        if (this.cellBlank(ls, le, numberCol, delimiter)) this.rowCells(ls, le, ls, header, out);
      }
    }
    return firstCell;
  }

  /** The cells of [start, end) under labelled columns from `from` on, into `out`; where the first starts (-1: none). */
  private rowCells(start: number, end: number, from0: number, header: TableHeader, out: LabelEntry[]): number {
    const t = this.text;
    const { labels, delimiter } = header;
    let firstCell = -1;
    let col = 0;
    let from = start;
    for (let i = start; i <= end && col < labels.length; i++) {
      if (i < end && t.charCodeAt(i) !== delimiter) continue;
      const label = labels[col];
      // The cell holding the number is the task's, whatever its column says.
      if (label !== null && from >= from0) {
        let s = from;
        let e = i;
        // Spaces, and the quotes Excel puts around a cell holding a line break or a quote.
        while (s < e && (isWhite(t.charCodeAt(s)) || t.charCodeAt(s) === 0x22)) s++;
        while (e > s && (isWhite(t.charCodeAt(e - 1)) || t.charCodeAt(e - 1) === 0x22)) e--;
        out.push(labelEntry(label, columnKind(label), s, s, s, e));
        if (firstCell < 0) firstCell = from;
      }
      col++;
      from = i + 1;
    }
    return firstCell;
  }

  /** Whether line [start, end) holds a cell `col` (the delimiters before it, one after it) with nothing but spaces in it. */
  private cellBlank(start: number, end: number, col: number, delimiter: number): boolean {
    const t = this.text;
    let c = 0;
    let i = start;
    for (; i < end && c < col; i++) if (t.charCodeAt(i) === delimiter) c++;
    return c === col && this.aloneInCell(i, delimiter);
  }

  /** Whether nothing but spaces follows `at` up to the cell's end (a number alone in its cell). */
  private aloneInCell(at: number, delimiter: number): boolean {
    const t = this.text;
    for (let i = at; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === delimiter) return true;
      if (!isWhite(c) || c === 0x0a || c === 0x0d) return false;
    }
    return false;
  }

  /**
   * A table row's clause: its unit cells, from the first to the last. The lead goes into the lead
   * column's cell (empty or not); without a lead column, at the start of the first unit cell. Kept
   * as rawClause() keeps it.
   */
  private tableClause(entries: readonly LabelEntry[], leadLabel: LabelEntry | undefined, content: ClauseContent, first: number, last: number, base: number): void {
    let start = -1;
    let end = -1;
    for (const l of entries) {
      if (!isUnitLabel(l) || l.valueEnd === l.valueStart) continue;
      if (start < 0) start = l.valueStart;
      end = l.valueEnd;
    }
    // Every unit cell empty: the clause is the whole row, which names no one.
    if (start < 0) {
      start = base + this.table.numeralStarts[first];
      end = this.contentEnd(first);
    }
    const lead = leadLabel && leadLabel.valueEnd > leadLabel.valueStart ? leadLabel : null;
    const insertAt = leadLabel ? leadLabel.valueStart : start;
    this.rawClause('table', start, end, start, lead ? lead.valueStart : start, lead ? lead.valueEnd : end, insertAt, content, first, last, base);
  }

  private prevContentLine(line: number, floor: number): number {
    let l = line - 1;
    while (l > floor && this.table.kinds[l] === KIND_BLANK) l--;
    return l;
  }

  /** Groups of matching brackets at top level in [start, end), into BG_*; records unmatched brackets. */
  private bracketGroups(start: number, end: number, sink: RawBracket[] | null): void {
    const t = this.text;
    BG_COUNT = 0;
    // Offsets of the open brackets, in one typed array for every call (grown when a text needs more).
    let stack = BRACKET_STACK;
    let top = 0;
    // Open brackets per kind on the stack: a closer with no opener of its kind is unopened at once,
    // without walking the whole stack (which made 100k （ then 100k 】 quadratic). Kinds are bit
    // positions (openerBit), counted in a typed array: this runs once per task of every parse.
    // Zeroed by hand: fill() is a call into a builtin, which cost more than five stores (bench profile).
    const open = OPEN_COUNTS;
    open[0] = open[1] = open[2] = open[3] = open[4] = 0;
    for (let k = this.nextBracket(start); k < end; k = this.nextBracket(k + 1)) {
      const c = t.charCodeAt(k);
      const bit = openerBit(c);
      if (bit !== 0) {
        if (top === stack.length) {
          stack = BRACKET_STACK = doubled(stack);
        }
        stack[top++] = k;
        open[31 - Math.clz32(bit)]++;
        continue;
      }
      const closes = closerMask(c);
      if (closes === 0) continue;
      // Find the nearest opener this closer can close; round brackets pair across widths.
      let can = false;
      for (let b = 0; b < 5 && !can; b++) can = (closes & (1 << b)) !== 0 && open[b] > 0;
      let depth = can ? top - 1 : -1;
      while (depth >= 0 && (closes & openerBit(t.charCodeAt(stack[depth]))) === 0) depth--;
      if (depth < 0) {
        sink?.push({ char: t[k], start: k, kind: 'unopened' });
        continue;
      }
      if (sink) for (let u = top - 1; u > depth; u--) sink.push({ char: t[stack[u]], start: stack[u], kind: 'unclosed' });
      const opener = stack[depth];
      for (let u = top - 1; u >= depth; u--) open[31 - Math.clz32(openerBit(t.charCodeAt(stack[u])))]--;
      top = depth;
      if (depth === 0) addBracketGroup(opener, k, k + 1);
    }
    if (top > 0) {
      if (sink) for (let u = 0; u < top; u++) sink.push({ char: t[stack[u]], start: stack[u], kind: 'unclosed' });
      LAST_UNCLOSED = stack[top - 1];
      // Recover: the outermost unclosed bracket runs to the end, so a clause missing its ）still parses.
      const first = stack[0];
      addBracketGroup(first, end, end);
    }
  }

  /** The last nextBracket() search of this parse: from where, and the bracket found (-1: none yet). */
  private bracketFrom = 0;
  private bracketAt = -1;

  /**
   * Offset of the first bracket at or after `from` (the text's length if there is none). A search
   * runs on past the stretch being read, up to the next bracket anywhere: its answer is kept and
   * given again to a search from within the stretch it covered, so a plan of tasks without brackets
   * is still searched once, not once per task.
   */
  private nextBracket(from: number): number {
    if (from >= this.bracketFrom && from <= this.bracketAt) return this.bracketAt;
    ANY_BRACKET.lastIndex = from;
    const at = ANY_BRACKET.test(this.text) ? ANY_BRACKET.lastIndex - 1 : this.text.length;
    this.bracketFrom = from;
    this.bracketAt = at;
    return at;
  }

  /** Time limits in brackets at the end of the task's text (after bracketGroups); the index of the group before them. */
  private trailingDeadlines(end: number, out: RawDeadline[]): number {
    let tail = end;
    let k = BG_COUNT - 1;
    while (k >= 0) {
      if (!onlyTrailing(this.text, BG_CLOSE[k], tail)) break;
      if (this.read(k).kind !== 'deadline') break;
      out.push({ text: this.text.slice(BG_OPEN[k] + 1, BG_INNER_END[k]), start: BG_OPEN[k], end: BG_CLOSE[k] });
      tail = BG_OPEN[k];
      k--;
    }
    return k;
  }

  /** The content of the clause findInlineClause() found last. */
  private inlineContent: ClauseContent | null = null;

  /**
   * The clause at the end of the task's own text (a bracket, or labels written inline), with
   * offsets relative to `base`; its content in `inlineContent`. Time limits in brackets after it go
   * to `deadlines`.
   */
  private findInlineClause(bodyStart: number, end: number, deadlines: RawDeadline[], first: number, last: number, base: number): boolean {
    const t = this.text;
    const k = this.trailingDeadlines(end, deadlines);
    const tailEnd = k + 1 < BG_COUNT ? BG_OPEN[k + 1] : end;
    if (k >= 0) {
      const open = BG_OPEN[k];
      const close = BG_CLOSE[k];
      // A bracket never closed runs to the end (bracketGroups), so a clause missing its ）still
      // reads. But one left open among labels on the task's line (牵头单位：省财政厅（；责任单位：…)
      // is a slip inside them: the labels before it are the clause, and it would cut the lead off.
      const strayAmongLabels = BG_INNER_END[k] === close && findLabels(t, bodyStart, open).some(isUnitLabel);
      const reading = onlyTrailing(t, close, tailEnd) && !strayAmongLabels ? this.read(k) : null;
      if (reading?.content) {
        const form: ClauseForm = t.charCodeAt(open) === 0x5b /* [ */ || t.charCodeAt(open) === 0x3010 /* 【 */ ? 'bracket' : 'paren';
        this.inlineContent = reading.content;
        // The bracket's reading found its labels: a new lead goes after 牵头单位：, else inside the bracket.
        const insertAt = reading.leadAt >= 0 ? reading.leadAt : open + 1;
        this.rawClause(form, open, close, open, open, open + 1, insertAt, reading.content, first, last, base);
        return true;
      }
      // Not a clause missing its closer, then: a bracket left open before a whole clause
      // (任务。（（省财政厅牵头…）, 任务（说明。（省财政厅牵头）). The clause is read as if the
      // brackets left open were not there: from after the last of them, where every bracket pairs,
      // so this is tried once.
      if (BG_INNER_END[k] === close && !strayAmongLabels) {
        const from = LAST_UNCLOSED + 1;
        this.bracketGroups(from, end, null);
        if (BG_COUNT > 0) return this.findInlineClause(from, end, deadlines, first, last, base);
      }
    }
    // Labels on the task's own line without brackets: 牵头单位：省财政厅；责任单位：…
    const found = findLabels(t, bodyStart, tailEnd);
    if (found.length === 0) return false;
    // The first label that is not a time limit's, and the last unit label, by one loop (no lists made).
    let from = -1;
    let lastUnit: LabelEntry | undefined;
    for (let k = 0; k < found.length; k++) {
      if (found[k].kind === 'deadline') continue;
      if (from < 0) from = k;
      if (isUnitLabel(found[k])) lastUnit = found[k];
    }
    if (lastUnit && !this.insideGroup(found[from].labelStart)) {
      const start = found[from].labelStart;
      let e = tailEnd;
      while (e > start && endsInlineLabels(t.charCodeAt(e - 1))) e--;
      // The labels from the first on, as found above (the same labels: trimming takes no colon off),
      // the last value ending where the trimmed text does. Not searched for again. findLabels gave
      // a list of its own: it is cut and changed in place.
      const all = from === 0 ? (found as LabelEntry[]) : found.slice(from);
      all[all.length - 1].valueEnd = e;
      const content = parseLabels(t, all, this.conventionOn, this.labelContent);
      let leadLabel: LabelEntry | undefined;
      for (let k = 0; k < all.length && !leadLabel; k++) if (all[k].kind === 'lead') leadLabel = all[k];
      this.inlineContent = content;
      const insertAt = leadLabel ? leadLabel.valueStart : start;
      this.rawClause('inline-labels', start, e, start, lastUnit.labelStart, lastUnit.labelEnd, insertAt, content, first, last, base);
      return true;
    }
    return false;
  }

  /** The clause rawClause() found last: the fields of its task's row (model/readings.ts), offsets relative to its task. */
  private clauseForm = 0;
  private clauseStart = 0;
  private clauseEnd = 0;
  private clauseLine = 0;
  private anchorStart = 0;
  private anchorEnd = 0;
  private insertAt = 0;
  private clauseExplicit = false;
  private clausePersons: readonly string[] = NONE;

  /**
   * A task's clause, offsets relative to `base` (the start of the task's first line), its line
   * counted from that line: the line among the task's lines [first, last] holding `lineAt`. Kept in
   * the parser's clause fields until readTask writes the task's row.
   */
  private rawClause(
    form: ClauseForm,
    start: number,
    end: number,
    lineAt: number,
    anchorStart: number,
    anchorEnd: number,
    insertAt: number,
    content: ClauseContent,
    first: number,
    last: number,
    base: number,
  ): void {
    let line = last;
    while (line > first && this.at(line) > lineAt) line--;
    this.clauseForm = formCode(form);
    this.clauseStart = start - base;
    this.clauseEnd = end - base;
    this.clauseLine = line - first;
    this.anchorStart = anchorStart - base;
    this.anchorEnd = anchorEnd - base;
    this.clauseExplicit = content.explicitLead;
    this.insertAt = insertAt - base;
    // Readings outlive the version they were read from (TaskCache): their strings must not pin its text.
    this.clausePersons = content.persons.length ? content.persons.map(ownCopy) : NONE;
  }

  private insideGroup(offset: number): boolean {
    for (let g = 0; g < BG_COUNT; g++) if (BG_OPEN[g] < offset && offset < BG_CLOSE[g]) return true;
    return false;
  }

  /**
   * The cross-references of a version moved from `old`, edited within `line`: a reference lies
   * within one line (the expression crosses no line break), and what precedes it on its line or
   * the line break before it decides whether it counts. So those on other lines are the last
   * version's, moved past the edit, and only the edited line is read again.
   */
  private moveCrossReferences(old: ParsedPlan, line: number): void {
    const lineStart = this.lines.lineStarts[line];
    const oldLineEnd = old.lines.lineEnd(line);
    const delta = this.text.length - old.text.length;
    const refs = old.crossReferences;
    let k = 0;
    const copy = (move: number) => {
      const r = refs[k++];
      this.crossRefs.push({ value: r.value, span: this.span(r.span.start + move, r.span.end + move), numberSpan: this.span(r.numberSpan.start + move, r.numberSpan.end + move) });
    };
    while (k < refs.length && refs[k].span.start < lineStart) copy(0);
    while (k < refs.length && refs[k].span.start <= oldLineEnd) k++;
    this.findCrossReferences(lineStart, this.lines.lineEnd(line));
    while (k < refs.length) copy(delta);
  }

  /** Cross-references starting in [from, to). */
  private findCrossReferences(from: number, to: number): void {
    // Each reference starts with 第: indexOf finds the candidates, a sticky expression reads each one
    // (the same matches, in the same order, as scanning the whole text with the expression).
    const re = new RegExp(CROSS_REF_RE.source, 'y');
    // Within [from, to) only: indexOf on the whole text would look on to its end (or its next 第) for
    // a line that has none. A part of the text is searched as a slice of it, the whole text as itself.
    const within = from === 0 && to === this.text.length ? this.text : this.text.slice(from, to);
    const next = (at: number) => {
      const k = within.indexOf('第', at - from);
      return k < 0 ? -1 : from + k;
    };
    for (let at = next(from); at >= 0; at = next(at)) {
      re.lastIndex = at;
      const m = re.exec(this.text);
      if (!m) {
        at++;
        continue;
      }
      at += m[0].length;
      if (m.index > 0 && /[》>]/.test(this.text[m.index - 1])) continue;
      const digits = m.index + m[0].indexOf(m[1]);
      this.crossRefs.push({
        value: digitsValue(m[1]),
        span: this.span(m.index, m.index + m[0].length),
        numberSpan: this.span(digits, digits + m[1].length),
      });
    }
  }
}

/**
 * A task of one parsed version. Its clause, names and time limits are made from its reading (which
 * may be shared with earlier versions) only when something asks for them: the rules judge readings
 * directly (rules/index.ts), so a keystroke in a long plan builds none of this for the tasks it did
 * not touch, and a plan nobody hovers or outlines never holds a span per name.
 */
interface Made {
  clause: Clause | null;
  deadlines: Deadline[];
  mentions: Mention[];
  lead: Mention[];
  participants: Mention[];
}

export class PlanTask implements Task {
  /** The clause, names and time limits as spans, made on first asking (a keystroke makes a task per task). */
  private made: Made | undefined;

  constructor(
    readonly index: number,
    readonly line: number,
    readonly section: Section | null,
    readonly subsection: Subsection | null,
    readonly restarted: boolean,
    /** What the tasks' texts say, offsets relative to each task's `base`: this task's is row `index`. */
    private readonly readings: Readings,
    /** Offset of the start of the task's first line. */
    readonly base: number,
    private readonly lines: LineIndex,
  ) {}

  // What depends on the task's own text only is kept in its reading, shared by every version in
  // which that text is unchanged: a task of a version is a handful of fields (a keystroke in a
  // long plan makes one per task).
  /** What the task's text says, as a record (a view of its row: made when asked). */
  get reading(): TaskReading {
    return new ReadingView(this.readings, this.index);
  }
  /** The task's outline entry, kept with its reading (features/symbols.ts). */
  get outlined(): unknown {
    return this.readings.ref(this.index, P_OUTLINED);
  }
  set outlined(v: unknown) {
    this.readings.setRef(this.index, P_OUTLINED, v);
  }
  get number(): string {
    return this.readings.number(this.index);
  }
  get value(): number {
    return this.readings.value(this.index);
  }
  get style(): NumberStyle {
    return this.readings.style(this.index);
  }
  get separator(): string | null {
    return this.readings.separator(this.index);
  }

  // The task's own spans are made each time they are asked for, never kept: whole-plan scans
  // (outline, folding, tokens, the matrix) ask for them for every task, and kept they held three
  // spans and their ranges per task for as long as the version lived (~12 MB at 50,000 tasks).
  // Offsets alone: spanStart, numberEnd, spanEnd, bodyStart, bodyEnd.
  get spanStart(): number {
    return this.base + this.readings.numberStart(this.index);
  }
  get spanEnd(): number {
    return this.base + this.readings.end(this.index);
  }
  get numberEnd(): number {
    return this.base + this.readings.numberEnd(this.index);
  }
  get bodyStart(): number {
    return this.base + this.readings.bodyStart(this.index);
  }
  get bodyEnd(): number {
    return Math.max(this.bodyStart, this.base + this.readings.bodyEnd(this.index));
  }

  /** The number's digits. */
  get numberSpan(): Span {
    return new TextSpan(this.spanStart, this.numberEnd, this.lines);
  }
  get span(): Span {
    return new TextSpan(this.spanStart, this.spanEnd, this.lines);
  }
  get bodySpan(): Span {
    return new TextSpan(this.bodyStart, this.bodyEnd, this.lines);
  }
  get clause(): Clause | null {
    return this.make().clause;
  }
  get deadlines(): readonly Deadline[] {
    return this.make().deadlines;
  }
  get mentions(): readonly Mention[] {
    return this.make().mentions;
  }
  get lead(): readonly Mention[] {
    return this.make().lead;
  }
  get participants(): readonly Mention[] {
    return this.make().participants;
  }
  get names(): readonly TaskName[] {
    const { block, first, count } = this.reading;
    const out: TaskName[] = [];
    for (let k = first; k < first + count; k++) out.push({ role: roleOfCode(block.roles[k]), name: block.name(k) });
    return out;
  }
  get hasLead(): boolean {
    return namesLead(this.reading);
  }
  forEachName(fn: (role: Role, name: string, start: number, end: number, written: string, key: string) => void): void {
    const { block, first, count } = this.reading;
    const base = this.base;
    for (let k = first; k < first + count; k++) fn(roleOfCode(block.roles[k]), block.name(k), base + block.starts[k], base + block.ends[k], block.spelling(k).written, block.key(k));
  }
  forEachDeadline(fn: (start: number, end: number) => void): void {
    for (const d of this.readings.deadlines(this.index)) fn(this.base + d.start, this.base + d.end);
  }

  /** Whether the task's spans are made (for tests: whole-plan features should not make them). */
  get spanned(): boolean {
    return this.made !== undefined;
  }

  private make(): Made {
    if (this.made) return this.made;
    const { readings: r, index, base, lines } = this;
    const span = (start: number, end: number): Span => new TextSpan(base + start, base + end, lines);
    const c = r.clause(index);
    const clause: Clause | null = c && {
      form: c.form,
      span: span(c.start, c.end),
      line: this.line + c.lineDelta,
      anchor: span(c.anchorStart, c.anchorEnd),
      explicitLead: c.explicitLead,
      insertAt: base + c.insertAt,
      persons: c.persons,
    };
    const deadlines: Deadline[] = r.deadlines(index).map((d) => ({ text: d.text, span: span(d.start, d.end) }));
    const mentions: Mention[] = [];
    const lead: Mention[] = [];
    const participants: Mention[] = [];
    const { block, first, count } = this.reading;
    for (let k = first; k < first + count; k++) {
      const role = roleOfCode(block.roles[k]);
      const mention: Mention = { role, written: block.spelling(k).written, name: block.name(k), via: block.via(k), span: span(block.starts[k], block.ends[k]) };
      mentions.push(mention);
      (role === 'lead' ? lead : participants).push(mention);
    }
    return (this.made = { clause, deadlines, mentions, lead, participants });
  }
}
