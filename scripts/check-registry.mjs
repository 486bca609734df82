#!/usr/bin/env node
// Validates a department registry (default: registries/default.json) against
// schemas/registry.schema.json and checks its internal consistency.
// Usage: node scripts/check-registry.mjs [path/to/registry.json]
// Exits non-zero on any problem.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const registryPath = path.resolve(process.argv[2] ?? path.join(root, 'registries/default.json'));
const schemaPath = path.join(root, 'schemas/registry.schema.json');

// Names from the 2013 seed plan (浙江省加快培育发展战略性新兴产业重点工作分工方案) that must resolve.
const SEED_NAMES = [
  '省发改委', '省经信委', '省环保厅', '省能源局', '各设区市政府', '省科技厅', '省财政厅', '省商务厅',
  '省电力公司', '相关设区市政府', '省统计局', '省人力社保厅', '省委人才办', '省地税局', '省知识产权局',
  '省科协', '省教育厅', '省新闻出版局', '省国资委', '省质监局', '省农业厅', '省卫生厅', '省食品药品监管局',
  '省工商局', '省建设厅', '浙江电监办', '省国税局', '省物价局', '省国土资源厅', '省广电局', '省通信管理局',
  '杭州市政府', '宁波市政府', '省金融办', '人行杭州中心支行', '浙江银监局', '省中小企业局',
  '省促进战略性新兴产业发展工作领导小组办公室', '各级促进战略性新兴产业发展工作领导小组办公室',
];

const problems = [];
const problem = (msg) => problems.push(msg);

const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const registry = JSON.parse(fs.readFileSync(registryPath, 'utf8'));

// 1. JSON Schema validation.
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);
if (!validate(registry)) {
  for (const err of validate.errors ?? []) {
    problem(`schema: ${err.instancePath || '/'} ${err.message}${err.params ? ' ' + JSON.stringify(err.params) : ''}`);
  }
}

const departments = Array.isArray(registry.departments) ? registry.departments : [];
const label = (d, i) => `#${i} ${d?.name ?? '(no name)'}`;

// 2. Unique names; aliases do not collide with names or other aliases.
const byName = new Map();
departments.forEach((d, i) => {
  if (typeof d?.name !== 'string') return;
  if (byName.has(d.name)) problem(`duplicate name "${d.name}" (${label(d, i)} and #${byName.get(d.name).index})`);
  else byName.set(d.name, { dep: d, index: i });
});
const aliasOwner = new Map();
departments.forEach((d, i) => {
  for (const a of d?.aliases ?? []) {
    if (a === d.name) problem(`${label(d, i)}: alias equals its own name`);
    else if (byName.has(a)) problem(`${label(d, i)}: alias "${a}" is the name of #${byName.get(a).index}`);
    if (aliasOwner.has(a) && aliasOwner.get(a) !== i) {
      problem(`${label(d, i)}: alias "${a}" is also an alias of #${aliasOwner.get(a)}`);
    }
    aliasOwner.set(a, i);
  }
});

// 3. Successors and status rules.
departments.forEach((d, i) => {
  const status = d?.status ?? 'active';
  const successors = d?.successors ?? [];
  for (const s of successors) {
    if (s === d.name) problem(`${label(d, i)}: lists itself as successor`);
    else if (!byName.has(s)) problem(`${label(d, i)}: successor "${s}" is not the name of any entry`);
    else if ((byName.get(s).dep.status ?? 'active') !== 'active') {
      problem(`${label(d, i)}: successor "${s}" is not active; give the current body`);
    }
  }
  if (status === 'active' && successors.length > 0) problem(`${label(d, i)}: active entry has successors`);
  if (status !== 'active' && status !== 'abolished' && successors.length === 0) {
    problem(`${label(d, i)}: status "${status}" but no successors`);
  }
  // A status change is asserted only at medium or high confidence.
  if (status !== 'active' && d?.confidence === 'low') problem(`${label(d, i)}: low-confidence entry asserts status "${status}"`);
  if ((d?.confidence === 'low' || d?.confidence === 'medium') && !d?.note) {
    problem(`${label(d, i)}: ${d.confidence}-confidence entry has no note`);
  }
  // Names use full-width brackets.
  for (const n of [d?.name, ...(d?.aliases ?? [])]) {
    if (typeof n === 'string' && /[()]/.test(n)) problem(`${label(d, i)}: "${n}" uses half-width brackets; use （）`);
    if (typeof n === 'string' && n !== n.trim()) problem(`${label(d, i)}: "${n}" has leading/trailing whitespace`);
  }
});

// 4. Seed names resolve (as a name or an alias).
const unresolved = SEED_NAMES.filter((n) => !byName.has(n) && !aliasOwner.has(n));
for (const n of unresolved) problem(`seed name "${n}" does not resolve`);

// Report.
const count = (key, fallback) => {
  const m = new Map();
  for (const d of departments) {
    const v = d?.[key] ?? fallback;
    m.set(v, (m.get(v) ?? 0) + 1);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(', ');
};
const aliasCount = departments.reduce((n, d) => n + (d?.aliases?.length ?? 0), 0);
console.log(`registry: ${path.relative(process.cwd(), registryPath) || registryPath}`);
console.log(`entries: ${departments.length} (aliases: ${aliasCount})`);
console.log(`by level: ${count('level', '(none)')}`);
console.log(`by status: ${count('status', 'active')}`);
console.log(`by region: ${count('region', '(none)')}`);
console.log(`by confidence: ${count('confidence', '(none)')}`);
console.log(`seed names resolved: ${SEED_NAMES.length - unresolved.length}/${SEED_NAMES.length}`);

if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('OK');
