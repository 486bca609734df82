/**
 * Drives the extension in code-server (VS Code 1.100.3's server build) with Debian's Chromium:
 *   1. in-host: loads the extension from the source tree with the in-host mocha suite
 *      (extensionTestsPath) and reads the results file it writes;
 *   2. UI: installs the packaged .vsix and checks, with screenshots in test-output/e2e/, the
 *      Problems panel, a hover, the Outline view, the matrix webview and the status bar.
 * Usage: node out/test/e2e/codeServer.js [path/to/fengong.vsix]. Exits non-zero on any failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '../../..');
const out = path.join(root, 'test-output/e2e');
const codeServerBin = path.join(root, '.e2e/node_modules/.bin/code-server');
const SEED = '浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt';

interface InHostResults {
  readonly passed: { readonly title: string; readonly ms: number }[];
  readonly failed: { readonly title: string; readonly error: string }[];
  readonly ms: number;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  'workbench.colorTheme': 'Default Light Modern',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

function log(message: string): void {
  console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One code-server with its own user data, extensions and XDG folders, in its own process group. */
class CodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(name: string, env: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
    const dir = path.join(out, name);
    const port = await freePort();
    mkdirSync(path.join(dir, 'ud/User'), { recursive: true });
    writeFileSync(path.join(dir, 'ud/User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...JSON.parse(env.FENGONG_E2E_SETTINGS ?? '{}') }, null, 2));
    const logFile = createWriteStream(path.join(out, `${name}-code-server.log`));
    const child = spawn(
      codeServerBin,
      [
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override',
        '--user-data-dir', path.join(dir, 'ud'), '--extensions-dir', path.join(dir, 'ext'),
      ],
      // detached: a process group of its own, so stop() ends code-server and everything it forked.
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'xdg'), XDG_DATA_HOME: path.join(dir, 'xdg'), ...env } },
    );
    // Both streams into one file, neither ending it: the first to close used to end the file, and the
    // other's last output then crashed the run (ERR_STREAM_WRITE_AFTER_END) after every test passed.
    child.stdout?.pipe(logFile, { end: false });
    child.stderr?.pipe(logFile, { end: false });
    child.once('close', () => logFile.end());
    const server = new CodeServer(child, port);
    await until(
      'code-server to answer /healthz',
      async () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${name}-code-server.log`);
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined;
        } catch {
          return undefined;
        }
      },
      30_000,
    );
    return server;
  }

  url(folder: string, payload: [string, string][] = []): string {
    const query = `folder=${encodeURIComponent(folder)}`;
    return `http://127.0.0.1:${this.port}/?${query}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  }

  remote(p: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${p}`;
  }

  stop(): void {
    if (this.child.pid && this.child.exitCode === null) {
      try {
        process.kill(-this.child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

async function browser(name: string): Promise<BrowserContext> {
  const profile = path.join(out, name, 'chromium');
  rmSync(profile, { recursive: true, force: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.FENGONG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

function workspace(name: string): string {
  const ws = path.join(out, name, 'workspace');
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(ws, { recursive: true });
  cpSync(path.join(root, 'seeds', SEED), path.join(ws, SEED));
  return ws;
}

async function inHost(): Promise<InHostResults> {
  const resultsFile = path.join(out, 'in-host.json');
  rmSync(resultsFile, { force: true });
  const server = await CodeServer.start('in-host', { FENGONG_E2E_RESULTS: resultsFile });
  const context = await browser('in-host');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const browserLog: string[] = [];
    page.on('console', (m) => browserLog.push(`${m.type()}: ${m.text()}`));
    await page.goto(
      server.url(workspace('in-host'), [
        ['extensionDevelopmentPath', server.remote(root)],
        ['extensionTestsPath', server.remote(path.join(root, 'out/test/e2e/index.js'))],
      ]),
    );
    try {
      await until('the in-host suite to write its results', () => (existsSync(resultsFile) ? true : undefined), 180_000);
    } finally {
      writeFileSync(path.join(out, 'in-host-browser-console.log'), browserLog.join('\n'));
    }
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as InHostResults;
  } finally {
    await context.close();
    server.stop();
  }
}

/** Runs a named check, saving a screenshot whatever happens; returns the error, if any. */
async function check(page: Page, name: string, run: () => Promise<void>): Promise<string | null> {
  const started = Date.now();
  let error: string | null = null;
  try {
    await run();
  } catch (err) {
    error = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  log(`${error ? 'FAIL' : 'ok  '} ui: ${name} (${Date.now() - started} ms)${error ? `: ${error}` : ''}`);
  return error;
}

/** 0-based line of the first seed line matching `re`. */
function seedLine(re: RegExp): number {
  const line = readFileSync(path.join(root, 'seeds', SEED), 'utf8').split('\n').findIndex((l) => re.test(l));
  if (line < 0) throw new Error(`no seed line matches ${re}`);
  return line;
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function ui(vsix: string): Promise<string[]> {
  // VS Code's display language cannot be Chinese here (--locale needs a language pack, which is
  // not reachable offline), so the server's messages are switched to Chinese by the setting.
  const settings = { 'fengong.language': 'zh-cn' };
  const install = spawnSync(
    codeServerBin,
    ['--install-extension', vsix, '--force', '--user-data-dir', path.join(out, 'ui/ud'), '--extensions-dir', path.join(out, 'ui/ext')],
    { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(out, 'ui/xdg'), XDG_DATA_HOME: path.join(out, 'ui/xdg') } },
  );
  if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stderr || install.stdout}`);
  const server = await CodeServer.start('ui', { FENGONG_E2E_SETTINGS: JSON.stringify(settings) });
  const context = await browser('ui');
  const failures: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url(workspace('ui')));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).waitFor({ timeout: 60_000 });

    const record = (name: string) => (e: string | null) => void (e && failures.push(`${name}: ${e}`));

    record('open')(
      await check(page, 'ui-open-plan', async () => {
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill('战略性新兴产业');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: '分工方案-2013' }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.monaco-editor .view-line', { hasText: '加强规划指导' }).first().waitFor();
        // The language mode in the status bar says the file is a plan.
        await page.locator('.statusbar-item', { hasText: /分工方案|Fengong/ }).first().waitFor();
      }),
    );

    record('status bar')(
      await check(page, 'ui-status-bar', async () => {
        await page.locator('.statusbar-item', { hasText: '47 tasks' }).first().waitFor({ timeout: 20_000 });
      }),
    );

    record('problems')(
      await check(page, 'ui-problems', async () => {
        await page.keyboard.press('Control+Shift+M');
        const rows = page.locator('.markers-panel .monaco-list-row');
        await rows.filter({ hasText: '分隔符' }).first().waitFor({ timeout: 20_000 });
        if ((await rows.count()) < 5) throw new Error(`only ${await rows.count()} rows in the Problems panel`);
      }),
    );

    record('hover')(
      await check(page, 'ui-hover', async () => {
        // Monaco renders only the visible lines: go to the department by line and column, then
        // hover just right of the cursor, over the department's second character.
        const seed = readFileSync(path.join(root, 'seeds', SEED), 'utf8').split('\n');
        const line = seed.findIndex((l) => l.includes('省科技厅牵头'));
        const column = seed[line]!.indexOf('省科技厅牵头') + 2;
        await page.keyboard.press('Escape');
        await page.locator('.monaco-editor .view-line').first().click();
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').fill(`:${line + 1}:${column}`);
        await page.keyboard.press('Enter');
        const cursor = await page.locator('.monaco-editor.focused .cursors-layer .cursor').first().boundingBox();
        if (!cursor) throw new Error('no cursor in the editor');
        await page.mouse.move(cursor.x + 7, cursor.y + cursor.height / 2);
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '浙江省科学技术厅' });
        await hover.first().waitFor({ timeout: 15_000 });
      }),
    );

    record('outline')(
      await check(page, 'ui-outline', async () => {
        await page.keyboard.press('Escape');
        await runCommand(page, 'Explorer: Focus on Outline View');
        const outline = page.locator('.outline-pane, [id="outline"]').first();
        await page.locator('.monaco-list-row', { hasText: '加强规划指导' }).first().waitFor({ timeout: 15_000 });
        await outline.waitFor();
      }),
    );

    record('go to task')(
      await check(page, 'ui-go-to-task', async () => {
        await runCommand(page, 'Go to Task');
        const input = page.locator('.quick-input-widget input');
        await input.fill('知识产权的创造');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: '强化知识产权' }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.statusbar-item', { hasText: `Ln ${seedLine(/^\s*10\./) + 1},` }).first().waitFor({ timeout: 10_000 });
      }),
    );

    record('matrix')(
      await check(page, 'ui-matrix', async () => {
        await runCommand(page, 'Show Responsibility Matrix');
        const frame = webviewContent(page);
        await frame.locator('table.matrix tbody tr').first().waitFor({ timeout: 20_000 });
        const rows = await frame.locator('table.matrix tbody tr').count();
        const columns = await frame.locator('table.matrix thead th.task').count();
        if (columns !== 47) throw new Error(`${columns} task columns, expected 47`);
        await frame.locator('#summary', { hasText: '47 tasks' }).waitFor();
        if (rows < 20) throw new Error(`${rows} department rows`);
        await frame.locator('tbody th.dept', { hasText: '省科技厅' }).first().waitFor();
        const widths = await frame.locator('table.matrix tr').evaluateAll((trs) => [...new Set(trs.map((tr) => tr.children.length))]);
        if (widths.length !== 1 || widths[0] !== 1 + 47 + 3) throw new Error(`rows of ${widths.join(', ')} cells, expected all ${1 + 47 + 3}`);
        await page.screenshot({ path: path.join(out, 'ui-matrix-full.png') });
        // A click on a task's column header moves the editor to the task.
        await frame.locator('thead button.task-link', { hasText: /^12$/ }).click();
        await page.locator('.statusbar-item', { hasText: `Ln ${seedLine(/^\s*12\./) + 1},` }).first().waitFor({ timeout: 10_000 });
        await frame.locator('#filter').fill('科技');
        await until('the filter to apply', async () => ((await frame.locator('table.matrix tbody tr').count()) < rows ? true : undefined), 5_000);
      }),
    );
  } finally {
    await context.close();
    server.stop();
  }
  return failures;
}

async function main(): Promise<void> {
  const vsix = path.resolve(process.argv[2] ?? path.join(root, 'fengong.vsix'));
  if (!existsSync(codeServerBin)) throw new Error('code-server is missing: run scripts/e2e/install.sh');
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package`);
  mkdirSync(out, { recursive: true });
  let failed = 0;

  const started = Date.now();
  const results = await inHost();
  for (const p of results.passed) log(`ok   in-host: ${p.title} (${p.ms} ms)`);
  for (const f of results.failed) log(`FAIL in-host: ${f.title}\n${f.error}`);
  log(`in-host: ${results.passed.length} passed, ${results.failed.length} failed in ${Date.now() - started} ms`);
  failed += results.failed.length;
  if (results.passed.length === 0) failed++;

  const uiStarted = Date.now();
  const uiFailures = await ui(vsix);
  log(`ui: ${uiFailures.length} failed in ${Date.now() - uiStarted} ms; screenshots in ${path.relative(root, out)}/`);
  failed += uiFailures.length;

  if (failed) {
    log(`${failed} failure(s)`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
