import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, ROOT, SEED_PATH, SERVER } from './client';

function hasNvim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface NvimResult {
  ok: boolean;
  error?: string;
  diagnostics: { lnum: number; col: number; message: string; source: string; code?: string }[];
  symbols: { name: string; children: number }[];
  hover: string;
}

describe('Neovim (headless) as an LSP client', function () {
  this.timeout(60000);

  it('receives diagnostics, document symbols and a hover for the seed plan', async function () {
    if (!hasNvim()) {
      console.warn('    nvim not found: skipping the Neovim check (apt-get install -y neovim)');
      this.skip();
    }
    buildServer();
    const out = join(mkdtempSync(join(tmpdir(), 'fengong-nvim-')), 'result.json');
    const script = join(ROOT, 'scripts', 'nvim', 'check.lua');
    const code = await new Promise<number>((resolve) => {
      const child = execFile(
        'nvim',
        ['--headless', '--clean', '-n', '-c', `luafile ${script}`, SEED_PATH],
        {
          cwd: ROOT,
          timeout: 50000,
          env: { ...process.env, FENGONG_SERVER: SERVER, FENGONG_OUT: out, FENGONG_ROOT: ROOT, FENGONG_NODE: process.execPath, FENGONG_HOVER_LINE: '7', FENGONG_HOVER_CHAR: '2' },
        },
        () => undefined,
      );
      child.on('exit', (c) => resolve(c ?? -1));
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.ok, true, result.error);
    assert.equal(code, 0);
    assert.equal(result.diagnostics.filter((d) => d.message.includes('缺少分隔符')).length, 12);
    assert.ok(result.diagnostics.every((d) => d.source === 'fengong'));
    const sep = result.diagnostics.find((d) => d.message.includes('任务编号 3 后缺少分隔符'))!;
    assert.deepEqual({ lnum: sep.lnum, col: sep.col }, { lnum: 7, col: 2 });
    assert.equal(result.symbols.length, 8);
    assert.equal(result.symbols.reduce((n, s) => n + s.children, 0), 47);
    assert.match(result.hover, /任务 3/);
    assert.match(result.hover, /省科技厅（浙江省科学技术厅）/);
  });
});
