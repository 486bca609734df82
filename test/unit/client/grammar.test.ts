import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => {
      const file = path.join(root, 'syntaxes/fengong.tmLanguage.json');
      return parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
  const loaded = await registry.loadGrammar('text.fengong');
  assert.ok(loaded, 'grammar loads');
  grammar = loaded;
});

/** The scopes of the first token covering `needle` on the last line of `text`. */
function scopesAt(text: string, needle: string): string[] {
  let state: StateStack = INITIAL;
  const lines = text.split('\n');
  let tokens: ReturnType<IGrammar['tokenizeLine']>['tokens'] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    tokens = r.tokens;
  }
  const last = lines[lines.length - 1]!;
  const at = last.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the line`);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  assert.ok(token, `a token covers "${needle}"`);
  return token.scopes;
}

function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s.startsWith(prefix));
}

describe('TextMate grammar', () => {
  it('marks a section heading numeral and title', () => {
    assert.ok(hasScope(scopesAt('一、加强规划指导', '一'), 'constant.numeric.section'));
    assert.ok(hasScope(scopesAt('一、加强规划指导', '加强'), 'entity.name.section'));
  });

  it('marks the column headings of a table\'s header row, tab-separated or in Markdown, and no cell of a row', () => {
    assert.ok(hasScope(scopesAt('序号\t重点任务\t牵头单位\t配合单位\t完成时限', '牵头单位'), 'keyword.other.label'));
    assert.ok(hasScope(scopesAt('序号\t重点任务\t责任单位（部门）\t时间安排', '时间安排'), 'keyword.other.label'));
    assert.ok(hasScope(scopesAt('| 序号 | 重点任务 | **配合单位** |', '配合单位'), 'keyword.other.label'));
    assert.ok(!hasScope(scopesAt('序号\t重点任务\t牵头单位\t配合单位', '重点任务'), 'keyword.other.label'));
    assert.ok(!hasScope(scopesAt('1\t推进牵头单位建设\t省科技厅', '牵头单位'), 'keyword.other.label'));
  });

  it('marks a sub-section with full-width brackets', () => {
    assert.ok(hasScope(scopesAt('（三）优化发展环境', '三'), 'constant.numeric.subsection'));
    assert.ok(hasScope(scopesAt('（三）优化发展环境', '优化'), 'entity.name.subsection'));
  });

  it('marks task numbers with and without a separator', () => {
    assert.ok(hasScope(scopesAt('  12.围绕战略性新兴产业', '12'), 'constant.numeric.task'));
    assert.ok(hasScope(scopesAt('  3 着力抓好电动汽车', '3'), 'constant.numeric.task'));
    assert.ok(hasScope(scopesAt('（4）完善知识产权保护', '4'), 'constant.numeric.task'));
    assert.ok(hasScope(scopesAt('１２．推进试点', '１２'), 'constant.numeric.task'));
    assert.ok(hasScope(scopesAt('（４）完善知识产权保护', '４'), 'constant.numeric.task'));
  });

  it('tells lead departments from participants inside a clause', () => {
    const line = '7 加大科技投入。(省科技厅牵头,省财政厅和各设区市政府参加)';
    assert.ok(hasScope(scopesAt(line, '省科技厅'), 'entity.name.department.lead'));
    assert.ok(hasScope(scopesAt(line, '牵头'), 'keyword.other.lead'));
    assert.ok(hasScope(scopesAt(line, '省财政厅'), 'entity.name.department.participant'));
    assert.ok(hasScope(scopesAt(line, '各设区市政府'), 'entity.name.department.participant'));
    assert.ok(hasScope(scopesAt(line, '参加'), 'keyword.other.participant'));
  });

  it('reads full-width clauses with 负责 as the lead', () => {
    const line = '2.建立工作台账。（省发展改革委负责）';
    assert.ok(hasScope(scopesAt(line, '省发展改革委'), 'entity.name.department.lead'));
  });

  it('marks labels and their departments on their own line', () => {
    const line = '牵头单位：区发改局、区财政局';
    assert.ok(hasScope(scopesAt(line, '牵头单位'), 'keyword.other.label'));
    assert.ok(hasScope(scopesAt(line, '区财政局'), 'entity.name.department'));
  });

  it('marks 分别牵头 as the lead verb and 主要责任单位 as a label, whole', () => {
    const line = '2.推进试点。（省科技厅、省财政厅分别牵头，省商务厅参加）';
    assert.ok(hasScope(scopesAt(line, '分别牵头'), 'keyword.other.lead'));
    assert.ok(!hasScope(scopesAt(line, '分别牵头'), 'entity.name.department'));
    assert.ok(hasScope(scopesAt('主要责任单位：区财政局', '主要责任单位'), 'keyword.other.label'));
  });

  it('marks deadlines', () => {
    assert.ok(hasScope(scopesAt('3.加大研发投入。（省科技厅牵头；2025年底前完成）', '2025'), 'constant.other.deadline'));
  });

  it('marks Markdown headings', () => {
    assert.ok(hasScope(scopesAt('## 二、主要任务', '主要'), 'markup.heading'));
  });

  it('leaves a bracket without a responsibility verb alone', () => {
    const scopes = scopesAt('5.在经济开发区(工业园区)建设基地', '工业园区');
    assert.ok(!hasScope(scopes, 'meta.clause'), scopes.join(' '));
  });
});
