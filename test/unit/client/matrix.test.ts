import * as assert from 'node:assert/strict';
import type { Matrix, TaskInfo } from '../../../server/src/protocol';
import { escapeHtml, makeNonce, matrixPage } from '../../../client/src/matrix/html';
import { isFromPage } from '../../../client/src/matrix/messages';
import { matrixRows, roleGrid, toCsv, type MatrixLabels } from '../../../client/src/matrix/table';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
function task(key: string, label: string): TaskInfo {
  return { key, number: key, section: null, subsection: null, label, lead: [], participants: [], range, selectionRange: range };
}
const matrix: Matrix = {
  uri: 'file:///plan.txt',
  title: '测试方案',
  tasks: [task('1', '加大投入'), task('2', '=SUM(A1)'), task('3', '完善机制')],
  departments: [
    { name: '省科技厅', preferred: null, fullName: '浙江省科学技术厅', status: 'active', leads: 2, participates: 0 },
    { name: '省财政厅', preferred: null, fullName: null, status: 'active', leads: 0, participates: 2 },
    { name: '甲,"乙"', preferred: null, fullName: null, status: 'unknown', leads: 1, participates: 1 },
  ],
  cells: [
    { department: 0, task: 0, role: 'lead' },
    { department: 0, task: 2, role: 'lead' },
    { department: 1, task: 0, role: 'participant' },
    { department: 1, task: 1, role: 'participant' },
    { department: 2, task: 1, role: 'participant' },
    { department: 2, task: 1, role: 'lead' },
  ],
};
const labels: MatrixLabels = {
  department: '部门', fullName: '全称', leads: '牵头', participates: '参加', total: '合计', lead: '牵头', participant: '参加',
};

describe('responsibility matrix (client side)', () => {
  it('puts each role in its department row and task column, lead winning over participant', () => {
    const grid = roleGrid(matrix);
    assert.deepEqual(grid[0], ['lead', undefined, 'lead']);
    assert.deepEqual(grid[1], ['participant', 'participant', undefined]);
    assert.equal(grid[2]![1], 'lead');
  });

  it('writes a header row, one row per department and the totals', () => {
    const rows = matrixRows(matrix, labels);
    assert.deepEqual(rows[0], ['部门', '全称', '1', '2', '3', '牵头', '参加', '合计']);
    assert.deepEqual(rows[1], ['省科技厅', '浙江省科学技术厅', '牵头', '', '牵头', '2', '0', '2']);
    assert.equal(rows.length, 4);
  });

  it('exports CSV as UTF-8 with a byte-order mark, CRLF and quoted fields', () => {
    const bytes = toCsv([['部门', '甲,"乙"'], ['=1+1', 'x']]);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    assert.equal(text, '部门,"甲,""乙"""\r\n\'=1+1,x\r\n');
  });

  it('builds a page with a nonce-only script policy and no document text', () => {
    const html = matrixPage({
      cspSource: 'https://webview.test',
      nonce: 'abc123',
      scriptUri: 'https://webview.test/matrix.js',
      styleUri: 'https://webview.test/matrix.css',
      lang: 'zh-cn',
      strings: { title: '责任<矩阵>', filter: '筛选', filterPlaceholder: '部门"名称', exportCsv: 'CSV', exportXlsx: 'Excel', loading: '…' },
    });
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-abc123'/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview.test\/matrix.js"><\/script>/);
    assert.equal(html.match(/<script/g)?.length, 1, 'one script, loaded from the extension');
    assert.match(html, /责任&lt;矩阵&gt;/);
    assert.match(html, /部门&quot;名称/);
  });

  it('escapes every HTML-special character', () => {
    assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('makes 32-character alphanumeric nonces', () => {
    const nonce = makeNonce((n) => Uint8Array.from({ length: n }, (_, i) => i * 37));
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  });

  it('accepts only well-formed messages from the page', () => {
    assert.ok(isFromPage({ type: 'reveal', task: 3 }));
    assert.ok(isFromPage({ type: 'export', format: 'xlsx' }));
    assert.ok(!isFromPage({ type: 'export', format: 'exe' }));
    assert.ok(!isFromPage({ type: 'reveal', task: '3' }));
    assert.ok(!isFromPage(null));
  });
});
