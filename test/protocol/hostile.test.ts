import { strict as assert } from 'node:assert';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, HoverRequest, MessageType, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { analyse } from '../../server/src/analysis';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { StatusRequest } from '../../server/src/protocol';
import { loadRegistries } from '../../server/src/registry/load';
import { fileUri, seedText, TestClient } from './client';

/** Resident memory of the server process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A deterministic pseudo-random sequence, so a failing storm can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const STORM_PIECES = ['省科技厅', '牵头', '、', '（', '）', '\n', '\r\n', '𠀋', '2.', '参加', '，', '省财政厅', '一、', ''];

/** Markdown, HTML, a command link and script where department names and task words go. */
const EVIL = ['<img src=x onerror=alert(1)>省evil厅', '[点我](command:fengong.server.renumber)局', '`code`**粗**_斜_省厅'];

/** No character that builds links, HTML or code in Markdown appears unescaped. */
function assertInert(markdown: string, where: string): void {
  const bare = /(^|[^\\])[<>[\]()`]/.exec(markdown);
  assert.equal(bare, null, `${where} has a bare ${bare?.[0]} in: ${markdown}`);
}

describe('hostile input over LSP', function () {
  this.timeout(60000);

  it('survives 2,000 incremental edits sent without waiting: final diagnostics equal a fresh analysis, no handler error, memory back near baseline', async () => {
    const c = await TestClient.start();
    try {
      const pid = c.process.pid!;
      // Warm up with one document so the baseline holds the loaded code and default registry.
      const warm = 'file:///hostile/warm.txt';
      await c.open(warm, seedText());
      await c.waitForDiagnostics(warm, 1);
      await c.close(warm);
      const baseline = rssMb(pid);

      const uri = 'file:///hostile/storm.txt';
      await c.open(uri, seedText());
      await c.waitForDiagnostics(uri, 1);
      const rnd = prng(20260516);
      let version = 1;
      const sent: Promise<number>[] = [];
      for (let k = 0; k < 2000; k++) {
        const doc = c.documents.get(uri)!;
        const len = doc.getText().length;
        const a = Math.floor(rnd() * (len + 1));
        const b = Math.min(len, a + Math.floor(rnd() * 6));
        // Never split a surrogate pair: an editor cannot put the cursor there.
        const fix = (o: number) => (/[\udc00-\udfff]/.test(doc.getText().charAt(o)) ? o - 1 : o);
        const range = { start: doc.positionAt(fix(a)), end: doc.positionAt(fix(b)) };
        sent.push(c.change(uri, [{ range, text: STORM_PIECES[Math.floor(rnd() * STORM_PIECES.length)] }]));
        version++;
      }
      await Promise.all(sent);
      const finalText = c.text(uri);
      const diags = await c.waitForDiagnostics(uri, version, 30000);
      const expected = toDiagnostics(uri, analyse(finalText, loadRegistries([], true), { locale: 'zh-cn' }).problems);
      const key = (d: { range: unknown; code?: unknown; message: string; severity?: unknown }) => JSON.stringify([d.range, d.code, d.severity, d.message]);
      assert.deepEqual(diags.map(key), expected.map(key));

      // The server still answers, about the final text.
      const status = await c.connection.sendRequest(StatusRequest, { uri });
      assert.equal(status?.tasks, analyse(finalText, loadRegistries([], true)).plan.tasks.length);

      await c.close(uri);
      await c.waitFor('diagnostics cleared on close', () => (c.diagnostics.get(uri)?.diagnostics.length === 0 ? true : undefined));
      assert.equal(await c.connection.sendRequest(StatusRequest, { uri }), null, 'a closed document is evicted from the cache');
      const after = rssMb(pid);
      // Keeping every version (2,000 analyses of the seed) would cost hundreds of MB.
      assert.ok(after < baseline + 80, `RSS ${after.toFixed(0)} MB after close vs baseline ${baseline.toFixed(0)} MB`);

      assert.deepEqual(c.logs.filter((l) => l.type === MessageType.Error), [], 'no handler logged an error');
      assert.equal(c.stderr, '', 'nothing on stderr');
    } finally {
      await c.stop();
    }
  });

  it('shows department names and task words holding Markdown, HTML, command links or script as text in hovers and completion', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-evil-'));
    const registry = join(dir, 'evil.json');
    writeFileSync(registry, JSON.stringify({ departments: EVIL.map((name) => ({ name, fullName: `<script>alert("${name}")</script>[x](command:workbench.action.terminal.new)` })) }));
    const c = await TestClient.start({ settings: { registries: [registry], useDefaultRegistry: false } });
    try {
      const uri = 'file:///hostile/evil.txt';
      const text = `1.<b>推进</b>[链接](command:fengong.server.renumber)工作。(${EVIL[0]}牵头，${EVIL[1]}、${EVIL[2]}参加)\n2.`;
      await c.open(uri, text);
      await c.waitForDiagnostics(uri, 1);
      assert.deepEqual(c.messages.filter((m) => m.type <= MessageType.Warning), [], 'the evil registry itself is valid');
      const line = text.split('\n')[0];
      for (const name of EVIL) {
        const at = line.indexOf(name) + 2;
        const h = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: at } });
        assert.ok(h, `a hover on ${name}`);
        assertInert((h as Hover & { contents: MarkupContent }).contents.value, `hover on ${name}`);
      }
      const taskHover = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.ok(taskHover, 'a hover on the task number');
      assertInert((taskHover as Hover & { contents: MarkupContent }).contents.value, 'task hover');

      const list = (await c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: line.indexOf('牵头') } })) as CompletionList | null;
      const items = list?.items ?? [];
      assert.ok(items.some((i) => EVIL.includes(i.label)), 'the evil names are offered');
      for (const i of items) {
        const doc = i.documentation;
        if (doc && typeof doc !== 'string' && doc.kind === 'markdown') assertInert(doc.value, `completion documentation of ${i.label}`);
      }
    } finally {
      await c.stop();
    }
  });

  it('warns with file:line:col for a registry that is a directory or does not exist, and keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-regdir-'));
    const dangling = join(dir, 'nowhere', 'registry.json');
    const c = await TestClient.start({ settings: { registries: [dir, dangling] } });
    try {
      const uri = fileUri(join(dir, 'plan.txt'));
      await c.open(uri, '1.任务。(省科技厅牵头，省财政厅参加)\n');
      const diags = await c.waitForDiagnostics(uri, 1);
      assert.deepEqual(diags.filter((d) => d.code === 'unknown-department'), [], 'the default registry still serves');
      const warnings = await c.waitFor('two registry warnings', () => {
        const w = c.messages.filter((m) => m.type === MessageType.Warning);
        return w.length >= 2 ? w : undefined;
      });
      assert.ok(warnings.some((m) => m.message.startsWith(`${dir}:1:1: `)), warnings.map((m) => m.message).join('\n'));
      assert.ok(warnings.some((m) => m.message.startsWith(`${dangling}:1:1: `)), warnings.map((m) => m.message).join('\n'));
      const h = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 7 } });
      assert.ok(h, 'hovers still work');
      assert.equal(c.stderr, '');
    } finally {
      await c.stop();
    }
  });
});
