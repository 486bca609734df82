/**
 * The bytes of an exported matrix. The CLI's writers (server/src/reviewer/export.ts) are the only
 * implementation, so `fengong matrix` and the view's export buttons write identical files.
 * Pure (no `vscode` import), for unit tests.
 */
import type { Locale } from '../../../server/src/messages';
import type { Matrix } from '../../../server/src/protocol';
import { matrixToCsv, matrixToXlsx } from '../../../server/src/reviewer/export';

export type ExportFormat = 'csv' | 'xlsx';

export async function matrixBytes(matrix: Matrix, format: ExportFormat, locale: Locale): Promise<Uint8Array> {
  // matrixToCsv starts with U+FEFF, which UTF-8 encodes as the EF BB BF mark Excel looks for.
  if (format === 'csv') return new TextEncoder().encode(matrixToCsv(matrix, locale));
  return new Uint8Array(await matrixToXlsx(matrix, locale));
}
