/**
 * Reads a 分工表 saved as CSV (Excel's "CSV (逗号分隔)", often GBK; or UTF-8 with a BOM) as plan
 * text: one line per record, so line N is row N as Excel shows it, the cells separated by tabs (a
 * table row, model/table.ts). Quoted cells may hold commas, doubled quotes and line breaks; a
 * cell's line breaks and tabs become spaces, so a record stays one line.
 */
import { cellLine } from './cells';
import { decodePlanBytes, type Encoding } from './decode';

export interface CsvText {
  readonly text: string;
  readonly encoding: Encoding;
}

export class CsvError extends Error {}

/** Whether the name says CSV. */
export function isCsvName(name: string): boolean {
  return /\.csv$/i.test(name);
}

export function readCsv(bytes: Uint8Array): CsvText {
  const decoded = decodePlanBytes(bytes);
  if (!decoded.ok) throw new CsvError('not a text file');
  return { text: csvRows(decoded.text).map((cells) => cells.join('\t')).join('\n'), encoding: decoded.encoding };
}

/** The records of a CSV text, each a list of cells; the delimiter is the first record's commonest of , ; and tab. */
export function csvRows(text: string): string[][] {
  const delimiter = guessDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  // A cell is sliced from the text in runs of literal characters (between quotes, delimiters and
  // doubled quotes), not built a character at a time: a long cell made a chain of as many strings.
  let cell = '';
  let run = 0;
  // Whether the cell holds only spaces so far: a quote then opens it (asked without trimming the
  // cell at every quote, which a long cell full of quotes made quadratic).
  let blank = true;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) continue;
      cell += text.slice(run, i);
      if (text.charCodeAt(i + 1) === QUOTE) {
        cell += '"';
        i++;
      } else quoted = false;
      run = i + 1;
    } else if (c === QUOTE && blank) {
      cell = '';
      blank = false;
      quoted = true;
      run = i + 1;
    } else if (c === delimiter || c === LF || c === CR) {
      row.push(cellLine(cell + text.slice(run, i)));
      cell = '';
      blank = true;
      if (c !== delimiter) {
        if (c === CR && text.charCodeAt(i + 1) === LF) i++;
        rows.push(row);
        row = [];
      }
      run = i + 1;
    } else if (c !== SPACE && c !== IDEOGRAPHIC_SPACE) blank = false;
  }
  cell += text.slice(run);
  if (cell !== '' || row.length > 0) {
    row.push(cellLine(cell));
    rows.push(row);
  }
  return rows;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const IDEOGRAPHIC_SPACE = 0x3000;

/** The delimiter of the first record, outside quotes: the commonest of comma, semicolon and tab (comma when none). */
function guessDelimiter(text: string): number {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best.charCodeAt(0);
}
