/**
 * Offsets in this project are UTF-16 code-unit offsets into the document string, which is
 * exactly what LSP positions count. A JavaScript string is UTF-16, so `text.length` and
 * `text[i]` already speak that unit; the only care needed is not to split surrogate pairs
 * and to treat \r\n, \n and \r as line breaks.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Whether `s` is written in `text` at `at`: text.startsWith(s, at), by character codes. For the short
 * strings the parser compares (names, labels, verbs, numbers) the builtin's call and checks cost
 * more than the comparison; this was the largest single line of the 10k-task bench's profile.
 */
export function startsAt(text: string, at: number, s: string): boolean {
  const n = s.length;
  // Past the end, charCodeAt gives NaN, which equals no code: false, as startsWith answers.
  for (let i = 0; i < n; i++) if (text.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** What /\s/ matches (the ideographic space and the byte-order mark included), by character code. */
export function isWhite(c: number): boolean {
  // One look in a table: the chain of comparisons it replaces ran in full for every character that
  // is not white space (nearly all), ~13 of them, in the scans over every line and every name.
  return WHITE[c] === 1;
}
/** 1 for what /\s/ matches; reading past the end (NaN) or any other index gives undefined: false. */
const WHITE = ((): Uint8Array => {
  const table = new Uint8Array(65536);
  for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x3000, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0xfeff]) table[c] = 1;
  for (let c = 0x2000; c <= 0x200a; c++) table[c] = 1;
  return table;
})();

/**
 * The last index in [from, to] whose value is at most `x` (from − 1 if none), by halving: `a` rises
 * (line starts, the lines tasks start on).
 */
export function lastAtMost(a: Int32Array, x: number, from = 0, to = a.length - 1): number {
  let lo = from - 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** LineIndex's scratch for line starts (a plan's lines are counted as they are found). */
let STARTS: Int32Array = new Int32Array(4096);
/** The most line starts the scratch keeps room for between scans (4 MB; a 50,000-task plan has ~78,000 lines). */
const SCRATCH_KEPT = 1 << 20;

/** A copy of `a` with twice the room: how the scanners' scratch arrays grow. */
export function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export class LineIndex {
  /**
   * Offset at which each line starts. A typed array: copied at memory speed when a keystroke moves
   * the starts after it, and nothing the collector has to trace or copy (a 50k-task plan has ~78k).
   */
  readonly lineStarts: Int32Array;

  constructor(
    readonly text: string,
    /** Line starts already known (LineIndex.spliced); found by scanning the text when absent. */
    known?: Int32Array,
  ) {
    if (known) {
      this.lineStarts = known;
      return;
    }
    // Gathered in one scratch array shared by every scan, then copied out at their number.
    let starts = STARTS;
    let n = 1;
    if (text.indexOf('\r') < 0) {
      // No \r at all (the usual case): indexOf finds each \n far faster than a loop over every unit.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (n === starts.length) starts = STARTS = doubled(starts);
        starts[n++] = i + 1;
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 13 /* \r */ && c !== 10 /* \n */) continue;
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        if (n === starts.length) starts = STARTS = doubled(starts);
        starts[n++] = i + 1;
      }
    }
    starts[0] = 0;
    this.lineStarts = starts.slice(0, n);
    // A text of millions of lines grew the scratch: it is not kept at that size for every later scan.
    if (starts.length > SCRATCH_KEPT) STARTS = new Int32Array(4096);
  }

  /**
   * The lines of `text`, an edited version of a text whose line starts were `old`: starts before
   * the edit are kept, starts after it are moved by its length, and only the edited stretch is
   * scanned. `prefix` and `suffixStart` bound the edit as TaskCache.compare finds them (the text
   * before `prefix` and from `suffixStart` on is unchanged; `delta` is the change in length).
   */
  static spliced(text: string, old: Int32Array, prefix: number, suffixStart: number, delta: number): LineIndex {
    // A start before the prefix follows a break, and the character after it, that did not change:
    // k is the first start at or after the prefix (found by halving, not by a walk over every line).
    const k = lastAtMost(old, prefix - 1) + 1;
    // The edited stretch, from just before it (a \r\n may straddle its start): its starts, in order,
    // each after the last start before it (the old ones before the prefix, or 0).
    const edited: number[] = [];
    let lastBefore = k > 0 ? old[k - 1] : 0;
    for (let i = Math.max(0, prefix - 2); i < suffixStart; i++) {
      const c = text.charCodeAt(i);
      let s = -1;
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        s = i + 1;
      } else if (c === 10 /* \n */) s = i + 1;
      if (s > lastBefore) edited.push((lastBefore = s));
    }
    // A start past the edit follows a break that is unchanged: the old one, moved.
    const oldSuffix = suffixStart - delta;
    let lo = lastAtMost(old, oldSuffix, k) + 1;
    while (lo < old.length && old[lo] + delta <= lastBefore) lo++;
    // Made at its exact length: grown by push, a long plan's list was copied a dozen times a keystroke.
    // The starts before the edit are copied as they are, by one copy of memory.
    const before = Math.max(k, 1);
    const starts = new Int32Array(before + edited.length + (old.length - lo));
    starts.set(old.subarray(0, k));
    let n = before;
    for (let j = 0; j < edited.length; j++) starts[n++] = edited[j];
    for (let j = lo; j < old.length; j++) starts[n++] = old[j] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // Line 0 starts at 0: some line starts at or before any offset.
    const line = lastAtMost(this.lineStarts, o);
    return { line, character: o - this.lineStarts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.max(start, Math.min(start + pos.character, end));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/**
 * A piece of the document whose LSP range is computed only when asked for: a plan has tens of
 * thousands of spans, and most are never shown, so eager ranges cost time and memory for nothing.
 */
export class TextSpan {
  private cached: Range | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return (this.cached ??= this.lines.range(this.start, this.end));
  }

  /** Serialises as a plain span, never with the whole document behind it. */
  toJSON(): { start: number; end: number; range: Range } {
    return { start: this.start, end: this.end, range: this.range };
  }
}
