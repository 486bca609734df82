import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parsePlan } from '../../../server/src/model/parser';
import type { Matrix } from '../../../server/src/protocol';
import { csvCell, matrixToCsv, matrixToHtml, matrixToMarkdown, matrixToXlsx } from '../../../server/src/reviewer/export';
import { buildMatrix } from '../../../server/src/reviewer/matrix';
import { corpusCases, namesRegistry, registryFor } from '../../helpers/corpus';

const seed = corpusCases().find((c) => c.name === '00-seed')!;
const seedMatrix = buildMatrix(parsePlan(seed.text), registryFor(seed.expected), 'file:///seed.txt');

/** Reads CSV as RFC 4180 says (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

const tricky: Matrix = (() => {
  const plan = parsePlan('1.任务一。(省财政厅牵头,省科技厅参加)\n');
  const m = buildMatrix(plan, namesRegistry('省财政厅', '省科技厅'), 'file:///a.txt');
  return { ...m, title: '<script>alert("x")</script> & 方案', departments: [{ ...m.departments[0], name: '=HYPERLINK("http://x","单位, 甲")' }, m.departments[1]] };
})();

/** exceljs types its input as an ArrayBuffer; Node's Buffer is a view on one. */
const arrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('matrix exports', () => {
  it('writes CSV with a UTF-8 BOM, CRLF rows and the seed totals per department', () => {
    const csv = matrixToCsv(seedMatrix);
    assert.ok(csv.startsWith('\ufeff单位,'));
    assert.ok(!/[^\r]\n/.test(csv), 'every line break is CRLF');
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[0].slice(0, 7), ['单位', '名录名称', '状态', '牵头', '参加', '合计', '1']);
    assert.equal(rows[0].length, 6 + 47);
    const jxw = rows.find((r) => r[0] === '省经信委')!;
    assert.deepEqual(jxw.slice(3, 6), ['13', '15', '28']);
    assert.equal(jxw.slice(6).filter((x) => x === '●').length, 13);
    assert.equal(jxw.slice(6).filter((x) => x === '○').length, 15);
    assert.deepEqual(rows[rows.length - 1], ['图例：● 牵头　○ 参加']);
  });

  it('quotes commas and quotes in CSV and defuses cells Excel would run as formulas', () => {
    const rows = parseCsv(matrixToCsv(tricky).slice(1));
    assert.equal(rows[1][0], `'=HYPERLINK("http://x","单位, 甲")`);
    assert.equal(csvCell('a"b'), '"a""b"');
    assert.equal(csvCell('-12'), '-12');
  });

  it('escapes every plan-derived string in HTML', () => {
    const html = matrixToHtml(tricky);
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 方案'));
    assert.ok(html.includes('=HYPERLINK(&quot;http://x&quot;,&quot;单位, 甲&quot;)'));
    assert.match(html, /<td class="lead">●<\/td>/);
  });

  it('writes a Markdown table whose pipes in names cannot break the columns', () => {
    const m = { ...tricky, departments: [{ ...tricky.departments[0], name: '甲|乙' }, tricky.departments[1]] };
    const md = matrixToMarkdown(m, 'en');
    const row = md.split('\n').find((l) => l.startsWith('| 甲'))!;
    assert.equal(row, '| 甲\\|乙 | 省财政厅 | current | 1 | 0 | 1 | ● |');
    assert.ok(md.includes('Legend: ● lead, ○ participant'));
  });

  it('writes an XLSX whose numbers and marks Excel reads back', async () => {
    const buffer = await matrixToXlsx(seedMatrix);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(buffer));
    const sheet = wb.getWorksheet('责任矩阵')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 7), ['单位', '名录名称', '状态', '牵头', '参加', '合计', '1']);
    let leads = 0;
    let joins = 0;
    for (let r = 2; r <= seedMatrix.departments.length + 1; r++) {
      const row = sheet.getRow(r);
      assert.equal(typeof row.getCell(4).value, 'number');
      leads += row.getCell(4).value as number;
      joins += row.getCell(5).value as number;
    }
    assert.equal(leads, seedMatrix.cells.filter((c) => c.role === 'lead').length);
    assert.equal(joins, seedMatrix.cells.filter((c) => c.role === 'participant').length);
    assert.equal(wb.getWorksheet('任务清单')!.rowCount, 48);
  });
});
