/**
 * Which written names are the same body. A name, its aliases, and former names that passed to
 * exactly one current body (省经信委 → 省经信厅, 省卫生厅 → 省卫生计生委 → 省卫生健康委) share one
 * identity; a body abolished with its duties split keeps its own; names not in the registry
 * match only themselves (brackets and spaces aside).
 */
import { registryKey, type Registry } from '../registry/registry';

export function bodyOf(name: string, registry: Registry): string {
  const found = registry.lookup(name);
  if (!found) return `name:${registryKey(name)}`;
  const d = found.department;
  if (d.status !== 'active') {
    const next = registry.currentSuccessors(d);
    if (next.length === 1) return `body:${next[0].name}`;
  }
  return `body:${d.name}`;
}
