/** Department names for generated plans: from the default registry when it exists, else a small built-in list. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lacksLevelPrefix } from '../../server/src/model/lexicon';
import { loadRegistryFile } from '../../server/src/registry/load';
import { Registry } from '../../server/src/registry/registry';
import type { NamePool } from './generate';

/** The repository root, found from here whether this runs from scripts/bench or bundled in .bench. */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export const DEFAULT_REGISTRY = join(ROOT, 'registries', 'default.json');

const BUILT_IN_ACTIVE = [
  '省发展改革委', '省经信厅', '省科技厅', '省财政厅', '省商务厅', '省教育厅', '省人力社保厅', '省生态环境厅', '省自然资源厅',
  '省市场监管局', '省统计局', '省国资委', '省卫生健康委', '省农业农村厅', '省建设厅', '省交通运输厅', '省能源局', '省知识产权局',
  '省委人才办', '省科协', '人行浙江省分行', '国家金融监督管理总局浙江监管局', '各设区市政府', '杭州市政府', '宁波市政府',
];
const BUILT_IN_OUTDATED = ['省经信委', '省环保厅', '省质监局', '省工商局', '省国土资源厅', '省卫生厅', '省地税局', '省农业厅'];

export interface BenchNames {
  readonly pool: NamePool;
  readonly registry: Registry;
  /** Where the names came from, for the report. */
  readonly source: string;
}

export function benchNames(): BenchNames {
  if (existsSync(DEFAULT_REGISTRY)) {
    const layer = loadRegistryFile(DEFAULT_REGISTRY);
    if (layer.departments.length > 0) {
      const registry = new Registry([layer]);
      // Names with 、 inside brackets (各市、县（市、区）政府) are real but make generated lists ambiguous to
      // count, and a name without its own level (财政部) would take the 省 of the name before it in a list.
      const plain = (n: string) => !/[、，,（）()]/.test(n) && !lacksLevelPrefix(n);
      const active = layer.departments.filter((d) => d.status === 'active' && plain(d.name)).map((d) => d.name);
      const outdated = layer.departments.filter((d) => d.status !== 'active' && plain(d.name)).map((d) => d.name);
      return { pool: { active, outdated }, registry, source: 'registries/default.json' };
    }
  }
  const departments = [...BUILT_IN_ACTIVE.map((name) => ({ name, status: 'active' as const })), ...BUILT_IN_OUTDATED.map((name) => ({ name, status: 'merged' as const }))];
  const registry = new Registry([
    { source: 'bench', issues: [], departments: departments.map((d) => ({ ...d, aliases: [], successors: [], source: 'bench' })) },
  ]);
  return { pool: { active: BUILT_IN_ACTIVE, outdated: BUILT_IN_OUTDATED }, registry, source: 'built-in list' };
}
