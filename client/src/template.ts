/**
 * The skeleton "New Plan" opens: sections, a sub-section, numbered tasks and each clause form the
 * checker understands. Pure, so a unit test can prove it parses cleanly.
 */
export function planTemplate(year: number): string {
  return `关于××××重点工作分工方案

为贯彻落实《××××》，明确责任分工，确保各项任务落到实处，现将重点工作分工如下。

一、总体要求
（一）明确目标任务
1.制订年度实施方案，明确年度目标任务和责任分工。（省发展改革委牵头，省财政厅、省统计局参加）
2.建立工作台账，按季度跟踪任务进展。（省发展改革委负责）

二、主要任务
（一）强化科技创新
3.加大研发投入，支持企业建设研发机构。（省科技厅牵头，省财政厅、省经信厅参加；${year}年底前完成）
4.完善知识产权保护机制。（省市场监管局牵头，省科技厅、省司法厅参加）
（二）优化发展环境
5.深化“放管服”改革，优化营商环境。（省发展改革委、省市场监管局牵头，各设区市政府参加）

三、保障措施
6.加强督促检查，定期通报任务落实情况。（省政府办公厅牵头，省级有关部门按职责分工负责）
`;
}
