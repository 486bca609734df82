/**
 * The task readings of a plan version: rows of numbers and references in chunks of 1,024 tasks,
 * not an object per task.
 *
 * A reading (what a task's own text says, offsets relative to its first line) was an object of
 * twenty fields, and its clause another: 20,000 objects for a 10k-task plan, all alive until the
 * analysis ends, so every young-generation collection during a parse copied those made so far.
 * Making them cost more than any step of reading a task (bench profile: the object literal alone
 * ~7 % of a full analysis). A chunk is two arrays: one Int32Array of the numbers, one array of the
 * references (the number as written, the separator, the mention block, time limits, …), row k at
 * (k mod 1024) times the row's width.
 *
 * Versions share chunks: a keystroke within one task (PlanParser.reuse) copies the chunk holding
 * that task and shares the others; a full parse copies unchanged tasks' rows from the last version
 * (TaskCache). Rows are never changed once written, except for two caches that depend only on the
 * row's own text and are valid wherever it is shared: the rules' findings (`judged`) and the
 * outline entry (`outlined`).
 */
import { EMPTY_BLOCK, type MentionBlock, type Mentions } from './mentions';
import type { ClauseForm, NumberStyle } from './types';
import type { RawDeadline } from './clause';

/** A clause with offsets relative to its task, before spans are made (ReadingView.clause). */
export interface RawClause {
  readonly form: ClauseForm;
  readonly start: number;
  readonly end: number;
  /** Line of the clause, counted from the task's first line. */
  readonly lineDelta: number;
  readonly anchorStart: number;
  readonly anchorEnd: number;
  readonly explicitLead: boolean;
  readonly insertAt: number;
  readonly persons: readonly string[];
}

export interface RawBracket {
  readonly char: string;
  readonly start: number;
  readonly kind: 'unclosed' | 'unopened';
}

/**
 * Rows per chunk: 1,024 (a chunk's references are 64 KB). Chunks of 2,048 rows made their references
 * one large object (128 KB), which the young-generation collector promotes without copying (4.9 ms
 * of collection per 50k-task analysis instead of 7): but V8 maps fresh pages for each large object,
 * and the faults on them cost as much as the copying saved (new chunks were 3.6 % of a 10k-task
 * analysis). A plan's first chunk starts small and grows by doubling, so a plan of 40 tasks does not
 * make a whole one.
 */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
/** Rows of a plan's first chunk when it is made. */
const FIRST_ROWS = 64;
const MASK = CHUNK - 1;

// The numbers of a row.
/** Which reading this is: a new number each time a task is read, kept when its row is copied. */
export const R_ID = 0;
export const R_VALUE = 1;
export const R_NUMBER_START = 2;
export const R_NUMBER_END = 3;
export const R_BODY_START = 4;
export const R_END = 5;
export const R_BODY_END = 6;
/** The task's mentions: entries [first, first + count) of its block. */
export const R_FIRST = 7;
export const R_COUNT = 8;
/** BIT_PAREN, BIT_EXPLICIT_LEAD, and the clause's form (FORMS) from bit FORM_SHIFT: 0 for no clause. */
export const R_BITS = 9;
export const R_CLAUSE_START = 10;
export const R_CLAUSE_END = 11;
export const R_CLAUSE_LINE = 12;
export const R_ANCHOR_START = 13;
export const R_ANCHOR_END = 14;
export const R_INSERT_AT = 15;
export const INTS = 16;

// The references of a row.
export const P_NUMBER = 0;
export const P_SEPARATOR = 1;
export const P_PERSONS = 2;
export const P_DEADLINES = 3;
export const P_BRACKETS = 4;
export const P_BLOCK = 5;
export const P_JUDGED = 6;
export const P_OUTLINED = 7;
export const REFS = 8;

export const BIT_PAREN = 1;
export const BIT_EXPLICIT_LEAD = 2;
export const FORM_SHIFT = 2;
const FORMS: readonly (ClauseForm | null)[] = [null, 'paren', 'bracket', 'labels', 'inline-labels', 'table'];
/** The code of a clause form in R_BITS (shifted by FORM_SHIFT); never 0. */
export function formCode(form: ClauseForm): number {
  return FORMS.indexOf(form);
}

let lastId = 0;
/** A number for a new reading (ReadingView.id). */
export function newReadingId(): number {
  lastId = (lastId + 1) & 0x7fffffff;
  return lastId;
}

/** The number style a row's bits hold. */
function styleOf(bits: number): NumberStyle {
  return (bits & BIT_PAREN) !== 0 ? 'paren-arabic' : 'arabic';
}

export class Chunk {
  readonly ints: Int32Array;
  readonly refs: unknown[];

  /** A chunk with room for `rows` rows (at most CHUNK). */
  constructor(readonly rows: number) {
    this.ints = new Int32Array(rows * INTS);
    this.refs = new Array<unknown>(rows * REFS).fill(null);
  }

  /** A copy with room for `rows` rows (its own number by default). */
  copy(rows = this.rows): Chunk {
    const c = new Chunk(rows);
    c.ints.set(this.ints);
    const from = this.refs;
    const to = c.refs;
    for (let k = 0; k < from.length; k++) to[k] = from[k];
    return c;
  }
}

/** Where row k starts in its chunk's numbers (times INTS) and references (times REFS). */
export function rowOf(k: number): number {
  return k & MASK;
}

export class Readings {
  /** Its rows are the plan's tasks (TaskColumns.count of them). */
  constructor(private readonly chunks: Chunk[]) {}

  static empty(): Readings {
    return new Readings([]);
  }

  /** The chunk holding row k, which must be written. */
  chunkAt(k: number): Chunk {
    return this.chunks[k >> CHUNK_BITS];
  }

  /** The chunk holding row k, made if the rows written so far end before it (parse only). */
  chunkFor(k: number): Chunk {
    const c = k >> CHUNK_BITS;
    // Every chunk before the last is full: only a plan's first chunk is made small, and grows.
    while (this.chunks.length <= c) this.chunks.push(new Chunk(c === 0 ? FIRST_ROWS : CHUNK));
    let chunk = this.chunks[c];
    if ((k & MASK) >= chunk.rows) {
      let rows = chunk.rows * 2;
      while (rows <= (k & MASK)) rows *= 2;
      chunk = this.chunks[c] = chunk.copy(Math.min(rows, CHUNK));
    }
    return chunk;
  }

  /** A version sharing every chunk but row k's, which is copied: row k is then written anew (PlanParser.reuse). */
  withOwnRow(k: number): Readings {
    const chunks = this.chunks.slice();
    const c = k >> CHUNK_BITS;
    chunks[c] = chunks[c].copy();
    return new Readings(chunks);
  }

  /** Row `from` of `source` written as row k (an unchanged task's reading, kept by the next version). */
  copyRow(k: number, source: Readings, from: number): void {
    const to = this.chunkFor(k);
    const src = source.chunks[from >> CHUNK_BITS];
    const i = (k & MASK) * INTS;
    const j = (from & MASK) * INTS;
    for (let f = 0; f < INTS; f++) to.ints[i + f] = src.ints[j + f];
    const p = (k & MASK) * REFS;
    const q = (from & MASK) * REFS;
    for (let f = 0; f < REFS; f++) to.refs[p + f] = src.refs[q + f];
  }

  int(k: number, field: number): number {
    return this.chunks[k >> CHUNK_BITS].ints[(k & MASK) * INTS + field];
  }

  ref(k: number, field: number): unknown {
    return this.chunks[k >> CHUNK_BITS].refs[(k & MASK) * REFS + field];
  }

  setRef(k: number, field: number, value: unknown): void {
    this.chunks[k >> CHUNK_BITS].refs[(k & MASK) * REFS + field] = value;
  }

  value(k: number): number {
    return this.int(k, R_VALUE);
  }
  number(k: number): string {
    return this.ref(k, P_NUMBER) as string;
  }
  style(k: number): NumberStyle {
    return styleOf(this.int(k, R_BITS));
  }
  separator(k: number): string | null {
    return this.ref(k, P_SEPARATOR) as string | null;
  }
  numberStart(k: number): number {
    return this.int(k, R_NUMBER_START);
  }
  numberEnd(k: number): number {
    return this.int(k, R_NUMBER_END);
  }
  bodyStart(k: number): number {
    return this.int(k, R_BODY_START);
  }
  end(k: number): number {
    return this.int(k, R_END);
  }
  bodyEnd(k: number): number {
    return this.int(k, R_BODY_END);
  }
  deadlines(k: number): readonly RawDeadline[] {
    return this.ref(k, P_DEADLINES) as readonly RawDeadline[];
  }
  brackets(k: number): readonly RawBracket[] {
    return this.ref(k, P_BRACKETS) as readonly RawBracket[];
  }
  /** The clause as a record (made when asked: the rules read hasClause and the fields they need). */
  clause(k: number): RawClause | null {
    const bits = this.int(k, R_BITS);
    const form = FORMS[bits >> FORM_SHIFT];
    if (!form) return null;
    return {
      form,
      start: this.int(k, R_CLAUSE_START),
      end: this.int(k, R_CLAUSE_END),
      lineDelta: this.int(k, R_CLAUSE_LINE),
      anchorStart: this.int(k, R_ANCHOR_START),
      anchorEnd: this.int(k, R_ANCHOR_END),
      explicitLead: (bits & BIT_EXPLICIT_LEAD) !== 0,
      insertAt: this.int(k, R_INSERT_AT),
      persons: this.ref(k, P_PERSONS) as readonly string[],
    };
  }
}

/**
 * Row k of a version's readings, read as a record: what the task rules see (one view for all the
 * tasks of a check, moved from row to row), and what a task gives when asked for its reading.
 */
export class ReadingView implements Mentions {
  // Row k's chunk and where the row starts in it, found once per row rather than on every field read.
  private ints!: Int32Array;
  private refs!: unknown[];
  private i = 0;
  private p = 0;
  k = 0;

  constructor(
    readonly readings: Readings,
    k: number,
  ) {
    this.moveTo(k);
  }

  /** Makes this the view of row k. */
  moveTo(k: number): void {
    const chunk = this.readings.chunkAt(k);
    this.k = k;
    this.ints = chunk.ints;
    this.refs = chunk.refs;
    this.i = (k & MASK) * INTS;
    this.p = (k & MASK) * REFS;
  }

  /** Which reading this is: the same for every version that kept the task's row unread. */
  get id(): number {
    return this.ints[this.i + R_ID];
  }
  get number(): string {
    return this.refs[this.p + P_NUMBER] as string;
  }
  get value(): number {
    return this.ints[this.i + R_VALUE];
  }
  get style(): NumberStyle {
    return styleOf(this.ints[this.i + R_BITS]);
  }
  get separator(): string | null {
    return this.refs[this.p + P_SEPARATOR] as string | null;
  }
  get numberStart(): number {
    return this.ints[this.i + R_NUMBER_START];
  }
  get numberEnd(): number {
    return this.ints[this.i + R_NUMBER_END];
  }
  get bodyStart(): number {
    return this.ints[this.i + R_BODY_START];
  }
  get end(): number {
    return this.ints[this.i + R_END];
  }
  get bodyEnd(): number {
    return this.ints[this.i + R_BODY_END];
  }
  get block(): MentionBlock {
    return (this.refs[this.p + P_BLOCK] as MentionBlock | null) ?? EMPTY_BLOCK;
  }
  get first(): number {
    return this.ints[this.i + R_FIRST];
  }
  get count(): number {
    return this.ints[this.i + R_COUNT];
  }
  get deadlines(): readonly RawDeadline[] {
    return this.refs[this.p + P_DEADLINES] as readonly RawDeadline[];
  }
  get brackets(): readonly RawBracket[] {
    return this.refs[this.p + P_BRACKETS] as readonly RawBracket[];
  }
  get hasClause(): boolean {
    return this.ints[this.i + R_BITS] >> FORM_SHIFT !== 0;
  }
  get clause(): RawClause | null {
    return this.readings.clause(this.k);
  }
  /** The rules' findings on this reading and the environment they were made in (rules/index.ts). */
  get judged(): unknown {
    return this.refs[this.p + P_JUDGED];
  }
  set judged(v: unknown) {
    this.refs[this.p + P_JUDGED] = v;
  }
  /** The task's outline entry (features/symbols.ts). */
  get outlined(): unknown {
    return this.refs[this.p + P_OUTLINED];
  }
  set outlined(v: unknown) {
    this.refs[this.p + P_OUTLINED] = v;
  }
}
