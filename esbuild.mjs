// Bundles the CLI, the language server and the VS Code client. Exits non-zero on failure.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { FENGONG_VERSION: JSON.stringify(pkg.version) },
};

/**
 * ExcelJS (with the zip and stream libraries it brings, ~2 MB of the bundle) is needed only to
 * write an .xlsx matrix. Bundled into the CLI and the client, it was compiled on every start:
 * `fengong check` took ~60 ms longer and loading the extension twice as long (~90 ms → ~45 ms
 * without it). It is bundled on its own instead, as dist/exceljs.js, and loaded from beside the
 * bundle on the first export (reviewer/export.ts requires it only when asked for a workbook).
 */
const excelApart = {
  name: 'exceljs-apart',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: './exceljs.js', external: true }));
  },
};

const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [excelApart] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [excelApart] },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [excelApart] },
  { stdin: { contents: "module.exports = require('exceljs');", resolveDir: '.', sourcefile: 'exceljs-entry.js' }, outfile: 'dist/exceljs.js' },
].filter((e) => !e.entryPoints || existsSync(e.entryPoints[0]));

try {
  if (watch) {
    for (const e of entries) {
      const ctx = await esbuild.context({ ...common, ...e });
      await ctx.watch();
    }
  } else {
    await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
    for (const e of entries) if (e.banner) chmodSync(e.outfile, 0o755);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
