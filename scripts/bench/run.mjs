// Bundles the benchmark with esbuild (as dist/ is bundled, so the figures are those of shipped
// code, not of a TypeScript loader) into .bench/bench.js, then runs it with the given arguments.
// Exits with the benchmark's exit code.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, '.bench', 'bench.js');
try {
  await esbuild.build({
    entryPoints: [join(root, 'scripts', 'bench', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
