/**
 * The department registry: canonical names, aliases, and what became of bodies renamed or merged
 * in institutional reforms. Layers (the default registry, then users' files) are merged in order;
 * a later layer's entry replaces an earlier one with the same name.
 */
import { registryKey } from '../model/lexicon';
import { LineIndex } from '../model/text';
import { JsonSyntaxError, parseJsonWithLocations, type JsonNode } from './jsonLocations';

export type DepartmentStatus = 'active' | 'renamed' | 'merged' | 'abolished';
export const STATUSES: readonly DepartmentStatus[] = ['active', 'renamed', 'merged', 'abolished'];
export const LEVELS = [
  'national-ministry',
  'national-agency',
  'provincial-department',
  'provincial-agency',
  'central-unit-in-province',
  'party-body',
  'soe',
  'city-government',
  'collective',
  'other',
] as const;
export type Level = (typeof LEVELS)[number];

export interface Department {
  readonly name: string;
  readonly fullName?: string;
  readonly aliases: readonly string[];
  readonly level?: Level;
  readonly region?: string;
  readonly status: DepartmentStatus;
  readonly successors: readonly string[];
  readonly since?: string | number;
  readonly confidence?: 'high' | 'medium' | 'low';
  readonly note?: string;
  /** The file it came from ('default' for the bundled registry). */
  readonly source: string;
}

export interface RegistryIssue {
  readonly file: string;
  /** 0-based, as in LSP. */
  readonly line: number;
  readonly character: number;
  readonly code: 'registry-unreadable' | 'registry-syntax' | 'registry-shape' | 'registry-duplicate';
  readonly detail: string;
}

export interface RegistryLayer {
  readonly source: string;
  readonly departments: readonly Department[];
  readonly issues: readonly RegistryIssue[];
}

export interface Lookup {
  readonly department: Department;
  /** How the written name matched: the preferred name, or an alias. */
  readonly by: 'name' | 'alias';
}

// Defined in model/lexicon.ts: the clause reader keys each name as it reads it, and the model
// imports nothing from the registry.
export { registryKey };

export class Registry {
  private readonly byKey = new Map<string, Lookup>();
  private readonly byName = new Map<string, Department>();
  private readonly suggestionCache = new Map<string, string[]>();
  readonly layers: readonly RegistryLayer[];

  constructor(layers: readonly RegistryLayer[]) {
    this.layers = layers;
    for (const layer of layers) {
      for (const d of layer.departments) {
        const old = this.byName.get(d.name);
        if (old) for (const a of old.aliases) this.byKey.delete(registryKey(a));
        this.byName.set(d.name, d);
        for (const a of d.aliases) this.byKey.set(registryKey(a), { department: d, by: 'alias' });
      }
    }
    // Preferred names win over any alias spelled the same.
    for (const d of this.byName.values()) this.byKey.set(registryKey(d.name), { department: d, by: 'name' });
  }

  get size(): number {
    return this.byName.size;
  }

  get issues(): RegistryIssue[] {
    return this.layers.flatMap((l) => l.issues);
  }

  departments(): IterableIterator<Department> {
    return this.byName.values();
  }

  /** Every name and alias a user may write, with the entry it resolves to. */
  keys(): IterableIterator<[string, Lookup]> {
    return this.byKey.entries();
  }

  lookup(name: string): Lookup | undefined {
    return this.byKey.get(registryKey(name));
  }

  get(name: string): Department | undefined {
    return this.byName.get(name);
  }

  /** Up to `max` known names close to an unknown one: the name with or without its 省/市/区 prefix, then near spellings. */
  suggest(name: string, max = 3): string[] {
    const key = registryKey(name);
    const cached = this.suggestionCache.get(key);
    if (cached) return cached.slice(0, max);
    const scored: { key: string; score: number }[] = [];
    const seen = new Set<string>();
    const add = (k: string, score: number) => {
      if (seen.has(k) || k === key) return;
      seen.add(k);
      scored.push({ key: k, score });
    };
    const unprefixed = key.replace(/^[省市区县]/, '');
    for (const p of ['', '省', '市', '区', '县']) {
      const candidate = p + unprefixed;
      if (this.byKey.has(candidate)) add(candidate, 0.5);
    }
    const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
    const { keys, signatures } = this.nameIndex();
    const signature = charSignature(key);
    for (let k = 0; k < keys.length; k++) {
      const known = keys[k];
      if (Math.abs(known.length - key.length) > limit) continue;
      // Most known names differ in more characters than the limit allows: answered without the table.
      if (distanceAtLeast(signature, signatures[k]) > limit) continue;
      const d = editDistance(key, known, limit);
      if (d <= limit) add(known, d);
    }
    scored.sort((a, b) => a.score - b.score || this.statusRank(a.key) - this.statusRank(b.key) || a.key.localeCompare(b.key));
    // A near spelling of a former body also suggests the body that replaced it.
    const result: string[] = [];
    for (const { key: k } of scored) {
      if (!result.includes(k)) result.push(k);
      const d = this.byKey.get(k)?.department;
      if (d && d.status !== 'active') for (const s of this.currentSuccessors(d)) if (!result.includes(s.name)) result.push(s.name);
    }
    this.suggestionCache.set(key, result);
    return result.slice(0, max);
  }

  /** Every key and its charSignature(), in the order of byKey: made at the first suggestion. */
  private index: { readonly keys: readonly string[]; readonly signatures: Int32Array } | undefined;

  private nameIndex(): { readonly keys: readonly string[]; readonly signatures: Int32Array } {
    if (this.index) return this.index;
    const keys = [...this.byKey.keys()];
    const signatures = new Int32Array(keys.length);
    for (let k = 0; k < keys.length; k++) signatures[k] = charSignature(keys[k]);
    return (this.index = { keys, signatures });
  }

  private statusRank(key: string): number {
    const l = this.byKey.get(key);
    return (l?.department.status === 'active' ? 0 : 1) + (l?.by === 'alias' ? 0.5 : 0);
  }

  /** The current bodies a former one became, following chains (省卫生厅 → 省卫生计生委 → 省卫生健康委). */
  currentSuccessors(d: Department): Department[] {
    const out: Department[] = [];
    const seen = new Set<string>([d.name]);
    const walk = (x: Department) => {
      for (const s of x.successors) {
        if (seen.has(s)) continue;
        seen.add(s);
        const next = this.byName.get(s);
        if (!next) continue;
        if (next.status === 'active' || next.successors.length === 0) out.push(next);
        else walk(next);
      }
    };
    walk(d);
    return out;
  }
}

/**
 * The characters of a name as 32 bits: bit (code mod 31) for each character. Two names whose
 * signatures differ cannot be near spellings of each other (distanceAtLeast).
 */
export function charSignature(name: string): number {
  let bits = 0;
  for (let i = 0; i < name.length; i++) bits |= 1 << name.charCodeAt(i) % 31;
  return bits;
}

/**
 * A lower bound of editDistance() between two names, from their signatures alone. A character of
 * one name that the other lacks costs at least one edit wherever it stands (a swap of neighbours
 * only moves characters both have), so the distance is at least the number of distinct characters
 * either name has and the other lacks; a bit set in one signature and not the other stands for at
 * least one such character. Suggesting names for a misspelling compares it with every known
 * name: this answers nearly all of them without the distance table (~12 ms of a first 10k-task
 * analysis with the default registry, scripts/bench).
 */
export function distanceAtLeast(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a));
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Damerau–Levenshtein (optimal string alignment) with an early exit above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  // Three rows in reused typed arrays, characters compared by code: a plan with hundreds of
  // misspellings asks for suggestions against every registry name, and a[i] on Chinese text makes a
  // new one-character string each time (scripts/bench: this was ~13 % of opening a 10k-task plan).
  if (ROWS.length < 3 * (n + 1)) ROWS = new Int32Array(3 * (n + 1) * 2);
  let prev2 = 0;
  let prev = n + 1;
  let cur = 2 * (n + 1);
  const r = ROWS;
  for (let j = 0; j <= n; j++) {
    r[prev2 + j] = 0;
    r[prev + j] = j;
  }
  for (let i = 1; i <= m; i++) {
    r[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(r[prev + j] + 1, r[cur + j - 1] + 1, r[prev + j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, r[prev2 + j - 2] + 1);
      r[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return r[prev + n];
}
let ROWS = new Int32Array(3 * 64);

/** Reads a registry from text: JSON (object with departments, or an array), or plain text with one name per line. */
export function parseRegistry(text: string, source: string): RegistryLayer {
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  const looksJson = source.toLowerCase().endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[');
  return looksJson ? parseJsonRegistry(text, source) : parsePlainRegistry(text, source);
}

function parsePlainRegistry(text: string, source: string): RegistryLayer {
  const departments: Department[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  for (const raw of lines) {
    const name = raw.replace(/#.*$/, '').trim();
    if (name) departments.push({ name, aliases: [], status: 'active', successors: [], source });
  }
  return { source, departments, issues: [] };
}

function parseJsonRegistry(text: string, source: string): RegistryLayer {
  const index = new LineIndex(text);
  const issues: RegistryIssue[] = [];
  const issue = (offset: number, code: RegistryIssue['code'], detail: string) => {
    const p = index.positionAt(offset);
    issues.push({ file: source, line: p.line, character: p.character, code, detail });
  };
  let root: JsonNode;
  try {
    root = parseJsonWithLocations(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) issue(e.offset, 'registry-syntax', e.message);
    else issue(0, 'registry-syntax', String(e));
    return { source, departments: [], issues };
  }
  let list: JsonNode | undefined;
  if (root.kind === 'array') list = root;
  else if (root.kind === 'object') {
    for (const e of root.entries) {
      if (e.key === 'departments') list = e.value;
      else if (!['$schema', 'name', 'description', 'version'].includes(e.key)) issue(e.keyOffset, 'registry-shape', `unknown property "${e.key}"`);
    }
    if (!list) issue(root.offset, 'registry-shape', 'missing "departments" array');
  } else issue(root.offset, 'registry-shape', 'expected an object with "departments" or an array');
  if (!list) return { source, departments: [], issues };
  if (list.kind !== 'array') {
    issue(list.offset, 'registry-shape', '"departments" must be an array');
    return { source, departments: [], issues };
  }
  const departments: Department[] = [];
  const names = new Set<string>();
  list.items.forEach((item, k) => {
    const where = `departments[${k}]`;
    if (item.kind === 'string') {
      if (item.value.trim()) departments.push({ name: item.value.trim(), aliases: [], status: 'active', successors: [], source });
      return;
    }
    if (item.kind !== 'object') {
      issue(item.offset, 'registry-shape', `${where} must be an object or a string`);
      return;
    }
    const d = readDepartment(item, where, source, issue);
    if (!d) return;
    if (names.has(d.name)) issue(item.offset, 'registry-duplicate', `${where}: "${d.name}" is listed twice`);
    names.add(d.name);
    departments.push(d);
  });
  // A file with any error is left out whole: half a registry would hide names the user meant to add.
  return { source, departments: issues.length ? [] : departments, issues };
}

type IssueFn = (offset: number, code: RegistryIssue['code'], detail: string) => void;

function readDepartment(node: Extract<JsonNode, { kind: 'object' }>, where: string, source: string, issue: IssueFn): Department | null {
  const d: {
    name?: string;
    fullName?: string;
    aliases: string[];
    level?: Level;
    region?: string;
    status: DepartmentStatus;
    successors: string[];
    since?: string | number;
    confidence?: 'high' | 'medium' | 'low';
    note?: string;
  } = { aliases: [], status: 'active', successors: [] };
  let ok = true;
  const str = (v: JsonNode, field: string): string | undefined => {
    if (v.kind === 'string') return v.value;
    issue(v.offset, 'registry-shape', `${where}.${field} must be a string`);
    ok = false;
    return undefined;
  };
  const strList = (v: JsonNode, field: string): string[] => {
    if (v.kind !== 'array') {
      issue(v.offset, 'registry-shape', `${where}.${field} must be an array of strings`);
      return [];
    }
    return v.items.flatMap((x, i) => {
      if (x.kind === 'string' && x.value.trim()) return [x.value.trim()];
      issue(x.offset, 'registry-shape', `${where}.${field}[${i}] must be a non-empty string`);
      return [];
    });
  };
  for (const { key, keyOffset, value } of node.entries) {
    switch (key) {
      case 'name':
        d.name = str(value, key)?.trim();
        if (d.name === '') {
          issue(value.offset, 'registry-shape', `${where}.name must not be empty`);
          ok = false;
        }
        break;
      case 'fullName':
      case 'region':
      case 'note':
        d[key] = str(value, key);
        break;
      case 'aliases':
      case 'successors':
        d[key] = strList(value, key);
        break;
      case 'level': {
        const v = str(value, key);
        if (v !== undefined && (LEVELS as readonly string[]).includes(v)) d.level = v as Level;
        else if (v !== undefined) issue(value.offset, 'registry-shape', `${where}.level must be one of ${LEVELS.join(', ')}`);
        break;
      }
      case 'status': {
        const v = str(value, key);
        if (v !== undefined && (STATUSES as readonly string[]).includes(v)) d.status = v as DepartmentStatus;
        else if (v !== undefined) issue(value.offset, 'registry-shape', `${where}.status must be one of ${STATUSES.join(', ')}`);
        break;
      }
      case 'confidence': {
        const v = str(value, key);
        if (v === 'high' || v === 'medium' || v === 'low') d.confidence = v;
        else if (v !== undefined) issue(value.offset, 'registry-shape', `${where}.confidence must be high, medium or low`);
        break;
      }
      case 'since':
        if (value.kind === 'number' && Number.isInteger(value.value)) d.since = value.value;
        else if (value.kind === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(value.value)) d.since = value.value;
        else issue(value.offset, 'registry-shape', `${where}.since must be a year or a date like "2018-06-15"`);
        break;
      default:
        issue(keyOffset, 'registry-shape', `${where}: unknown property "${key}"`);
    }
  }
  if (d.name === undefined) {
    if (ok) issue(node.offset, 'registry-shape', `${where} has no "name"`);
    return null;
  }
  return { ...d, name: d.name, source };
}

/** The year a status took effect, for messages: 2018, or 2023 from "2023-08-18". */
export function sinceYear(d: Department): string | undefined {
  if (d.since === undefined) return undefined;
  return String(d.since).slice(0, 4);
}
