/**
 * A plan file's bytes to text, for the CLI and the server alike: Word (.docx) through readDocx,
 * old binary Word (.doc) refused, text in any encoding decodePlanBytes knows. Failures are reasons,
 * not messages: each caller words them in its own table.
 */
import { decodePlanBytes, type Encoding } from './decode';
import { DocxError, looksLikeZip, readDocx } from './docx';

export type PlanFileText =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding | 'docx'; readonly docx: boolean }
  | { readonly ok: false; readonly reason: 'not-docx'; readonly detail: string }
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

/** A text plan (the synchronous part): refuses .doc and binary files. */
export function decodeTextPlanFile(bytes: Uint8Array): PlanFileText {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, reason: 'old-doc' };
  const decoded = decodePlanBytes(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, encoding: decoded.encoding, docx: false } : { ok: false, reason: 'binary' };
}

/** Any plan file: Word when the name or the bytes say so (or `word`), else text. */
export async function decodePlanFile(name: string, bytes: Uint8Array, word = false): Promise<PlanFileText> {
  if (!word && !isWordFile(name, bytes)) return decodeTextPlanFile(bytes);
  try {
    return { ok: true, text: (await readDocx(bytes)).text, encoding: 'docx', docx: true };
  } catch (e) {
    return { ok: false, reason: 'not-docx', detail: e instanceof DocxError ? e.message : String(e) };
  }
}
