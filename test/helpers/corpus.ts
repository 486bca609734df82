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

/**
 * The seed after a drafting round, as both diff suites use it: task 10 dropped (11–19 renumbered by
 * hand), a new task 19 after the old 19 (so 20 onwards keep their numbers), task 29's lead changed
 * from 省国资委 to 省财政厅.
 */
export function draftRound(seed: string): string {
  const lines = seed.split('\n');
  const at = (n: number) => lines.findIndex((l) => new RegExp(`^\\s*${n}[.\\s]`).test(l));
  lines.splice(at(10), 1);
  for (let n = 11; n <= 19; n++) lines[at(n)] = lines[at(n)].replace(new RegExp(`^(\\s*)${n}`), `$1${n - 1}`);
  lines.splice(at(18) + 1, 0, '  19.加快建设新型储能和虚拟电厂示范项目。(省能源局牵头,省发改委、省财政厅参加)');
  lines[at(29)] = lines[at(29)].replace('(省国资委负责)', '(省财政厅负责)');
  return lines.join('\n');
}
