/**
 * The reviewer tools' words (matrix headings, report and diff text), in Chinese and English.
 * Kept beside the tools, as the CLI keeps its own in cli/strings.ts; rule messages stay in ../messages.ts.
 */
import type { Locale } from '../messages';

const TABLE = {
  department: { 'zh-cn': '单位', en: 'Department' },
  registryName: { 'zh-cn': '名录名称', en: 'Registry name' },
  status: { 'zh-cn': '状态', en: 'Status' },
  leads: { 'zh-cn': '牵头', en: 'Leads' },
  participates: { 'zh-cn': '参加', en: 'Joins' },
  total: { 'zh-cn': '合计', en: 'Total' },
  legend: { 'zh-cn': '图例：● 牵头　○ 参加', en: 'Legend: ● lead, ○ participant' },
  matrixTitle: { 'zh-cn': '责任分工矩阵', en: 'Responsibility matrix' },
  tasksHeading: { 'zh-cn': '任务', en: 'Tasks' },
  key: { 'zh-cn': '编号', en: 'No.' },
  section: { 'zh-cn': '部分', en: 'Section' },
  subsection: { 'zh-cn': '小节', en: 'Sub-section' },
  label: { 'zh-cn': '任务内容', en: 'Task' },
  leadColumn: { 'zh-cn': '牵头单位', en: 'Lead' },
  participantsColumn: { 'zh-cn': '参加单位', en: 'Participants' },
  untitled: { 'zh-cn': '（无标题）', en: '(untitled)' },
  'status.active': { 'zh-cn': '现行', en: 'current' },
  'status.renamed': { 'zh-cn': '已更名', en: 'renamed' },
  'status.merged': { 'zh-cn': '已合并', en: 'merged' },
  'status.abolished': { 'zh-cn': '已撤销', en: 'abolished' },
  'status.unknown': { 'zh-cn': '名录未收录', en: 'not in registry' },
  sheetMatrix: { 'zh-cn': '责任矩阵', en: 'Matrix' },
  sheetTasks: { 'zh-cn': '任务清单', en: 'Tasks' },
  // report
  reportHead: { 'zh-cn': '{0}：牵头 {1} 项，参加 {2} 项（{3} 个方案）', en: '{0}: leads {1}, joins {2} ({3} plans)' },
  reportAlso: { 'zh-cn': '同一单位的其他名称：{0}', en: 'Also written as: {0}' },
  reportPlan: { 'zh-cn': '方案：{0}（{1}）', en: 'Plan: {0} ({1})' },
  reportLeads: { 'zh-cn': '牵头任务', en: 'Leads' },
  reportJoins: { 'zh-cn': '参加任务', en: 'Joins' },
  reportNone: { 'zh-cn': '（无）', en: '(none)' },
  reportAs: { 'zh-cn': '（写作“{0}”）', en: ' (written "{0}")' },
  reportUnknown: { 'zh-cn': '名录中没有“{0}”，按原名匹配。', en: '"{0}" is not in the registry; matching the name as written.' },
  // diff
  diffHead: {
    'zh-cn': '任务：原 {0} 项，新 {1} 项；新增 {2}，删除 {3}，移动 {4}，重新编号 {5}，内容修改 {6}，分工变化 {7}',
    en: 'Tasks: {0} before, {1} after; {2} added, {3} removed, {4} moved, {5} renumbered, {6} reworded, {7} with changed responsibilities',
  },
  diffNoChange: { 'zh-cn': '两稿任务和分工相同。', en: 'The two drafts have the same tasks and responsibilities.' },
  diffAdded: { 'zh-cn': '新增任务 {0}：{1}', en: 'Added task {0}: {1}' },
  diffRemoved: { 'zh-cn': '删除任务 {0}：{1}', en: 'Removed task {0}: {1}' },
  diffMoved: { 'zh-cn': '任务 {0} → {1} 移至{2}：{3}', en: 'Task {0} → {1} moved to {2}: {3}' },
  diffRenumbered: { 'zh-cn': '任务 {0} 重新编号为 {1}：{2}', en: 'Task {0} renumbered {1}: {2}' },
  diffReworded: { 'zh-cn': '任务 {0} 内容修改（相似度 {1}%）：{2}', en: 'Task {0} reworded ({1}% similar): {2}' },
  diffRoles: { 'zh-cn': '任务 {0} 分工变化：{1}', en: 'Task {0} responsibilities changed: {1}' },
  diffRenamed: { 'zh-cn': '单位改称：{0} → {1}（{2} 项任务）', en: 'Department renamed: {0} → {1} ({2} tasks)' },
  diffSectionNone: { 'zh-cn': '（未分部分）', en: '(no section)' },
  diffSection: { 'zh-cn': '第{0}部分', en: 'section {0}' },
  oldKey: { 'zh-cn': '原{0}', en: 'old {0}' },
  diffPerDepartment: { 'zh-cn': '按单位：', en: 'By department:' },
  gainedLead: { 'zh-cn': '新增牵头 {0}', en: 'now leads {0}' },
  lostLead: { 'zh-cn': '不再牵头 {0}', en: 'no longer leads {0}' },
  gainedJoin: { 'zh-cn': '新增参加 {0}', en: 'now joins {0}' },
  lostJoin: { 'zh-cn': '不再参加 {0}', en: 'no longer joins {0}' },
  plusLead: { 'zh-cn': '+牵头 {0}', en: '+lead {0}' },
  minusLead: { 'zh-cn': '−牵头 {0}', en: '−lead {0}' },
  plusJoin: { 'zh-cn': '+参加 {0}', en: '+joins {0}' },
  minusJoin: { 'zh-cn': '−参加 {0}', en: '−joins {0}' },
} as const;

export type ReviewerKey = keyof typeof TABLE;

export function r(key: ReviewerKey, locale: Locale, ...args: (string | number)[]): string {
  return (TABLE[key][locale] as string).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** How lists of names are joined in each language. */
export function joinNames(names: readonly string[], locale: Locale): string {
  return names.join(locale === 'zh-cn' ? '、' : ', ');
}
