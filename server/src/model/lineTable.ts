/**
 * What each line's own text makes it, as columns of numbers, one row per line. Offsets are relative
 * to the start of the line, so a row stays true wherever its line moves: a keystroke classifies only
 * the lines it touched and copies the other rows (TaskCache), or, when it stays within one line,
 * makes a table that shares every column but those the edited row changes (withRow).
 *
 * Rows, not one record per line: a 50,000-task plan has ~78,000 lines, and their records were
 * ~9 MB kept for the next version and as much made again by every full parse.
 */
export const KIND_BLANK = 0;
export const KIND_PROSE = 1;
export const KIND_LABEL = 2;
export const KIND_SECTION = 3;
export const KIND_SUBSECTION = 4;
export const KIND_TASK = 5;

/** The classification depended on the previous task number (a five-digit number): never reused. */
export const FLAG_CONTEXTUAL = 1;
/** The line starts with white space (a byte-order mark aside). */
export const FLAG_INDENTED = 2;
/** A task numbered (1), not 1. */
export const FLAG_PAREN = 4;

/** Strings kept in rows by index (separators, labels): a short list each, shared by every table. */
export class Interned {
  private readonly index = new Map<string | null, number>();
  private readonly values: (string | null)[] = [];
  constructor(first: string | null) {
    this.of(first);
  }
  of(value: string | null): number {
    let k = this.index.get(value);
    if (k === undefined) {
      k = this.values.length;
      this.values.push(value);
      this.index.set(value, k);
    }
    return k;
  }
  at(k: number): string | null {
    return this.values[k];
  }
}
/** A task's separator; 0: none. */
export const SEPARATORS = new Interned(null);
/** A label line's label; 0: none. */
export const LABELS = new Interned(null);

type Column = Uint8Array | Int32Array;
const NAMES = ['kinds', 'flags', 'contentStarts', 'contentEnds', 'numeralStarts', 'numeralEnds', 'values', 'bodyStarts', 'separators', 'labels'] as const;

export class LineTable {
  readonly kinds: Uint8Array;
  readonly flags: Uint8Array;
  /** Where the content starts (indentation and Markdown markers skipped) and ends (line break excluded). */
  readonly contentStarts: Int32Array;
  readonly contentEnds: Int32Array;
  /** Task, section and sub-section lines: the number's digits or numeral, its value, where the words start. */
  readonly numeralStarts: Int32Array;
  readonly numeralEnds: Int32Array;
  readonly values: Int32Array;
  readonly bodyStarts: Int32Array;
  readonly separators: Uint8Array;
  readonly labels: Uint8Array;

  constructor(
    readonly count: number,
    columns?: readonly Column[],
  ) {
    const c = columns ?? [new Uint8Array(count), new Uint8Array(count), ...Array.from({ length: 6 }, () => new Int32Array(count)), new Uint8Array(count), new Uint8Array(count)];
    [this.kinds, this.flags, this.contentStarts, this.contentEnds, this.numeralStarts, this.numeralEnds, this.values, this.bodyStarts, this.separators, this.labels] = c as [
      Uint8Array, Uint8Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Uint8Array, Uint8Array,
    ];
  }

  private columns(): Column[] {
    return NAMES.map((n) => this[n]);
  }

  /** Row `to` made a copy of row `from` of `source` (field by field: this runs for most lines of a parse). */
  copyRow(source: LineTable, from: number, to: number): void {
    this.kinds[to] = source.kinds[from];
    this.flags[to] = source.flags[from];
    this.contentStarts[to] = source.contentStarts[from];
    this.contentEnds[to] = source.contentEnds[from];
    this.numeralStarts[to] = source.numeralStarts[from];
    this.numeralEnds[to] = source.numeralEnds[from];
    this.values[to] = source.values[from];
    this.bodyStarts[to] = source.bodyStarts[from];
    this.separators[to] = source.separators[from];
    this.labels[to] = source.labels[from];
  }

  /** Row `row` as a line of no kind yet: its content at [start, end), the rest zero. */
  setRow(row: number, flags: number, start: number, end: number): void {
    this.kinds[row] = 0;
    this.flags[row] = flags;
    this.contentStarts[row] = start;
    this.contentEnds[row] = end;
    this.numeralStarts[row] = 0;
    this.numeralEnds[row] = 0;
    this.values[row] = 0;
    this.bodyStarts[row] = 0;
    this.separators[row] = 0;
    this.labels[row] = 0;
  }

  /** Row `row` made a heading's or task's line: its kind, its number at [numeralStart, numeralEnd) and value, its words from bodyStart. */
  setNumbered(row: number, kind: number, numeralStart: number, numeralEnd: number, value: number, bodyStart: number): void {
    this.kinds[row] = kind;
    this.numeralStarts[row] = numeralStart;
    this.numeralEnds[row] = numeralEnd;
    this.values[row] = value;
    this.bodyStarts[row] = bodyStart;
  }

  /**
   * This table with row `row` replaced by row `from` of `source`: the columns in which the two rows
   * agree are shared with this table, the others copied. Neither table changes.
   */
  withRow(row: number, source: LineTable, from: number): LineTable {
    const theirs = source.columns();
    const columns = this.columns().map((column, c) => {
      if (column[row] === theirs[c][from]) return column;
      const copy = column.slice();
      copy[row] = theirs[c][from];
      return copy;
    });
    return new LineTable(this.count, columns);
  }

  has(row: number, flag: number): boolean {
    return (this.flags[row] & flag) !== 0;
  }
}
