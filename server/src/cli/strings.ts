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
  noPlans: { 'zh-cn': '{0}：目录中没有方案文件（.fgfa、.txt、.md）', en: '{0}: no plan files (.fgfa, .txt, .md) in the directory' },
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
} as const;

export type CliKey = keyof typeof CLI;

export function s(key: CliKey, locale: Locale, ...args: (string | number)[]): string {
  return (CLI[key][locale] as string).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
