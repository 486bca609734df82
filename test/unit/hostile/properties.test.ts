import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { analyse } from '../../../server/src/analysis';
import { codeActions } from '../../../server/src/features/codeActions';
import { toDiagnostics } from '../../../server/src/features/diagnostics';
import { applyEdits, renumberEdits, targetNumbers } from '../../../server/src/model/renumber';
import { parsePlan } from '../../../server/src/model/parser';
import { LineIndex } from '../../../server/src/model/text';
import { createDefaultRegistry } from '../../../server/src/registry/defaults';
import { hostileText, mutatedExcerpt, mutatedPlan } from './arbitraries';
import { fingerprint, spanViolations } from './invariants';
import { stats, summaryLine, tried } from './stats';

const registry = createDefaultRegistry();
const URI = 'file:///plan.txt';
/**
 * The same inputs on every run, so a red suite is the change's and not the draw's; exploring new
 * inputs is scripts/fuzz's work (or set FENGONG_PROPERTY_SEED, and the failure names its seed).
 */
const SEED = Number(process.env.FENGONG_PROPERTY_SEED ?? 20261127);

/** Hostile text, damaged excerpts of real plans, and damaged whole plans, in one stream. */
const anyInput = fc.oneof({ weight: 4, arbitrary: hostileText() }, { weight: 4, arbitrary: mutatedExcerpt() }, { weight: 1, arbitrary: mutatedPlan() });

function analysed(text: string, what: string) {
  return tried(what, text, () => analyse(text, registry, { locale: 'zh-cn' }));
}

function isLowSurrogateAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const p = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
}

/** The edits of a workspace edit as offsets, checked to be one document, in range, whole characters and disjoint. */
function offsetsOf(text: string, edit: WorkspaceEdit): { start: number; end: number; newText: string }[] {
  const uris = Object.keys(edit.changes ?? {});
  assert.deepEqual(uris, [URI], 'an action edits exactly the plan, in one WorkspaceEdit');
  const lines = new LineIndex(text);
  const edits = (edit.changes?.[URI] ?? []).map((e: LspTextEdit) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, range: e.range }));
  for (const e of edits) {
    assert.ok(e.start <= e.end, `edit ${JSON.stringify(e.range)} is reversed`);
    assert.deepEqual(lines.positionAt(e.start), e.range.start, `edit start ${JSON.stringify(e.range.start)} is not a real position`);
    assert.deepEqual(lines.positionAt(e.end), e.range.end, `edit end ${JSON.stringify(e.range.end)} is not a real position`);
    assert.ok(!isLowSurrogateAt(text, e.start) && !isLowSurrogateAt(text, e.end), 'edit splits a surrogate pair');
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) assert.ok(sorted[k - 1].end <= sorted[k].start, 'edits overlap');
  return edits;
}

describe('hostile input: parser properties', () => {
  after(() => {
    // The figures for the closing note.
    console.log(`      ${summaryLine('property suite')}`);
  });

  it('never throws, and every range lies inside the text on whole characters with offsets and positions agreeing', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const { plan, problems } = analysed(text, 'analyse');
        assert.equal(plan.text, text);
        assert.deepEqual(spanViolations(plan, problems), []);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('holds the same for every line-break style and with or without a byte-order mark', () => {
    fc.assert(
      fc.property(mutatedExcerpt(), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (text, eol, bom) => {
        const t = (bom ? '\ufeff' : '') + text.replace(/\r\n|\r|\n/g, eol);
        const { plan, problems } = analysed(t, 'analyse (line breaks)');
        assert.deepEqual(spanViolations(plan, problems), []);
        // A task's words do not depend on the line-break style.
        const bodies = (p: typeof plan) => p.tasks.map((k) => p.text.slice(k.bodySpan.start, k.bodySpan.end));
        assert.deepEqual(bodies(plan), bodies(parsePlan(text.replace(/\r\n|\r|\n/g, '\n'))).map((b) => b.replace(/\n/g, eol)));
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('is deterministic: the same text always gives the same plan and problems', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const a = analysed(text, 'analyse');
        const b = analyse(text, registry, { locale: 'zh-cn' });
        assert.equal(fingerprint(a.plan, a.problems), fingerprint(b.plan, b.problems));
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('every offered quick fix is one valid edit whose result still parses with sound ranges', () => {
    let fixes = 0;
    fc.assert(
      fc.property(fc.oneof(mutatedExcerpt(), mutatedPlan(3)), fc.nat(), (text, pick) => {
        const { plan, problems } = analysed(text, 'analyse (quick fixes)');
        const doc = { uri: URI, plan, problems, registry, locale: 'zh-cn' as const };
        const actions = codeActions(doc, toDiagnostics(URI, problems));
        // A few actions per input, chosen by the generator, keep the run short on plans with dozens of fixes.
        const chosen = actions.length <= 3 ? actions : [0, 1, 2].map((k) => actions[(pick + k * 7919) % actions.length]);
        for (const action of chosen) {
          assert.ok(action.edit, `action "${action.title}" carries its edit`);
          const fixed = applyEdits(text, offsetsOf(text, action.edit));
          const after = analysed(fixed, `quick fix "${action.title}"`);
          assert.deepEqual(spanViolations(after.plan, after.problems), [], `after "${action.title}"`);
          fixes++;
        }
      }),
      { numRuns: 120, seed: SEED },
    );
    // The property means nothing if no fix was ever offered.
    assert.ok(fixes > 50, `only ${fixes} quick fixes were tried`);
  });

  it('renumbering rewrites only digits, keeps every task and its words, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedExcerpt(), mutatedPlan(4)), (text) => {
        const plan = tried('parse (renumber)', text, () => parsePlan(text));
        const edits = renumberEdits(plan);
        for (const e of edits) {
          assert.match(text.slice(e.start, e.end), /^(?:\d+|[０-９]+)$/, 'only numbers are replaced');
          assert.match(e.newText, /^(?:\d+|[０-９]+)$/, 'only by numbers');
        }
        const renumbered = parsePlan(applyEdits(text, edits));
        assert.equal(renumbered.tasks.length, plan.tasks.length);
        const bodies = (p: typeof plan) => p.tasks.map((k) => p.text.slice(k.bodySpan.start, k.bodySpan.end).replace(/第\s*(?:\d+|[０-９]+)\s*[项条]/g, '第#项'));
        assert.deepEqual(bodies(renumbered), bodies(plan));
        assert.deepEqual(renumbered.tasks.map((k) => k.value), targetNumbers(plan));
        assert.deepEqual(renumberEdits(renumbered), [], 'a renumbered plan needs no more renumbering');
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('counted every input it tried and saw no crash', () => {
    assert.ok(stats.inputs > 1000, `${stats.inputs} inputs`);
    assert.equal(stats.crashes, 0);
  });
});
