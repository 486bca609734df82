/**
 * "What does my department lead and join?" across several plans. Names are compared as bodies
 * (see identity.ts), so a 2013 plan's 省经信委 and a 2020 plan's 省经信厅 land in one report.
 */
import type { Locale } from '../messages';
import type { Plan } from '../model/types';
import type { Registry } from '../registry/registry';
import { bodyOf } from './identity';
import { taskBody, taskKeys } from './matrix';
import { joinNames, r } from './strings';

export interface ReportTask {
  readonly key: string;
  readonly number: string;
  readonly section: string | null;
  readonly subsection: string | null;
  /** 0-based line (for Word input: the paragraph index). */
  readonly line: number;
  readonly text: string;
  /** The department's name as this task writes it. */
  readonly written: string;
  readonly lead: readonly string[];
  readonly participants: readonly string[];
}

export interface PlanReport {
  readonly file: string;
  readonly title: string | null;
  readonly leads: readonly ReportTask[];
  readonly joins: readonly ReportTask[];
}

export interface DepartmentReport {
  /** The name asked for. */
  readonly query: string;
  /** The registry's entry for it (its current successor for a former name), if known. */
  readonly department: { readonly name: string; readonly fullName: string | null; readonly status: string } | null;
  /** Every name in the plans counted as this department. */
  readonly names: readonly string[];
  readonly leads: number;
  readonly joins: number;
  readonly plans: readonly PlanReport[];
}

export function departmentReport(query: string, plans: readonly { readonly file: string; readonly plan: Plan }[], registry: Registry): DepartmentReport {
  const target = bodyOf(query, registry);
  const names = new Set<string>();
  const reports = plans.map(({ file, plan }) => {
    const keys = taskKeys(plan);
    const leads: ReportTask[] = [];
    const joins: ReportTask[] = [];
    plan.tasks.forEach((t, i) => {
      const mine = (ms: typeof t.lead) => ms.find((m) => bodyOf(m.name, registry) === target);
      const asLead = mine(t.lead);
      const asPart = asLead ? undefined : mine(t.participants);
      const hit = asLead ?? asPart;
      if (!hit) return;
      names.add(hit.name);
      const item: ReportTask = {
        key: keys[i],
        number: t.number,
        section: t.section?.numeral ?? null,
        subsection: t.subsection?.numeral ?? null,
        line: t.line,
        text: taskBody(plan, t),
        written: hit.name,
        lead: [...new Set(t.lead.map((m) => m.name))],
        participants: [...new Set(t.participants.map((m) => m.name))],
      };
      (asLead ? leads : joins).push(item);
    });
    return { file, title: plan.title?.text ?? null, leads, joins };
  });
  const found = registry.lookup(query)?.department;
  const current = found && target.startsWith('body:') ? (registry.get(target.slice(5)) ?? found) : found;
  return {
    query,
    department: current ? { name: current.name, fullName: current.fullName ?? null, status: current.status } : null,
    names: [...names],
    leads: reports.reduce((n, p) => n + p.leads.length, 0),
    joins: reports.reduce((n, p) => n + p.joins.length, 0),
    plans: reports,
  };
}

/** The report for people. `where(line)` names a place in the file ("第 6 行", "第 6 段"). */
export function formatReportText(report: DepartmentReport, locale: Locale, where: (file: string, line: number) => string): string[] {
  const out: string[] = [];
  const head = report.department ? report.department.name + (report.department.fullName ? `（${report.department.fullName}）` : '') : report.query;
  out.push(r('reportHead', locale, head, report.leads, report.joins, report.plans.length));
  if (!report.department) out.push(r('reportUnknown', locale, report.query));
  const others = report.names.filter((n) => n !== report.department?.name && n !== report.query);
  if (others.length) out.push(r('reportAlso', locale, joinNames(others, locale)));
  for (const p of report.plans) {
    out.push('', r('reportPlan', locale, p.title ?? r('untitled', locale), p.file));
    for (const [heading, tasks] of [
      [r('reportLeads', locale), p.leads],
      [r('reportJoins', locale), p.joins],
    ] as const) {
      out.push(`  ${heading}（${tasks.length}）`);
      if (tasks.length === 0) out.push(`    ${r('reportNone', locale)}`);
      for (const t of tasks) {
        const as = t.written !== report.department?.name && t.written !== report.query ? r('reportAs', locale, t.written) : '';
        out.push(`    ${t.key.padStart(3)}  ${t.text}${as}  [${where(p.file, t.line)}]`);
      }
    }
  }
  return out;
}
