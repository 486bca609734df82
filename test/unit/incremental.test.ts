import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { analyse } from '../../server/src/analysis';
import { documentSymbols } from '../../server/src/features/symbols';
import { madeTaskCount, parsePlan, planColumns, PlanTask, TaskCache } from '../../server/src/model/parser';
import { checkPlan } from '../../server/src/rules';
import { LineIndex } from '../../server/src/model/text';
import type { Plan, Section, Subsection } from '../../server/src/model/types';
import { createDefaultRegistry } from '../../server/src/registry/defaults';
import { Registry } from '../../server/src/registry/registry';
import { mutate, mutation, samplePlans, TOKENS } from './hostile/arbitraries';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', '浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt'), 'utf8');
const registry = createDefaultRegistry();

/** Everything a feature may read from a plan, with offsets and ranges, as plain data. */
function snapshot(plan: Plan) {
  const at = (s: { start: number; end: number; range: unknown }) => [s.start, s.end, s.range];
  const heading = (h: Section | Subsection) => [h.kind, h.numeral, h.value, h.title, h.line, at(h.span), at(h.numeralSpan), at(h.extent), h.tasks.map((t) => t.index)];
  return {
    title: plan.title && [plan.title.text, at(plan.title.span)],
    convention: plan.convention && [plan.convention.phrase, at(plan.convention.span)],
    sections: plan.sections.map((s) => [...heading(s), s.subsections.map((ss) => plan.subsections.indexOf(ss))]),
    subsections: plan.subsections.map((s) => [...heading(s), s.section && plan.sections.indexOf(s.section)]),
    tasks: plan.tasks.map((t) => ({
      n: t.number,
      value: t.value,
      style: t.style,
      separator: t.separator,
      restarted: t.restarted,
      line: t.line,
      section: t.section && plan.sections.indexOf(t.section),
      subsection: t.subsection && plan.subsections.indexOf(t.subsection),
      number: at(t.numberSpan),
      span: at(t.span),
      body: at(t.bodySpan),
      clause: t.clause && { form: t.clause.form, line: t.clause.line, span: at(t.clause.span), anchor: at(t.clause.anchor), lead: t.clause.explicitLead, insertAt: t.clause.insertAt, persons: t.clause.persons },
      mentions: t.mentions.map((m) => [m.role, m.written, m.name, m.via, at(m.span)]),
      deadlines: t.deadlines.map((d) => [d.text, at(d.span)]),
    })),
    crossReferences: plan.crossReferences.map((r) => [r.value, at(r.span), at(r.numberSpan)]),
    brackets: plan.brackets.map((b) => [b.char, b.kind, at(b.span)]),
    restarts: plan.numberingRestarts,
  };
}

/**
 * Findings kept with unchanged tasks' readings are moved, never re-judged: they must land exactly
 * where a fresh analysis puts them, related places, task index and fix data included.
 */
function problemsOf(a: ReturnType<typeof analyse>) {
  return a.problems.map((p) => [p.code, p.severity, p.span.start, p.span.end, p.span.range, p.message, p.task, p.data, p.related?.map((r) => [r.span.range, r.message])]);
}

/** Analyses `text` with the cache and asserts it equals a fresh analysis: plan, line starts and problems. */
function sameAsFresh(text: string, cache: TaskCache, what?: string): void {
  const reused = analyse(text, registry, { taskCache: cache });
  const fresh = analyse(text, registry);
  assert.deepEqual(reused.plan.lines.lineStarts, fresh.plan.lines.lineStarts, what ?? 'line starts spliced from the last version');
  assert.deepEqual(snapshot(reused.plan), snapshot(fresh.plan), what);
  assert.deepEqual(problemsOf(reused), problemsOf(fresh), what);
}

/**
 * Random runs of keystrokes within lines (insertions, and deletions taking no line break away) in
 * the sample plans, each version analysed with the cache. `each`: every version is compared with a
 * fresh analysis; otherwise only the last, nothing having looked at the versions between.
 */
function typeRandomly(each: boolean): { moved: number; steps: number } {
  const plans = samplePlans();
  const piece = fc.constantFrom(...TOKENS.filter((t) => !/[\r\n]/.test(t)), '快', '省', '、', '牵头', '）', '（');
  const keystroke = fc.record({ at: fc.nat(), insert: fc.boolean(), text: piece, length: fc.integer({ min: 1, max: 3 }) });
  let moved = 0;
  let steps = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: plans.length - 1 }), fc.array(keystroke, { minLength: 1, maxLength: 15 }), (k, keys) => {
      const cache = new TaskCache();
      let text = plans[k];
      analyse(text, registry, { taskCache: cache });
      for (const key of keys) {
        let at = key.at % (text.length + 1);
        if (/[\udc00-\udfff]/.test(text[at] ?? '')) at--;
        let next: string;
        if (key.insert) next = text.slice(0, at) + key.text + text.slice(at);
        else {
          let end = Math.min(text.length, at + key.length);
          if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end++;
          if (/[\r\n]/.test(text.slice(at, end))) continue;
          next = text.slice(0, at) + text.slice(end);
        }
        text = next;
        if (each) sameAsFresh(text, cache);
        else analyse(text, registry, { taskCache: cache });
        steps++;
        if (cache.reshaped) moved++;
      }
      if (!each) sameAsFresh(text, cache);
    }),
    { numRuns: 60, seed: 20261127 },
  );
  return { moved, steps };
}

/** The outline of an analysis, as the client receives it. */
function outlineOf(a: ReturnType<typeof analyse>): string {
  return JSON.stringify(documentSymbols({ uri: 'untitled:test', plan: a.plan, problems: a.problems, registry, locale: 'zh-cn' }));
}

describe('incremental re-analysis', () => {
  const edits: [string, (s: string) => string][] = [
    ['a character typed in the middle of a task', (s) => s.replace('制订落实年度实施方案', '制订落实年度实施方案案')],
    ['a lead changed', (s) => s.replace('(省科技厅牵头,省财政厅、省知识产权局参加)', '(省财政厅牵头,省科技厅、省知识产权局参加)')],
    ['a line inserted above many tasks', (s) => s.replace('一、加强规划指导', '一、加强规划指导\n  说明：以下任务按季度推进。')],
    ['a closing bracket deleted', (s) => s.replace('(省教育厅负责)', '(省教育厅负责')],
    ['a task removed', (s) => s.replace(/\n {2}10\.[^\n]*/, '')],
    ['a clause naming only participants', (s) => s.replace('(省国资委负责)', '(省国资委、省财政厅参加)')],
    ['the first-listed convention declared', (s) => s.replace('发布人:kjhz', '列第一位者为牵头单位。发布人:kjhz')],
  ];

  it('gives exactly what a fresh analysis gives, edit after edit', () => {
    const cache = new TaskCache();
    let text = SEED;
    analyse(text, registry, { taskCache: cache });
    for (const [what, edit] of edits) {
      text = edit(text);
      sameAsFresh(text, cache, what);
    }
  });

  it('judges unchanged tasks again when the language, the severities or the registry change', () => {
    const cache = new TaskCache();
    const zh = analyse(SEED, registry, { taskCache: cache });
    const en = analyse(SEED, registry, { taskCache: cache, locale: 'en' });
    assert.deepEqual(en.problems.map((p) => p.message), analyse(SEED, registry, { locale: 'en' }).problems.map((p) => p.message));
    assert.notDeepEqual(en.problems.map((p) => p.message), zh.problems.map((p) => p.message));
    const off = analyse(SEED, registry, { taskCache: cache, locale: 'en', severities: { 'outdated-department': 'off' } });
    assert.ok(zh.problems.some((p) => p.code === 'outdated-department'));
    assert.ok(!off.problems.some((p) => p.code === 'outdated-department'));
    const empty = analyse(SEED, new Registry([]), { taskCache: cache });
    assert.ok(empty.problems.filter((p) => p.code === 'unknown-department').length > zh.problems.filter((p) => p.code === 'unknown-department').length);
  });

  /**
   * Random edit sequences (line breaks included) to the sample plans: `first` sees the plan as it
   * was, `then` each edited version, all analysed with one TaskCache.
   */
  function afterRandomEdits(seed: number, first: (text: string, cache: TaskCache) => void, then: (text: string, cache: TaskCache) => void): void {
    const plans = samplePlans();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: plans.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), (k, edits) => {
        const cache = new TaskCache();
        let text = plans[k];
        first(text, cache);
        for (const m of edits) {
          text = mutate(text, m);
          then(text, cache);
        }
      }),
      { numRuns: 40, seed },
    );
  }

  it('equals a fresh analysis after any sequence of random edits to real plans', () => {
    afterRandomEdits(20261126, (text, cache) => analyse(text, registry, { taskCache: cache }), sameAsFresh);
  });

  it('gives the outline a fresh analysis gives after any sequence of random edits, line breaks included', () => {
    // Every version's outline asked for, so entries kept from each are offered to the next.
    const outline = (text: string, cache?: TaskCache) => outlineOf(analyse(text, registry, { taskCache: cache }));
    afterRandomEdits(20261128, outline, (text, cache) => assert.equal(outline(text, cache), outline(text)));
  });

  it('makes the outline entry of the edited task again and keeps the others; all of them again, on their new lines, after a line added above', () => {
    const cache = new TaskCache();
    const doc = (a: ReturnType<typeof analyse>) => ({ uri: 'untitled:test', plan: a.plan, problems: a.problems, registry, locale: 'zh-cn' as const });
    const entries = (a: ReturnType<typeof analyse>) => {
      const out: ReturnType<typeof documentSymbols> = [];
      const walk = (xs: ReturnType<typeof documentSymbols>) => xs.forEach((x) => (x.children ? walk(x.children) : out.push(x)));
      walk(documentSymbols(doc(a)));
      return out;
    };
    const first = analyse(SEED, registry, { taskCache: cache });
    const before = entries(first);
    const at = first.plan.tasks[20].bodySpan.start + 2;
    const typed = SEED.slice(0, at) + '快' + SEED.slice(at);
    const after = entries(analyse(typed, registry, { taskCache: cache }));
    assert.equal(after.length, before.length);
    assert.deepEqual(
      after.map((_e, k) => k).filter((k) => after[k] !== before[k]),
      [20],
    );
    assert.notEqual(after[20].name, before[20].name);
    // A line above every task: same texts, other lines. The entries are made again, on their new lines.
    const lineAbove = '说明\n' + typed;
    const moved = entries(analyse(lineAbove, registry, { taskCache: cache }));
    assert.ok(moved.every((e, k) => e !== after[k] && e.range.start.line === after[k].range.start.line + 1));
  });

  /**
   * Types one character into each of 20 tasks of `big` (the `pick`-th task at step k), each version
   * analysed with the cache and `after` run on it, and asserts the heap grew by less than three
   * copies of the text: each version's text pinned (by a kept entry holding a task, a span or a
   * slice of the text) would add one copy per version.
   */
  function pinsNoVersion(big: string, pick: (k: number) => number, after: (a: ReturnType<typeof analyse>, task: number) => void): void {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const cache = new TaskCache();
    let a = analyse(big, registry, { taskCache: cache });
    after(a, -1);
    const start = heap();
    let text = big;
    for (let k = 0; k < 20; k++) {
      const at = a.plan.tasks[pick(k)].bodySpan.start + 1;
      text = text.slice(0, at) + String.fromCharCode(0x4e00 + k) + text.slice(at);
      a = analyse(text, registry, { taskCache: cache });
      assert.ok(cache.reshaped);
      after(a, pick(k));
    }
    const grown = heap() - start;
    assert.ok(grown < 3 * big.length * 2, `heap grew by ${(grown / 2 ** 20).toFixed(1)} MB over 20 edits of a ${(big.length / 1e6).toFixed(1)} M-character plan`);
  }

  it('keeps no earlier version\'s text alive through the outline entries it keeps', function () {
    this.timeout(20_000);
    // A plan of ~440,000 characters (~0.9 MB); each keystroke in another task, its outline made: that
    // task's entry is made from this version's text and kept with its reading while later keystrokes
    // go elsewhere. Twenty versions pinned would be ~17 MB; unpinned, a few entries and the last version.
    pinsNoVersion(
      Array.from({ length: 100 }, () => SEED).join('\n'),
      (k) => 10 + k * 7,
      (a) => outlineOf(a),
    );
  });

  it('keeps no earlier version\'s text alive through the rows of a table it reads again', function () {
    this.timeout(20_000);
    // ~4,000 rows (~330,000 characters): a reading kept with a slice of its version's text (a cell,
    // a heading) would keep that version alive.
    const header = ['序号', '重点任务', '**牵头单位（部门）：**', '配合单位', '完成时限'].join('\t');
    const row = (n: number) => [String(n), '加快推进数字基础设施建设，完善一体化算力网络。', '省经信厅', '省通信管理局、省发展改革委', '2025年底'].join('\t');
    pinsNoVersion(
      [header, ...Array.from({ length: 4000 }, (_, k) => row(k + 1))].join('\n'),
      (k) => 10 + k * 97,
      (a, task) => {
        if (task >= 0) assert.equal(a.plan.tasks[task].lead[0].via, '牵头单位');
      },
    );
  });

  it('reads again only the task an edit touched, whether the edit is above, inside or below the others', () => {
    const cache = new TaskCache();
    const before = analyse(SEED, registry, { taskCache: cache }).plan;
    const edited = before.tasks[20];
    const at = edited.bodySpan.start + 2;
    const after = analyse(SEED.slice(0, at) + '快' + SEED.slice(at), registry, { taskCache: cache }).plan;
    assert.equal(after.tasks.length, before.tasks.length);
    // A reading's id is new each time the task is read; a row kept from the last version keeps it.
    const readingOf = (t: unknown) => (t as PlanTask).reading.id;
    const same = after.tasks.filter((t, k) => readingOf(t) === readingOf(before.tasks[k])).map((t) => t.index);
    assert.deepEqual(same, before.tasks.map((t) => t.index).filter((k) => k !== 20));
    assert.ok(after.tasks[21].span.start === before.tasks[21].span.start + 1, 'tasks below moved by the inserted character');
  });

  it('keeps each version\'s readings as they were when the next version shares or copies their chunks of 1,024 tasks', () => {
    // 2,600 tasks of every clause form: three chunks of readings, the first grown from a small one as
    // the rows were written, the last one partly filled.
    const forms = ['（省科技厅牵头，省财政厅参加）', '（省财政厅负责，2025年底前完成）', '。\n牵头单位：省商务厅\n配合单位：省教育厅', '（张三、省教育厅参加）', '，长期坚持'];
    const lines = ['一、总体要求'];
    for (let k = 0; k < 2600; k++) lines.push(`${k + 1}.推进第${k + 1}项工作${forms[k % forms.length]}`);
    const text = lines.join('\n') + '\n';
    const cache = new TaskCache();
    const first = analyse(text, registry, { taskCache: cache });
    const firstSeen = snapshot(first.plan);
    const ids = (p: Plan) => p.tasks.map((t) => (t as PlanTask).reading.id);
    const firstIds = ids(first.plan);
    assert.equal(planColumns(first.plan).cols.readings.chunkAt(0).rows, 1024, 'the first chunk grew to a full one');
    // A keystroke in task 2,301 (the third chunk): that chunk is copied, the others are shared.
    const at = text.indexOf('推进第2301项') + 2;
    const typed = text.slice(0, at) + '快' + text.slice(at);
    sameAsFresh(typed, cache, 'a keystroke in the third chunk');
    assert.equal(cache.reshaped, true);
    const second = analyse(typed, registry, { taskCache: cache });
    assert.deepEqual(snapshot(first.plan), firstSeen, 'the first version reads as it did after the second was made');
    assert.deepEqual(
      ids(second.plan).flatMap((id, k) => (id === firstIds[k] ? [] : [k])),
      [2300],
      'only the edited task was read again',
    );
    // A line break in the first chunk (the full path): every other task's row copied from the last version.
    const broken = typed.replace('推进第1000项工作', '推进第1000项\n工作');
    const secondSeen = snapshot(second.plan);
    sameAsFresh(broken, cache, 'a line break in the first chunk');
    assert.equal(cache.reshaped, false);
    const third = analyse(broken, registry, { taskCache: cache });
    assert.deepEqual(snapshot(second.plan), secondSeen, 'the second version reads as it did after the third was made');
    assert.deepEqual(
      ids(third.plan).flatMap((id, k) => (id === ids(second.plan)[k] ? [] : [k])),
      [999],
    );
  });

  it('makes a short plan\'s readings a small chunk, and grows it as a task is added past its room', () => {
    const lines = ['一、总体要求'];
    for (let k = 0; k < 64; k++) lines.push(`${k + 1}.推进第${k + 1}项工作（省科技厅牵头，省财政厅参加）`);
    const text = lines.join('\n') + '\n';
    const cache = new TaskCache();
    const short = analyse(text, registry, { taskCache: cache });
    assert.equal(planColumns(short.plan).cols.readings.chunkAt(0).rows, 64);
    const shortSeen = snapshot(short.plan);
    // A 65th task: its row is past the chunk's room, which doubles; the last version keeps its chunk.
    const longer = text + '65.推进第65项工作（省商务厅牵头）\n';
    sameAsFresh(longer, cache, 'a task added past the first chunk\'s room');
    const grown = analyse(longer, registry, { taskCache: cache });
    assert.equal(planColumns(grown.plan).cols.readings.chunkAt(0).rows, 128);
    assert.deepEqual(grown.plan.tasks[64].mentions.map((m) => `${m.role}:${m.name}`), ['lead:省商务厅']);
    assert.deepEqual(grown.plan.tasks[63].mentions.map((m) => `${m.role}:${m.name}`), ['lead:省科技厅', 'participant:省财政厅']);
    assert.deepEqual(snapshot(short.plan), shortSeen, 'the short version reads as it did');
  });

  it('moves the last plan when a keystroke stays within one line, and builds anew when it changes the shape', () => {
    const cases: [string, (s: string) => string, boolean][] = [
      ['a character typed in a task', (s) => s.replace('制订落实年度实施方案', '制订落实年度实施方快案'), true],
      ['a character deleted in a task', (s) => s.replace('明确年度目标任务', '明确年度目标任'), true],
      ['a department renamed in a clause', (s) => s.replace('(省国资委负责)', '(省财政厅负责)'), true],
      ['a space typed after a number without separator', (s) => s.replace('  3 着力抓好', '  3  着力抓好'), true],
      // The missing-separator problem ends where the character goes: moved, it would swallow it.
      ['a character typed right after a number without separator', (s) => s.replace('  3 着力抓好', '  3快 着力抓好'), true],
      ['a line break typed', (s) => s.replace('制订落实年度实施方案', '制订落实\n年度实施方案'), false],
      // Outside every task nothing is read again: the heading is made again, everything else moved.
      ['a heading\'s title edited', (s) => s.replace('一、加强规划指导', '一、加强规划的指导'), true],
      ['a preamble line edited', (s) => s.replace('发布人:kjhz', '发布人:kjhzz'), true],
      ['a heading\'s number edited', (s) => s.replace('二、强化科技创新', '三、强化科技创新'), false],
      ['a task number edited', (s) => s.replace('  4.探索', '  14.探索'), false],
      ['a separator typed after a number', (s) => s.replace('  3 着力抓好', '  3.着力抓好'), false],
    ];
    // Closing the clause on a task's first line detaches the prose line after it: the task ends sooner.
    const open = '一、甲\n1.推进工作（省财政厅负责\n补充说明文字。\n2.另一项工作（省科技厅负责）\n';
    cases.push(['a clause closed, so the next line no longer belongs to the task', () => open.replace('负责\n补充', '负责）\n补充'), false]);
    for (const [what, edit, reshaped] of cases) {
      const cache = new TaskCache();
      const first = what.startsWith('a clause closed') ? open : SEED;
      analyse(first, registry, { taskCache: cache });
      const text = edit(first);
      assert.notEqual(text, first, what);
      sameAsFresh(text, cache, what);
      assert.equal(cache.reshaped, reshaped, what);
    }
  });

  it('makes no task on a keystroke within a line but the edited one, version after version, and the tasks made later are a fresh parse\'s', () => {
    const cache = new TaskCache();
    let text = SEED;
    const first = analyse(text, registry, { taskCache: cache }).plan;
    const at = (k: number) => first.tasks[k].bodySpan.start + 2;
    // Three keystrokes in three tasks, then one in a heading's title, nothing asking for the tasks meanwhile.
    for (const p of [at(30), at(20), at(10)]) {
      text = text.slice(0, p) + '快' + text.slice(p);
      const { plan } = analyse(text, registry, { taskCache: cache });
      assert.ok(cache.reshaped, 'the keystroke moved the last plan');
      assert.equal(madeTaskCount(plan), 1, 'only the edited task is made (the rules judge it)');
    }
    const heading = text.indexOf('二、强化科技创新') + 3;
    text = text.slice(0, heading) + '快' + text.slice(heading);
    const last = analyse(text, registry, { taskCache: cache });
    assert.ok(cache.reshaped);
    assert.equal(madeTaskCount(last.plan), 0, 'a heading edited: no task read again, none made');
    const fresh = analyse(text, registry);
    // Headings hand out their task lists: asking for them makes the tasks first.
    assert.deepEqual(last.plan.sections.map((s) => s.tasks.map((t) => t.index)), fresh.plan.sections.map((s) => s.tasks.map((t) => t.index)));
    assert.equal(madeTaskCount(last.plan), fresh.plan.tasks.length);
    assert.deepEqual(snapshot(last.plan), snapshot(fresh.plan));
    assert.deepEqual(problemsOf(last), problemsOf(fresh));
  });

  it('checks a freshly parsed plan from its task columns, making no task, and finds what it finds with the tasks made', () => {
    // A gap, a duplicate number, a missing separator and sections out of order: the plan rules' work.
    const text = '一、总体要求\n1.加强规划指导。（省科技厅牵头）\n3.推进重大项目。（省财政厅牵头）\n3.强化财税政策。（省财政厅牵头）\n三、保障措施\n1、完善机制。（省科技厅牵头）\n2 加大投入。（省财政厅牵头）\n';
    const columns = analyse(text, registry);
    assert.equal(madeTaskCount(columns.plan), 0, 'the rules made no task');
    const made = parsePlan(text);
    assert.equal(made.tasks.length, 5);
    const withTasks = { plan: made, problems: checkPlan(made, registry) };
    assert.deepEqual(problemsOf(columns), problemsOf(withTasks));
    assert.deepEqual(
      columns.problems.map((p) => [p.code, text.slice(p.span.start, p.span.end), p.related?.map((r) => text.slice(r.span.start, r.span.end))]),
      [
        ['numbering-gap', '3', undefined],
        ['duplicate-number', '3', ['3']],
        ['section-order', '三', undefined],
        ['missing-separator', '2', undefined],
      ],
    );
    assert.equal(columns.problems[1].related?.[0].span.start, text.indexOf('3.推进'));
  });

  it('reads cross-references again on the edited line only, and moves the others, as a fresh parse finds them', () => {
    const plan = '一、甲\n1. 推进工作，与第2项衔接（省财政厅负责）\n2. 落实第1项和第 3 条任务（省科技厅负责）\n3. 另见《规划》第4项（省教育厅负责）\n4. 收尾工作（省商务厅负责）\n';
    const edits: [string, (s: string) => string][] = [
      ['a character typed before a reference on its line', (s) => s.replace('落实第1项', '落实快第1项')],
      ['a reference\'s number changed', (s) => s.replace('第1项和', '第31项和')],
      ['a reference broken', (s) => s.replace('第 3 条任务', '第 3 任务')],
      ['a reference made', (s) => s.replace('收尾工作', '收尾第2项工作')],
      ['a 》 typed before a reference', (s) => s.replace('与第2项', '与》第2项')],
      ['a line without references edited, between lines with them', (s) => s.replace('一、甲', '一、甲乙')],
    ];
    for (const [what, edit] of edits) {
      const cache = new TaskCache();
      analyse(plan, registry, { taskCache: cache });
      sameAsFresh(edit(plan), cache, what);
      assert.ok(cache.reshaped, what);
    }
  });

  it('finds the first-listed declaration completed by a keystroke, its 第一 made of a character typed next to one already there', () => {
    const plan = '各项任务中列第位的为牵头单位。\n一、甲\n1. 推进工作（省财政厅、省科技厅）\n';
    for (const [what, edit] of [
      ['一 typed after 第', (s: string) => s.replace('列第位', '列第一位')],
      ['第 typed before 一', (s: string) => s.replace('列第位', '列一位').replace('列一位', '列第一位')],
    ] as const) {
      const cache = new TaskCache();
      const start = what.startsWith('第') ? plan.replace('列第位', '列一位') : plan;
      analyse(start, registry, { taskCache: cache });
      const next = edit(plan);
      const a = analyse(next, registry, { taskCache: cache });
      assert.ok(a.plan.convention, what);
      assert.deepEqual(problemsOf(a), problemsOf(analyse(next, registry)), what);
    }
  });

  it('keeps the task it made alone when it makes the others', () => {
    const cache = new TaskCache();
    const first = analyse(SEED, registry, { taskCache: cache }).plan;
    const p = first.tasks[12].bodySpan.start + 1;
    const { plan } = analyse(SEED.slice(0, p) + '快' + SEED.slice(p), registry, { taskCache: cache });
    assert.equal(madeTaskCount(plan), 1);
    const subsection = plan.tasks[12].subsection ?? plan.tasks[12].section;
    assert.ok(subsection?.tasks.includes(plan.tasks[12]), 'the task made alone is the one its heading lists');
    assert.equal(plan.tasks.filter((t) => t.index === 12).length, 1);
  });

  it('equals a fresh analysis after runs of keystrokes whose versions nobody looked at', () => {
    // Only the problems are read, as the server does on a keystroke: plans moved from plans whose tasks were never made.
    typeRandomly(false);
  });

  it('equals a fresh analysis after any run of keystrokes within lines, most of them moving the last plan', () => {
    const { moved, steps } = typeRandomly(true);
    // Keystrokes land mostly inside tasks' words: the quick path must be the one these tested.
    assert.ok(moved > steps / 2, `${moved} of ${steps} keystrokes moved the last plan`);
  });

  it('splices line starts exactly, whatever mix of \\n, \\r\\n and \\r the edit touches', () => {
    const chunk = fc.array(fc.constantFrom('a', '省', '\n', '\r', '\r\n', '\n\r', '𠀋'), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(chunk, chunk, chunk, chunk, (before, removed, inserted, after) => {
        const cache = new TaskCache();
        const first = before + removed + after;
        const second = before + inserted + after;
        parsePlan(first, { taskCache: cache });
        assert.deepEqual(parsePlan(second, { taskCache: cache }).lines.lineStarts, new LineIndex(second).lineStarts, JSON.stringify([first, second]));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});
