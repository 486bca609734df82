import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixPage } from '../../../client/src/matrix/html';
import { matrixBytes } from '../../../client/src/matrix/bytes';
import type { Matrix } from '../../../server/src/protocol';
import { parsePlan } from '../../../server/src/model/parser';
import { matrixToHtml } from '../../../server/src/reviewer/export';
import { buildMatrix } from '../../../server/src/reviewer/matrix';
import { namesRegistry } from '../../helpers/corpus';

const ROOT = join(__dirname, '..', '..', '..');
const EVIL = '<img src=x onerror=alert(1)>"\'&[x](command:fengong.server.renumber)';

describe('hostile input: the matrix webview shows names as text', () => {
  it('escapes hostile UI strings and keeps a CSP with no inline script, no remote source and a nonce', () => {
    const html = matrixPage({
      cspSource: 'vscode-resource:',
      nonce: 'N0nce',
      scriptUri: `x" onload="alert(1)`,
      styleUri: 's.css',
      lang: `zh"><script>alert(1)</script>`,
      strings: { title: EVIL, filter: EVIL, filterPlaceholder: EVIL, exportCsv: EVIL, exportXlsx: EVIL, loading: EVIL },
    });
    assert.ok(!html.includes('<img'), 'no injected element');
    assert.ok(!html.includes('" onload='), 'no attribute breakout');
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the page’s own script element');
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N0nce'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('inserts plan text only as text nodes in the page script (no innerHTML, no eval)', () => {
    const script = readFileSync(join(ROOT, 'client', 'media', 'matrix.js'), 'utf8');
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    assert.match(script, /textContent/);
  });

  it('neutralises spreadsheet formulas in the CSV the view exports', async () => {
    const names = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '省科技厅'];
    const matrix: Matrix = {
      uri: 'file:///evil.txt',
      title: null,
      tasks: [],
      departments: names.map((name) => ({ name, preferred: null, fullName: null, status: 'unknown' as const, leads: 0, participates: 0 })),
      cells: [],
    };
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await matrixBytes(matrix, 'csv', 'zh-cn'));
    const first = csv.split('\r\n').slice(1, 6).map((l) => l.slice(0, l.indexOf(',,')));
    assert.deepEqual(first, ['"\'=HYPERLINK(""http://x"")"', "'+1", "'-2+3", "'@SUM(A1)", '省科技厅']);
  });

  it('escapes department names and task words in the HTML export', () => {
    const evil = '<img src=x onerror=alert(1)>省evil厅';
    const plan = parsePlan(`1.<script>alert(1)</script>推进。(${evil}牵头，省财政厅参加)\n`);
    const html = matrixToHtml(buildMatrix(plan, namesRegistry('省财政厅'), 'file:///p.txt'));
    // Names are normalised (spaces dropped), then shown as text.
    assert.ok(html.includes('&lt;imgsrc=xonerror=alert(1)&gt;省evil厅'), 'the name is shown, as text');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;推进'), 'the task words are shown, as text');
    assert.ok(!/<img|<script>alert/.test(html), 'nothing injected');
  });
});
