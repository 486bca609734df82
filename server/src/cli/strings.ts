/** The CLI's own words, in Chinese and English. Rule messages live in ../messages.ts. */
import type { Locale } from '../messages';
import type { RuleCode } from '../rules';

const RULES: Record<RuleCode, Record<Locale, string>> = {
  'no-clause': { 'zh-cn': '任务缺少责任分工', en: 'Task has no responsibility clause' },
  'no-lead': { 'zh-cn': '任务没有牵头单位', en: 'Task has no lead department' },
  'unknown-department': { 'zh-cn': '名录中没有该单位', en: 'Department not in the registry' },
  'outdated-department': { 'zh-cn': '单位已更名、合并或撤销', en: 'Department renamed, merged or abolished' },
  'alias-department': { 'zh-cn': '单位使用了非规范简称', en: 'Department written with an informal name' },
  'lead-also-participant': { 'zh-cn': '同一单位既牵头又参加', en: 'Same department leads and participates' },
  'duplicate-department': { 'zh-cn': '同一单位重复列出', en: 'Department listed twice' },
  'numbering-gap': { 'zh-cn': '任务编号不连续', en: 'Task numbering skips' },
  'duplicate-number': { 'zh-cn': '任务编号重复', en: 'Task number used twice' },
  'missing-separator': { 'zh-cn': '任务编号后缺少分隔符', en: 'No separator after the task number' },
  'section-order': { 'zh-cn': '部分或小节序号不连续', en: 'Sections out of order' },
  'table-without-numbers': { 'zh-cn': '分工表没有序号列', en: 'Table without task numbers' },
  'unbalanced-bracket': { 'zh-cn': '括号不配对', en: 'Unbalanced bracket' },
};

export function ruleDescription(code: RuleCode, locale: Locale): string {
  return RULES[code][locale];
}

const CLI = {
  usage: {
    'zh-cn': `用法：
  fengong check [选项] 路径...      检查分工方案（文件或目录）
  fengong summary [选项] 路径...    打印方案摘要：部分、任务、牵头单位、问题
  fengong matrix 方案 --format csv|xlsx|md|html [-o 文件]   导出责任分工矩阵
  fengong report --department 单位 方案...                 单位牵头和参加的任务
  fengong diff 旧稿 新稿                                    比较两稿的任务和分工
  （方案可以是文本文件或 Word .docx 文档）

选项：
  --format text|json|sarif     输出格式（默认 text）
  --registry 文件              叠加自定义名录（JSON 或每行一个名称的文本），可重复
  --no-default-registry        不使用内置名录
  --first-listed auto|on|off   “列第一位者为牵头单位”约定（默认 auto：按文件声明）
  --rule 代码=级别             设置规则级别：error|warning|info|hint|off，可重复
  --lang zh|en                 输出语言（默认中文；也可设 FENGONG_LANG）
  -h, --help                   显示帮助
  -v, --version                显示版本

退出码：0 无错误；1 有错误；2 用法错误或无法读取输入。`,
    en: `Usage:
  fengong check [options] PATH...     check division-of-labour plans (files or directories)
  fengong summary [options] PATH...   print a plan's summary: sections, tasks, leads, problems
  fengong matrix PLAN --format csv|xlsx|md|html [-o FILE]   export the responsibility matrix
  fengong report --department NAME PLAN...                 the tasks a department leads and joins
  fengong diff OLD NEW                                     compare two drafts' tasks and responsibilities
  (plans may be text files or Word .docx documents)

Options:
  --format text|json|sarif     output format (default text)
  --registry FILE              add a registry (JSON, or text with one name per line); repeatable
  --no-default-registry        leave out the bundled registry
  --first-listed auto|on|off   the "first listed leads" convention (default auto: as the plan declares)
  --rule CODE=LEVEL            set a rule's level: error|warning|info|hint|off; repeatable
  --lang zh|en                 output language (default Chinese; or set FENGONG_LANG)
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no errors; 1 errors found; 2 usage error or unreadable input.`,
  },
  unknownOption: { 'zh-cn': '未知选项：{0}', en: 'unknown option: {0}' },
  missingValue: { 'zh-cn': '选项 {0} 需要一个值', en: 'option {0} needs a value' },
  badValue: { 'zh-cn': '选项 {0} 的值无效：{1}', en: 'invalid value for {0}: {1}' },
  noPaths: { 'zh-cn': '请至少给出一个文件或目录', en: 'give at least one file or directory' },
  unknownCommand: { 'zh-cn': '未知命令：{0}', en: 'unknown command: {0}' },
  unreadable: { 'zh-cn': '{0}：无法读取：{1}', en: '{0}: cannot read: {1}' },
  binary: { 'zh-cn': '{0}：不是文本文件，已跳过', en: '{0}: not a text file, skipped' },
  noPlans: { 'zh-cn': '{0}：目录中没有方案文件（.fgfa、.txt、.md、.docx）', en: '{0}: no plan files (.fgfa, .txt, .md, .docx) in the directory' },
  encoding: { 'zh-cn': '{0}：按 {1} 编码读取', en: '{0}: read as {1}' },
  registryIssue: { 'zh-cn': '{0}:{1}:{2}: error {3} {4}', en: '{0}:{1}:{2}: error {3} {4}' },
  summaryHead: {
    'zh-cn': '{0} 个部分，{1} 项任务，{2} 项无牵头单位；问题 {3} 个（错误 {4}，警告 {5}，提示 {6}）',
    en: '{0} sections, {1} tasks, {2} without a lead; {3} problems ({4} errors, {5} warnings, {6} notes)',
  },
  summarySection: { 'zh-cn': '{0}、{1}（{2} 项任务）', en: '{0}. {1} ({2} tasks)' },
  summaryNoSection: { 'zh-cn': '（未分部分）', en: '(no section)' },
  lead: { 'zh-cn': '牵头', en: 'lead' },
  participants: { 'zh-cn': '参加', en: 'with' },
  noLead: { 'zh-cn': '（无牵头单位）', en: '(no lead)' },
  noClause: { 'zh-cn': '（无责任分工）', en: '(no clause)' },
  problems: { 'zh-cn': '问题：', en: 'Problems:' },
  noProblems: { 'zh-cn': '没有发现问题。', en: 'No problems found.' },
  file: { 'zh-cn': '文件：{0}', en: 'File: {0}' },
  untitled: { 'zh-cn': '（无标题）', en: '(untitled)' },
  // Reviewer commands (matrix, report, diff) and Word input.
  usageMatrix: {
    'zh-cn': '用法：fengong matrix 方案 [--format csv|xlsx|md|html|json] [-o 文件] [--registry 文件] [--lang zh|en]\n  按单位列出牵头（●）和参加（○）的任务及合计；xlsx 须用 -o 写入文件（或重定向到非终端）。',
    en: 'Usage: fengong matrix PLAN [--format csv|xlsx|md|html|json] [-o FILE] [--registry FILE] [--lang zh|en]\n  departments × tasks with lead (●) and participant (○) marks and totals; xlsx needs -o FILE (or a redirected stdout).',
  },
  usageReport: {
    'zh-cn': '用法：fengong report --department 单位 方案... [--format text|json] [--registry 文件] [--lang zh|en]\n  列出该单位在各方案中牵头和参加的任务；简称、旧称按名录视为同一单位。',
    en: 'Usage: fengong report --department NAME PLAN... [--format text|json] [--registry FILE] [--lang zh|en]\n  the tasks a department leads and joins in each plan; aliases and former names count as the same body.',
  },
  usageDiff: {
    'zh-cn': '用法：fengong diff 旧稿 新稿 [--format text|json] [--registry 文件] [--lang zh|en]\n  按内容匹配任务，列出新增、删除、移动、重新编号的任务和各单位分工变化；有差异时退出码为 1。',
    en: 'Usage: fengong diff OLD NEW [--format text|json] [--registry FILE] [--lang zh|en]\n  tasks matched by content: added, removed, moved, renumbered, and responsibilities gained or lost; exits 1 when the drafts differ.',
  },
  onePlan: { 'zh-cn': '请给出一个方案文件', en: 'give one plan file' },
  twoPlans: { 'zh-cn': '请给出两个方案文件：旧稿和新稿', en: 'give two plan files: the old draft and the new one' },
  departmentRequired: { 'zh-cn': '请用 --department 指定单位', en: 'name the department with --department' },
  xlsxNeedsOutput: {
    'zh-cn': 'xlsx 是二进制格式，不能输出到终端：请用 -o 文件名.xlsx 写入文件',
    en: 'xlsx is binary and will not be written to a terminal: use -o FILE.xlsx',
  },
  cannotWrite: { 'zh-cn': '{0}：无法写入：{1}', en: '{0}: cannot write: {1}' },
  wrote: { 'zh-cn': '已写入 {0}（{1} 个单位 × {2} 项任务）', en: 'wrote {0} ({1} departments × {2} tasks)' },
  notDocx: { 'zh-cn': '{0}：无法读取 Word 文档：{1}', en: '{0}: cannot read the Word document: {1}' },
  emptyFile: { 'zh-cn': '{0}：文件是空的，没有可检查的任务。', en: '{0}: the file is empty: there is no task to check.' },
  noTasks: {
    'zh-cn': '{0}：没有读出任何任务。任务应以编号开头（如“1.”“（1）”），分工表应有“序号”一列；请检查编号，或确认这是分工方案。',
    en: '{0}: no task was read. Tasks start with a number ("1.", "（1）"), and a table needs a 序号 column: check the numbering, or whether this is a plan.',
  },
  notXlsx: { 'zh-cn': '{0}：无法读取 Excel 工作簿：{1}', en: '{0}: cannot read the Excel workbook: {1}' },
  otherSheets: {
    'zh-cn': '{0}：只检查了第一个有内容的工作表“{1}”（第 N 行即表中第 N 行）；其他工作表未检查：{2}。请把它们另存为单独的文件再检查。',
    en: '{0}: checked only the first worksheet with content, "{1}" (line N is its row N); not checked: {2}. Save them as files of their own to check them.',
  },
  oldDoc: {
    'zh-cn': '{0}：不支持旧版 Word（.doc）格式，请另存为 .docx 后再检查',
    en: '{0}: old Word (.doc) files are not supported; save it as .docx first',
  },
  paragraph: { 'zh-cn': '第 {0} 段：', en: 'paragraph {0}: ' },
  atParagraph: { 'zh-cn': '第 {0} 段', en: 'paragraph {0}' },
  atLine: { 'zh-cn': '第 {0} 行', en: 'line {0}' },
} as const;

export type CliKey = keyof typeof CLI;

export function s(key: CliKey, locale: Locale, ...args: (string | number)[]): string {
  return (CLI[key][locale] as string).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
