/**
 * Runs the in-host suite in a desktop VS Code downloaded by @vscode/test-electron. Needs network
 * access to update.code.visualstudio.com, so scripts/e2e/run.sh uses it only when
 * FENGONG_E2E=electron; elsewhere the same suite runs in code-server (codeServer.ts).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../..');
const SEED = '浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt';

async function main(): Promise<void> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'fengong-e2e-ws-'));
  cpSync(path.join(root, 'seeds', SEED), path.join(workspace, SEED));
  await runTests({
    version: process.env.FENGONG_VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/e2e/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { FENGONG_E2E_RESULTS: path.join(root, 'test-output/e2e/in-host-electron.json') },
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
