import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { run, runAsync, type CliIO } from '../../../server/src/cli/main';
import { corpusCases } from '../../helpers/corpus';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const SEED_TXT = join(FIXTURES, 'corpus', '00-seed.txt');
const SEED_DOCX = join(FIXTURES, 'docx', 'seed.docx');
const ENV = { FENGONG_LANG: 'zh' };

/** exceljs types its input as an ArrayBuffer; Node's Buffer is a view on one. */
const arrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

interface Captured {
  code: number;
  out: string[];
  err: string[];
  bytes: Buffer;
}

async function cli(argv: string[], options: { tty?: boolean } = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const chunks: Buffer[] = [];
  const io: CliIO = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    write: (d) => chunks.push(Buffer.from(d)),
    stdoutIsTTY: options.tty ?? false,
  };
  const code = await runAsync(argv, io, ENV);
  return { code, out, err, bytes: Buffer.concat(chunks) };
}

describe('reviewer CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-reviewer-'));

  it('checks seed.docx like the text, naming the paragraph in each line', async () => {
    const txt = await cli(['check', SEED_TXT]);
    const doc = await cli(['check', SEED_DOCX]);
    assert.equal(doc.code, txt.code);
    assert.equal(doc.out.length, txt.out.length);
    doc.out.forEach((line, i) => {
      const [, lineNo, col, sev, code] = /^.*?:(\d+):(\d+): (\w+) ([\w-]+) /.exec(line)!;
      assert.equal(line.slice(line.indexOf(`${code} `) + code.length + 1).startsWith(`第 ${lineNo} 段：`), true, line);
      assert.ok(txt.out[i].includes(`:${lineNo}:${col}: ${sev} ${code} `), `${txt.out[i]} vs ${line}`);
    });
  });

  it('checks a 分工表 in an Excel workbook: line N is row N, merged cells give their text, other sheets are named', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['2025年重点任务分工表']);
    ws.mergeCells('A1:E1');
    ws.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    ws.addRow(['一、数字基础设施']);
    ws.mergeCells('A3:E3');
    ws.addRow([1, '加快5G网络建设，\n新建基站2万个。', '省经信厅', '省通信管理局、省发展改革委', '2025年底']);
    // The lead merged down over two tasks names it for both.
    ws.addRow([2, '推进千兆光网建设。', null, '省通信管理局', '2025年底']);
    ws.mergeCells('C4:C5');
    ws.addRow([3, '推进农业数字化。', '', '省农业农村厅、省数据局', '持续推进']);
    wb.addWorksheet('说明').addRow(['填表说明']);
    wb.addWorksheet('空表');
    const file = join(dir, '分工表.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const r = await cli(['check', file]);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.map((l) => l.slice(file.length + 1).split(' ').slice(0, 3).join(' ')), ['6:13: error no-lead']);
    assert.deepEqual(r.err, [`${file}：只检查了第一个有内容的工作表“分工表”（第 N 行即表中第 N 行）；其他工作表未检查：说明。请把它们另存为单独的文件再检查。`]);
    const json = JSON.parse((await cli(['check', '--format', 'json', file])).out.join('\n'));
    // A cell merged across a row is the row's first cell alone: the section heading reads as written.
    assert.deepEqual(json.sections, [{ number: '一', title: '数字基础设施', line: 2 }]);
    assert.deepEqual(
      json.tasks.map((t: { number: string; line: number; lead: string[]; participants: string[] }) => [t.number, t.line + 1, t.lead, t.participants]),
      [
        ['1', 4, ['省经信厅'], ['省通信管理局', '省发展改革委']],
        ['2', 5, ['省经信厅'], ['省通信管理局']],
        ['3', 6, [], ['省农业农村厅', '省数据局']],
      ],
    );
    // A file named .xlsx that is no workbook is refused with a reason, the others still checked.
    const broken = join(dir, '坏的.xlsx');
    writeFileSync(broken, '1.不是工作簿');
    const both = await cli(['check', broken, SEED_TXT]);
    assert.equal(both.code, 2);
    assert.match(both.err.join('\n'), /坏的\.xlsx：无法读取 Excel 工作簿/);
    assert.ok(both.out.some((l) => l.startsWith(SEED_TXT)));
  });

  it('reads a number merged down over a task\'s rows in a workbook once: the rows after are that task\'s', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['序号', '具体措施', '牵头单位']);
    ws.addRow([1, '建设工业互联网平台。', '省经信厅']);
    ws.addRow([null, '培育未来工厂。', '省科技厅']);
    ws.mergeCells('A2:A3');
    ws.addRow([2, '建设数字商圈。', '省商务厅']);
    const file = join(dir, '合并序号.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await cli(['check', '--format', 'json', file]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(JSON.parse(r.out.join('\n')).tasks.map((t: { number: string; lead: string[] }) => [t.number, t.lead]), [
      ['1', ['省经信厅', '省科技厅']],
      ['2', ['省商务厅']],
    ]);
  });

  it('checks a 分工表 saved as CSV, line N being record N (a quoted cell may span lines in the file)', async () => {
    const file = join(dir, '分工表.csv');
    writeFileSync(file, '\ufeff序号,重点任务,牵头单位,配合单位\r\n1,"推进""东数西算""，\r\n建设算力网络。",,省经信厅\r\n2,发展跨境电商。,省商务厅,省商务斤\r\n');
    const r = await cli(['check', file]);
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, []);
    assert.deepEqual(r.out.map((l) => / (?:error|warning) ([\w-]+) /.exec(l)![1] + '@' + l.slice(file.length + 1).split(':')[0]), ['no-lead@2', 'unknown-department@3']);
  });

  it('adds paragraph beside line in JSON for Word input only', async () => {
    const doc = JSON.parse((await cli(['check', '--format', 'json', SEED_DOCX])).out.join('\n'));
    const txt = JSON.parse((await cli(['check', '--format', 'json', SEED_TXT])).out.join('\n'));
    assert.equal(doc.tasks.length, 47);
    for (const t of doc.tasks) assert.equal(t.paragraph, t.line + 1);
    for (const d of doc.diagnostics) assert.equal(d.paragraph, d.range.start.line + 1);
    assert.ok(!('paragraph' in txt.tasks[0]));
    assert.deepEqual(
      doc.tasks.map((t: { lead: string[]; line: number }) => [t.line, t.lead]),
      txt.tasks.map((t: { lead: string[]; line: number }) => [t.line, t.lead]),
    );
  });

  it('prints exactly what the synchronous run prints for text plans', async () => {
    for (const args of [['check', SEED_TXT], ['check', '--format', 'json', SEED_TXT], ['summary', SEED_TXT], ['check', '--format', 'sarif', SEED_TXT]]) {
      const out: string[] = [];
      const code = run(args, { out: (l) => out.push(l), err: () => undefined }, ENV);
      const viaAsync = await cli(args);
      assert.deepEqual([viaAsync.code, viaAsync.out], [code, out], args.join(' '));
    }
  });

  it('checks a directory’s Word files too, skipping Word lock files', async () => {
    const sub = mkdtempSync(join(dir, 'plans-'));
    copyFileSync(SEED_DOCX, join(sub, 'plan.docx'));
    writeFileSync(join(sub, '~$plan.docx'), Buffer.from([0x50, 0x4b]));
    const r = await cli(['check', '--format', 'json', sub]);
    assert.deepEqual(r.err, []);
    assert.equal(JSON.parse(r.out.join('\n')).tasks.length, 47);
  });

  it('writes the matrix as CSV to stdout byte for byte, BOM and CRLF included', async () => {
    const r = await cli(['matrix', SEED_TXT, '--format', 'csv']);
    assert.equal(r.code, 0);
    const text = r.bytes.toString('utf8');
    assert.ok(text.startsWith('\ufeff单位,名录名称,状态,牵头,参加,合计,1,2,3'));
    assert.ok(text.includes('\r\n省经信委,省经信委,已更名,13,15,28,●'));
  });

  it('writes XLSX to the -o file, taking the format from its extension', async () => {
    const file = join(dir, 'matrix.xlsx');
    const r = await cli(['matrix', SEED_DOCX, '-o', file]);
    assert.equal(r.code, 0);
    assert.match(r.err.join('\n'), /已写入 .*matrix\.xlsx（\d+ 个单位 × 47 项任务）/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(readFileSync(file)));
    assert.equal(wb.getWorksheet('责任矩阵')!.getRow(1).getCell(7).value, '1');
  });

  it('refuses to write XLSX to a terminal', async () => {
    const r = await cli(['matrix', SEED_TXT, '--format', 'xlsx'], { tty: true });
    assert.equal(r.code, 2);
    assert.match(r.err.join('\n'), /请用 -o/);
    assert.equal(r.bytes.length, 0);
  });

  it('reports a department across a text plan and a Word plan, with paragraphs for Word', async () => {
    const r = await cli(['report', '--department', '省经信厅', '--format', 'json', SEED_TXT, SEED_DOCX]);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.out.join('\n'));
    const leads = corpusCases()[0].expected.tasks.filter((t) => t.lead.includes('省经信委')).length;
    assert.deepEqual(report.plans.map((p: { leads: unknown[] }) => p.leads.length), [leads, leads]);
    assert.ok(!('paragraph' in report.plans[0].leads[0]));
    assert.equal(report.plans[1].leads[0].paragraph, report.plans[1].leads[0].line + 1);
    const text = await cli(['report', '--department', '省经信委', SEED_DOCX]);
    assert.ok(text.out.some((l) => /\[第 6 段\]$/.test(l)));
  });

  it('diffs two drafts: exit 0 when equal, 1 with the changes when not', async () => {
    const same = await cli(['diff', SEED_TXT, SEED_DOCX]);
    assert.equal(same.code, 0);
    const edited = join(dir, 'edited.txt');
    writeFileSync(edited, readFileSync(SEED_TXT, 'utf8').replace('(省国资委负责)', '(省财政厅负责)'));
    const r = await cli(['diff', '--format', 'json', SEED_TXT, edited]);
    assert.equal(r.code, 1);
    const diff = JSON.parse(r.out.join('\n'));
    assert.deepEqual(
      diff.changed.map((c: { new: { key: string }; leadGained: string[]; leadLost: string[] }) => [c.new.key, c.leadGained, c.leadLost]),
      [['29', ['省财政厅'], ['省国资委']]],
    );
    assert.equal(diff.oldFile, SEED_TXT);
  });

  it('exits 2 with the command’s usage for missing arguments', async () => {
    const r = await cli(['report', SEED_TXT]);
    assert.equal(r.code, 2);
    assert.match(r.err.join('\n'), /--department/);
    const d = await cli(['diff', SEED_TXT, '--lang', 'en']);
    assert.equal(d.code, 2);
    assert.match(d.err[0], /give two plan files/);
  });

  it('says a file is not a Word document instead of checking zip bytes as text', async () => {
    const bad = join(dir, 'broken.docx');
    writeFileSync(bad, 'not a zip');
    const r = await cli(['check', bad]);
    assert.equal(r.code, 2);
    assert.match(r.err.join('\n'), /无法读取 Word 文档/);
  });

  it('reports a broken Word file and still checks the plans after it, exiting 2 at the end', async () => {
    const bad = join(dir, 'a-broken.docx');
    writeFileSync(bad, 'not a zip either');
    const alone = await cli(['check', SEED_TXT]);
    assert.ok(alone.out.length > 0);
    const r = await cli(['check', bad, SEED_TXT]);
    assert.equal(r.code, 2);
    const reasons = r.err.filter((l) => l.includes('a-broken.docx'));
    assert.equal(reasons.length, 1, r.err.join('\n'));
    assert.match(reasons[0], /无法读取 Word 文档/);
    assert.deepEqual(r.out, alone.out, 'the seed is checked as if alone');
    const json = await cli(['check', '--format', 'json', SEED_DOCX, bad, SEED_TXT]);
    assert.equal(json.code, 2);
    assert.deepEqual(JSON.parse(json.out.join('\n')).map((f: { tasks: unknown[] }) => f.tasks.length), [47, 47]);
  });
});
