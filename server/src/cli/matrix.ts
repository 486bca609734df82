/** `fengong matrix PLAN --format csv|xlsx|md|html [-o FILE]`: the responsibility matrix as a file. */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { matrixToCsv, matrixToHtml, matrixToMarkdown, matrixToXlsx } from '../reviewer/export';
import { buildMatrix } from '../reviewer/matrix';
import { ArgsError, loadPlan, parseReviewerArgs, loadRegistriesReporting, withUsage, writeStdout } from './input';
import type { CliIO } from './main';
import { s } from './strings';

const FORMATS = ['csv', 'xlsx', 'md', 'html', 'json'] as const;
const EXTENSION_FORMAT: Record<string, (typeof FORMATS)[number]> = { '.csv': 'csv', '.xlsx': 'xlsx', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json' };

export function matrixCommand(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return withUsage(io, env, 'usageMatrix', async () => {
    const args = parseReviewerArgs(argv, env, { formats: FORMATS, output: true });
    if (args.paths.length !== 1) throw new ArgsError(s('onePlan', args.locale));
    // Without --format, -o plan.xlsx says which format is wanted.
    if (!argv.some((a) => a === '--format' || a.startsWith('--format=')) && args.output) {
      const ext = /\.[^.\\/]+$/.exec(args.output)?.[0].toLowerCase() ?? '';
      args.format = EXTENSION_FORMAT[ext] ?? args.format;
    }
    if (args.format === 'xlsx' && !args.output && io.stdoutIsTTY !== false) {
      io.err(s('xlsxNeedsOutput', args.locale));
      return 2;
    }
    const registry = loadRegistriesReporting(args, io);
    const loaded = await loadPlan(args.paths[0], args, io);
    if (!loaded) return 2;
    const matrix = buildMatrix(loaded.plan, registry, pathToFileURL(resolve(args.paths[0])).href);
    let data: string | Buffer;
    switch (args.format) {
      case 'xlsx':
        data = await matrixToXlsx(matrix, args.locale);
        break;
      case 'md':
        data = matrixToMarkdown(matrix, args.locale);
        break;
      case 'html':
        data = matrixToHtml(matrix, args.locale);
        break;
      case 'json':
        data = JSON.stringify(matrix, null, 2) + '\n';
        break;
      default:
        data = matrixToCsv(matrix, args.locale);
    }
    if (args.output) {
      try {
        writeFileSync(args.output, data);
      } catch (e) {
        io.err(s('cannotWrite', args.locale, args.output, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
        return 2;
      }
      io.err(s('wrote', args.locale, args.output, matrix.departments.length, matrix.tasks.length));
    } else if (typeof data === 'string') writeStdout(io, data);
    else if (io.write) io.write(data);
    else {
      io.err(s('xlsxNeedsOutput', args.locale));
      return 2;
    }
    return 0;
  });
}
