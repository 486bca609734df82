import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { run } from '../../server/src/cli/main';
import { buildServer } from '../protocol/client';

const ROOT = join(__dirname, '..', '..');
const SEED = join(ROOT, 'seeds', '浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const REGISTRIES = join(ROOT, 'test', 'fixtures', 'registries');

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { FENGONG_LANG: 'zh' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tmpFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-cli-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('fengong check', () => {
  it('prints compiler-style lines with 1-based line and column', () => {
    const r = cli('check', SEED);
    assert.equal(r.code, 0);
    const line = r.out.split('\n').find((l) => l.includes('missing-separator'));
    assert.equal(line, `${SEED}:8:3: warning missing-separator 任务编号 3 后缺少分隔符：请写作“3.”。`);
  });

  it('prints one JSON object for one file, with 0-based LSP positions and names as written', () => {
    const r = cli('check', '--format', 'json', SEED);
    const json = JSON.parse(r.out);
    assert.equal(json.file, SEED);
    assert.equal(json.convention, null);
    assert.equal(json.sections.length, 8);
    assert.deepEqual(json.sections[0], { number: '一', title: '加强规划指导', line: 4 });
    assert.equal(json.tasks.length, 47);
    const t1 = json.tasks[0];
    assert.equal(t1.number, '1');
    assert.equal(t1.section, '一');
    assert.equal(t1.subsection, null);
    assert.equal(t1.line, 5);
    assert.deepEqual(t1.lead, ['省发改委', '省经信委', '省环保厅', '省能源局']);
    assert.deepEqual(t1.range.start, { line: 5, character: 2 });
    const sep = json.diagnostics.find((d: { code: string }) => d.code === 'missing-separator');
    assert.deepEqual(sep.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 3 } });
    assert.equal(sep.severity, 'warning');
  });

  it('prints an array when several files are given', () => {
    const r = cli('check', '--format', 'json', '--no-default-registry', SEED, join(CORPUS, '07-city-markdown.txt'));
    const json = JSON.parse(r.out);
    assert.ok(Array.isArray(json));
    assert.deepEqual(json.map((j: { tasks: unknown[] }) => j.tasks.length), [47, 22]);
  });

  it('exits 1 when a plan has errors, and says first-listed when the plan declares it', () => {
    const p = tmpFile('p.txt', '（列第一位者为牵头单位）\n一、甲\n1.任务。（省财政厅、省商务厅按职责分工负责）\n2.任务。（省财政厅参加）\n');
    const r = cli('check', '--format', 'json', p);
    assert.equal(r.code, 0, 'under the convention the first-listed is lead: no error');
    assert.equal(JSON.parse(r.out).convention, 'first-listed');
    const r2 = cli('check', '--first-listed', 'off', p);
    assert.equal(r2.code, 1);
    assert.match(r2.out, /error no-lead/);
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', () => {
    const r = cli('check', '--format', 'sarif', SEED, join(CORPUS, '02-zhejiang-inline-halfwidth.txt'));
    const sarif = JSON.parse(r.out) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: object } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(r.out)), JSON.stringify(validate.errors?.slice(0, 3)));
    const results = sarif.runs[0].results;
    assert.ok(results.some((x) => x.ruleId === 'unknown-department'));
    const first = results.find((x) => x.ruleId === 'missing-separator');
    assert.ok(first);
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 8, startColumn: 3, endLine: 8, endColumn: 4 });
  });

  it('layers a plain-text registry over none and honours --rule', () => {
    const plan = join(CORPUS, '03-district-block-crlf.txt');
    const r = cli('check', '--no-default-registry', '--registry', join(REGISTRIES, 'district.txt'), '--rule', 'no-lead=warning', '--rule', 'no-clause=off', plan);
    assert.equal(r.code, 1, 'duplicate-number is still an error');
    assert.doesNotMatch(r.out, /unknown-department 名录中没有“区发改局”/);
    assert.match(r.out, /unknown-department 名录中没有“区商务局”/);
    assert.match(r.out, /warning no-lead/);
    assert.doesNotMatch(r.out, /no-clause/);
  });

  it('reports a broken registry with file, line and column and carries on with the others', () => {
    const r = cli('check', '--registry', join(REGISTRIES, 'broken.json'), '--registry', join(REGISTRIES, 'wrong-shape.json'), SEED);
    assert.equal(r.code, 0);
    assert.match(r.err, /broken\.json:4:21: error registry-syntax 名录文件格式错误：unexpected "\\"", expected "," or "}"/);
    assert.match(r.err, /wrong-shape\.json:3:32: error registry-shape .*status must be one of active, renamed, merged, abolished/);
    assert.match(r.err, /wrong-shape\.json:4:5: error registry-shape .*has no "name"/);
    assert.match(r.err, /wrong-shape\.json:5:5: error registry-shape .*must be an object or a string/);
    assert.match(r.out, /outdated-department/, 'the default registry still checks the plan');
  });

  it('exits 2 with a clear message for usage errors and unreadable input', () => {
    const bad = cli('check', '--format', 'xml', SEED);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /选项 --format 的值无效：xml/);
    const missing = cli('check', '/nonexistent/plan.txt');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /plan\.txt：无法读取/);
    const binary = cli('check', tmpFile('b.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 9])));
    assert.equal(binary.code, 2);
    assert.match(binary.err, /不是文本文件/);
    assert.equal(cli('check').code, 2);
    assert.equal(cli('frobnicate', SEED).code, 2);
  });

  it('reads GBK and UTF-16 plans and says which encoding it used', () => {
    const text = '一、甲\n1.任务。（省财政厅牵头，省商务厅参加）\n';
    const utf16 = tmpFile('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = cli('check', '--format', 'json', utf16);
    assert.match(r.err, /按 UTF-16LE 编码读取/);
    assert.deepEqual(JSON.parse(r.out).tasks[0].lead, ['省财政厅']);
    // 一、甲 / 1.任务。（省财政厅负责） in GBK bytes, written out by hand (Node has no GBK encoder).
    const gbkBytes = Buffer.from('d2bba1a2bcd70a312ec8cecef1a1a3a3a8caa1b2c6d5feccfcb8bad4f0a3a90a', 'hex');
    const rg = cli('check', '--format', 'json', tmpFile('gbk.txt', gbkBytes));
    assert.match(rg.err, /按 GBK 编码读取/);
    assert.deepEqual(JSON.parse(rg.out).tasks[0].lead, ['省财政厅']);
  });

  it('checks a 分工表 saved from Excel as Unicode text (UTF-16LE, tab-separated, CRLF), each problem on its row', () => {
    const rows = ['序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t加快5G网络建设。\t省经信厅\t省通信管理局\t2025年底', '2\t"推进算力布局，""东数西算""。"\t\t省经信厅、省数据局\t2025年底', '3\t发展跨境电商。\t省商务厅\t省商务斤\t'];
    const file = tmpFile('分工表.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.join('\r\n') + '\r\n', 'utf16le')]));
    const r = cli('check', file);
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.out.split('\n').map((l) => l.slice(file.length + 1).split(' ').slice(0, 3).join(' ')),
      ['3:23: error no-lead', '4:16: warning unknown-department'],
    );
    const json = JSON.parse(cli('check', '--format', 'json', file).out);
    assert.deepEqual(json.tasks.map((t: { lead: string[]; participants: string[] }) => [t.lead, t.participants]), [
      [['省经信厅'], ['省通信管理局']],
      [[], ['省经信厅', '省数据局']],
      [['省商务厅'], ['省商务斤']],
    ]);
  });

  it('says on stderr when a file yields no task at all, rather than passing it silently', () => {
    const noNumbers = tmpFile('无序号.txt', '重点任务\t牵头单位\t配合单位\n加快5G网络建设。\t省经信厅\t省通信管理局\n');
    const r = cli('check', noNumbers, SEED);
    assert.equal(r.code, 0);
    assert.equal(r.err, `${noNumbers}：没有读出任何任务。任务应以编号开头（如“1.”“（1）”），分工表应有“序号”一列；请检查编号，或确认这是分工方案。`);
    assert.ok(r.out.includes(SEED));
  });

  it('speaks English with --lang en', () => {
    const r = cli('check', '--lang', 'en', SEED);
    assert.match(r.out, /warning missing-separator Task number 3 has no separator after it: write "3\."/);
  });

  it('prints a readable summary of the sample plan', () => {
    const r = cli('summary', SEED);
    assert.equal(r.code, 0);
    assert.match(r.out, /^关于加快培育发展战略性新兴产业重点工作分工方案$/m);
    assert.match(r.out, /8 个部分，47 项任务，0 项无牵头单位/);
    assert.match(r.out, /^一、加强规划指导（6 项任务）$/m);
    assert.match(r.out, /^ {5}3 {2}牵头：省发改委、省经信委、省科技厅；参加：省财政厅、省商务厅、省环保厅、省电力公司、相关设区市政府$/m);
  });

  it('runs as the npx fengong binary with the same exit codes', () => {
    buildServer(); // bundles dist/cli.js too, once per test run
    const ok = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', SEED], { encoding: 'utf8' });
    assert.equal(ok.status, 0);
    assert.equal(JSON.parse(ok.stdout).tasks.length, 47);
    const usage = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'check', '--nope'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /未知选项：--nope/);
  });
});
