import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from '../../server/src/registry/registry';

export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'corpus');

export interface ExpectedTask {
  number: string;
  section: string | null;
  subsection: string | null;
  lead: string[];
  participants: string[];
  line: number;
}
export interface ExpectedDefect {
  line: number;
  kind: string;
  detail: string;
}
export interface Expected {
  convention?: string;
  tasks: ExpectedTask[];
  defects: ExpectedDefect[];
}

export interface CorpusCase {
  name: string;
  text: string;
  expected: Expected;
}

/** Every NN-name.txt with its NN-name.expected.json in the fixtures folder. */
export function corpusCases(): CorpusCase[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace('.expected.json', '');
      return {
        name,
        text: readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8'),
        expected: JSON.parse(readFileSync(join(CORPUS_DIR, f), 'utf8')) as Expected,
      };
    });
}

/** A registry of the names a plan uses, minus the deliberate misspellings its defects name. */
export function registryFor(expected: Expected): Registry {
  const misspelt = new Set(
    expected.defects.filter((d) => d.kind === 'unknown-department').map((d) => d.detail.split(/\s/)[0]),
  );
  const names = new Set<string>();
  for (const t of expected.tasks) for (const n of [...t.lead, ...t.participants]) if (!misspelt.has(n)) names.add(n);
  return new Registry([
    { source: 'test', issues: [], departments: [...names].map((name) => ({ name, aliases: [], status: 'active' as const, successors: [], source: 'test' })) },
  ]);
}

/** Builds a registry from plain names (all active). */
export function namesRegistry(...names: string[]): Registry {
  return new Registry([
    { source: 'test', issues: [], departments: names.map((name) => ({ name, aliases: [], status: 'active' as const, successors: [], source: 'test' })) },
  ]);
}
