import { strict as assert } from 'node:assert';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  CodeLensRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/analysis';
import { documentSymbols } from '../../server/src/features/symbols';
import { parsePlan } from '../../server/src/model/parser';
import { createDefaultRegistry } from '../../server/src/registry/defaults';
import { Commands, MatrixRequest, StatusRequest, TasksRequest } from '../../server/src/protocol';
import { fileUri, SEED_PATH, seedText, TestClient } from './client';
import { posOf, taskNumbers } from './helpers';

const seed = seedText();
const seedUri = fileUri(SEED_PATH);

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

describe('language server over stdio: the seed plan', function () {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
    await c.open(seedUri, seed);
    await c.waitForDiagnostics(seedUri, 1);
  });
  after(async () => c?.stop());

  it('publishes the seed diagnostics with rule codes: 12 missing-separator and the outdated names', () => {
    const diags = c.diagnostics.get(seedUri)!.diagnostics;
    assert.equal(diags.filter((d) => d.code === 'missing-separator').length, 12);
    const outdated = diags.filter((d) => d.code === 'outdated-department');
    assert.ok(outdated.length > 20, `only ${outdated.length} outdated-department`);
    assert.ok(outdated.some((d) => d.message.includes('省经信厅')));
    assert.ok(diags.every((d) => d.source === 'fengong'));
    const sep = diags.find((d) => d.code === 'missing-separator')!;
    assert.deepEqual(sep.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 3 } });
    // Quick fixes find the problem in the analysis (tested below with these very diagnostics): no
    // per-diagnostic copy of fix data lengthens the publish a long plan sends on every keystroke.
    assert.ok(diags.every((d) => d.data === undefined));
  });

  it('outlines 8 sections holding 47 tasks, each task named by number and words with its lead as detail', async () => {
    const symbols = (await c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seedUri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 8);
    assert.equal(symbols.reduce((n, s) => n + (s.children?.length ?? 0), 0), 47);
    assert.equal(symbols[0].name, '一、加强规划指导');
    const task3 = symbols[0].children![2];
    assert.match(task3.name, /^3\. 着力抓好/);
    assert.equal(task3.detail, '省发改委、省经信委、省科技厅');
  });

  it('folds every section', async () => {
    const folds = await c.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: seedUri } });
    const sectionLines = seed.split('\n').flatMap((l, i) => (/^\s*[一二三四五六七八]、/.test(l) ? [i] : []));
    for (const line of sectionLines) assert.ok(folds!.some((f) => f.startLine === line && f.endLine > line), `no fold at line ${line}`);
  });

  it('hovers a task number with its lead, participants and their full names', async () => {
    const text = hoverText(await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seedUri }, position: posOf(seed, '3 着力') }));
    assert.match(text, /任务 3/);
    assert.match(text, /牵头单位：省发改委（浙江省发展和改革委员会）、省经信委/);
    assert.match(text, /参加单位：省财政厅/);
  });

  it('hovers 省经信委 with its rename in 2018 to 省经信厅 and the tasks it leads and joins', async () => {
    const text = hoverText(await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seedUri }, position: posOf(seed, '省经信委', 0, 1) }));
    assert.match(text, /已更名（2018 年）→ 省经信厅/);
    assert.match(text, /本方案中牵头的任务：1、3、5、6/);
    assert.match(text, /本方案中参加的任务：8、10/);
  });

  it('finds tasks by number, by 第N项 and departments by name in workspace symbols', async () => {
    for (const q of ['12', '第12项']) {
      const found = await c.connection.sendRequest(WorkspaceSymbolRequest.type, { query: q });
      assert.equal(found!.length, 1, q);
      assert.equal((found![0] as { location: { range: { start: { line: number } } } }).location.range.start.line, posOf(seed, '12.围绕').line);
    }
    const dept = await c.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '科技厅' });
    assert.ok(dept!.some((s) => s.name === '省科技厅'));
  });

  it('goes from a participant mention to the first place the department leads', async () => {
    const defs = (await c.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: seedUri }, position: posOf(seed, '省科技厅', 0, 1) })) as { range: unknown }[];
    assert.equal(defs.length, 1);
    assert.deepEqual(defs[0].range, { start: posOf(seed, '省科技厅牵头'), end: posOf(seed, '省科技厅牵头', 0, 4) });
  });

  it('lists references of a department with its leads first and highlights lead as Write, participant as Read', async () => {
    const position = posOf(seed, '省科技厅', 0, 2);
    const refs = await c.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: seedUri }, position, context: { includeDeclaration: true } });
    const all = seed.split('省科技厅').length - 1;
    assert.equal(refs!.length, all);
    const highlights = await c.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: seedUri }, position });
    assert.equal(highlights!.length, all);
    const leads = highlights!.filter((h) => h.kind === DocumentHighlightKind.Write).length;
    const expectedLeads = parsePlan(seed).tasks.flatMap((t) => t.lead).filter((m) => m.name === '省科技厅').length;
    assert.equal(leads, expectedLeads);
    // Leads come first in the references.
    const firstRead = refs!.findIndex((r) => highlights!.find((h) => h.range.start.line === r.range.start.line && h.range.start.character === r.range.start.character)?.kind === DocumentHighlightKind.Read);
    assert.equal(firstRead, leads);
  });

  it('completes "kjt" inside a clause with 省科技厅 and its full name', async () => {
    const uri = 'untitled:completion.fgfa';
    const text = '一、测试\n1.做一件事。（kjt';
    await c.open(uri, text);
    const list = (await c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: posOf(text, 'kjt', 0, 3) })) as CompletionList;
    const item = list.items.find((i) => i.label === '省科技厅');
    assert.ok(item, `items: ${list.items.map((i) => i.label).join(' ')}`);
    assert.equal(item.detail, '浙江省科学技术厅');
    assert.deepEqual((item.textEdit as TextEdit).range, { start: posOf(text, 'kjt'), end: posOf(text, 'kjt', 0, 3) });
    assert.equal(list.items[0].label, '省科技厅');
    await c.close(uri);
  });

  it('offers the new-task and plan-skeleton snippets on an empty line', async () => {
    const uri = 'untitled:empty.fgfa';
    await c.open(uri, '');
    const list = (await c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })) as CompletionList;
    assert.ok(list.items.some((i) => (i.textEdit as TextEdit).newText.startsWith('1.${1:任务内容}。（${2:牵头单位}牵头，${3:参加单位}参加）')));
    assert.ok(list.items.some((i) => (i.textEdit as TextEdit).newText.includes('一、${2:')));
    await c.close(uri);
  });

  it('quick-fixes a missing separator and an outdated name, preferring the single obvious fix', async () => {
    const diags = c.diagnostics.get(seedUri)!.diagnostics;
    const sep = diags.find((d) => d.code === 'missing-separator')!;
    const actions = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: seedUri }, range: sep.range, context: { diagnostics: [sep] } })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit!.changes![seedUri], [{ range: { start: { line: 7, character: 3 }, end: { line: 7, character: 4 } }, newText: '.' }]);

    const old = diags.find((d) => d.code === 'outdated-department' && d.message.includes('省经信委'))!;
    const fixes = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: seedUri }, range: old.range, context: { diagnostics: [old] } })) as CodeAction[];
    assert.deepEqual(fixes.map((f) => f.title), ['改为“省经信厅”', '将本方案中所有“省经信委”改为“省经信厅”']);
    assert.equal(fixes[0].isPreferred, true);
    assert.equal(fixes[1].edit!.changes![seedUri].length, seed.split('省经信委').length - 1);
    const fixed = TextDocument.applyEdits(TextDocument.create(seedUri, 'fengong', 1, seed), fixes[1].edit!.changes![seedUri]);
    assert.ok(!fixed.includes('省经信委'));
  });

  it('renames a department in every open plan as one workspace edit', async () => {
    const other = 'untitled:other.fgfa';
    await c.open(other, '一、其他\n1.另一件事。（省科技厅牵头）\n');
    const prep = await c.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: seedUri }, position: posOf(seed, '省科技厅', 0, 1) });
    assert.deepEqual(prep, { range: { start: posOf(seed, '省科技厅'), end: posOf(seed, '省科技厅', 0, 4) }, placeholder: '省科技厅' });
    const edit = await c.connection.sendRequest(RenameRequest.type, { textDocument: { uri: seedUri }, position: posOf(seed, '省科技厅', 0, 1), newName: '省科学技术厅' });
    assert.equal(edit!.changes![seedUri].length, seed.split('省科技厅').length - 1);
    assert.equal(edit!.changes![other].length, 1);
    await c.close(other);
  });

  it('offers no edits on a read-only Word plan, and leaves it out of a rename', async () => {
    const word = 'fengong-docx:/drafts/%E6%96%B9%E6%A1%88.docx';
    await c.open(word, '一、甲\n1.事一。（省科技厅牵头）\n3 事二。（省科技厅牵头）\n');
    const diags = await c.waitForDiagnostics(word);
    const sep = diags.find((d) => d.code === 'missing-separator');
    assert.ok(sep, 'the Word plan is still checked');
    const actions = await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: word }, range: sep.range, context: { diagnostics: [sep] } });
    assert.deepEqual(actions, []);
    assert.equal(await c.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: word }, position: { line: 1, character: 6 } }), null);
    const edit = await c.connection.sendRequest(RenameRequest.type, { textDocument: { uri: seedUri }, position: posOf(seed, '省科技厅', 0, 1), newName: '省科学技术厅' });
    assert.ok(edit!.changes![seedUri].length > 0);
    assert.equal(edit!.changes![word], undefined);
    // Nor does the renumber command (the plan needs it: 1, 3) send an edit for it.
    const applied = c.appliedEdits.length;
    await c.connection.sendRequest(ExecuteCommandRequest.type, { command: Commands.renumber, arguments: [word] });
    assert.equal(c.appliedEdits.length, applied);
    await c.close(word);
  });

  it('colours section numerals, task numbers, leads and participants with semantic tokens', async () => {
    const tokens = await c.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: seedUri } });
    const legend = c.initializeResult.capabilities.semanticTokensProvider!.legend.tokenTypes;
    const types = new Map<string, number>();
    for (let i = 3; i < tokens!.data.length; i += 5) types.set(legend[tokens!.data[i]], (types.get(legend[tokens!.data[i]]) ?? 0) + 1);
    assert.equal(types.get('namespace'), 8);
    assert.equal(types.get('number'), 47);
    assert.ok((types.get('class') ?? 0) > 47 && (types.get('variable') ?? 0) > 100);
  });

  it('puts a lens on each section counting its tasks', async () => {
    const lenses = await c.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: seedUri } });
    assert.equal(lenses!.length, 8);
    assert.equal(lenses![0].command!.title, '6 项任务');
  });

  it('answers the custom tasks, status and matrix requests', async () => {
    const tasks = await c.connection.sendRequest(TasksRequest, { uri: seedUri });
    assert.equal(tasks.length, 47);
    assert.equal(tasks[11].key, '12');
    const status = await c.connection.sendRequest(StatusRequest, { uri: seedUri });
    assert.equal(status!.tasks, 47);
    assert.ok(status!.warnings >= 12 + 89);
    const matrix = await c.connection.sendRequest(MatrixRequest, { uri: seedUri });
    assert.equal(matrix!.tasks.length, 47);
    assert.ok(matrix!.departments.some((d) => d.name === '省科技厅' && d.leads > 5));
  });
});

describe('language server over stdio: editing', function () {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(async () => c?.stop());

  it('follows incremental edits in Chinese text with astral characters', async () => {
    const uri = 'untitled:astral.fgfa';
    const text = '一、𠀋测试\n1.做𠀋事。（省经信委牵头，省财政厅参加）\n';
    await c.open(uri, text);
    const first = await c.waitForDiagnostics(uri, 1);
    const d0 = first.find((d) => d.code === 'outdated-department')!;
    assert.deepEqual(d0.range.start, posOf(text, '省经信委'));
    // Insert two astral characters (4 UTF-16 units) before the clause.
    const v2 = await c.change(uri, [{ range: { start: posOf(text, '事'), end: posOf(text, '事') }, text: '𠀋𠀋' }]);
    const second = await c.waitForDiagnostics(uri, v2);
    const d1 = second.find((d) => d.code === 'outdated-department')!;
    assert.equal(d1.range.start.character, d0.range.start.character + 4);
    // Replace the outdated name: its diagnostic goes away.
    const now = c.text(uri);
    const v3 = await c.change(uri, [{ range: { start: posOf(now, '省经信委'), end: posOf(now, '省经信委', 0, 4) }, text: '省经信厅' }]);
    const third = await c.waitForDiagnostics(uri, v3);
    assert.equal(third.filter((d) => d.code === 'outdated-department').length, 0);
    await c.close(uri);
  });

  it('after typing in tasks character by character, publishes what a fresh open of the same text gets', async () => {
    // Each keystroke below stays within one task, so the server moves its last analysis (parser.ts,
    // reuse) instead of building one: the result must be exactly a fresh analysis of the same text.
    const uri = 'untitled:typed.fgfa';
    await c.open(uri, seed);
    await c.waitForDiagnostics(uri, 1);
    let version = 1;
    const typeAt = async (anchor: string, word: string) => {
      for (const ch of word) {
        const now = c.text(uri);
        const at = posOf(now, anchor, 0, anchor.length);
        version = await c.change(uri, [{ range: { start: at, end: at }, text: ch }]);
        // As a typist slower than the server: each keystroke is analysed on its own.
        await c.waitForDiagnostics(uri, version);
        anchor += ch;
      }
    };
    await typeAt('制订落实年度实施方案', '，并报省政府');
    await typeAt('(省国资委', '、省经信委');
    // A character deleted inside a clause: the name it leaves is unknown.
    const now = c.text(uri);
    const at = posOf(now, '省财政厅、省知识产权局');
    version = await c.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
    const typed = await c.waitForDiagnostics(uri, version);
    const fresh = 'untitled:fresh.fgfa';
    await c.open(fresh, c.text(uri));
    const expected = await c.waitForDiagnostics(fresh, 1);
    const plain = (ds: typeof typed) => ds.map((d) => [d.code, d.severity, d.range, d.message, d.relatedInformation?.map((r) => [r.location.range, r.message])]);
    assert.deepEqual(plain(typed), plain(expected));
    assert.ok(typed.some((d) => d.message.includes('财政厅') && d.code === 'unknown-department'), 'the deleted character is seen');
    assert.ok(typed.some((d) => d.message.includes('省经信委') && d.range.start.line === posOf(c.text(uri), '、省经信委').line), 'the typed name is checked');
    await c.close(uri);
    await c.close(fresh);
  });

  it('publishes only the newest version after a burst of edits', async () => {
    const uri = 'untitled:burst.fgfa';
    await c.open(uri, '一、测试\n1.做事。（省科技厅牵头）\n');
    let version = 1;
    for (let i = 0; i < 20; i++) {
      const end = { line: i + 2, character: 0 };
      version = await c.change(uri, [{ range: { start: end, end }, text: `${i + 2}.再做一件事。（省财政厅牵头）\n` }]);
    }
    const diags = await c.waitForDiagnostics(uri, version);
    assert.equal(diags.length, 0, JSON.stringify(diags));
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.ok(versions.length < 10, `published for versions ${versions.join(',')}`);
    assert.deepEqual([...versions].sort((x, y) => x - y), versions, 'never an older version after a newer one');
    await c.close(uri);
  });

  it('renumbers every task as one applied edit, with cross-references in prose following', async () => {
    const uri = 'untitled:renumber.fgfa';
    const broken = seed.replace('12.围绕战略性', '15.围绕战略性').replace('29.引导和推动', '29.引导和推动（见第15项）').replace('30.加大财政', '29.加大财政');
    await c.open(uri, broken);
    const diags = await c.waitForDiagnostics(uri, 1);
    assert.ok(diags.some((d) => d.code === 'numbering-gap'));
    assert.ok(diags.some((d) => d.code === 'duplicate-number' && d.relatedInformation?.length === 1));
    await c.connection.sendRequest(ExecuteCommandRequest.type, { command: Commands.renumber, arguments: [uri] });
    await c.waitFor('the renumber edit', () => (c.appliedEdits.length ? true : undefined));
    assert.equal(c.appliedEdits.length, 1, 'one workspace edit');
    const after = c.text(uri);
    assert.deepEqual(taskNumbers(after), Array.from({ length: 47 }, (_, i) => i + 1));
    assert.match(after, /（见第12项）/);
  });

  it('replaces an outdated name everywhere in the plan through the replaceEverywhere command', async () => {
    const uri = 'untitled:everywhere.fgfa';
    await c.open(uri, '一、甲\n1.事。（省经信委牵头）\n2.事。（省财政厅牵头，省经信委参加）\n');
    const before = c.appliedEdits.length;
    await c.connection.sendRequest(ExecuteCommandRequest.type, { command: Commands.replaceEverywhere, arguments: [uri, '省经信委', '省经信厅'] });
    await c.waitFor('the replace edit', () => (c.appliedEdits.length > before ? true : undefined));
    assert.equal(c.text(uri), '一、甲\n1.事。（省经信厅牵头）\n2.事。（省财政厅牵头，省经信厅参加）\n');
    await c.close(uri);
  });

  it('offers renumbering as a source action that keeps per-section restarts', async () => {
    const uri = 'untitled:restart.fgfa';
    const text = '一、甲\n1.事一。（省科技厅牵头）\n3.事二。（省科技厅牵头）\n二、乙\n1.事三。（省财政厅牵头）\n2.事四。（省财政厅牵头）\n';
    await c.open(uri, text);
    const actions = (await c.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.renumber');
    const out = TextDocument.applyEdits(TextDocument.create(uri, 'fengong', 1, text), actions[0].edit!.changes![uri]);
    assert.deepEqual(taskNumbers(out), [1, 2, 1, 2]);
    await c.close(uri);
  });

  // Fixes that must all give '（省科技厅牵头，省财政厅参加）'.
  for (const [title, uri, code, text] of [
    ['promotes the first participant when a clause has no lead', 'untitled:nolead.fgfa', 'no-lead', '一、甲\n1.做事。（省科技厅、省财政厅参加）\n'],
    ['removes a lead that is also listed as participant, with its separator', 'untitled:dup.fgfa', 'lead-also-participant', '一、甲\n1.做事。（省科技厅牵头，省财政厅、省科技厅参加）\n'],
    ['removes a stray closing bracket after the clause', 'untitled:stray.fgfa', 'unbalanced-bracket', '一、甲\n1.做事。（省科技厅牵头，省财政厅参加））\n'],
    ['closes a clause left open at its end', 'untitled:open.fgfa', 'unbalanced-bracket', '一、甲\n1.做事。（省科技厅牵头，省财政厅参加\n'],
  ]) {
    it(title, async () => {
      await c.open(uri, text);
      const diags = await c.waitForDiagnostics(uri, 1);
      const d = diags.find((x) => x.code === code)!;
      const actions = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      const out = TextDocument.applyEdits(TextDocument.create(uri, 'fengong', 1, text), actions[0].edit!.changes![uri]);
      assert.equal(out, '一、甲\n1.做事。（省科技厅牵头，省财政厅参加）\n');
      await c.close(uri);
    });
  }

  it('reads a plan pasted as a table: a missing lead on the exact cell characters, fixed by moving the name into the lead cell', async () => {
    const uri = 'untitled:table.fgfa';
    const text = '\ufeff序号\t重点任务\t牵头单位\t配合单位\t完成时限\r\n一、数字基础设施\r\n1\t建设5G网络𠀋。\t省经信厅\t省财政厅\t2025年底\r\n2\t推进农业数字化。\t\t省农业农村厅、省财政厅\t2025年底\r\n';
    await c.open(uri, text);
    const diags = await c.waitForDiagnostics(uri, 1);
    // No missing separator or missing clause for the rows: only the empty lead cell.
    assert.deepEqual(diags.map((d) => d.code), ['no-lead']);
    assert.deepEqual(diags[0].range, { start: posOf(text, '省农业农村厅'), end: posOf(text, '省财政厅\t2025', 1, 4) });
    const symbols = (await c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols[0].children?.map((s) => [s.name, s.detail]), [['1. 建设5G网络𠀋', '省经信厅'], ['2. 推进农业数字化', undefined]]);
    const actions = (await c.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } })) as CodeAction[];
    const out = TextDocument.applyEdits(TextDocument.create(uri, 'fengong', 1, text), actions[0].edit!.changes![uri]);
    assert.equal(out.split('\r\n')[3], '2\t推进农业数字化。\t省农业农村厅\t省财政厅\t2025年底');
    await c.close(uri);
  });

  it('goes from "第2项" in prose to task 2', async () => {
    const uri = 'untitled:xref.fgfa';
    const text = '一、甲\n1.做事，配合第2项。（省科技厅牵头）\n2.另一件事。（省财政厅牵头）\n';
    await c.open(uri, text);
    const defs = (await c.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: posOf(text, '第2项', 0, 1) })) as { range: unknown }[];
    assert.deepEqual(defs[0].range, { start: posOf(text, '2.另'), end: posOf(text, '2.另', 0, 1) });
    await c.close(uri);
  });

  it('hovers an unknown name with suggestions, and escapes Markdown from the document', async () => {
    const uri = 'untitled:unknown.fgfa';
    const text = '一、甲\n1.做事。（省科技仃牵头，[点我](command:x)局参加）\n';
    await c.open(uri, text);
    const h = hoverText(await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '省科技仃', 0, 1) }));
    assert.match(h, /名录中没有“省科技仃”/);
    assert.match(h, /省科技厅/);
    const inj = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '点我') });
    if (inj) {
      const v = hoverText(inj);
      assert.ok(!/[^\\]\]\(/.test(v) && !v.includes('](command:'), v);
    }
    await c.close(uri);
  });
});

describe('language server over stdio: the channel', function () {
  this.timeout(60000);

  it('sends an outline of megabytes intact, between other messages', async () => {
    const c = await TestClient.start();
    try {
      const uri = 'untitled:big.fgfa';
      const text = Array.from({ length: 100 }, () => seed).join('\n');
      await c.open(uri, text);
      await c.waitForDiagnostics(uri, 1);
      const [symbols, hover] = await Promise.all([
        c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[]>,
        c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '省科技厅') }),
      ]);
      const registry = createDefaultRegistry();
      const analysis = analyse(text, registry);
      const expected = documentSymbols({ uri, plan: analysis.plan, problems: analysis.problems, registry, locale: 'zh-cn' });
      assert.ok(Buffer.byteLength(JSON.stringify(expected)) > 1024 * 1024);
      assert.deepEqual(symbols, JSON.parse(JSON.stringify(expected)));
      assert.ok(hoverText(hover).includes('省科技厅'), JSON.stringify(hover));
    } finally {
      await c.stop();
    }
  });

  for (const [shutdownFirst, code] of [[true, 0], [false, 1]] as const) {
    it(`ends with exit code ${code} when the client closes the channel ${shutdownFirst ? 'after' : 'without'} a shutdown request`, async () => {
      const c = await TestClient.start();
      const exited = new Promise<number | null>((resolve) => c.process.once('exit', (n) => resolve(n)));
      if (shutdownFirst) await c.connection.sendRequest(ShutdownRequest.type);
      c.process.stdin!.end();
      assert.equal(await exited, code);
      c.connection.dispose();
    });
  }
});
