import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildServer, ROOT, SEED_PATH } from '../protocol/client';

const dist = (file: string) => join(ROOT, 'dist', file);

/** Files a bundle requires from beside itself: require("./x.js"), each once (the matrix export and the .xlsx reader both load ExcelJS). */
function besideRequires(bundle: string): string[] {
  return [...new Set([...readFileSync(dist(bundle), 'utf8').matchAll(/require\("\.\/([^"]+)"\)/g)].map((m) => m[1]))];
}

describe('bundles (esbuild.mjs)', function () {
  this.timeout(60_000);
  before(() => buildServer());

  it('keeps ExcelJS out of the CLI and the client, in a bundle of its own loaded on first export', () => {
    // esbuild names each bundled module in a comment: none of ExcelJS's may be compiled at start.
    for (const bundle of ['cli.js', 'extension.js', 'server.js']) {
      assert.ok(!readFileSync(dist(bundle), 'utf8').includes('node_modules/exceljs/'), `${bundle} holds ExcelJS`);
    }
    assert.ok(readFileSync(dist('exceljs.js'), 'utf8').includes('node_modules/exceljs/'));
    assert.deepEqual(besideRequires('cli.js'), ['exceljs.js']);
    assert.deepEqual(besideRequires('extension.js'), ['exceljs.js']);
  });

  it('packages every file the extension and the server load from beside themselves', () => {
    const allowed = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).trim());
    for (const bundle of ['extension.js', 'server.js']) {
      assert.ok(allowed.includes(`dist/${bundle}`), `dist/${bundle} is not packaged`);
      for (const file of besideRequires(bundle)) assert.ok(allowed.includes(`dist/${file}`), `${bundle} loads dist/${file}, which the .vsix leaves out`);
    }
  });

  it('the built CLI still writes an .xlsx matrix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-bundles-'));
    try {
      const file = join(dir, 'matrix.xlsx');
      const r = spawnSync(process.execPath, [dist('cli.js'), 'matrix', SEED_PATH, '--format', 'xlsx', '-o', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const book = new ExcelJS.Workbook();
      const bytes = readFileSync(file);
      await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      const sheet = book.worksheets[0];
      // Header, one row per department of the seed plan, then the legend.
      assert.ok(sheet.rowCount > 30, `${sheet.rowCount} rows`);
      assert.equal(sheet.getRow(2).getCell(1).value !== null, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
