import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../../server/src/analysis';
import { readDocx } from '../../../server/src/io/docx';
import { parsePlan } from '../../../server/src/model/parser';
import { buildDocx } from '../../fixtures/docx/build';
import { corpusCases, registryFor } from '../../helpers/corpus';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'docx');

describe('Word (.docx) input', () => {
  const seed = corpusCases().find((c) => c.name === '00-seed');
  if (!seed) throw new Error('seed fixture missing');

  it('checks the LibreOffice-made seed.docx exactly like the seed text: tasks, leads, problem codes and lines', async () => {
    const docx = await readDocx(readFileSync(join(FIXTURES, 'seed.docx')));
    const registry = registryFor(seed.expected);
    const fromText = analyse(seed.text, registry);
    const fromWord = analyse(docx.text, registry);
    const tasks = (a: typeof fromText) => a.plan.tasks.map((t) => [t.number, t.line, t.lead.map((m) => m.name), t.participants.map((m) => m.name)]);
    assert.equal(fromWord.plan.tasks.length, 47);
    assert.deepEqual(tasks(fromWord), tasks(fromText));
    const problems = (a: typeof fromText) => a.problems.map((p) => `${p.code}@${p.span.range.start.line}:${p.span.range.start.character}`);
    assert.deepEqual(problems(fromWord), problems(fromText));
    assert.ok(fromWord.problems.some((p) => p.code === 'missing-separator'));
  });

  it('maps each Word paragraph to one line, so paragraph n is line n - 1', async () => {
    const docx = await readDocx(readFileSync(join(FIXTURES, 'seed.docx')));
    const lines = seed.text.replace(/\n$/, '').split('\n');
    assert.equal(docx.paragraphs, lines.length);
    assert.deepEqual(docx.text.split('\n'), lines);
  });

  it('joins the runs of a paragraph and decodes XML escapes, tabs and line breaks', async () => {
    const bytes = await buildDocx([
      { runs: ['1.加强', '“两化”', '融合 & <创新>', '。(省经信委牵头,', '省科技厅参加)'] },
      { runs: ['2.\t推进试点', '\n', '工作。(省发改委负责)'] },
    ]);
    const docx = await readDocx(bytes);
    assert.deepEqual(docx.text.split('\n'), ['1.加强“两化”融合 & <创新>。(省经信委牵头,省科技厅参加)', '2.\t推进试点 工作。(省发改委负责)']);
    assert.deepEqual(
      parsePlan(docx.text).tasks.map((t) => [t.number, t.lead.map((m) => m.name), t.participants.map((m) => m.name)]),
      [
        ['1', ['省经信委'], ['省科技厅']],
        ['2', ['省发改委'], []],
      ],
    );
  });

  it('writes out automatic numbering: 一、 headings and 1. tasks continuing across sections', async () => {
    const lists = [
      { id: 1, format: 'chineseCounting', text: '%1、' },
      { id: 2, format: 'decimal', text: '%1.' },
    ];
    const bytes = await buildDocx(
      [
        '关于某项工作的分工方案',
        { runs: ['加强规划指导'], num: { id: 1 } },
        { runs: ['制订年度方案。(省发展改革委牵头,省财政厅参加)'], num: { id: 2 } },
        { runs: ['建设产业基地。(各设区市政府负责)'], num: { id: 2 } },
        { runs: ['强化科技创新'], num: { id: 1 } },
        { runs: ['加大科技投入。(省科技厅牵头,省财政厅参加)'], num: { id: 2 } },
      ],
      lists,
    );
    const docx = await readDocx(bytes);
    assert.deepEqual(docx.text.split('\n').slice(1), [
      '一、加强规划指导',
      '1.制订年度方案。(省发展改革委牵头,省财政厅参加)',
      '2.建设产业基地。(各设区市政府负责)',
      '二、强化科技创新',
      '3.加大科技投入。(省科技厅牵头,省财政厅参加)',
    ]);
    const plan = parsePlan(docx.text);
    assert.deepEqual(
      plan.tasks.map((t) => [t.section?.numeral, t.number, t.line]),
      [
        ['一', '1', 2],
        ['一', '2', 3],
        ['二', '3', 5],
      ],
    );
  });

  it('reads a table row as one line of tab-separated cells, so a 分工表 in Word reads as a plan', async () => {
    const lists = [{ id: 2, format: 'decimal', text: '%1' }];
    const bytes = await buildDocx(
      [
        '2025年重点任务分工表',
        {
          rows: [
            ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
            [{ paragraphs: ['一、夯实数字基础设施'], span: 5 }],
            // Automatic numbering in the 序号 column (trimmed to its cell); a cell of two paragraphs; a lead merged down over two rows.
            [{ paragraphs: [{ runs: [''], num: { id: 2 } }] }, { paragraphs: ['加快5G网络建设。', '新建基站2万个。'] }, { paragraphs: ['省经信厅'], merge: 'restart' }, '省通信管理局、省发展改革委', '2025年底'],
            [{ paragraphs: [{ runs: [''], num: { id: 2 } }] }, '推进千兆光网\t建设。', { paragraphs: [], merge: 'continue' }, '省通信管理局', ''],
            [{ paragraphs: [{ runs: [''], num: { id: 2 } }] }, '推进农业数字化。', '', '省农业农村厅、省数据局', '持续推进'],
          ],
        },
        '附：各单位于季度末报送进展。',
      ],
      lists,
    );
    const docx = await readDocx(bytes);
    assert.deepEqual(docx.text.split('\n'), [
      '2025年重点任务分工表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '一、夯实数字基础设施\t\t\t\t',
      '1\t加快5G网络建设。 新建基站2万个。\t省经信厅\t省通信管理局、省发展改革委\t2025年底',
      '2\t推进千兆光网 建设。\t省经信厅\t省通信管理局\t',
      '3\t推进农业数字化。\t\t省农业农村厅、省数据局\t持续推进',
      '附：各单位于季度末报送进展。',
    ]);
    assert.equal(docx.paragraphs, 7);
    const plan = parsePlan(docx.text);
    assert.deepEqual(
      plan.tasks.map((t) => [t.section?.numeral, t.number, t.lead.map((m) => m.name), t.participants.map((m) => m.name), t.deadlines.map((d) => d.text)]),
      [
        ['一', '1', ['省经信厅'], ['省通信管理局', '省发展改革委'], ['2025年底']],
        ['一', '2', ['省经信厅'], ['省通信管理局'], []],
        ['一', '3', [], ['省农业农村厅', '省数据局'], ['持续推进']],
      ],
    );
  });

  it('writes a number merged down over a task\'s rows once, so the rows after read as that task\'s', async () => {
    const docx = await readDocx(
      await buildDocx([
        {
          rows: [
            ['序号', '具体措施', '牵头单位'],
            [{ paragraphs: ['1'], merge: 'restart' }, '建设工业互联网平台。', '省经信厅'],
            [{ paragraphs: [], merge: 'continue' }, '培育未来工厂。', '省科技厅'],
            ['2', '建设数字商圈。', '省商务厅'],
          ],
        },
      ]),
    );
    assert.deepEqual(docx.text.split('\n').slice(1), ['1\t建设工业互联网平台。\t省经信厅', '\t培育未来工厂。\t省科技厅', '2\t建设数字商圈。\t省商务厅']);
    assert.deepEqual(parsePlan(docx.text).tasks.map((t) => [t.number, t.lead.map((m) => m.name)]), [['1', ['省经信厅', '省科技厅']], ['2', ['省商务厅']]]);
  });

  it('keeps the text of a table inside a table cell as that cell\'s text', async () => {
    const inner = { rows: [['省农业农村厅', '省数据局'], ['（按职责分工）']] };
    const docx = await readDocx(await buildDocx([{ rows: [['序号', '重点任务', '配合单位'], ['1', '推进农业数字化。', { paragraphs: [inner] }]] }, '完']));
    assert.deepEqual(docx.text.split('\n'), ['序号\t重点任务\t配合单位', '1\t推进农业数字化。\t省农业农村厅 省数据局 （按职责分工）', '完']);
  });

  it('keeps astral characters and their UTF-16 columns', async () => {
    const docx = await readDocx(await buildDocx(['1.支持𠀋产业。(省科技厅牵头,省财政厅参加)']));
    const plan = parsePlan(docx.text);
    assert.equal(plan.tasks[0].lead[0].span.range.start.character, '1.支持𠀋产业。('.length);
  });

  it('rejects bytes that are not a Word document with a reason', async () => {
    await assert.rejects(readDocx(Buffer.from('1.不是压缩包')), /not a zip/);
  });
});
