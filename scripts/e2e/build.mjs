// Bundles the end-to-end tests: the in-host suite (out/test/e2e/index.js + suite/*.test.js, run
// inside VS Code) and the two drivers (code-server + Playwright, and @vscode/test-electron).
// Exits non-zero on failure.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const suite = readdirSync('test/e2e/suite').filter((f) => f.endsWith('.test.ts')).map((f) => `test/e2e/suite/${f}`);
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: 'inline', logLevel: 'warning' };
try {
  await Promise.all([
    // In the extension host: vscode is provided, mocha is loaded from the project's node_modules.
    esbuild.build({ ...common, entryPoints: ['test/e2e/suite/index.ts', ...suite], outdir: 'out/test/e2e', outbase: 'test/e2e/suite', external: ['vscode', 'mocha'] }),
    esbuild.build({ ...common, entryPoints: ['test/e2e/codeServer.ts', 'test/e2e/runElectron.ts'], outdir: 'out/test/e2e', external: ['playwright-core', '@vscode/test-electron'] }),
  ]);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
