/**
 * Reads a Word (.docx) document as plan text with exactly one line per Word paragraph, so a
 * problem's line is the paragraph index ("第 12 段"); a table row counts as one paragraph, its cells
 * separated by tabs (a 分工表, model/table.ts). mammoth's text output cannot give that
 * (it separates paragraphs by blank lines and drops automatic numbering, which in Word plans
 * often carries the task numbers 1. 2. 3. and the headings 一、二、), so the document XML is read
 * here directly through JSZip (the zip library mammoth itself uses), automatic numbers included.
 */
import JSZip from 'jszip';
import { chineseNumeral } from '../model/lexicon';
import { cellLine, mergedDown } from './cells';

export interface DocxText {
  /** Paragraphs joined by \n: line i is paragraph i + 1 as Word users count (a table row: one paragraph). */
  readonly text: string;
  readonly paragraphs: number;
}

export class DocxError extends Error {}

/** True when the bytes are a zip archive (a .docx is one), whatever the file is called. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocxError(`not a zip archive: ${(e as Error).message}`);
  }
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? null;
  const document = await part('word/document.xml');
  if (document === null) throw new DocxError('no word/document.xml: not a Word document');
  const numbering = parseNumbering((await part('word/numbering.xml')) ?? '');
  const styles = parseStyleNumbering((await part('word/styles.xml')) ?? '');
  const lines = paragraphs(document, numbering, styles);
  return { text: lines.join('\n'), paragraphs: lines.length };
}

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  readonly suffix: string;
}
interface Numbering {
  readonly abstracts: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and the levels whose start it overrides. */
  readonly nums: Map<string, { abstract: string; starts: Map<number, number> }>;
}
interface NumRef {
  readonly numId: string | null;
  readonly level: number | null;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : null;
};

function parseNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(m[1], 'w:abstractNumId');
    if (id === null) continue;
    const levels = new Map<number, Level>();
    for (const l of m[2].matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1], 'w:ilvl') ?? 0);
      const val = (tag: string) => {
        const t = new RegExp(`<w:${tag}\\b([^>]*)/?>`).exec(l[2]);
        return t ? attr(t[1], 'w:val') : null;
      };
      levels.set(ilvl, { format: val('numFmt') ?? 'decimal', text: val('lvlText') ?? '', start: Number(val('start') ?? 1), suffix: val('suff') ?? 'tab' });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(m[1], 'w:numId');
    const abs = /<w:abstractNumId\b([^>]*)\/>/.exec(m[2]);
    if (id === null || !abs) continue;
    const starts = new Map<number, number>();
    for (const o of m[2].matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const s = /<w:startOverride\b([^>]*)\/>/.exec(o[2]);
      if (s) starts.set(Number(attr(o[1], 'w:ilvl') ?? 0), Number(attr(s[1], 'w:val') ?? 1));
    }
    nums.set(id, { abstract: attr(abs[1], 'w:val') ?? '', starts });
  }
  return { abstracts, nums };
}

/** Paragraph styles that number their paragraphs (Heading 1 linked to a list, say), following basedOn. */
function parseStyleNumbering(xml: string): Map<string, NumRef> {
  const raw = new Map<string, { ref: NumRef; basedOn: string | null }>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1], 'w:styleId');
    if (id === null) continue;
    const based = /<w:basedOn\b([^>]*)\/>/.exec(m[2]);
    raw.set(id, { ref: numRef(m[2]), basedOn: based ? attr(based[1], 'w:val') : null });
  }
  const resolved = new Map<string, NumRef>();
  for (const id of raw.keys()) {
    let numId: string | null = null;
    let level: number | null = null;
    const seen = new Set<string>();
    for (let s: string | null = id; s && !seen.has(s) && (numId === null || level === null); s = raw.get(s)?.basedOn ?? null) {
      seen.add(s);
      const ref = raw.get(s)?.ref;
      numId ??= ref?.numId ?? null;
      level ??= ref?.level ?? null;
    }
    if (numId !== null) resolved.set(id, { numId, level });
  }
  return resolved;
}

function numRef(pPr: string): NumRef {
  const np = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr);
  if (!np) return { numId: null, level: null };
  const id = /<w:numId\b([^>]*)\/>/.exec(np[1]);
  const lvl = /<w:ilvl\b([^>]*)\/>/.exec(np[1]);
  return { numId: id ? attr(id[1], 'w:val') : null, level: lvl ? Number(attr(lvl[1], 'w:val') ?? 0) : null };
}

const TOKEN =
  /<w:p(?=[\s>/])([^>]*?)(\/?)>|<\/w:p>|<w:pPr>([\s\S]*?)<\/w:pPr>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr|noBreakHyphen)\b([^>]*?)\/>|<(\/?)w:(tbl|tr|tc)(?=[\s>])[^>]*>|<w:(gridSpan|vMerge)\b([^>]*?)\/>/g;

/** A table being read: the row's cells so far, the cell's paragraphs, and the last row's text by grid column. */
interface TableState {
  row: string[];
  cell: string[];
  /** Grid columns the cell spans (gridSpan), and whether it continues the cell above (vMerge). */
  span: number;
  continues: boolean;
  above: string[];
  /** The rows of a table inside a cell, as text for that cell. */
  lines: string[];
}

function paragraphs(xml: string, numbering: Numbering, styles: Map<string, NumRef>): string[] {
  // Fallback copies of drawings repeat their text boxes, and tracked changes keep the old paragraph properties.
  const body = xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '').replace(/<w:(pPrChange|rPrChange)\b[\s\S]*?<\/w:\1>/g, '');
  const counter = new Counter(numbering);
  const out: string[] = [];
  const stack: { prefix: string; parts: string[] }[] = [];
  // Tables, outermost first: a row of the outermost is one line, its cells separated by tabs, so a
  // 分工表 reads as the rows model/table.ts reads. A table inside a cell is that cell's text.
  const tables: TableState[] = [];
  const emit = (paragraph: string) => {
    const t = tables[tables.length - 1];
    if (t) t.cell.push(paragraph);
    else out.push(paragraph);
  };
  for (const m of body.matchAll(TOKEN)) {
    const [whole, pAttrs, selfClosing, pPr, text, empty, emptyAttrs, closing, tableTag, cellProp, cellPropAttrs] = m;
    const top = stack[stack.length - 1];
    if (pAttrs !== undefined) {
      if (selfClosing) emit('');
      else stack.push({ prefix: '', parts: [] });
    } else if (whole === '</w:p>') {
      const p = stack.pop();
      if (p) emit(p.prefix + p.parts.join(''));
    } else if (pPr !== undefined) {
      if (!top) continue;
      const style = /<w:pStyle\b([^>]*)\/>/.exec(pPr);
      const fromStyle = style ? styles.get(attr(style[1], 'w:val') ?? '') : undefined;
      const own = numRef(pPr);
      const numId = own.numId ?? fromStyle?.numId ?? null;
      const level = own.level ?? fromStyle?.level ?? 0;
      if (numId !== null && numId !== '0') top.prefix = counter.next(numId, level);
    } else if (text !== undefined) {
      top?.parts.push(decodeXml(text));
    } else if (tableTag !== undefined) {
      tableEvent(tables, tableTag, closing === '/', out);
    } else if (cellProp !== undefined) {
      const t = tables[tables.length - 1];
      if (!t) continue;
      if (cellProp === 'gridSpan') t.span = Math.max(1, Number(attr(cellPropAttrs ?? '', 'w:val') ?? 1) || 1);
      else t.continues = attr(cellPropAttrs ?? '', 'w:val') !== 'restart';
    } else if (top) {
      if (empty === 'tab') top.parts.push('\t');
      else if (empty === 'noBreakHyphen') top.parts.push('-');
      // A line break inside a paragraph is not a new paragraph; a page or column break is no text at all.
      else if (!/w:type="(page|column)"/.test(emptyAttrs ?? '')) top.parts.push(' ');
    }
  }
  while (stack.length) out.push(stack.shift()!.parts.join(''));
  return out;
}

/**
 * A table, row or cell starts or ends. A cell's paragraphs are joined by a space and its tabs made
 * spaces (a tab is the cell's edge); a cell spanning n grid columns is followed by n − 1 empty ones,
 * so every row's cells stand under the header's; a cell continuing the one above (a lead unit
 * merged down over several tasks) repeats its text, since it names that unit for this row too.
 */
function tableEvent(tables: TableState[], tag: string, closing: boolean, out: string[]): void {
  const t = tables[tables.length - 1];
  if (tag === 'tbl') {
    if (!closing) tables.push({ row: [], cell: [], span: 1, continues: false, above: [], lines: [] });
    else if (t) {
      tables.pop();
      // A table inside a cell: its rows are text of the outer cell.
      if (tables.length > 0) tables[tables.length - 1].cell.push(...t.lines);
    }
    return;
  }
  if (!t) return;
  if (tag === 'tr') {
    if (!closing) {
      t.row = [];
      return;
    }
    if (tables.length === 1) out.push(t.row.join('\t'));
    else t.lines.push(t.row.join(' '));
    t.above = t.row;
    return;
  }
  if (!closing) {
    t.cell = [];
    t.span = 1;
    t.continues = false;
    return;
  }
  const text = cellLine(t.cell.join(' '));
  const col = t.row.length;
  t.row.push(t.continues ? mergedDown(t.above[col] ?? '') : text);
  for (let k = 1; k < t.span; k++) t.row.push('');
  t.cell = [];
}

/** Word's list counters: one set of levels per abstract list; a level restarts when a shallower one advances. */
class Counter {
  private readonly counts = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  next(numId: string, level: number): string {
    const num = this.numbering.nums.get(numId);
    const levels = num ? this.numbering.abstracts.get(num.abstract) : undefined;
    if (!num || !levels) return '';
    const def = (l: number) => levels.get(l) ?? { format: 'decimal', text: `%${l + 1}.`, start: 1, suffix: 'tab' };
    const start = (l: number) => num.starts.get(l) ?? def(l).start;
    let counts = this.counts.get(num.abstract);
    if (!counts || (!this.started.has(numId) && num.starts.size > 0)) {
      counts = [];
      this.counts.set(num.abstract, counts);
    }
    this.started.add(numId);
    counts[level] = counts[level] === undefined ? start(level) : counts[level] + 1;
    counts.length = level + 1;
    const d = def(level);
    if (d.format === 'bullet' || d.format === 'none') return '';
    const label = d.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      return formatNumber(counts![l] ?? start(l), def(l).format);
    });
    // Word's lvlText of "%1" leaves the separator to a tab; keep a visible gap for the parser.
    return label && !/[、.．。:：)）\]】]$/.test(label) && d.suffix !== 'nothing' ? label + ' ' : label;
  }
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseNumeral(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] as string;
  });
}
