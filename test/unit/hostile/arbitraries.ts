/**
 * Hostile text for property tests: what arrives pasted from web pages, Word and PDFs. Shared by the
 * unit properties and the on-demand fuzzer (scripts/fuzz), which runs the same generators longer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const ROOT = join(__dirname, '..', '..', '..');

/** Pieces plans are made of, and the debris that gets pasted between them. */
export const TOKENS: readonly string[] = [
  // structure
  '一、', '十二、', '（一）', '(二)', '1.', '2、', '3．', '12 ', '（1）', '(3)', '0.', '99999.', '## ', '> ', '- ', '**',
  // clause vocabulary
  '牵头', '负责', '参加', '配合', '会同', '按职责分工负责', '牵头单位：', '责任单位:', '配合单位：', '完成时限：', '牵头领导：',
  '省科技厅', '省财政厅', '省知识产权局', '市经信委', '各设区市政府', '杭州市', '宁波市政府', '等部门', '和', '及', '以及',
  '2013年6月底前完成', '长期坚持', '列第一位的为牵头单位', '第12项', '第 3 条任务',
  // wordings and numbers read since they were found in real plans
  '１２．', '（３）', '第１２项', '（牵头）', '(配合)', '主要责任单位：', '**牵头单位**：', '分别牵头', '为牵头单位', '为配合单位', '（2025年底前）', '落实',
  // tables: header cells and a row's tab-separated cells
  '序号\t重点任务\t牵头单位\t配合单位\t完成时限', '\t牵头单位', '\t责任单位（部门）', '\t省科技厅\t', '\t\t',
  '| 序号 | 重点任务 | 牵头单位 | 配合单位 |', '| 1 | 推进 | ', ' | 省科技厅 |', '|',
  // punctuation and brackets of every kind
  '（', '）', '(', ')', '[', ']', '【', '】', '〔', '〕', '《', '》', '“', '”', '「', '」', '、', '，', ',', '；', ';', '：', ':', '。', '．', '.', '！',
  // spaces, breaks, marks
  ' ', '\t', '\u3000', '\u00a0', '\n', '\r\n', '\r', '\ufeff', '\u200b', '\u202e',
  // astral and odd characters
  '𠀋', '𠮷', '😀', '\u0000', '\u0007', '\ufffd', '<script>alert(1)</script>', '[x](command:fengong.server.renumber)', '&amp;', '`',
  // ordinary text
  '推进', '产业', '发展', '年', '月', '个', '%', '0', '7', '2024',
];

const token = fc.constantFrom(...TOKENS);
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const astral = fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c));
/** Any full code point (never a lone surrogate: editors never hold one). */
const anyChar = fc.oneof(
  fc.integer({ min: 0, max: 0xd7ff }),
  fc.integer({ min: 0xe000, max: 0x10ffff }),
).map((c) => String.fromCodePoint(c));

/** Text built from plan tokens, CJK, astral characters and any code point, with every line-break style. */
export function hostileText(maxLength = 120): fc.Arbitrary<string> {
  const piece = fc.oneof({ weight: 6, arbitrary: token }, { weight: 2, arbitrary: cjk }, { weight: 1, arbitrary: astral }, { weight: 1, arbitrary: anyChar });
  return fc.array(piece, { maxLength }).map((parts) => parts.join(''));
}

/** Every corpus plan (the seed plan among them, as 00-seed: counted once, not twice). */
export function samplePlans(): string[] {
  const dir = join(ROOT, 'test', 'fixtures', 'corpus');
  return readdirSync(dir)
    .sort()
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Moves an offset off the middle of a surrogate pair, so a mutation never creates a lone surrogate. */
function clean(text: string, at: number): number {
  const o = Math.max(0, Math.min(at, text.length));
  const c = text.charCodeAt(o);
  return c >= 0xdc00 && c <= 0xdfff && o > 0 ? o - 1 : o;
}

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'breaks'; style: '\n' | '\r\n' | '\r' }
  | { kind: 'bom' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText(6) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('breaks' as const), style: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
);

export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const at = clean(text, m.at % (text.length + 1));
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete':
    case 'duplicate': {
      const at = clean(text, m.at % (text.length + 1));
      const end = clean(text, at + m.length);
      return m.kind === 'delete' ? text.slice(0, at) + text.slice(end) : text.slice(0, end) + text.slice(at);
    }
    case 'breaks':
      return text.replace(/\r\n|\r|\n/g, m.style);
    case 'bom':
      return text.startsWith('\ufeff') ? text.slice(1) : '\ufeff' + text;
  }
}

/** A sample plan with a few random mutations: damaged real documents, not random noise. */
export function mutatedPlan(maxMutations = 8): fc.Arbitrary<string> {
  const plans = samplePlans();
  return fc
    .tuple(fc.integer({ min: 0, max: plans.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: maxMutations }))
    .map(([k, ms]) => ms.reduce(mutate, plans[k]));
}

/** One excerpt of a sample plan (a few lines), mutated: small, so many runs stay fast. */
export function mutatedExcerpt(): fc.Arbitrary<string> {
  const plans = samplePlans();
  return fc
    .tuple(fc.integer({ min: 0, max: plans.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 12 }), fc.array(mutation, { maxLength: 4 }))
    .map(([k, from, count, ms]) => {
      const lines = plans[k].split('\n');
      const start = from % lines.length;
      return ms.reduce(mutate, lines.slice(start, start + count).join('\n'));
    });
}
