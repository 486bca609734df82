import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
