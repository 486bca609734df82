import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../server/src/analysis';
import { createDefaultRegistry } from '../../../server/src/registry/defaults';
import { RULE_CODES } from '../../../server/src/rules/types';
import { planTemplate } from '../../../client/src/template';

const root = path.resolve(__dirname, '../../..');
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
type Manifest = {
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { properties?: Record<string, unknown>; scope?: string }> };
    languages: { id: string; firstLine: string; filenamePatterns: string[] }[];
  };
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('extension manifest and translations', () => {
  const pkg = readFileSync(path.join(root, 'package.json'), 'utf8');
  const manifest = JSON.parse(pkg) as Manifest;
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');

  it('has an English and a Chinese text for every %key% in package.json', () => {
    const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 20);
    for (const key of keys) {
      assert.ok(typeof en[key] === 'string', `package.nls.json lacks ${key}`);
      assert.ok(typeof zh[key] === 'string' && /[\u4e00-\u9fff]/.test(zh[key] as string), `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  });

  it('offers a severity setting for every rule code the server knows', () => {
    const rules = manifest.contributes.configuration.properties['fengong.rules']!.properties!;
    assert.deepEqual(Object.keys(rules).sort(), [...RULE_CODES].sort());
  });

  it('scopes the plan settings per resource', () => {
    for (const key of ['registries', 'useDefaultRegistry', 'rules', 'firstListed', 'language']) {
      assert.equal(manifest.contributes.configuration.properties[`fengong.${key}`]?.scope, 'resource', key);
    }
  });

  it('translates every UI string of the client into Chinese', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(root, 'client/src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!.replace(/\\'/g, "'"));
    }
    assert.ok(used.size > 30, `found ${used.size} strings`);
    const missing = [...used].filter((s) => typeof bundle[s] !== 'string');
    assert.deepEqual(missing, []);
    const stale = Object.keys(bundle).filter((s) => !used.has(s));
    assert.deepEqual(stale, [], 'bundle keys nobody uses');
  });

  it('recognises plan titles on the first line', () => {
    const firstLine = new RegExp(manifest.contributes.languages[0]!.firstLine);
    assert.ok(firstLine.test('关于加快培育发展战略性新兴产业重点工作分工方案'));
    assert.ok(firstLine.test('# 2024年优化营商环境重点任务分工'));
    assert.ok(firstLine.test('××区落实“十四五”规划目标任务责任分解表'));
    assert.ok(!firstLine.test('会议纪要'));
  });

  it('opens a new-plan template that parses into sections and tasks with no errors', () => {
    const { plan, problems } = analyse(planTemplate(2025), createDefaultRegistry(), { locale: 'zh-cn' });
    assert.equal(plan.sections.length, 3);
    assert.equal(plan.tasks.length, 6);
    assert.ok(plan.tasks.every((t) => t.lead.length > 0), 'every task has a lead');
    assert.deepEqual(problems.map((p) => `${p.code}: ${p.message}`), []);
  });
});
