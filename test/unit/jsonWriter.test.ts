import assert from 'node:assert/strict';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { analyse } from '../../server/src/analysis';
import { documentSymbols } from '../../server/src/features/symbols';
import { encodeJson, PieceworkMessageWriter, Utf8Chunks } from '../../server/src/jsonWriter';
import { createDefaultRegistry } from '../../server/src/registry/defaults';
import { rng } from '../../scripts/bench/generate';

const SEED = join(__dirname, '..', '..', 'seeds', '浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt');

/** A value of every kind JSON.stringify treats specially, nested up to `depth`. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const leaf = () =>
    pick<() => unknown>([
      () => null,
      () => undefined,
      () => true,
      () => Math.floor(next() * 1e6) - 5e5,
      () => next() * 1e3,
      () => NaN,
      () => Infinity,
      () => -0,
      () => pick(['', '省科技厅牵头', 'quote " and \\ backslash', 'line\nbreak\ttab\u0001', '𠮷 astral', '\ud800 lone', '（全角），']),
      () => () => 1,
      () => Symbol('s'),
      () => new Date(Date.UTC(2013, 5, 14)),
    ])();
  if (depth === 0) return leaf();
  const kind = next();
  if (kind < 0.35) return Array.from({ length: Math.floor(next() * 40) }, () => randomValue(next, depth - 1));
  if (kind < 0.7) {
    const o: Record<string, unknown> = {};
    const n = Math.floor(next() * 6);
    for (let k = 0; k < n; k++) o[pick(['name', 'range', 'children', '键', 'a"b', '1', 'detail'])] = randomValue(next, depth - 1);
    return o;
  }
  if (kind < 0.75) return Object.assign(Object.create(null) as object, { list: [1, 2, undefined], x: undefined });
  if (kind < 0.8) return { toJSON: () => ({ replaced: [1, 2] }), hidden: [3] };
  if (kind < 0.85) return new (class Holder { list = [1, 'a']; })();
  return leaf();
}

describe('piecework JSON writer', () => {
  it('encodes exactly what JSON.stringify gives, for values of every kind', () => {
    const next = rng(20261127);
    const chunks = new Utf8Chunks();
    for (let k = 0; k < 300; k++) {
      const value = { jsonrpc: '2.0', id: k, result: randomValue(next, 3) };
      assert.equal(encodeJson(value, chunks).toString('utf8'), JSON.stringify(value), `value ${k}`);
    }
  });

  it('encodes the outline of a plan, grown far past its first buffer, byte for byte', () => {
    const seed = readFileSync(SEED, 'utf8');
    // The seed plan repeated: thousands of tasks, an outline of several megabytes.
    const text = Array.from({ length: 100 }, () => seed).join('\n');
    const analysis = analyse(text, createDefaultRegistry());
    const symbols = documentSymbols({ uri: 'file:///p.txt', plan: analysis.plan, problems: analysis.problems, registry: createDefaultRegistry(), locale: 'zh-cn' });
    const message = { jsonrpc: '2.0', id: 1, result: symbols };
    const expected = Buffer.from(JSON.stringify(message), 'utf8');
    assert.ok(expected.length > 1024 * 1024, `outline of ${expected.length} bytes`);
    const chunks = new Utf8Chunks();
    assert.ok(encodeJson(message, chunks).equals(expected));
    assert.ok(chunks.held >= expected.length);
    // Kept for the next message; trimmed (when the writer falls idle), four are kept.
    assert.equal(encodeJson({ a: [2] }, chunks).toString(), '{"a":[2]}');
    assert.ok(chunks.held >= expected.length);
    chunks.trim();
    assert.equal(chunks.held, 4 * 256 * 1024);
    assert.equal(encodeJson({ a: [1] }, chunks).toString(), '{"a":[1]}');
  });

  it('refuses what is no JSON at the top, as the message it would be could not be framed', () => {
    assert.throws(() => encodeJson(undefined), TypeError);
  });

  it('frames every message, big and small, in order, though it reuses its chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-writer-'));
    try {
      const file = join(dir, 'out');
      const stream = createWriteStream(file);
      const writer = new PieceworkMessageWriter(stream);
      const big = Array.from({ length: 30000 }, (_, k) => ({ name: `${k}. 加强规划指导𠮷`, range: { start: { line: k, character: 0 }, end: { line: k, character: 9 } } }));
      const messages: Message[] = [
        { jsonrpc: '2.0', id: 1, result: big } as Message,
        { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '小' } } as Message,
        { jsonrpc: '2.0', id: 2, result: big.slice(0, 3000) } as Message,
        { jsonrpc: '2.0', id: 3, result: null } as Message,
      ];
      // Not awaited one by one: the writer must queue them itself.
      await Promise.all(messages.map((m) => writer.write(m)));
      await new Promise<void>((resolve) => stream.end(resolve));
      const reader = new StreamMessageReader(createReadStream(file));
      const got: Message[] = [];
      await new Promise<void>((resolve) => {
        reader.listen((m) => {
          got.push(m);
          if (got.length === messages.length) resolve();
        });
      });
      reader.dispose();
      assert.deepEqual(got, JSON.parse(JSON.stringify(messages)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a failed write as an error of the writer and rejects it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-writer-'));
    try {
      const stream = createWriteStream(join(dir, 'out'));
      const writer = new PieceworkMessageWriter(stream);
      const errors: Error[] = [];
      writer.onError(([e]) => errors.push(e));
      await new Promise<void>((resolve) => stream.end(resolve));
      await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: 1 } as Message));
      assert.ok(errors.length >= 1);
      // The queue goes on after a failure.
      await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: 2 } as Message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
