/**
 * A plan file's bytes to text, for the CLI and the server alike: Word (.docx) through readDocx,
 * Excel (.xlsx) through readXlsx, CSV through readCsv, old binary Word (.doc) refused, text in any
 * encoding decodePlanBytes knows. Failures are reasons, not messages: each caller words them in its
 * own table.
 */
import { decodePlanBytes, type Encoding } from './decode';
import { DocxError, looksLikeZip, readDocx } from './docx';
import { CsvError, isCsvName, readCsv } from './csv';
import { isXlsxName, readXlsx, XlsxError } from './xlsx';

export type PlanFileText =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: Encoding | 'docx' | 'xlsx';
      readonly docx: boolean;
      /** An Excel workbook: the worksheet read, and the others holding something, which were not. */
      readonly sheet?: { readonly name: string; readonly others: readonly string[] };
    }
  | { readonly ok: false; readonly reason: 'not-docx' | 'not-xlsx'; readonly detail: string }
  | { readonly ok: false; readonly reason: 'old-doc' | 'binary' };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const DOCX_NAME = /\.docx$/i;

/** Whether the name says Word (.docx): what can be known before reading the file. */
export function isDocxName(name: string): boolean {
  return DOCX_NAME.test(name);
}

/** Whether the file must go through the (asynchronous) Word reader. */
export function isWordFile(name: string, bytes: Uint8Array): boolean {
  return isDocxName(name) || looksLikeZip(bytes);
}

/** Whether the name says a file read otherwise than as text (Word, Excel, CSV): the reader decodePlanFile chooses. */
export function needsAsyncReader(name: string): boolean {
  return isDocxName(name) || isXlsxName(name) || isCsvName(name);
}

/** A text plan (the synchronous part): refuses .doc and binary files. */
export function decodeTextPlanFile(bytes: Uint8Array): PlanFileText {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, reason: 'old-doc' };
  const decoded = decodePlanBytes(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, encoding: decoded.encoding, docx: false } : { ok: false, reason: 'binary' };
}

/** Any plan file: Excel or CSV when the name says so; else Word when the name or the bytes say so (or `word`); else text. */
export async function decodePlanFile(name: string, bytes: Uint8Array, word = false): Promise<PlanFileText> {
  if (isXlsxName(name)) {
    try {
      const x = await readXlsx(bytes);
      return { ok: true, text: x.text, encoding: 'xlsx', docx: false, sheet: { name: x.sheet, others: x.otherSheets } };
    } catch (e) {
      return { ok: false, reason: 'not-xlsx', detail: e instanceof XlsxError ? e.message : String(e) };
    }
  }
  if (isCsvName(name)) {
    try {
      const c = readCsv(bytes);
      return { ok: true, text: c.text, encoding: c.encoding, docx: false };
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      return { ok: false, reason: 'binary' };
    }
  }
  if (!word && !isWordFile(name, bytes)) return decodeTextPlanFile(bytes);
  try {
    return { ok: true, text: (await readDocx(bytes)).text, encoding: 'docx', docx: true };
  } catch (e) {
    return { ok: false, reason: 'not-docx', detail: e instanceof DocxError ? e.message : String(e) };
  }
}
