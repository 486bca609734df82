import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/model/parser';

function roles(text: string) {
  return parsePlan(text).tasks.map((t) => ({
    n: t.number,
    lead: t.lead.map((m) => m.name),
    part: t.participants.map((m) => m.name),
  }));
}

describe('clause formats', () => {
  it('puts the names before 牵头 in lead and every other name in participants', () => {
    assert.deepEqual(roles('一、任务\n1.做好工作。(省科技厅牵头,省财政厅、省知识产权局参加)\n'), [
      { n: '1', lead: ['省科技厅'], part: ['省财政厅', '省知识产权局'] },
    ]);
  });

  it('reads 分别牵头, 共同牵头 and 负责牵头 as leading, and 主要责任单位 as the lead label', () => {
    assert.deepEqual(roles('1.甲。（省科技厅、省财政厅分别牵头，省商务厅参加）\n2.乙。（省科技厅、省财政厅共同牵头）\n3.丙。（省科技厅负责牵头，省财政厅配合）\n4.丁。\n主要责任单位：省科技厅\n配合单位：省财政厅\n5.戊。主要责任部门：省科技厅；责任部门：省财政厅'), [
      { n: '1', lead: ['省科技厅', '省财政厅'], part: ['省商务厅'] },
      { n: '2', lead: ['省科技厅', '省财政厅'], part: [] },
      { n: '3', lead: ['省科技厅'], part: ['省财政厅'] },
      { n: '4', lead: ['省科技厅'], part: ['省财政厅'] },
      { n: '5', lead: ['省科技厅'], part: ['省财政厅'] },
    ]);
  });

  it('takes a role marked in brackets after a name as that name\'s role: 市发改委（牵头）', () => {
    const text = '1.甲。\n责任单位：省科技厅（牵头）、省财政厅、省商务厅\n2.乙。（责任单位：省科技厅(牵头单位)，省财政厅）\n3.丙。（省科技厅（ 牵头 ）、省财政厅（配合））';
    const plan = parsePlan(text);
    assert.deepEqual(roles(text), [
      { n: '1', lead: ['省科技厅'], part: ['省财政厅', '省商务厅'] },
      { n: '2', lead: ['省科技厅'], part: ['省财政厅'] },
      { n: '3', lead: ['省科技厅'], part: ['省财政厅'] },
    ]);
    // The mark is not part of the name as written, and says where the role came from.
    const lead = plan.tasks[0].lead[0];
    assert.equal(text.slice(lead.span.start, lead.span.end), '省科技厅');
    assert.equal(lead.via, '牵头');
    assert.equal(plan.tasks[0].clause?.explicitLead, true);
  });

  it('reads labels in Markdown emphasis and in list items', () => {
    assert.deepEqual(roles('1.甲。\n**牵头单位**：省科技厅\n**配合单位**：省财政厅\n2.乙。\n- **牵头单位：** 省科技厅\n- **配合单位：** 省财政厅'), [
      { n: '1', lead: ['省科技厅'], part: ['省财政厅'] },
      { n: '2', lead: ['省科技厅'], part: ['省财政厅'] },
    ]);
  });

  it('parts two whole names written with only spaces between them, and no name a space runs through', () => {
    const text = '1.甲。（省科技厅牵头，省财政厅 省商务厅参加）\n2.乙。\n牵头单位：省科技厅\u3000省财政厅\n配合单位：省商务厅  省经信厅等部门\n3.丙。（省 财政厅牵头，各县（市、区） 政府、杭州市 政府参加）';
    const plan = parsePlan(text);
    assert.deepEqual(roles(text), [
      { n: '1', lead: ['省科技厅'], part: ['省财政厅', '省商务厅'] },
      { n: '2', lead: ['省科技厅', '省财政厅'], part: ['省商务厅', '省经信厅'] },
      { n: '3', lead: ['省财政厅'], part: ['各县（市、区）政府', '杭州市政府'] },
    ]);
    assert.deepEqual(plan.tasks[0].participants.map((m) => text.slice(m.span.start, m.span.end)), ['省财政厅', '省商务厅']);
  });

  it('takes no number of mixed digit widths for a task or a reference: 2１２ is a slip, not task 212', () => {
    const plan = parsePlan('1.甲，见第2２项。（省科技厅牵头）\n2１２．乙。（省财政厅牵头）\n（1２）丙。\n２.丁。（省商务厅牵头）');
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.value]), [['1', 1], ['２', 2]]);
    assert.deepEqual(plan.crossReferences, []);
  });

  it('reads task numbers and references written in full-width digits', () => {
    const plan = parsePlan('一、甲\n１．甲，见第２项。（省科技厅牵头）\n２、乙。（省财政厅牵头）\n１２ 戊（省商务厅牵头）');
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.value, t.lead.map((m) => m.name)]), [
      ['１', 1, ['省科技厅']],
      ['２', 2, ['省财政厅']],
      ['１２', 12, ['省商务厅']],
    ]);
    assert.deepEqual(plan.crossReferences.map((r) => r.value), [2]);
    const paren = parsePlan('（１）甲。（省科技厅牵头）\n（２）乙。（省财政厅牵头）');
    assert.deepEqual(paren.tasks.map((t) => [t.number, t.value, t.style]), [['１', 1, 'paren-arabic'], ['２', 2, 'paren-arabic']]);
  });

  it('reads 省科技厅为牵头单位，省财政厅为配合单位', () => {
    assert.deepEqual(roles('1.甲。（省科技厅为牵头单位，省财政厅、省商务厅为配合单位）\n2.乙。（省科技厅为牵头部门）\n3.丙。为人民服务。（省科技厅牵头）'), [
      { n: '1', lead: ['省科技厅'], part: ['省财政厅', '省商务厅'] },
      { n: '2', lead: ['省科技厅'], part: [] },
      { n: '3', lead: ['省科技厅'], part: [] },
    ]);
  });

  it('does not take what follows the last verb for a department unless it reads as one', () => {
    assert.deepEqual(roles('1.甲。（人力资源社会保障部、教育部牵头，各省级人民政府负责落实）\n2.乙。（省科技厅负责组织实施）\n3.丙。（省科技厅牵头，省财政厅配合做好相关工作）\n4.丁。（省科技厅牵头省财政厅）'), [
      { n: '1', lead: ['人力资源社会保障部', '教育部'], part: ['各省级人民政府'] },
      { n: '2', lead: ['省科技厅'], part: [] },
      { n: '3', lead: ['省科技厅'], part: ['省财政厅'] },
      { n: '4', lead: ['省科技厅'], part: ['省财政厅'] },
    ]);
  });

  it('reads a clause whose bracket opens on one line and closes on the next', () => {
    // The continuation check reads the unclosed bracket to the end of the first line (prose); the
    // task's own reading of the whole bracket must not be served that shorter reading.
    const [task] = parsePlan('1. 推进试点工作（试点（一期）\n省财政厅牵头，省发改委参加）').tasks;
    assert.equal(task.clause?.form, 'paren');
    assert.deepEqual(task.lead.map((m) => m.name), ['省财政厅']);
    assert.ok(task.participants.some((m) => m.name === '省发改委'));
  });

  it('treats names after 牵头 with no verb as participants', () => {
    assert.deepEqual(roles('1.发展文旅。（省发展改革委牵头，省商务厅、省文化广电和旅游厅）'), [
      { n: '1', lead: ['省发展改革委'], part: ['省商务厅', '省文化广电和旅游厅'] },
    ]);
  });

  it('puts every name of "A、B负责" in lead, in order', () => {
    assert.deepEqual(roles('1.加强统计。(省经信委、省统计局负责)'), [{ n: '1', lead: ['省经信委', '省统计局'], part: [] }]);
  });

  it('reads "A会同B负责" as A leading and B participating', () => {
    assert.deepEqual(roles('1.开展检查。(省经信委会同省公安厅负责)'), [{ n: '1', lead: ['省经信委'], part: ['省公安厅'] }]);
  });

  it('counts 配合, 参与 and 按职责分工负责 as participation', () => {
    assert.deepEqual(roles('1.甲。(省商务厅牵头，省经信委配合)\n2.乙。（财政部牵头，国家发展改革委等按职责分工负责）\n3.丙。（省教育厅负责，省科协参与）'), [
      { n: '1', lead: ['省商务厅'], part: ['省经信委'] },
      { n: '2', lead: ['财政部'], part: ['国家发展改革委'] },
      { n: '3', lead: ['省教育厅'], part: ['省科协'] },
    ]);
  });

  it('applies the declared first-listed convention to clauses without 牵头', () => {
    const text = [
      '国务院关于落实重点工作分工的意见',
      '（列第一位者为牵头单位，其他单位按职责分工负责）',
      '一、稳定经济',
      '1.实施积极的财政政策。（财政部、税务总局等按职责分工负责）',
      '2.稳健的货币政策。（人民银行牵头，金融监管总局参加）',
    ].join('\n');
    const plan = parsePlan(text);
    assert.ok(plan.convention);
    assert.deepEqual(roles(text), [
      { n: '1', lead: ['财政部', '税务总局'], part: [] },
      { n: '2', lead: ['人民银行'], part: ['金融监管总局'] },
    ]);
  });

  it('honours a convention declared inside a clause with 下同 for the whole plan', () => {
    const text = [
      '一、重点任务',
      '1.任务甲。（省财政厅负责）',
      '2.任务乙。（责任单位：省发展改革委牵头，省财政厅；除标注为“牵头”单位外，列第一位的为牵头或汇总单位，下同）',
      '3.任务丙。（责任单位：省商务厅、省经信厅）',
    ].join('\n');
    const plan = parsePlan(text);
    assert.ok(plan.convention?.phrase.includes('列第一位的为牵头或汇总单位'));
    assert.deepEqual(roles(text), [
      { n: '1', lead: ['省财政厅'], part: [] },
      { n: '2', lead: ['省发展改革委'], part: ['省财政厅'] },
      { n: '3', lead: ['省商务厅', '省经信厅'], part: [] },
    ]);
  });

  it('does not take the quoted “牵头” of a convention note for an explicit lead', () => {
    const text = '一、甲\n1.任务。（责任单位：省商务厅、省经信厅。除标注为“牵头”单位外，列第一位的为牵头或汇总单位，下同）\n2.任务。（责任单位：省财政厅）';
    assert.deepEqual(roles(text), [
      { n: '1', lead: ['省商务厅', '省经信厅'], part: [] },
      { n: '2', lead: ['省财政厅'], part: [] },
    ]);
  });

  it('recognises the convention worded with 部门 or 排在第一位', () => {
    for (const phrase of ['列第一位者为牵头部门', '排在第一位的为牵头单位', '列第一位的部门为牵头部门']) {
      assert.ok(parsePlan(`说明：${phrase}。\n1.甲。（省财政厅、省商务厅负责）`).convention, phrase);
    }
  });

  it('reads labels on the task line without brackets', () => {
    assert.deepEqual(roles('1.推进改革。牵头单位：省财政厅；责任单位：省发展改革委、省经信厅'), [
      { n: '1', lead: ['省财政厅'], part: ['省发展改革委', '省经信厅'] },
    ]);
  });

  it('reads labels inside square brackets', () => {
    const plan = parsePlan('1.推进改革。[牵头单位：省财政厅；责任单位：省发展改革委]\n2.加强监管。【牵头单位：省市场监管局】');
    assert.deepEqual(
      plan.tasks.map((t) => [t.clause?.form, t.lead.map((m) => m.name), t.participants.map((m) => m.name)]),
      [
        ['bracket', ['省财政厅'], ['省发展改革委']],
        ['bracket', ['省市场监管局'], []],
      ],
    );
  });

  it('reads label lines after the task, skipping person labels', () => {
    const text = '1.项目建设。\n\n牵头领导：区政府分管副区长\n\n牵头单位：区发改局、区营商局\n\n责任单位：区自然资源分局，区住建局\n';
    const plan = parsePlan(text);
    assert.deepEqual(roles(text), [{ n: '1', lead: ['区发改局', '区营商局'], part: ['区自然资源分局', '区住建局'] }]);
    assert.deepEqual(plan.tasks[0].clause?.persons, ['区政府分管副区长']);
    assert.equal(plan.tasks[0].clause?.line, 6);
  });

  it('gives no lead to 责任单位 alone without the convention', () => {
    assert.deepEqual(roles('1.诚信建设。\n责任单位：区发改局，各相关单位'), [{ n: '1', lead: [], part: ['区发改局', '各相关单位'] }]);
  });

  it('finds the clause of a multi-line task on a later line', () => {
    const text = '1.推动工业企业开展智能化改造，\n   建设一批数字化车间。\n   （牵头单位：市经信委，配合单位：市发改委）\n2.下一项。（市科委负责）';
    const plan = parsePlan(text);
    assert.equal(plan.tasks.length, 2);
    assert.equal(plan.tasks[0].clause?.line, 2);
    assert.equal(plan.tasks[0].span.range.end.line, 2);
    assert.deepEqual(roles(text)[0], { n: '1', lead: ['市经信委'], part: ['市发改委'] });
  });

  it('numbers tasks （1） under （一） sub-sections, restarting in each', () => {
    const text = '一、总体要求\n（一）创新驱动\n（1）建设平台。（省科技厅负责）\n（2）培育企业。（省经信厅负责）\n（二）开放合作\n（1）扩大开放。（省商务厅负责）\n';
    const plan = parsePlan(text);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.section?.numeral, t.subsection?.numeral, t.restarted]),
      [
        ['1', '一', '一', false],
        ['2', '一', '一', false],
        ['1', '一', '二', true],
      ],
    );
  });

  it('allows numbering to restart at 1 after each section heading', () => {
    const plan = parsePlan('一、甲\n1.任务。（省财政厅负责）\n2.任务。（省财政厅负责）\n二、乙\n1.任务。（省商务厅负责）\n');
    assert.deepEqual(plan.tasks.map((t) => t.restarted), [false, false, true]);
    assert.equal(plan.numberingRestarts, true);
  });

  it('expands a shared prefix and a shared suffix', () => {
    assert.deepEqual(roles('1.甲。（省商务厅、财政厅牵头，杭州市、宁波市政府参加）\n2.乙。（河南省政府牵头，济源示范区、航空港区管委会参加）'), [
      { n: '1', lead: ['省商务厅', '省财政厅'], part: ['杭州市政府', '宁波市政府'] },
      { n: '2', lead: ['河南省政府'], part: ['济源示范区管委会', '航空港区管委会'] },
    ]);
  });

  it('leaves names that begin with their own place or issuer alone', () => {
    assert.deepEqual(roles('1.甲。（省商务厅牵头，郑州海关、河南证监局、人民银行河南省分行参加）'), [
      { n: '1', lead: ['省商务厅'], part: ['郑州海关', '河南证监局', '人民银行河南省分行'] },
    ]);
  });

  it('drops nameplate aliases in brackets but keeps brackets inside collectives', () => {
    const plan = parsePlan('1.乡村振兴。（省农业农村厅（省乡村振兴局）牵头，各县(市、区)政府、各区、县（市）政府、各街办（新区）参加）');
    const t = plan.tasks[0];
    assert.deepEqual(t.lead.map((m) => [m.written, m.name]), [['省农业农村厅（省乡村振兴局）', '省农业农村厅']]);
    assert.deepEqual(t.participants.map((m) => m.name), ['各县(市、区)政府', '各区、县（市）政府', '各街办（新区）']);
  });

  it('strips 等, 等部门, 和 and 及 but keeps 和 inside names', () => {
    assert.deepEqual(roles('1.甲。（省文化广电和旅游厅牵头，省电力公司等部门和相关设区市政府、省财政厅及省商务厅等参加）'), [
      { n: '1', lead: ['省文化广电和旅游厅'], part: ['省电力公司', '相关设区市政府', '省财政厅', '省商务厅'] },
    ]);
  });

  it('keeps time limits apart from departments, inside the clause or after it', () => {
    const plan = parsePlan('1.甲。(省经信委牵头，省发改委参加)(2013年6月底前完成)\n2.乙。（省财政厅牵头，省商务厅，6月底前出台相关措施）\n3.丙。（省教育厅负责，年内持续推进）');
    assert.deepEqual(
      plan.tasks.map((t) => [t.lead.map((m) => m.name), t.participants.map((m) => m.name), t.deadlines.map((d) => d.text)]),
      [
        [['省经信委'], ['省发改委'], ['2013年6月底前完成']],
        [['省财政厅'], ['省商务厅'], ['6月底前出台相关措施']],
        [['省教育厅'], [], ['年内持续推进']],
      ],
    );
  });

  it('reads a time limit in brackets inside the clause as its time limit, not as a department', () => {
    const text = '1.甲。（省财政厅牵头，省商务厅参加（2013年底前））\n2.乙。（省财政厅、省商务厅（长期坚持））\n3.丙。（省农业农村厅（省乡村振兴局）牵头）';
    const plan = parsePlan(text);
    assert.deepEqual(
      plan.tasks.map((t) => [t.lead.map((m) => m.name), t.participants.map((m) => m.name), t.deadlines.map((d) => [d.text, text.slice(d.span.start, d.span.end)])]),
      [
        [['省财政厅'], ['省商务厅'], [['2013年底前', '（2013年底前）']]],
        [['省财政厅', '省商务厅'], [], [['长期坚持', '（长期坚持）']]],
        [['省农业农村厅'], [], []],
      ],
    );
  });

  it('treats a bracket holding only a time limit as no clause', () => {
    const plan = parsePlan('19.完善制度。（2024年底前完成）');
    assert.equal(plan.tasks[0].clause, null);
    assert.deepEqual(plan.tasks[0].deadlines.map((d) => d.text), ['2024年底前完成']);
  });

  it('never takes people for departments', () => {
    const plan = parsePlan('1.甲。（省政府分管副省长，省发展改革委牵头，省财政厅参加）');
    assert.deepEqual(plan.tasks[0].lead.map((m) => m.name), ['省发展改革委']);
    assert.deepEqual(plan.tasks[0].clause?.persons, ['省政府分管副省长']);
  });

  it('reads Markdown headings, list items and a clause wrapped in **', () => {
    const text = '# 实施意见\n\n## 一、目标\n\n### （一）创业创新\n\n1. 建设众创空间。**（牵头单位：市科委，配合单位：各区县市）**\n';
    const plan = parsePlan(text);
    assert.equal(plan.title?.text, '实施意见');
    assert.deepEqual(roles(text), [{ n: '1', lead: ['市科委'], part: ['各区县市'] }]);
    assert.equal(plan.tasks[0].subsection?.title, '创业创新');
  });

  it('does not take years, quantities or website furniture for tasks', () => {
    const text = '·省政府文件当前位置:首页 > 政策法规\n关于推进工作的分工方案\n发布人:kjhz 发布时间:2013-6-14\n2027年，基本建成。\n3个百分点以上。\n1.5亿元专项资金。\n一、总体\n1.正式任务。（省财政厅负责）';
    const plan = parsePlan(text);
    assert.equal(plan.title?.text, '关于推进工作的分工方案');
    assert.deepEqual(plan.tasks.map((t) => t.number), ['1']);
  });

  it('takes a 责任分解 heading before the first section for the title', () => {
    assert.equal(parsePlan('省政府2023年重点工作责任分解\n一、稳住经济大盘\n1.甲。（责任单位：省发展改革委）').title?.text, '省政府2023年重点工作责任分解');
  });

  it('records the separator, or its absence', () => {
    const plan = parsePlan('1.甲（A厅负责）\n2、乙（A厅负责）\n3 丙（A厅负责）\n4丁（A厅负责）\n5．戊（A厅负责）');
    assert.deepEqual(plan.tasks.map((t) => t.separator), ['.', '、', null, null, '．']);
  });

  it('keeps each task number as written, leading zeros and all, whatever the value', () => {
    const plan = parsePlan('01.甲。（省财政厅负责）\n2.乙。（省财政厅负责）\n003、丙。（省财政厅负责）\n4.丁。（省财政厅负责）\n');
    assert.deepEqual(plan.tasks.map((t) => [t.number, t.value, plan.text.slice(t.numberSpan.start, t.numberSpan.end)]), [
      ['01', 1, '01'],
      ['2', 2, '2'],
      ['003', 3, '003'],
      ['4', 4, '4'],
    ]);
  });

  it('finds cross-references to tasks in prose', () => {
    const plan = parsePlan('1.甲。（省财政厅负责）\n2.按照第1项要求推进，参照本方案第1条。（省商务厅负责）');
    assert.deepEqual(plan.crossReferences.map((r) => r.value), [1, 1]);
  });
});
