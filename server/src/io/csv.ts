/**
 * Reads a 分工表 saved as CSV (Excel's "CSV (逗号分隔)", often GBK; or UTF-8 with a BOM) as plan
 * text: one line per record, so line N is row N as Excel shows it, the cells separated by tabs (a
 * table row, model/table.ts). Quoted cells may hold commas, doubled quotes and line breaks; a
 * cell's line breaks and tabs become spaces, so a record stays one line.
 */
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
  let cell = '';
  // Whether the cell holds only spaces so far: a quote then opens it (asked without trimming the
  // cell at every quote, which a long cell full of quotes made quadratic).
  let blank = true;
  let quoted = false;
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && blank) {
      cell = '';
      blank = false;
      quoted = true;
    } else if (c === delimiter || c === '\n' || c === '\r') {
      row.push(clean(cell));
      cell = '';
      blank = true;
      if (c !== delimiter) {
        if (c === '\r' && text[i + 1] === '\n') i++;
        rows.push(row);
        row = [];
      }
    } else {
      cell += c;
      if (c !== ' ' && c !== '\u3000') blank = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(clean(cell));
    rows.push(row);
  }
  return rows;
}

/** The delimiter of the first record, outside quotes: the commonest of comma, semicolon and tab (comma when none). */
function guessDelimiter(text: string): string {
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
  return best;
}
