import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  MessageType,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceRequest } from '../../server/src/protocol';
import { fileUri, PUSH_CAPABILITIES, SEED_PATH, seedText, TestClient } from './client';
import { posOf } from './helpers';

const PLAN = '一、甲\n1.做事。（省科技厅牵头，省财政厅参加）\n2.再做一件事。（省自编局牵头）\n';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fengong-lsp-'));
}

describe('language server over stdio: registries and settings', function () {
  it('reports a broken registry with file, line and column, and keeps serving with the other registries', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "departments": [\n    {"name": "省自编局",}\n  ]\n}\n');
    const good = join(dir, 'good.txt');
    writeFileSync(good, '省自编局\n');
    const c = await TestClient.start({ workspaceFolders: [dir], settings: { registries: ['broken.json', good] } });
    try {
      const uri = fileUri(join(dir, 'plan.fgfa'));
      await c.open(uri, PLAN);
      const diags = await c.waitForDiagnostics(uri, 1);
      const warning = await c.waitFor('a registry warning', () => c.messages.find((m) => m.type === MessageType.Warning));
      assert.match(warning.message, /broken\.json:3:\d+: 名录文件格式错误/);
      assert.match(warning.message, /继续使用其余名录/);
      assert.ok(c.logs.some((l) => l.message.includes('broken.json:3:')), 'logged as well');
      // The plain-text registry still counts, and the default registry is still there.
      assert.deepEqual(diags.filter((d) => d.code === 'unknown-department'), []);
      const h = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(PLAN, '省科技厅', 0, 1) });
      assert.match((h!.contents as MarkupContent).value, /浙江省科学技术厅/);
    } finally {
      await c.stop();
    }
  });

  it('reloads a watched registry file when it changes and checks open plans again', async () => {
    const dir = tempDir();
    const reg = join(dir, 'mine.txt');
    writeFileSync(reg, '省别的局\n');
    const c = await TestClient.start({ workspaceFolders: [dir], settings: { registries: ['mine.txt'] } });
    try {
      await c.waitFor('the watcher registration', () => (c.registrations.includes('workspace/didChangeWatchedFiles') ? true : undefined));
      const uri = fileUri(join(dir, 'plan.fgfa'));
      await c.open(uri, PLAN);
      const before = await c.waitForDiagnostics(uri, 1);
      assert.equal(before.filter((d) => d.code === 'unknown-department').length, 1);
      writeFileSync(reg, '省别的局\n省自编局\n');
      const count = c.published.length;
      await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(reg), type: FileChangeType.Changed }] });
      const after = await c.waitFor('diagnostics after the reload', () => (c.published.length > count ? c.published[c.published.length - 1] : undefined));
      assert.equal(after.diagnostics.filter((d) => d.code === 'unknown-department').length, 0);
    } finally {
      await c.stop();
    }
  });

  it('speaks English and honours rule severities from the settings, re-reading them on change', async () => {
    const c = await TestClient.start({ settings: { language: 'en', rules: { 'unknown-department': 'off' } } });
    try {
      const uri = 'untitled:en.fgfa';
      await c.open(uri, '一、甲\n1.做事。（省经信委牵头，省自编局参加）\n');
      const diags = await c.waitForDiagnostics(uri, 1);
      assert.equal(diags.filter((d) => d.code === 'unknown-department').length, 0);
      assert.match(diags.find((d) => d.code === 'outdated-department')!.message, /was renamed in 2018; write "省经信厅"/);
      c.settings = { language: 'zh-cn' };
      const count = c.published.length;
      await c.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { fengong: c.settings } });
      const after = await c.waitFor('diagnostics after the settings change', () => (c.published.length > count ? c.published[c.published.length - 1] : undefined));
      assert.equal(after.diagnostics.filter((d) => d.code === 'unknown-department').length, 1);
      assert.match(after.diagnostics.find((d) => d.code === 'outdated-department')!.message, /已于 2018 年更名/);
    } finally {
      await c.stop();
    }
  });

  it('follows the client locale from initialize when the language setting is auto', async () => {
    const c = await TestClient.start({ locale: 'en-US' });
    try {
      const uri = 'untitled:auto.fgfa';
      await c.open(uri, '一、甲\n1.做事。（省经信委牵头）\n');
      const diags = await c.waitForDiagnostics(uri, 1);
      assert.match(diags[0].message, /renamed/);
    } finally {
      await c.stop();
    }
  });
});

describe('language server over stdio: pull diagnostics', function () {
  it('answers textDocument/diagnostic and pushes nothing to a client that pulls', async () => {
    const caps = { ...PUSH_CAPABILITIES, textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } };
    const c = await TestClient.start({ capabilities: caps });
    try {
      assert.ok(c.initializeResult.capabilities.diagnosticProvider, 'declares a diagnostic provider');
      const uri = fileUri(SEED_PATH);
      await c.open(uri, seedText());
      const report = (await c.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      assert.equal(report.items.filter((d) => d.code === 'missing-separator').length, 12);
      // A push would have arrived by now had the server sent one: it validates on the turn after a change,
      // and this second request is answered only after that turn.
      await c.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(c.published.filter((p) => p.uri === uri).length, 0);
    } finally {
      await c.stop();
    }
  });

  it('answers "unchanged" with the same result id while the diagnostics stay as they were, and in full once they move', async () => {
    const caps = { ...PUSH_CAPABILITIES, textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } };
    const c = await TestClient.start({ capabilities: caps });
    const pull = (uri: string, previousResultId?: string) => c.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>;
    try {
      const uri = fileUri(join(tempDir(), 'plan.fgfa'));
      await c.open(uri, PLAN);
      const first = await pull(uri);
      assert.equal(first.kind, 'full');
      const firstId = first.resultId!;
      assert.ok(firstId);
      assert.deepEqual((first as FullDocumentDiagnosticReport).items.map((d) => [d.code, d.range.start.line]), [['unknown-department', 2]]);
      // Asked again for the same version with the id it holds: nothing is sent again.
      assert.deepEqual(await pull(uri, firstId), { kind: 'unchanged', resultId: firstId });
      // A keystroke on line 1 moves nothing on line 2.
      await c.change(uri, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '快' }]);
      assert.deepEqual(await pull(uri, firstId), { kind: 'unchanged', resultId: firstId });
      // A client without the id (a new view, a lost answer) gets the whole report, under the same id.
      const again = await pull(uri);
      assert.equal(again.kind, 'full');
      assert.equal(again.resultId, firstId);
      assert.equal((again as FullDocumentDiagnosticReport).items.length, 1);
      // A keystroke before the unknown name on line 2 moves its diagnostic: a full report, a new id.
      await c.change(uri, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, text: '快' }]);
      const moved = (await pull(uri, firstId)) as FullDocumentDiagnosticReport;
      assert.equal(moved.kind, 'full');
      assert.notEqual(moved.resultId, firstId);
      const name = '省自编局';
      const line2 = '2.快再做一件事。（省自编局牵头）';
      assert.deepEqual(moved.items.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['unknown-department', 2, line2.indexOf(name)]]);
      // A stale id after the change: full again.
      assert.equal((await pull(uri, firstId)).kind, 'full');
      // Closed and opened again: whatever id the client kept, the first answer is full.
      await c.close(uri);
      await c.open(uri, PLAN);
      const reopened = await pull(uri, moved.resultId);
      assert.equal(reopened.kind, 'full');
      assert.notEqual(reopened.resultId, moved.resultId);
    } finally {
      await c.stop();
    }
  });
});

describe('language server over stdio: checking the workspace', function () {
  function workspace(files: number): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', '分工方案.txt'), PLAN);
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天天气很好。\n');
    writeFileSync(join(dir, 'sub', 'plan.fgfa'), PLAN);
    writeFileSync(join(dir, '某某工作分工方案.txt'), seedText());
    writeFileSync(join(dir, 'untitled.md'), '# 实施方案\n\n一、甲\n\n1.做事。（省科技厅牵头，省财政厅参加）\n');
    for (let i = 0; i < files; i++) writeFileSync(join(dir, 'sub', `任务分工-${i}.txt`), PLAN);
    return dir;
  }

  it('finds plan files by extension, name or first lines, publishes their diagnostics and reports progress', async () => {
    const dir = workspace(0);
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const result = await c.connection.sendRequest(CheckWorkspaceRequest, { workDoneToken: 'check-1' } as never);
      assert.deepEqual({ files: result.files, cancelled: result.cancelled }, { files: 3, cancelled: false });
      assert.ok(result.problems > 100);
      assert.ok(c.diagnostics.has(fileUri(join(dir, 'sub', 'plan.fgfa'))));
      assert.ok(c.diagnostics.has(fileUri(join(dir, 'untitled.md'))));
      assert.ok(!c.diagnostics.has(fileUri(join(dir, 'notes.txt'))));
      const values = c.progress.filter((p) => p.token === 'check-1').map((p) => p.value as { kind: string; percentage?: number });
      assert.equal(values[0].kind, 'begin');
      assert.equal(values[values.length - 1].kind, 'end');
      assert.ok(values.some((v) => v.kind === 'report' && v.percentage === 100));
    } finally {
      await c.stop();
    }
  });

  it('stops when the request is cancelled and says so', async () => {
    const dir = workspace(400);
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const source = new CancellationTokenSource();
      const pending = c.connection.sendRequest(CheckWorkspaceRequest, { workDoneToken: 'check-2' } as never, source.token);
      await c.waitFor('the first progress report', () => c.progress.find((p) => p.token === 'check-2' && (p.value as { kind: string }).kind === 'report'));
      source.cancel();
      const result = await pending.catch((e: unknown) => ({ error: e }));
      if ('error' in result) return; // The client may surface the cancellation as an error: also fine.
      assert.equal(result.cancelled, true);
      assert.ok(result.files < 403, `checked ${result.files}`);
    } finally {
      await c.stop();
    }
  });
});
