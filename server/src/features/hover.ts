/**
 * Hovers in Markdown. Every piece of text that comes from the document or a registry goes
 * through escapeMarkdown, so a name can never inject links, HTML or command URIs.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { t, type Locale } from '../messages';
import type { Mention, Plan, Task } from '../model/types';
import { sinceYear, type Department, type Registry } from '../registry/registry';
import { taskKeys } from '../reviewer/matrix';
import { escapeMarkdown as esc, mentionAt, mentionPlacesOf, taskAt, unique, type PlanDocument, type Position } from './common';

export function hover(doc: PlanDocument, position: Position): Hover | null {
  const { plan } = doc;
  const offset = plan.lines.offsetAt(position);
  const hit = mentionAt(plan, offset);
  if (hit) return { contents: { kind: MarkupKind.Markdown, value: departmentHover(doc, hit.mention) }, range: hit.mention.span.range };
  const task = taskAt(plan, offset);
  if (task && task.numberSpan.start <= offset && offset <= task.numberSpan.end) {
    return { contents: { kind: MarkupKind.Markdown, value: taskHover(doc, task) }, range: task.numberSpan.range };
  }
  return null;
}

/** "省科技厅（浙江省科学技术厅）" when the registry knows a longer name. */
function withFullName(registry: Registry, name: string): string {
  const d = registry.lookup(name)?.department;
  const full = d?.fullName && d.fullName !== name ? d.fullName : null;
  return full ? `${esc(name)}（${esc(full)}）` : esc(name);
}

/** "牵头单位：" or "Lead: " — the label before a value, in the reader's punctuation. */
function field(label: string, locale: Locale): string {
  return esc(label) + (locale === 'zh-cn' ? '：' : ': ');
}

function taskHover(doc: PlanDocument, task: Task): string {
  const { plan, registry, locale } = doc;
  const key = taskKeys(plan)[task.index] ?? task.number;
  const names = (ms: readonly Mention[]) => {
    const list = unique(ms.map((m) => m.name));
    return list.length ? list.map((n) => withFullName(registry, n)).join(t('list.separator', locale)) : esc(t('hover.none', locale));
  };
  const lines = [`**${esc(t('hover.task', locale, { task: key }))}**`, ''];
  lines.push(`- ${field(t('hover.lead', locale), locale)}${names(task.lead)}`);
  lines.push(`- ${field(t('hover.participants', locale), locale)}${names(task.participants)}`);
  if (task.deadlines.length) lines.push(`- ${field(t('hover.deadline', locale), locale)}${task.deadlines.map((d) => esc(d.text)).join(t('list.separator', locale))}`);
  return lines.join('\n');
}

export function statusText(registry: Registry, d: Department, locale: Locale): string {
  if (d.status === 'active') return t('hover.status.active', locale);
  const successors = registry.currentSuccessors(d).map((s) => s.name);
  const year = sinceYear(d);
  if (successors.length === 0) return t('hover.status.abolished', locale, { year: year ?? '?' });
  const change = t(`change.${d.status}`, locale);
  return t(year ? 'hover.status.changed' : 'hover.status.changed.noyear', locale, { change, year: year ?? '', successors: successors.join(t('list.separator', locale)) });
}

function departmentHover(doc: PlanDocument, mention: Mention): string {
  const { plan, registry, locale } = doc;
  const found = registry.lookup(mention.name);
  const lines: string[] = [];
  if (!found) {
    lines.push(`**${esc(mention.name)}**`, '', esc(t('hover.unknown', locale, { name: mention.name })));
    const suggestions = registry.suggest(mention.name, 3);
    if (suggestions.length) lines.push('', esc(t('hover.suggestions', locale, { suggestions: suggestions.join('、') })));
  } else {
    const d = found.department;
    lines.push(`**${esc(mention.name)}**`, '');
    if (found.by === 'alias') lines.push(`- ${esc(t('hover.alias', locale, { preferred: d.name }))}`);
    if (d.fullName) lines.push(`- ${field(t('hover.fullName', locale), locale)}${esc(d.fullName)}`);
    if (d.level) lines.push(`- ${field(t('hover.level', locale), locale)}${esc(t(`level.${d.level}`, locale))}`);
    lines.push(`- ${field(t('hover.status', locale), locale)}${esc(statusText(registry, d, locale))}`);
    if (d.note) lines.push(`- ${field(t('hover.note', locale), locale)}${esc(d.note)}`);
  }
  const { leads, joins } = rolesInPlan(plan, mention.name);
  lines.push('');
  lines.push(`${field(t('hover.leads', locale), locale)}${leads.length ? leads.map(esc).join(t('list.separator', locale)) : esc(t('hover.none', locale))}  `);
  lines.push(`${field(t('hover.joins', locale), locale)}${joins.length ? joins.map(esc).join(t('list.separator', locale)) : esc(t('hover.none', locale))}`);
  return lines.join('\n');
}

/** Keys of the tasks a name leads and joins in this plan. */
export function rolesInPlan(plan: Plan, name: string): { leads: string[]; joins: string[] } {
  const keys = taskKeys(plan);
  // Sets, not list scans: a common name is mentioned by thousands of tasks of a long plan.
  const leads = new Set<string>();
  const joins = new Set<string>();
  for (const { task, role } of mentionPlacesOf(plan, name)) (role === 'lead' ? leads : joins).add(keys[task.index]);
  return { leads: [...leads], joins: [...joins].filter((k) => !leads.has(k)) };
}
