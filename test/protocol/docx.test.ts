import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadPlanText } from '../../server/src/cli/input';
import { runAsync } from '../../server/src/cli/main';
import { DOCX_SCHEME, DocxTextRequest } from '../../server/src/protocol';
import { fileUri, ROOT, TestClient } from './client';

const SEED_DOCX = join(ROOT, 'test', 'fixtures', 'docx', 'seed.docx');
const docxUri = (path: string) => fileUri(path).replace(/^file:/, `${DOCX_SCHEME}:`);

describe('language server over stdio: Word documents shown as plans', function () {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(async () => {
    await c.stop();
  });

  it('reads a .docx as exactly the text `fengong check` reads, one line per paragraph', async () => {
    const answer = await c.connection.sendRequest(DocxTextRequest, { uri: fileUri(SEED_DOCX) });
    assert.ok('text' in answer, JSON.stringify(answer));
    const cli = await loadPlanText(SEED_DOCX, 'zh-cn', { out: () => undefined, err: (l) => assert.fail(l) });
    assert.ok(cli?.docx);
    assert.equal(answer.text, cli.text);
    assert.ok(!/\r/.test(answer.text));
  });

  it('analyses the fengong-docx document live, each problem on line N − 1 where the CLI says 第 N 段', async () => {
    const { text } = (await c.connection.sendRequest(DocxTextRequest, { uri: fileUri(SEED_DOCX) })) as { text: string };
    const uri = docxUri(SEED_DOCX);
    await c.open(uri, text);
    const diagnostics = await c.waitForDiagnostics(uri);
    const out: string[] = [];
    await runAsync(['check', SEED_DOCX], { out: (l) => out.push(l), err: () => undefined }, { FENGONG_LANG: 'zh' });
    assert.ok(out.length > 12);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`),
      out.map((l) => {
        const [, paragraph] = /第 (\d+) 段：/.exec(l)!;
        return `${paragraph} ${/ (?:error|warning|info|hint) ([\w-]+) /.exec(l)![1]}`;
      }),
    );
    await c.close(uri);
  });

  it('shows an Excel 分工表 as a plan, each problem on its row as the CLI reports it; a broken one says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-xlsx-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    ws.addRow([1, '加快5G网络建设。', '省经信厅', '省通信管理局', '2025年底']);
    ws.addRow([2, '推进农业数字化。', '', '省农业农村厅、省数据局', '持续推进']);
    ws.addRow([4, '发展跨境电商。', '省商务厅', '省商务斤', '']);
    const file = join(dir, '分工表.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const answer = await c.connection.sendRequest(DocxTextRequest, { uri: fileUri(file) });
    assert.ok('text' in answer, JSON.stringify(answer));
    const cli = await loadPlanText(file, 'zh-cn', { out: () => undefined, err: (l) => assert.fail(l) });
    assert.equal(answer.text, cli?.text);
    const uri = docxUri(file);
    await c.open(uri, answer.text);
    const diagnostics = await c.waitForDiagnostics(uri);
    const out: string[] = [];
    await runAsync(['check', file], { out: (l) => out.push(l), err: () => undefined }, { FENGONG_LANG: 'zh' });
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort(),
      out.map((l) => /:(\d+:\d+): (?:error|warning|info|hint) ([\w-]+) /.exec(l)!.slice(1).join(' ')).sort(),
    );
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['no-lead', 'numbering-gap', 'unknown-department']);
    await c.close(uri);
    const broken = join(dir, '坏的.xlsx');
    writeFileSync(broken, 'not a zip');
    const refused = await c.connection.sendRequest(DocxTextRequest, { uri: fileUri(broken) });
    assert.ok('error' in refused);
    assert.match(refused.error, /^“坏的\.xlsx”不是可读取的 Excel 工作簿（\.xlsx）/);
  });

  it('shows a CSV 分工表 as a plan, as the CLI reads it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fengong-csv-')), '分工表.csv');
    writeFileSync(file, '\ufeff序号,重点任务,牵头单位,配合单位\r\n1,"甲，乙。",,省财政厅\r\n');
    const answer = await c.connection.sendRequest(DocxTextRequest, { uri: fileUri(file) });
    assert.ok('text' in answer, JSON.stringify(answer));
    const cli = await loadPlanText(file, 'zh-cn', { out: () => undefined, err: (l) => assert.fail(l) });
    assert.equal(answer.text, cli?.text);
    assert.equal(answer.text, '序号\t重点任务\t牵头单位\t配合单位\n1\t甲，乙。\t\t省财政厅');
  });

  it('says in the user’s language why a file cannot be shown as a Word plan', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'fengong-docx-')), '坏的.docx');
    writeFileSync(broken, 'not a zip');
    const answer = await c.connection.sendRequest(DocxTextRequest, { uri: fileUri(broken) });
    assert.ok('error' in answer);
    assert.match(answer.error, /^“坏的\.docx”不是可读取的 Word 文档（\.docx）：not a zip archive/);
    const remote = await c.connection.sendRequest(DocxTextRequest, { uri: 'vscode-vfs://github/x/plan.docx' });
    assert.ok('error' in remote);
    assert.match(remote.error, /只能打开本机上的 Word 文档/);
  });
});
