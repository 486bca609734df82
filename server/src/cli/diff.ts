/** `fengong diff OLD NEW`: what changed between two drafts, task by task and per department. */
import { diffPlans, formatDiffText } from '../reviewer/diff';
import { ArgsError, loadPlan, parseReviewerArgs, loadRegistriesReporting, withUsage } from './input';
import type { CliIO } from './main';
import { s } from './strings';

export function diffCommand(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return withUsage(io, env, 'usageDiff', async () => {
    const args = parseReviewerArgs(argv, env, { formats: ['text', 'json'] });
    if (args.paths.length !== 2) throw new ArgsError(s('twoPlans', args.locale));
    const registry = loadRegistriesReporting(args, io);
    const before = await loadPlan(args.paths[0], args, io);
    const after = await loadPlan(args.paths[1], args, io);
    if (!before || !after) return 2;
    const diff = diffPlans(before.plan, after.plan, registry);
    if (args.format === 'json') io.out(JSON.stringify({ oldFile: args.paths[0], newFile: args.paths[1], ...diff }, null, 2));
    else for (const line of formatDiffText(diff, args.locale)) io.out(line);
    // Like diff(1): 0 when the drafts agree, 1 when they differ.
    return diff.added.length + diff.removed.length + diff.changed.length > 0 ? 1 : 0;
  });
}
