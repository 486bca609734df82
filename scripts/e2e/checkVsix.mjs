// Fails when the packaged .vsix leaves out a file its bundles load from beside themselves
// (require("./exceljs.js") in dist/extension.js: the Excel export of an installed extension).
// Usage: node scripts/e2e/checkVsix.mjs fengong.vsix
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

const zip = await JSZip.loadAsync(readFileSync(process.argv[2]));
const packaged = new Set(Object.keys(zip.files));
const missing = [];
for (const bundle of ['extension/dist/extension.js', 'extension/dist/server.js']) {
  const file = zip.file(bundle);
  if (!file) {
    missing.push(bundle);
    continue;
  }
  for (const m of (await file.async('string')).matchAll(/require\("\.\/([^"]+)"\)/g)) {
    if (!packaged.has(`extension/dist/${m[1]}`)) missing.push(`extension/dist/${m[1]} (loaded by ${bundle})`);
  }
}
if (missing.length) {
  console.error(`e2e: the .vsix lacks ${missing.join(', ')}`);
  process.exit(1);
}
