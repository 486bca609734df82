/**
 * A Word document as plan text: exactly what `fengong check a.docx` analyses (server/src/io/docx.ts),
 * one line per paragraph, so "第 N 段" is line N − 1. Pure, for unit tests.
 */
import { readDocx } from '../../../server/src/io/docx';

export async function docxPlanText(bytes: Uint8Array): Promise<string> {
  return (await readDocx(bytes)).text;
}
