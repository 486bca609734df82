import { readFileSync } from 'node:fs';
import { decodePlanBytes } from '../io/decode';
import { defaultLayer } from './defaults';
import { parseRegistry, Registry, type RegistryLayer } from './registry';

/** Reads one registry file; an unreadable or broken file gives a layer with located issues and no entries. */
export function loadRegistryFile(path: string): RegistryLayer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `file not found: ${path}` : String((e as Error).message);
    return { source: path, departments: [], issues: [{ file: path, line: 0, character: 0, code: 'registry-unreadable', detail }] };
  }
  const decoded = decodePlanBytes(bytes);
  if (!decoded.ok) {
    return { source: path, departments: [], issues: [{ file: path, line: 0, character: 0, code: 'registry-unreadable', detail: 'not a text file' }] };
  }
  return parseRegistry(decoded.text, path);
}

/** The default registry (unless left out) with the given files layered on top, in order. */
export function loadRegistries(paths: readonly string[], includeDefault = true): Registry {
  const layers: RegistryLayer[] = includeDefault ? [defaultLayer()] : [];
  for (const p of paths) layers.push(loadRegistryFile(p));
  return new Registry(layers);
}
