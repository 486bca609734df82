import defaultRegistry from '../../../registries/default.json';
import { parseRegistry, Registry, type RegistryLayer } from './registry';

let cached: RegistryLayer | undefined;

/** The registry that ships with Fengong (Zhejiang and national bodies, reforms up to 2024). */
export function defaultLayer(): RegistryLayer {
  cached ??= parseRegistry(JSON.stringify(defaultRegistry), 'default');
  return cached;
}

export function createDefaultRegistry(): Registry {
  return new Registry([defaultLayer()]);
}
