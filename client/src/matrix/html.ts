/**
 * The matrix webview's page. It carries no document text at all: names and tasks arrive by
 * postMessage and the page's own script inserts them as text nodes, so a department called
 * `<img onerror=…>` stays a string. Pure, for unit tests.
 */
// The exports' escaping: one definition for the page and the HTML export (bytes.ts bundles it already).
import { escapeHtml } from '../../../server/src/reviewer/export';

export { escapeHtml };

export interface PageOptions {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang: string;
  /** Fixed UI strings (already localised); escaped here all the same. */
  readonly strings: Readonly<Record<'title' | 'filter' | 'filterPlaceholder' | 'exportCsv' | 'exportXlsx' | 'loading', string>>;
}


export function matrixPage(o: PageOptions): string {
  const e = escapeHtml;
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    `font-src ${o.cspSource}`,
    `img-src ${o.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${e(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '')}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(o.styleUri)}">
<title>${e(o.strings.title)}</title>
</head>
<body>
<header class="toolbar">
  <h1 id="title">${e(o.strings.title)}</h1>
  <label class="filter">${e(o.strings.filter)}
    <input id="filter" type="search" placeholder="${e(o.strings.filterPlaceholder)}" autocomplete="off">
  </label>
  <span id="summary" class="summary" aria-live="polite"></span>
  <button id="export-csv" type="button">${e(o.strings.exportCsv)}</button>
  <button id="export-xlsx" type="button">${e(o.strings.exportXlsx)}</button>
</header>
<main id="matrix"><p class="empty">${e(o.strings.loading)}</p></main>
<script nonce="${e(o.nonce)}" src="${e(o.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 random alphanumerics; a fresh one per page render. */
export function makeNonce(random: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(random(32), (b) => alphabet[b % alphabet.length]).join('');
}
