import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../../server/src/analysis';
import { run } from '../../../server/src/cli/main';
import { loadRegistries } from '../../../server/src/registry/load';
import { buildServer, ROOT } from '../../protocol/client';
import { tried } from './stats';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');
const PLAN = join(FIXTURES, 'plan.txt');
const PLAN_TEXT = '1.加强规划指导。(省科技厅牵头,省财政厅参加)\n2.推进产业发展。(省财政厅负责)\n';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = tried(`cli ${argv.join(' ')}`, argv.join(' '), () => run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { FENGONG_LANG: 'zh' }));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tmp(name: string, content: string | Buffer): string {
  const p = join(mkdtempSync(join(tmpdir(), 'fengong-hostile-')), name);
  writeFileSync(p, content);
  return p;
}

/** The JSON result for one plan, checked against only the names given. */
function checkJson(file: string, ...registries: string[]) {
  const r = cli('check', '--format', 'json', '--no-default-registry', ...registries.flatMap((x) => ['--registry', x]), file);
  return { ...r, json: r.out ? (JSON.parse(r.out) as { tasks: { lead: unknown[] }[]; diagnostics: { code: string }[] }) : null };
}

describe('hostile input: broken registries give a located message and nothing else breaks', () => {
  const names = tmp('names.txt', '省科技厅\n省财政厅\n');

  it('reports invalid JSON at its line and column and still checks with the other registries', () => {
    const r = checkJson(PLAN, join(FIXTURES, 'invalid.json'), names);
    assert.match(r.err, new RegExp(`invalid\\.json:5:3: error registry-syntax 名录文件格式错误`));
    assert.equal(r.err.split('\n').length, 1, 'one message, nothing else');
    assert.equal(r.code, 0);
    assert.deepEqual(r.json?.diagnostics.map((p) => p.code), [], 'names from the good registry still resolve');
  });

  it('reports a registry of the wrong shape, and wrongly typed entries, each where it stands', () => {
    const shape = checkJson(PLAN, join(FIXTURES, 'wrong-shape.json'), names);
    assert.match(shape.err, /wrong-shape\.json:2:18: error registry-shape .*"departments" must be an array/);
    const types = checkJson(PLAN, join(FIXTURES, 'wrong-types.json'), names);
    assert.match(types.err, /wrong-types\.json:3:12: error registry-shape .*name must be a string/);
    assert.match(types.err, /wrong-types\.json:3:27: error registry-shape .*aliases must be an array of strings/);
    assert.equal(types.code, 0);
  });

  it('reports a registry path that is a directory, or that does not exist, and carries on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-dir-'));
    const dangling = join(dir, 'gone', 'registry.json');
    const r = checkJson(PLAN, dir, dangling, names);
    assert.match(r.err, new RegExp(`${dir}:1:1: error registry-unreadable 无法读取名录文件：.*EISDIR`));
    assert.match(r.err, new RegExp(`gone/registry\\.json:1:1: error registry-unreadable 无法读取名录文件：file not found`));
    assert.equal(r.code, 0);
    assert.equal(r.json?.tasks.length, 2);
  });

  it('loads a registry of 100k names and checks a plan against it, misspelt names included', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `省第${i}厅`);
    const file = tmp('huge.json', JSON.stringify({ departments: [...many.map((name) => ({ name, aliases: [`${name}别名`] })), { name: '省科技厅' }, { name: '省财政厅' }] }));
    const t0 = process.cpuUsage();
    const registry = loadRegistries([file], false);
    assert.equal(registry.size, 100_002);
    assert.deepEqual(registry.issues, []);
    assert.equal(registry.lookup('省第99999厅别名')?.department.name, '省第99999厅');
    assert.deepEqual(analyse(PLAN_TEXT, registry).problems, []);
    // A misspelt name is compared with all 200k names and aliases for suggestions; it must still answer.
    const typo = analyse('1.任务。(省科枝厅牵头，省财政厅参加)\n', registry).problems;
    assert.deepEqual(typo.map((p) => [p.code, p.data?.suggestions]), [['unknown-department', ['省科技厅']]]);
    const used = process.cpuUsage(t0);
    // Generous (no absolute timing of note): it takes about a second of CPU.
    assert.ok((used.user + used.system) / 1e6 < 15, `took ${((used.user + used.system) / 1e6).toFixed(1)} s of CPU`);
  });
});

describe('hostile input: plans in other encodings, binary and empty files', () => {
  const expected = checkJson(PLAN);

  it('reads a GBK plan, says so, and gives the same results as UTF-8', () => {
    // 加强规划指导 etc. in GBK, built from a decoder round trip so no encoder library is needed.
    const gbk = Buffer.from(
      // prettier-ignore
      [0x31, 0x2e, 0xbc, 0xd3, 0xc7, 0xbf, 0xb9, 0xe6, 0xbb, 0xae, 0xd6, 0xb8, 0xb5, 0xbc, 0xa1, 0xa3, 0x28, 0xca, 0xa1, 0xbf, 0xc6, 0xbc, 0xbc, 0xcc, 0xfc, 0xc7, 0xa3, 0xcd, 0xb7, 0x2c, 0xca, 0xa1, 0xb2, 0xc6, 0xd5, 0xfe, 0xcc, 0xfc, 0xb2, 0xce, 0xbc, 0xd3, 0x29, 0x0a],
    );
    assert.equal(new TextDecoder('gbk').decode(gbk), '1.加强规划指导。(省科技厅牵头,省财政厅参加)\n');
    const r = checkJson(tmp('gbk.txt', gbk));
    assert.match(r.err, /gbk\.txt：按 GBK 编码读取/);
    assert.equal(r.code, 0);
    assert.deepEqual(r.json?.tasks[0], { ...expected.json?.tasks[0] });
  });

  for (const [name, bytes] of [
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN_TEXT, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PLAN_TEXT, 'utf16le').swap16()])],
  ] as const) {
    it(`reads a ${name} plan, says so, and gives the same results as UTF-8`, () => {
      const r = checkJson(tmp('u16.txt', bytes));
      assert.match(r.err, /u16\.txt：按 UTF-16(LE|BE) 编码读取/);
      assert.deepEqual(r.json?.tasks, expected.json?.tasks);
      assert.deepEqual(r.json?.diagnostics, expected.json?.diagnostics);
    });
  }

  it('refuses a binary file with a clear message and exit code 2', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 600 }, (_, i) => (i * 37) % 256)]);
    const r = cli('check', tmp('image.txt', png));
    assert.equal(r.code, 2);
    assert.match(r.err, /image\.txt：不是文本文件，已跳过/);
    assert.equal(r.out, '');
  });

  it('accepts an empty file: no problems, exit 0, and says it is empty', () => {
    const file = tmp('empty.txt', '');
    const r = checkJson(file);
    assert.equal(r.code, 0);
    assert.equal(r.err, `${file}：文件是空的，没有可检查的任务。`);
    assert.deepEqual(r.json?.diagnostics, []);
    assert.deepEqual(r.json?.tasks, []);
  });

  it('does the same as the installed binary: GBK noted on stderr, binary exit 2, empty exit 0', () => {
    buildServer();
    const bin = join(ROOT, 'dist', 'cli.js');
    const gbk = tmp('gbk.txt', Buffer.from([0x31, 0x2e, 0xbc, 0xd3, 0xc7, 0xbf, 0x28, 0xca, 0xa1, 0xbf, 0xc6, 0xbc, 0xbc, 0xcc, 0xfc, 0xc7, 0xa3, 0xcd, 0xb7, 0x29, 0x0a]));
    const g = spawnSync(process.execPath, [bin, 'check', '--format', 'json', gbk], { encoding: 'utf8', env: { ...process.env, FENGONG_LANG: 'zh' } });
    assert.match(g.stderr, /按 GBK 编码读取/);
    assert.equal((JSON.parse(g.stdout) as { tasks: { lead: string[] }[] }).tasks[0].lead[0], '省科技厅');
    const b = spawnSync(process.execPath, [bin, 'check', tmp('x.bin', Buffer.from([0, 1, 2, 3, 0, 0xff, 0xfe, 0, 7, 8]))], { encoding: 'utf8', env: { ...process.env, FENGONG_LANG: 'zh' } });
    assert.equal(b.status, 2);
    assert.match(b.stderr, /不是文本文件/);
    const e = spawnSync(process.execPath, [bin, 'check', tmp('empty.txt', '')], { encoding: 'utf8' });
    assert.equal(e.status, 0);
    assert.match(e.stderr, /empty\.txt：文件是空的，没有可检查的任务。\n$/);
  });
});
