import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { planLocale } from '../../../client/src/locale';
import {
  activate,
  codeOf,
  diagnosticsWith,
  flatten,
  hoverText,
  openPlan,
  openSeed,
  positionOf,
  waitFor,
  workspaceFile,
} from './helpers';

describe('Fengong in a real VS Code', function () {
  before(activate);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives the seed plan (a .txt named 分工方案) the fengong language', async () => {
    const editor = await openSeed();
    assert.equal(editor.document.languageId, 'fengong');
  });

  it('shows the seed plan’s diagnostics, twelve missing separators among them', async () => {
    const editor = await openSeed();
    const diagnostics = await diagnosticsWith(editor.document.uri, 'missing-separator');
    const missing = diagnostics.filter((d) => codeOf(d) === 'missing-separator');
    assert.equal(missing.length, 12, missing.map((d) => d.range.start.line).join(','));
    // Task 3 ("  3 着力抓好…") is the first one without a separator.
    assert.ok(missing.some((d) => editor.document.lineAt(d.range.start.line).text.startsWith('  3 着力')));
    assert.ok(diagnostics.every((d) => d.source === undefined || /fengong|分工/i.test(d.source)), 'diagnostics come from fengong');
  });

  it('writes diagnostics in the display language', async () => {
    const editor = await openSeed();
    const diagnostics = await diagnosticsWith(editor.document.uri, 'missing-separator');
    const message = diagnostics.find((d) => codeOf(d) === 'missing-separator')!.message;
    if (vscode.env.language.startsWith('zh')) assert.match(message, /分隔符/);
    else assert.match(message, /separator/);
  });

  it('lists 8 sections and 47 tasks in the outline', async () => {
    const editor = await openSeed();
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      return s?.length ? s : undefined;
    });
    const all = flatten(symbols);
    const sections = all.filter((s) => s.kind === vscode.SymbolKind.Namespace || s.kind === vscode.SymbolKind.Module);
    const tasks = all.filter((s) => s.kind === vscode.SymbolKind.Event);
    assert.equal(sections.length, 8, sections.map((s) => s.name).join(' | '));
    assert.equal(tasks.length, 47);
    assert.match(sections[0]!.name, /加强规划指导/);
  });

  it('shows a department’s full name on hover', async () => {
    const editor = await openSeed();
    const at = positionOf(editor.document, '省科技厅牵头').translate(0, 1);
    const text = await waitFor('a hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      return hovers.length ? hoverText(hovers) : undefined;
    });
    assert.match(text, /浙江省科学技术厅/);
  });

  it('applies the quick fix for a missing separator', async () => {
    const editor = await openPlan('一、总体要求\n1.制订方案。（省科技厅牵头，省财政厅参加）\n2 建立台账。（省财政厅负责）\n');
    const diagnostic = (await diagnosticsWith(editor.document.uri, 'missing-separator')).find((d) => codeOf(d) === 'missing-separator')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.edit && a.edit.size > 0);
    assert.ok(fix?.edit, `a quick fix with an edit among: ${JSON.stringify(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(2).text, '2.建立台账。（省财政厅负责）');
    await waitFor('the diagnostic to go', () =>
      vscode.languages.getDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'missing-separator') ? undefined : true,
    );
  });

  it('renumbers the tasks of the active plan in one edit', async () => {
    const editor = await openPlan(
      '一、总体要求\n1.甲任务。（省科技厅负责）\n3.乙任务。（省财政厅负责）\n二、主要任务\n7.丙任务。（省商务厅负责）\n',
    );
    // The server has the document (didOpen precedes the command on the same connection).
    const version = editor.document.version;
    await vscode.commands.executeCommand('fengong.renumber');
    await waitFor('the renumbering edit', () => (editor.document.version > version ? true : undefined));
    const numbers = editor.document.getText().match(/^\d+(?=\.)/gm);
    assert.deepEqual(numbers, ['1', '2', '3']);
    assert.equal(editor.document.version, version + 1, 'a single edit, so a single undo step');
  });

  it('goes to a task by its key', async () => {
    const editor = await openSeed();
    const key = await vscode.commands.executeCommand<string>('fengong.goToTask', '12');
    assert.equal(key, '12');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^\s*12\.围绕战略性新兴产业/);
  });

  it('renders the responsibility matrix webview with every task', async () => {
    await openSeed();
    const rendered = await vscode.commands.executeCommand<{ departments: number; tasks: number; cells: number; rowWidth: number }>(
      'fengong.showMatrix',
      workspaceFile('浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt'),
    );
    assert.equal(rendered.tasks, 47);
    assert.ok(rendered.departments >= 20, `${rendered.departments} departments`);
    assert.ok(rendered.cells >= 100, `${rendered.cells} cells`);
    assert.equal(rendered.rowWidth, 1 + 47 + 3, 'every row has a cell per task plus name and totals');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tab, 'a webview tab is open');
  });

  it('shows the matrix of a plan chosen in the explorer without it being open', async () => {
    // The explorer menu passes the file; nothing has opened it, so the server has not seen it yet.
    const file = workspaceFile('资源管理器中的分工方案.fgfa');
    writeFileSync(file.fsPath, '一、总体要求\n1.加强统筹。（省发展改革委牵头，省财政厅参加）\n2.强化保障。（省财政厅负责）\n');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.toString()));
    const rendered = await vscode.commands.executeCommand<{ tasks: number; departments: number }>('fengong.showMatrix', file);
    assert.equal(rendered.tasks, 2);
    assert.equal(rendered.departments, 2);
  });

  it('exports the matrix as CSV with a BOM and as an Excel workbook', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fengong-export-'));
    const seed = workspaceFile('浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt');
    await vscode.workspace.openTextDocument(seed);
    const csv = vscode.Uri.file(path.join(dir, 'matrix.csv'));
    await vscode.commands.executeCommand('fengong.exportMatrix', seed, 'csv', csv);
    const bytes = readFileSync(csv.fsPath);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    // The shared writer's sheet: name, registry name, status, three totals, then one column per task.
    assert.equal(lines[0]!.split(',').length, 6 + 47);
    assert.ok(lines.some((l) => l.startsWith('省科技厅,')));
    const head = planLocale(seed) === 'zh-cn' ? '单位,名录名称,状态,牵头,参加,合计,1,2,' : 'Department,Registry name,Status,Leads,Joins,Total,1,2,';
    assert.ok(lines[0]!.startsWith(head), `the header of \`fengong matrix\`: ${lines[0]}`);
    const xlsx = vscode.Uri.file(path.join(dir, 'matrix.xlsx'));
    await vscode.commands.executeCommand('fengong.exportMatrix', seed, 'xlsx', xlsx);
    assert.equal(readFileSync(xlsx.fsPath).subarray(0, 2).toString(), 'PK');
  });

  it('switches a plain text document to the fengong language', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '1.任务。（省科技厅负责）\n' });
    await vscode.window.showTextDocument(document);
    const language = await vscode.commands.executeCommand<string>('fengong.switchLanguage');
    assert.equal(language, 'fengong');
  });

  it('opens a new plan from the template, which checks clean', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('fengong.newPlan');
    assert.equal(editor.document.languageId, 'fengong');
    assert.equal(editor.document.isUntitled, true);
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      return s?.length ? s : undefined;
    });
    assert.equal(flatten(symbols).filter((s) => s.kind === vscode.SymbolKind.Event).length, 6);
    const errors = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });

  it('checks every plan in the workspace', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; problems: number; cancelled: boolean }>('fengong.checkWorkspace');
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 1, `${result.files} files`);
    assert.ok(result.problems >= 12, `${result.problems} problems`);
  });
});
