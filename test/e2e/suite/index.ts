/**
 * Entry point VS Code calls inside the extension host (extensionTestsPath). Runs every
 * *.test.js next to this file with mocha and writes the outcome as JSON for the driver, which
 * cannot see the extension host's console when VS Code runs as code-server in a browser.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface InHostResults {
  readonly passed: { readonly title: string; readonly ms: number }[];
  readonly failed: { readonly title: string; readonly error: string }[];
  readonly ms: number;
}

export function resultsFile(): string {
  return process.env.FENGONG_E2E_RESULTS ?? path.resolve(__dirname, '../../../test-output/e2e/in-host.json');
}

export async function run(): Promise<void> {
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  const results: { passed: InHostResults['passed']; failed: InHostResults['failed'] } = { passed: [], failed: [] };
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => results.passed.push({ title: test.fullTitle(), ms: test.duration ?? 0 }));
    runner.on('fail', (test, err: Error) => results.failed.push({ title: test.fullTitle(), error: err.stack ?? String(err) }));
  });
  const file = resultsFile();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...results, ms: Date.now() - started } satisfies InHostResults, null, 2));
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
