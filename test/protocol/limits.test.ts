/**
 * Size limits over LSP: a limit may exist, but nothing is ever left out silently. Also the
 * validation scheduling that replaced the fixed delay: edits already received are analysed once.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidChangeTextDocumentNotification, MessageType } from 'vscode-languageserver-protocol';
import { CheckWorkspaceRequest } from '../../server/src/protocol';
import { fileUri, TestClient } from './client';

const PLAN = '一、甲\n1.做事。（省科技厅牵头，省财政厅参加）\n2.再做一件事。（省自编局牵头）\n';

describe('language server over stdio: long plans and size limits', function () {
  it('tells the user which plan files the workspace check left out for their size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-limits-'));
    writeFileSync(join(dir, '甲分工方案.txt'), PLAN);
    // A sparse file: 65 MB on paper, nothing on disk.
    const big = join(dir, '超大分工方案.txt');
    writeFileSync(big, PLAN);
    truncateSync(big, 65 * 1024 * 1024);
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const result = await c.connection.sendRequest(CheckWorkspaceRequest, {});
      assert.deepEqual({ files: result.files, cancelled: result.cancelled }, { files: 1, cancelled: false });
      const warning = await c.waitFor('a warning about the large file', () => c.messages.find((m) => m.type === MessageType.Warning && m.message.includes('超大分工方案.txt')));
      assert.match(warning.message, /超过 64 MB，未纳入检查/);
      assert.ok(!warning.message.includes('甲分工方案.txt'), 'only the skipped file is named');
      assert.ok(!c.diagnostics.has(fileUri(big)));
    } finally {
      await c.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('analyses edits that arrive together once, and publishes for the newest version only', async () => {
    const c = await TestClient.start();
    try {
      const uri = 'untitled:together.fgfa';
      await c.open(uri, PLAN);
      await c.waitForDiagnostics(uri, 1);
      // Thirty edits written back to back, without waiting for one another: the server reads them
      // from one stream and must not publish once per edit.
      const sends: Promise<void>[] = [];
      for (let v = 2; v <= 31; v++) {
        const at = { line: 1, character: 4 };
        sends.push(c.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: '快' }] }));
      }
      await Promise.all(sends);
      await c.waitFor('diagnostics for version 31', () => c.published.find((p) => p.uri === uri && p.version === 31));
      const versions = c.published.filter((p) => p.uri === uri && (p.version ?? 0) > 1).map((p) => p.version ?? 0);
      assert.ok(versions.length <= 5, `published for versions ${versions.join(',')}`);
      assert.deepEqual([...versions].sort((x, y) => x - y), versions, 'never an older version after a newer one');
    } finally {
      await c.stop();
    }
  });
});
