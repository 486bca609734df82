/** `fengong summary`: a plan at a glance, for people (what `npm start` prints). */
import type { Locale } from '../messages';
import type { Task } from '../model/types';
import type { FileResult } from './output';
import { textLine } from './output';
import { s } from './strings';

function taskLine(task: Task, locale: Locale): string {
  const sep = locale === 'zh-cn' ? '、' : ', ';
  const colon = locale === 'zh-cn' ? '：' : ': ';
  const parts: string[] = [];
  if (!task.clause) parts.push(s('noClause', locale));
  else if (task.lead.length === 0) parts.push(s('noLead', locale));
  else parts.push(s('lead', locale) + colon + task.lead.map((m) => m.name).join(sep));
  if (task.participants.length) parts.push(s('participants', locale) + colon + task.participants.map((m) => m.name).join(sep));
  const label = task.subsection ? `（${task.subsection.numeral}）${task.number}` : task.number;
  return `  ${label.padStart(4)}  ${parts.join('；')}`;
}

export function summary(r: FileResult, locale: Locale): string[] {
  const { plan, problems } = r.analysis;
  const out: string[] = [];
  out.push(plan.title?.text ?? s('untitled', locale));
  out.push(s('file', locale, r.file));
  const noLead = plan.tasks.filter((t) => t.lead.length === 0).length;
  const count = (sev: string) => problems.filter((p) => p.severity === sev).length;
  out.push(
    s('summaryHead', locale, plan.sections.length, plan.tasks.length, noLead, problems.length, count('error'), count('warning'), count('info') + count('hint')),
  );
  out.push('');
  const loose = plan.tasks.filter((t) => !t.section);
  if (loose.length) {
    out.push(s('summaryNoSection', locale));
    for (const t of loose) out.push(taskLine(t, locale));
  }
  for (const sec of plan.sections) {
    out.push(s('summarySection', locale, sec.numeral, sec.title, sec.tasks.length));
    for (const t of sec.tasks) out.push(taskLine(t, locale));
  }
  out.push('');
  if (problems.length === 0) out.push(s('noProblems', locale));
  else {
    out.push(s('problems', locale));
    for (const p of problems) out.push('  ' + textLine(r.file, p));
  }
  return out;
}
