import assert from 'node:assert/strict';
import { csvRows, readCsv } from '../../server/src/io/csv';
import { parsePlan } from '../../server/src/model/parser';

describe('CSV 分工表 (Excel "CSV (逗号分隔)")', () => {
  it('splits records and cells as Excel writes them: quotes, doubled quotes, commas and line breaks inside cells, CRLF', () => {
    const text = '序号,重点任务,牵头单位\r\n1,"加快建设，新建基站。",省经信厅\r\n2,"推进""东数西算""，\r\n建设算力网络。",\r\n3,丙,"省商务厅"';
    assert.deepEqual(csvRows(text), [
      ['序号', '重点任务', '牵头单位'],
      ['1', '加快建设，新建基站。', '省经信厅'],
      ['2', '推进"东数西算"， 建设算力网络。', ''],
      ['3', '丙', '省商务厅'],
    ]);
  });

  it('takes the delimiter the header row uses: semicolons (some locales) or tabs as well as commas', () => {
    assert.deepEqual(csvRows('序号;重点任务;牵头单位\n1;甲，乙;省经信厅\n'), [
      ['序号', '重点任务', '牵头单位'],
      ['1', '甲，乙', '省经信厅'],
    ]);
    assert.deepEqual(csvRows('序号\t牵头单位\n1\t"省经信厅"\n'), [
      ['序号', '牵头单位'],
      ['1', '省经信厅'],
    ]);
  });

  it('reads as a table: one line per record, cells separated by tabs, the BOM dropped', () => {
    const bytes = Buffer.from('\ufeff序号,重点任务,牵头单位,配合单位\r\n1,"甲，乙。",,"省财政厅、省商务厅"\r\n', 'utf8');
    const { text, encoding } = readCsv(bytes);
    assert.equal(encoding, 'utf-8-bom');
    assert.equal(text, '序号\t重点任务\t牵头单位\t配合单位\n1\t甲，乙。\t\t省财政厅、省商务厅');
    const [task] = parsePlan(text).tasks;
    assert.deepEqual([task.lead.length, task.participants.map((m) => m.name)], [0, ['省财政厅', '省商务厅']]);
  });

  it('reads hostile records in time proportional to their length: a cell of quotes, a run of delimiters', () => {
    for (const make of [(n: number) => 'a"'.repeat(n / 2), (n: number) => ','.repeat(n), (n: number) => '"'.repeat(n)]) {
      const time = (n: number) => {
        const text = make(n);
        const t = process.cpuUsage();
        for (let k = 0; k < 3; k++) csvRows(text);
        const u = process.cpuUsage(t);
        return u.user + u.system;
      };
      // CPU time, not wall time, compared between sizes (no absolute time asserted); measured once
      // more before failing, as the parser's growth cases are (hostile/linear.test.ts).
      const ratio = () => {
        // Warmed at the small size, so the JIT has compiled what the small run times.
        time(50_000);
        return time(800_000) / Math.max(1, time(50_000));
      };
      let r = ratio();
      if (r >= 3 * 16) r = ratio();
      assert.ok(r < 3 * 16, `t(16n)/t(n) = ${r.toFixed(1)} (linear ≈ 16, quadratic ≈ 256)`);
    }
  });
});
