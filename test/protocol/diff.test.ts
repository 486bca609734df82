import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiffRequest, DOCX_SCHEME, type DiffAnswer, type DiffResult } from '../../server/src/protocol';
import { draftRound } from '../helpers/corpus';
import { fileUri, ROOT, SEED_PATH, seedText, TestClient } from './client';

const SEED_DOCX = join(ROOT, 'test', 'fixtures', 'docx', 'seed.docx');

const editedSeed = (): string => draftRound(seedText());

function result(answer: DiffAnswer | null): DiffResult {
  assert.ok(answer, 'an answer');
  assert.ok(!('error' in answer), 'error' in answer ? answer.error : '');
  return answer;
}

describe('language server over stdio: comparing drafts (fengong/diff)', function () {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-diff-'));
  const editedPath = join(dir, '分工方案-第二稿.txt');
  writeFileSync(editedPath, editedSeed());
  let c: TestClient;

  before(async () => {
    c = await TestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await c.stop();
  });

  it('names the removed, added, renumbered and reassigned tasks when the open draft is compared with the seed on disk', async () => {
    const uri = fileUri(editedPath);
    await c.open(uri, editedSeed());
    const r = result(await c.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(SEED_PATH) }));
    assert.equal(r.differs, true);
    assert.equal(r.locale, 'zh-cn');
    const lines = r.text.split('\n');
    assert.match(lines[0], /^任务：原 47 项，新 47 项；新增 1，删除 1，移动 0，重新编号 9，内容修改 0，分工变化 1/);
    assert.ok(lines.some((l) => /^- 删除任务 10：/.test(l)), r.text);
    assert.ok(lines.some((l) => /^\+ 新增任务 19：加快建设新型储能和虚拟电厂示范项目/.test(l)), r.text);
    for (let n = 11; n <= 19; n++) assert.ok(lines.some((l) => l.startsWith(`~ 任务 ${n} 重新编号为 ${n - 1}：`)), `task ${n} renumbered`);
    assert.ok(lines.some((l) => l === '~ 任务 29 分工变化：+牵头 省财政厅；−牵头 省国资委'), r.text);
    assert.deepEqual(r.json.removed.map((t) => t.key), ['10']);
    assert.deepEqual(r.json.added.map((t) => t.key), ['19']);
    assert.deepEqual(
      r.json.changed.filter((x) => x.renumbered).map((x) => `${x.old.key}→${x.new.key}`),
      ['11→10', '12→11', '13→12', '14→13', '15→14', '16→15', '17→16', '18→17', '19→18'],
    );
    await c.close(uri);
  });

  it('turns the comparison round when the other draft is the later one', async () => {
    const uri = fileUri(SEED_PATH);
    await c.open(uri, seedText());
    const r = result(await c.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(editedPath), otherIs: 'new' }));
    assert.deepEqual([r.json.removed.map((t) => t.key), r.json.added.map((t) => t.key)], [['10'], ['19']]);
    const back = result(await c.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(editedPath) }));
    assert.deepEqual([back.json.removed.map((t) => t.key), back.json.added.map((t) => t.key)], [['19'], ['10']]);
    await c.close(uri);
  });

  it('reads a Word draft from disk, which matches the seed task for task', async () => {
    const uri = fileUri(SEED_PATH);
    await c.open(uri, seedText());
    const r = result(await c.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(SEED_DOCX) }));
    assert.equal(r.differs, false);
    assert.match(r.text, /两稿任务和分工相同/);
    // The same file shown as a plan (fengong-docx:) is read from disk too.
    const viaScheme = result(await c.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(SEED_DOCX).replace(/^file:/, `${DOCX_SCHEME}:`) }));
    assert.equal(viaScheme.differs, false);
    await c.close(uri);
  });

  it('compares with the other draft as open in the editor, unsaved edits included', async () => {
    const uri = fileUri(SEED_PATH);
    const otherUri = fileUri(editedPath);
    await c.open(uri, seedText());
    await c.open(otherUri, seedText().replace('(省国资委负责)', '(省科技厅负责)'));
    const r = result(await c.connection.sendRequest(DiffRequest, { uri, otherUri, otherIs: 'new' }));
    assert.deepEqual(
      r.json.changed.map((x) => [x.new.key, x.leadGained, x.leadLost]),
      [['29', ['省科技厅'], ['省国资委']]],
    );
    await c.close(otherUri);
    await c.close(uri);
  });

  it('says in the plan’s language why another draft cannot be read', async () => {
    const uri = fileUri(SEED_PATH);
    await c.open(uri, seedText());
    const broken = join(dir, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    const bad = await c.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(broken) });
    assert.ok(bad && 'error' in bad);
    assert.match(bad.error, /^“broken\.docx”不是可读取的 Word 文档/);
    const missing = await c.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(join(dir, 'gone.txt')) });
    assert.ok(missing && 'error' in missing);
    assert.match(missing.error, /^无法读取“gone\.txt”：ENOENT/);
    const remote = await c.connection.sendRequest(DiffRequest, { uri, otherUri: 'vscode-vfs://github/x/plan.txt' });
    assert.ok(remote && 'error' in remote);
    await c.close(uri);
  });

  it('writes the report in English when the settings ask for it', async () => {
    const en = await TestClient.start({ workspaceFolders: [dir], settings: { language: 'en' } });
    try {
      const uri = fileUri(editedPath);
      await en.open(uri, editedSeed());
      const r = result(await en.connection.sendRequest(DiffRequest, { uri, otherUri: fileUri(SEED_PATH) }));
      assert.equal(r.locale, 'en');
      assert.match(r.text, /^Tasks: 47 before, 47 after; 1 added, 1 removed/);
      assert.match(r.text, /^- Removed task 10: /m);
    } finally {
      await en.stop();
    }
  });
});
