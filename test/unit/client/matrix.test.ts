import * as assert from 'node:assert/strict';
import type { Matrix, TaskInfo } from '../../../server/src/protocol';
import { escapeHtml, makeNonce, matrixPage } from '../../../client/src/matrix/html';
import ExcelJS from 'exceljs';
import { matrixBytes } from '../../../client/src/matrix/bytes';
import { isFromPage } from '../../../client/src/matrix/messages';
import { matrixToCsv, matrixToXlsx } from '../../../server/src/reviewer/export';

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
/** exceljs types its input as an ArrayBuffer. */
const arrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('responsibility matrix (client side)', () => {
  it('exports CSV through the shared writer: UTF-8 with a byte-order mark, CRLF rows, quoted and defused fields', async () => {
    const bytes = await matrixBytes(matrix, 'csv', 'zh-cn');
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    assert.equal(text, matrixToCsv(matrix, 'zh-cn'), 'byte for byte what `fengong matrix --format csv` writes');
    assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
    const lines = text.slice(1).split('\r\n');
    assert.equal(lines[0], '单位,名录名称,状态,牵头,参加,合计,1,2,3');
    assert.equal(lines[1], '省科技厅,,现行,2,0,2,●,,●');
    assert.equal(lines[3], '"甲,""乙""",,名录未收录,1,1,2,,●,');
  });

  it('exports CSV in English when the plan speaks English', async () => {
    const text = new TextDecoder().decode(await matrixBytes(matrix, 'csv', 'en'));
    assert.ok(text.startsWith('Department,Registry name,Status,Leads,Joins,Total,1,2,3\r\n'), text.slice(0, 80));
  });

  it('exports an Excel workbook through the shared writer, totals as numbers and the task list beside', async () => {
    const bytes = await matrixBytes(matrix, 'xlsx', 'zh-cn');
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString(), 'PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBuffer(bytes));
    const sheet = book.getWorksheet('责任矩阵')!;
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 8), ['省科技厅', '', '现行', 2, 0, 2, '●']);
    assert.equal(book.getWorksheet('任务清单')!.getRow(3).getCell(4).value, '=SUM(A1)');
    const shared = new ExcelJS.Workbook();
    await shared.xlsx.load(arrayBuffer(await matrixToXlsx(matrix, 'zh-cn')));
    assert.deepEqual(sheet.getSheetValues(), shared.getWorksheet('责任矩阵')!.getSheetValues());
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
