/** Department names for generated plans: those of the default registry. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lacksLevelPrefix } from '../../server/src/model/lexicon';
import { createDefaultRegistry, defaultLayer } from '../../server/src/registry/defaults';
import type { Registry } from '../../server/src/registry/registry';
import type { NamePool } from './generate';

/** The repository root, found from here whether this runs from scripts/bench or bundled in .bench. */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export interface BenchNames {
  readonly pool: NamePool;
  readonly registry: Registry;
  /** Where the names came from, for the report. */
  readonly source: string;
}

/** Names of the default registry (bundled with the core, so always there), and that registry. */
export function benchNames(): BenchNames {
  const layer = defaultLayer();
  // Names with 、 inside brackets (各市、县（市、区）政府) are real but make generated lists ambiguous to
  // count, and a name without its own level (财政部) would take the 省 of the name before it in a list.
  const plain = (n: string) => !/[、，,（）()]/.test(n) && !lacksLevelPrefix(n);
  const active = layer.departments.filter((d) => d.status === 'active' && plain(d.name)).map((d) => d.name);
  const outdated = layer.departments.filter((d) => d.status !== 'active' && plain(d.name)).map((d) => d.name);
  return { pool: { active, outdated }, registry: createDefaultRegistry(), source: 'registries/default.json' };
}
