import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/analysis';
import { parsePlan } from '../../server/src/model/parser';
import { isWhite, LineIndex, type Range } from '../../server/src/model/text';
import { namesRegistry } from '../helpers/corpus';

/** The text a range covers, cut by an independent implementation of LSP positions. */
function cut(text: string, range: Range): string {
  const doc = TextDocument.create('file:///t.fgfa', 'fengong', 1, text);
  return doc.getText(range);
}

describe('positions are LSP positions (UTF-16 code units, 0-based)', () => {
  it('maps a department name after Chinese text and full-width punctuation', () => {
    const text = '一、总体要求\n  1.加强规划指导，明确任务。（省科技厅牵头，省财政厅参加）\n';
    const t = parsePlan(text).tasks[0];
    assert.deepEqual(t.lead[0].span.range, { start: { line: 1, character: 17 }, end: { line: 1, character: 21 } });
    assert.equal(cut(text, t.lead[0].span.range), '省科技厅');
    assert.equal(cut(text, t.participants[0].span.range), '省财政厅');
  });

  it('counts an astral character in a department name as two code units', () => {
    const text = '1.扶持𠀋村发展。（𠀋村管委会牵头，省财政厅参加）';
    const t = parsePlan(text).tasks[0];
    assert.equal(t.lead[0].name, '𠀋村管委会');
    assert.deepEqual(t.lead[0].span.range.start, { line: 0, character: 11 });
    assert.deepEqual(t.lead[0].span.range.end, { line: 0, character: 17 });
    assert.equal(cut(text, t.participants[0].span.range), '省财政厅');
    assert.deepEqual(t.participants[0].span.range.start, { line: 0, character: 20 });
  });

  it('keeps CRLF out of columns and counts lines across CRLF, LF and CR', () => {
    const text = '一、甲\r\n1.任务。\r\n\r\n牵头单位：区发改局\r\n责任单位：各街道\r2.任务。（区财政局负责）\n';
    const plan = parsePlan(text);
    assert.deepEqual(plan.tasks.map((t) => t.line), [1, 5]);
    const lead = plan.tasks[0].lead[0];
    assert.deepEqual(lead.span.range, { start: { line: 3, character: 5 }, end: { line: 3, character: 9 } });
    assert.equal(cut(text, lead.span.range), '区发改局');
    assert.equal(cut(text, plan.tasks[1].lead[0].span.range), '区财政局');
  });

  it('treats a BOM as the first code unit of line 0, as an editor that keeps it would', () => {
    const text = '\ufeff1.任务。（省财政厅负责）';
    const t = parsePlan(text).tasks[0];
    assert.deepEqual(t.numberSpan.range.start, { line: 0, character: 1 });
    assert.equal(cut(text, t.lead[0].span.range), '省财政厅');
  });

  it('points diagnostics at the exact characters of a misspelt name', () => {
    const text = '一、甲\r\n10.推动物联网应用。(省经心委牵头，省安监局参加)\r\n';
    const { problems } = analyse(text, namesRegistry('省经信委', '省安监局'));
    const p = problems.find((x) => x.code === 'unknown-department');
    assert.ok(p);
    assert.equal(cut(text, p.span.range), '省经心委');
    assert.deepEqual(p.span.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 16 } });
  });

  it('gives every span offsets that agree with its range', () => {
    const text = '\ufeff一、甲\r\n1.𠀋任务，（省商务厅、财政厅牵头，杭州市、宁波市政府参加）\r\n2 乙（2024年底前完成）\n（3）丙\n';
    const plan = parsePlan(text);
    const spans = plan.tasks.flatMap((t) => [t.span, t.numberSpan, t.bodySpan, ...t.mentions.map((m) => m.span), ...t.deadlines.map((d) => d.span)]);
    for (const s of spans) {
      assert.deepEqual(plan.lines.positionAt(s.start), s.range.start);
      assert.deepEqual(plan.lines.positionAt(s.end), s.range.end);
      assert.equal(plan.lines.offsetAt(s.range.start), s.start);
    }
  });
});

describe('white space', () => {
  it('is exactly what /\\s/ matches, for every UTF-16 code unit, and nothing past the end of a text', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhite(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    assert.deepEqual(differ, []);
    assert.equal(isWhite('a'.charCodeAt(5)), false);
  });

  it('finds every line start as the editor does, in short and very long texts, one after another', () => {
    // An independent reading: a line starts after each \r\n, \n or \r (TextDocument's own rule).
    const reference = (text: string) => {
      const doc = TextDocument.create('file:///t.fgfa', 'fengong', 1, text);
      return Array.from({ length: doc.lineCount }, (_, line) => doc.offsetAt({ line, character: 0 }));
    };
    const texts = [
      '',
      '一行',
      '甲\n乙\r\n丙\r丁\n\n',
      '\r\n\r\r\n\n',
      // More lines than the scan's scratch first holds, with and without \r; then more than it keeps
      // room for between scans (it is let go after), and a short text again after both.
      '任务。\n'.repeat(10_000),
      '任务。\r\n'.repeat(5_000) + '末行\r',
      '\n'.repeat(1_200_000),
      '1.任务。\n2.任务。',
    ];
    // All scanned before any is compared: a scan must not change what an earlier one gave.
    const indexes = texts.map((text) => new LineIndex(text));
    texts.forEach((text, k) => assert.deepEqual(Array.from(indexes[k].lineStarts), reference(text), JSON.stringify(text.slice(0, 20))));
  });
});
