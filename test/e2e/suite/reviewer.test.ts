import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import * as vscode from 'vscode';
import { readDocx } from '../../../server/src/io/docx';
import { buildDocx } from '../../fixtures/docx/build';
import { planLocale } from '../../../client/src/locale';
import { activate, codeOf, diagnosticsWith, EXTENSION_ID, flatten, SEED, waitFor, workspaceFile } from './helpers';

function fixture(...parts: string[]): string {
  return path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', ...parts);
}

describe('Reviewer tools in a real VS Code', function () {
  before(activate);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a Word document as a read-only plan, one line per paragraph, with diagnostics, outline and matrix', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fengong-docx-')), '分工方案.docx');
    copyFileSync(fixture('docx', 'seed.docx'), file);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('fengong.openWordDocument', vscode.Uri.file(file));
    const document = editor.document;
    assert.equal(document.uri.scheme, 'fengong-docx');
    assert.equal(document.languageId, 'fengong');
    assert.equal(document.getText(), (await readDocx(readFileSync(file))).text, 'the text `fengong check` reads from the .docx');

    const diagnostics = await diagnosticsWith(document.uri, 'missing-separator');
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'missing-separator').length, 12);
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
      return s?.length ? s : undefined;
    });
    assert.equal(flatten(symbols).filter((s) => s.kind === vscode.SymbolKind.Event).length, 47);
    const rendered = await vscode.commands.executeCommand<{ tasks: number }>('fengong.showMatrix', document.uri);
    assert.equal(rendered.tasks, 47);
  });

  it('checks a 分工表 pasted as tab-separated rows: the empty lead cell reported and fixed in one undoable edit', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fengong-table-')), '重点任务分工表.txt');
    const rows = ['序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t加快5G网络建设。\t省经信厅\t省通信管理局\t2025年底', '2\t推进农业数字化。\t\t省农业农村厅、省财政厅\t2025年底'];
    writeFileSync(file, rows.join('\n') + '\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    assert.equal(editor.document.languageId, 'fengong', 'a file named like a plan opens as one');
    const diagnostics = await diagnosticsWith(editor.document.uri, 'no-lead');
    assert.deepEqual(diagnostics.map(codeOf), ['no-lead'], 'no missing separator or clause for the rows');
    const d = diagnostics[0];
    assert.equal(editor.document.getText(d.range), '省农业农村厅、省财政厅');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && a.edit.size > 0);
    assert.ok(fix?.edit, `a quick fix among: ${JSON.stringify(actions.map((a) => a.title))}`);
    const version = editor.document.version;
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(2).text, '2\t推进农业数字化。\t省农业农村厅\t省财政厅\t2025年底');
    assert.equal(editor.document.version, version + 1, 'a single edit, so a single undo step');
    await waitFor('the diagnostic to go', () => (vscode.languages.getDiagnostics(editor.document.uri).some((x) => codeOf(x) === 'no-lead') ? undefined : true));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.lineAt(2).text, rows[2], 'one undo restores the row');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens an Excel 分工表 as a read-only plan, one line per row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['序号', '重点任务', '牵头单位', '配合单位']);
    ws.addRow([1, '加快5G网络建设。', '省经信厅', '省通信管理局']);
    ws.addRow([2, '推进农业数字化。', '', '省农业农村厅']);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fengong-xlsx-')), '分工表.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('fengong.openWordDocument', vscode.Uri.file(file));
    assert.equal(editor.document.languageId, 'fengong');
    assert.equal(editor.document.lineAt(2).text, '2\t推进农业数字化。\t\t省农业农村厅');
    const diagnostics = await diagnosticsWith(editor.document.uri, 'no-lead');
    assert.deepEqual(diagnostics.map((x) => [codeOf(x), x.range.start.line]), [['no-lead', 2]]);
  });

  it('reads the Word plan again when the .docx changes on disk', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fengong-docx-')), '草稿.docx');
    writeFileSync(file, await buildDocx(['一、总体要求', '1 加强统筹。（省发展改革委牵头，省财政厅参加）']));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('fengong.openWordDocument', vscode.Uri.file(file));
    const uri = editor.document.uri;
    await diagnosticsWith(uri, 'missing-separator');
    writeFileSync(file, await buildDocx(['一、总体要求', '1.加强统筹。（省发展改革委牵头，省财政厅参加）']));
    await waitFor('the new text', () => (editor.document.getText().includes('1.加强统筹') ? true : undefined));
    await waitFor('the missing separator to be gone', () =>
      vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'missing-separator') ? undefined : true,
    );
  });

  it('compares the plan with its Word copy and with an edited draft, beside the plan', async () => {
    const seed = workspaceFile(SEED);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed));
    const zh = planLocale(seed) === 'zh-cn';

    const same = await vscode.commands.executeCommand<vscode.TextDocument>('fengong.compareWithDraft', seed, vscode.Uri.file(fixture('docx', 'seed.docx')));
    assert.equal(same.languageId, 'markdown');
    assert.match(same.getText(), zh ? /两稿任务和分工相同/ : /same tasks and responsibilities/);

    const dir = mkdtempSync(path.join(tmpdir(), 'fengong-draft-'));
    const earlier = path.join(dir, '第一稿.txt');
    writeFileSync(earlier, readFileSync(seed.fsPath, 'utf8').replace('(省财政厅负责)', '(省科技厅负责)'));
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('fengong.compareWithDraft', seed, vscode.Uri.file(earlier));
    const text = report.getText();
    assert.match(text, /^```diff$/m);
    assert.ok(text.includes(zh ? `--- 原稿：${earlier}` : `--- Earlier draft: ${earlier}`), text);
    assert.match(text, zh ? /分工变化：\+牵头 省财政厅；−牵头 省科技厅/ : /responsibilities changed: \+lead 省财政厅; −lead 省科技厅/);
    const shown = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString());
    assert.ok(shown.includes(report.uri.toString()) && shown.includes(seed.toString()), 'the report is beside the plan');
  });
});
