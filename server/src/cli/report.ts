/** `fengong report --department NAME PLAN...`: what one department leads and joins, across plans. */
import { departmentReport, formatReportText } from '../reviewer/report';
import { ArgsError, loadPlan, parseReviewerArgs, placeName, loadRegistriesReporting, withUsage, type LoadedPlan } from './input';
import type { CliIO } from './main';
import { s } from './strings';

export function reportCommand(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return withUsage(io, env, 'usageReport', async () => {
    const args = parseReviewerArgs(argv, env, { formats: ['text', 'json'], department: true });
    if (!args.department) throw new ArgsError(s('departmentRequired', args.locale));
    if (args.paths.length === 0) throw new ArgsError(s('noPaths', args.locale));
    const registry = loadRegistriesReporting(args, io);
    const plans: LoadedPlan[] = [];
    let unreadable = false;
    for (const p of args.paths) {
      const loaded = await loadPlan(p, args, io);
      if (loaded) plans.push(loaded);
      else unreadable = true;
    }
    const report = departmentReport(args.department, plans, registry);
    const docx = new Set(plans.filter((p) => p.docx).map((p) => p.file));
    if (args.format === 'json') {
      // Word input gets `paragraph` beside `line`, as `check --format json` does.
      const json = {
        ...report,
        plans: report.plans.map((p) =>
          docx.has(p.file)
            ? { ...p, leads: p.leads.map((t) => ({ ...t, paragraph: t.line + 1 })), joins: p.joins.map((t) => ({ ...t, paragraph: t.line + 1 })) }
            : p,
        ),
      };
      io.out(JSON.stringify(json, null, 2));
    } else {
      for (const line of formatReportText(report, args.locale, (file, line) => placeName(docx.has(file), line, args.locale))) io.out(line);
    }
    return unreadable ? 2 : 0;
  });
}
