/**
 * Every user-facing message of the core, in Chinese and English, in one table
 * (as vscode-css-languageservice keeps its parser errors). `{name}` placeholders are filled
 * from the problem's arguments.
 */
export type Locale = 'zh-cn' | 'en';

export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'zh-cn';
  const t = tag.toLowerCase();
  if (t === 'auto') return 'zh-cn';
  return t.startsWith('zh') ? 'zh-cn' : 'en';
}

const TABLE = {
  'no-clause': {
    'zh-cn': '任务 {task} 没有责任分工：请在任务末尾写明牵头单位和参加单位，例如“（省科技厅牵头，省财政厅参加）”。',
    en: 'Task {task} has no responsibility clause: end it with the lead and participating departments, e.g. "（省科技厅牵头，省财政厅参加）".',
  },
  'table-without-numbers': {
    'zh-cn': '这张表没有“序号”列：表中各行不会作为任务检查。请加上序号列（1、2、3…），或在每项任务前写上编号。',
    en: 'This table has no number column: its rows are not checked as tasks. Add a 序号 column (1, 2, 3…), or number each task.',
  },
  'no-lead.empty': {
    'zh-cn': '任务 {task} 的责任分工没有写任何单位：请填写牵头单位和参加/配合单位。',
    en: 'Task {task} names no department in its responsibility clause: fill in the lead and the participating departments.',
  },
  'no-lead.table': {
    'zh-cn': '任务 {task} 没有牵头单位：{names}都只是参加/配合单位。请在“牵头单位”一栏填写一个牵头单位，或在单位名称后写明“牵头”。',
    en: 'Task {task} has no lead department: {names} only participate. Fill in the lead column, or write "牵头" after the lead\'s name.',
  },
  'no-lead': {
    'zh-cn': '任务 {task} 没有牵头单位：{names}都只是参加/配合单位。请用“牵头”或“牵头单位：”指定一个牵头单位。',
    en: 'Task {task} has no lead department: {names} only participate. Name one lead with "牵头" or "牵头单位：".',
  },
  'unknown-department': {
    'zh-cn': '名录中没有“{name}”。{hint}',
    en: '"{name}" is not in the department registry. {hint}',
  },
  'unknown-department.suggest': { 'zh-cn': '是否为：{suggestions}？', en: 'Did you mean {suggestions}?' },
  'unknown-department.none': {
    'zh-cn': '请核对名称，或把它加入自定义名录（设置 fengong.registries）。',
    en: 'Check the name, or add it to a registry of your own (setting fengong.registries).',
  },
  'outdated-department': {
    'zh-cn': '“{name}”已于 {year} 年{change}，请改用“{successors}”。',
    en: '"{name}" was {change} in {year}; write "{successors}" instead.',
  },
  'outdated-department.noyear': {
    'zh-cn': '“{name}”已{change}，请改用“{successors}”。',
    en: '"{name}" was {change}; write "{successors}" instead.',
  },
  'outdated-department.abolished': {
    'zh-cn': '“{name}”已于 {year} 年撤销，没有单一的承接单位：请按现行职责改写责任单位。',
    en: '"{name}" was abolished in {year} with no single successor: name the body that holds the duty today.',
  },
  'change.renamed': { 'zh-cn': '更名', en: 'renamed' },
  'change.merged': { 'zh-cn': '整合并入其他机构', en: 'merged' },
  'change.abolished': { 'zh-cn': '撤销', en: 'abolished' },
  'alias-department': {
    'zh-cn': '“{name}”是“{preferred}”的非规范简称，建议改用规范简称“{preferred}”。',
    en: '"{name}" is an informal name of "{preferred}"; prefer the official short form "{preferred}".',
  },
  'lead-also-participant': {
    'zh-cn': '“{name}”既是牵头单位又是参加单位：请从参加单位中删除。',
    en: '"{name}" is both lead and participant: remove it from the participants.',
  },
  'duplicate-department': {
    'zh-cn': '“{name}”在同一任务中重复列出：请删除重复项。',
    en: '"{name}" is listed twice in the same task: remove the duplicate.',
  },
  'numbering-gap': {
    'zh-cn': '任务编号不连续：此处应为 {expected}，实为 {found}。可使用“重新编号”修正。',
    en: 'Task numbering skips: expected {expected}, found {found}. Use "Renumber tasks" to fix.',
  },
  'duplicate-number': {
    'zh-cn': '任务编号 {found} 重复（应为 {expected}）：可使用“重新编号”修正。',
    en: 'Task number {found} is used twice (expected {expected}). Use "Renumber tasks" to fix.',
  },
  'duplicate-number.related': { 'zh-cn': '编号 {found} 首次出现在这里', en: 'number {found} first used here' },
  'missing-separator': {
    'zh-cn': '任务编号 {task} 后缺少分隔符：请写作“{task}{separator}”。',
    en: 'Task number {task} has no separator after it: write "{task}{separator}".',
  },
  'section-order': {
    'zh-cn': '{kind}序号不连续：此处应为“{expected}”，实为“{found}”。',
    en: '{kind} numbering out of order: expected "{expected}", found "{found}".',
  },
  'kind.section': { 'zh-cn': '部分', en: 'Section' },
  'kind.subsection': { 'zh-cn': '小节', en: 'Sub-section' },
  'unbalanced-bracket.unclosed': {
    'zh-cn': '括号“{char}”没有对应的右括号：请补全或删除。',
    en: 'Bracket "{char}" is never closed: close or remove it.',
  },
  'unbalanced-bracket.unopened': {
    'zh-cn': '右括号“{char}”没有对应的左括号：请补全或删除。',
    en: 'Closing bracket "{char}" has no opening bracket: add one or remove it.',
  },
  'registry-unreadable': { 'zh-cn': '无法读取名录文件：{detail}', en: 'Cannot read the registry file: {detail}' },
  'registry-syntax': { 'zh-cn': '名录文件格式错误：{detail}', en: 'Registry file is not valid JSON: {detail}' },
  'registry-shape': { 'zh-cn': '名录文件内容不符合格式：{detail}', en: 'Registry file has the wrong shape: {detail}' },
  'registry-duplicate': { 'zh-cn': '名录文件中有重复条目：{detail}', en: 'Registry file has a duplicate entry: {detail}' },
  'registry.fallback': {
    'zh-cn': '已跳过该文件，继续使用其余名录检查。',
    en: 'The file was skipped; checking goes on with the other registries.',
  },
  // Language server: hovers, lenses, quick fixes, completion, progress.
  'hover.task': { 'zh-cn': '任务 {task}', en: 'Task {task}' },
  'hover.lead': { 'zh-cn': '牵头单位', en: 'Lead' },
  'hover.participants': { 'zh-cn': '参加单位', en: 'Participants' },
  'hover.deadline': { 'zh-cn': '完成时限', en: 'Deadline' },
  'hover.none': { 'zh-cn': '（无）', en: '(none)' },
  'hover.fullName': { 'zh-cn': '全称', en: 'Full name' },
  'hover.level': { 'zh-cn': '级别', en: 'Level' },
  'hover.status': { 'zh-cn': '状态', en: 'Status' },
  'hover.status.active': { 'zh-cn': '现行', en: 'current' },
  'hover.status.changed': { 'zh-cn': '已{change}（{year} 年）→ {successors}', en: '{change} ({year}) → {successors}' },
  'hover.status.changed.noyear': { 'zh-cn': '已{change} → {successors}', en: '{change} → {successors}' },
  'hover.status.abolished': { 'zh-cn': '已撤销（{year} 年），无单一承接单位', en: 'abolished ({year}), no single successor' },
  'hover.alias': { 'zh-cn': '“{preferred}”的非规范简称', en: 'informal name of "{preferred}"' },
  'hover.leads': { 'zh-cn': '本方案中牵头的任务', en: 'Leads tasks in this plan' },
  'hover.joins': { 'zh-cn': '本方案中参加的任务', en: 'Joins tasks in this plan' },
  'hover.unknown': { 'zh-cn': '名录中没有“{name}”。', en: '"{name}" is not in the department registry.' },
  'hover.suggestions': { 'zh-cn': '是否为：{suggestions}', en: 'Did you mean: {suggestions}' },
  'hover.note': { 'zh-cn': '说明', en: 'Note' },
  'level.national-ministry': { 'zh-cn': '国务院组成部门', en: 'national ministry' },
  'level.national-agency': { 'zh-cn': '国家直属机构', en: 'national agency' },
  'level.provincial-department': { 'zh-cn': '省政府组成部门', en: 'provincial department' },
  'level.provincial-agency': { 'zh-cn': '省直属机构', en: 'provincial agency' },
  'level.central-unit-in-province': { 'zh-cn': '中央驻省单位', en: 'central unit in the province' },
  'level.party-body': { 'zh-cn': '党委机构', en: 'Party body' },
  'level.soe': { 'zh-cn': '国有企业', en: 'state-owned enterprise' },
  'level.city-government': { 'zh-cn': '市县政府', en: 'city or county government' },
  'level.collective': { 'zh-cn': '泛指单位', en: 'collective' },
  'level.other': { 'zh-cn': '其他', en: 'other' },
  'lens.tasks': { 'zh-cn': '{count} 项任务', en: '{count} tasks' },
  'lens.noLead': { 'zh-cn': '{count} 项无牵头单位', en: '{count} without a lead' },
  'fix.replace': { 'zh-cn': '改为“{name}”', en: 'Change to "{name}"' },
  'fix.replaceAll': { 'zh-cn': '将本方案中所有“{name}”改为“{successor}”', en: 'Change every "{name}" in this plan to "{successor}"' },
  'fix.separator': { 'zh-cn': '在编号 {task} 后加“{separator}”', en: 'Add "{separator}" after number {task}' },
  'fix.promote': { 'zh-cn': '将“{name}”设为牵头单位', en: 'Make "{name}" the lead' },
  'fix.remove': { 'zh-cn': '删除重复的“{name}”', en: 'Remove the duplicate "{name}"' },
  'fix.removeParticipant': { 'zh-cn': '从参加单位中删除“{name}”', en: 'Remove "{name}" from the participants' },
  'fix.deleteBracket': { 'zh-cn': '删除多余的“{char}”', en: 'Remove the stray "{char}"' },
  'fix.closeBracket': { 'zh-cn': '在责任分工末尾补上“{char}”', en: 'Close the clause with "{char}"' },
  'fix.renumber': { 'zh-cn': '重新编号全部任务', en: 'Renumber all tasks' },
  'completion.task': { 'zh-cn': '新任务（含责任分工）', en: 'New task with its clause' },
  'completion.clause': { 'zh-cn': '责任分工（牵头、参加）', en: 'Responsibility clause (lead, participants)' },
  'completion.skeleton': { 'zh-cn': '分工方案框架', en: 'Plan skeleton' },
  'progress.check': { 'zh-cn': '检查分工方案', en: 'Checking plans' },
  'progress.files': { 'zh-cn': '{done}/{total} 个文件', en: '{done}/{total} files' },
  'check.tooLarge': {
    'zh-cn': '以下文件超过 {limit} MB，未纳入检查：{files}。在编辑器中打开即可检查。',
    en: 'Not checked, larger than {limit} MB: {files}. Open a file in the editor to check it.',
  },
  'list.separator': { 'zh-cn': '、', en: ', ' },
  'quote.open': { 'zh-cn': '“', en: '"' },
  'quote.close': { 'zh-cn': '”', en: '"' },
  'diff.unreadable': { 'zh-cn': '无法读取“{file}”：{reason}', en: 'Cannot read "{file}": {reason}' },
  'diff.notXlsx': { 'zh-cn': '“{file}”不是可读取的 Excel 工作簿（.xlsx）：{reason}', en: '"{file}" is not a readable Excel workbook (.xlsx): {reason}' },
  'diff.notDocx': { 'zh-cn': '“{file}”不是可读取的 Word 文档（.docx）：{reason}', en: '"{file}" is not a readable Word document (.docx): {reason}' },
  'diff.oldDoc': {
    'zh-cn': '“{file}”是旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再比较。',
    en: '"{file}" is an old Word document (.doc); save it as .docx in Word, then compare.',
  },
  'diff.binary': { 'zh-cn': '“{file}”既不是文本文件，也不是 Word 文档。', en: '"{file}" is neither a text file nor a Word document.' },
  'word.scheme': { 'zh-cn': '无法读取“{file}”：只能打开本机上的 Word 文档。', en: 'Cannot read "{file}": only Word documents on this machine can be opened.' },
  'diff.scheme': { 'zh-cn': '无法读取“{file}”：只能比较本机文件或已打开的文档。', en: 'Cannot read "{file}": only local files or open documents can be compared.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof TABLE;

export function t(key: MessageKey, locale: Locale, args: Readonly<Record<string, string | number>> = {}): string {
  const parts = partsOf(TABLE[key][locale]);
  if (parts.length === 1) return parts[0];
  // Even indexes are literal text, odd ones placeholder names: no regular expression and no callback
  // per message (a long plan's analysis formats one per problem, thousands of them).
  let out = parts[0];
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k];
    out += (name in args ? String(args[name]) : `{${name}}`) + parts[k + 1];
  }
  return out;
}

/** A template split at its {placeholders}: literal, name, literal, ..., literal. Split once per template. */
function partsOf(template: string): readonly string[] {
  let parts = PARTS.get(template);
  if (!parts) PARTS.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}
const PARTS = new Map<string, readonly string[]>();

/** 省财政厅、省商务厅 (zh) or 省财政厅, 省商务厅 (en), each quoted. */
export function quotedList(names: readonly string[], locale: Locale): string {
  return names.map((n) => t('quote.open', locale) + n + t('quote.close', locale)).join(t('list.separator', locale));
}

/** A broken registry file, located and explained, for the CLI's stderr and the server's warning alike. */
export function registryIssueText(
  issue: { readonly file: string; readonly line: number; readonly character: number; readonly code: 'registry-unreadable' | 'registry-syntax' | 'registry-shape' | 'registry-duplicate'; readonly detail: string },
  locale: Locale,
): { readonly where: string; readonly message: string } {
  return {
    where: `${issue.file}:${issue.line + 1}:${issue.character + 1}`,
    message: `${t(issue.code, locale, { detail: issue.detail })} ${t('registry.fallback', locale)}`,
  };
}
