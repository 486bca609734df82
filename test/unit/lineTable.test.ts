import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis';
import { FLAG_INDENTED, KIND_PROSE, KIND_TASK, LineTable } from '../../server/src/model/lineTable';
import { parsePlan, TaskCache } from '../../server/src/model/parser';
import { createDefaultRegistry } from '../../server/src/registry/defaults';

describe('line table', () => {
  function table(): LineTable {
    const t = new LineTable(3);
    for (let row = 0; row < 3; row++) t.setRow(row, row === 1 ? FLAG_INDENTED : 0, 2, 10 + row);
    t.kinds[2] = KIND_TASK;
    t.values[2] = 7;
    return t;
  }

  it('replaces one row sharing every column the row does not change, and changes neither table', () => {
    const before = table();
    const edited = new LineTable(1);
    // The same line, one character longer: only its end differs.
    edited.copyRow(before, 2, 0);
    edited.contentEnds[0] = 13;
    const after = before.withRow(2, edited, 0);
    assert.equal(after.contentEnds[2], 13);
    assert.equal(before.contentEnds[2], 12, 'the last version\'s table is unchanged');
    assert.notEqual(after.contentEnds, before.contentEnds, 'the changed column is a copy');
    for (const column of ['kinds', 'flags', 'contentStarts', 'numeralStarts', 'numeralEnds', 'values', 'bodyStarts', 'separators', 'labels'] as const) {
      assert.equal(after[column], before[column], `${column} shared`);
    }
    assert.deepEqual([...after.contentEnds], [10, 11, 13]);
  });

  it('copies and resets rows field by field', () => {
    const source = table();
    const t = new LineTable(2);
    t.copyRow(source, 2, 1);
    assert.deepEqual([t.kinds[1], t.values[1], t.contentEnds[1]], [KIND_TASK, 7, 12]);
    t.setRow(1, 0, 0, 5);
    assert.deepEqual([t.kinds[1], t.values[1], t.contentEnds[1], t.flags[1]], [0, 0, 5, 0]);
    t.kinds[1] = KIND_PROSE;
    assert.ok(source.has(1, FLAG_INDENTED) && !t.has(1, FLAG_INDENTED));
  });

  it('after a keystroke within a line, reads the same plan from the spliced table as a fresh parse of every line', () => {
    const registry = createDefaultRegistry();
    const text = '一、总体要求\n1. 推进工作（省财政厅负责）\n  （1）细化措施\n牵头单位：省科技厅\n二、保障\n2、另一项（省教育厅牵头，省财政厅参加）\n';
    const cache = new TaskCache();
    analyse(text, registry, { taskCache: cache });
    const at = text.indexOf('另一项') + 2;
    const next = text.slice(0, at) + '快' + text.slice(at);
    const moved = analyse(next, registry, { taskCache: cache }).plan;
    assert.ok(cache.reshaped);
    const fresh = parsePlan(next);
    const rows = (p: typeof fresh) => p.tasks.map((t) => [t.number, t.value, t.style, t.separator, t.line, t.numberSpan.start, t.bodySpan.start, t.span.end]);
    assert.deepEqual(rows(moved), rows(fresh));
    assert.deepEqual(moved.sections.map((s) => [s.numeral, s.value, s.title, s.extent.end]), fresh.sections.map((s) => [s.numeral, s.value, s.title, s.extent.end]));
  });
});
