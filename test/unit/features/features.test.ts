import { strict as assert } from 'node:assert';
import type { MarkupContent, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../../server/src/analysis';
import { codeActions, promoteEdits, removeMention } from '../../../server/src/features/codeActions';
import { escapeMarkdown, perAnalysis } from '../../../server/src/features/common';
import { completion } from '../../../server/src/features/completion';
import { defaultInitials, pinyinLetters } from '../../../server/src/features/initials';
import DEFAULT_INITIALS from '../../../registries/default.initials.json';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { toDiagnostics } from '../../../server/src/features/diagnostics';
import { hover } from '../../../server/src/features/hover';
import { codeLenses, semanticTokens } from '../../../server/src/features/presentation';
import { documentSymbols, workspaceSymbols } from '../../../server/src/features/symbols';
import { looksLikePlan, planByName } from '../../../server/src/features/workspaceFiles';
import { applyEdits, renumberEdits } from '../../../server/src/model/renumber';
import { parsePlan } from '../../../server/src/model/parser';
import { planDoc, registry } from './util';

const REG = registry(
  { name: '省科技厅', fullName: '浙江省科学技术厅', level: 'provincial-department' },
  { name: '省财政厅', fullName: '浙江省财政厅' },
  { name: '省发展改革委', fullName: '浙江省发展和改革委员会', aliases: ['省发改委'] },
  { name: '省经信委', status: 'renamed', successors: ['省经信厅'], since: 2018 },
  { name: '省经信厅', fullName: '浙江省经济和信息化厅' },
);

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'fengong', 1, text), [...edits]);
}

describe('hover', () => {
  it('escapes Markdown, HTML and command links coming from registry names and notes', () => {
    const evil = registry({ name: '省坏局', fullName: '[点我](command:workbench.action.quit)', note: '<img src=x onerror=alert(1)> **粗**' });
    const { doc, position } = planDoc('一、甲\n1.做事。（省坏|局牵头）\n', evil);
    const h = hover(doc, position);
    assert.ok(h);
    const v = (h.contents as MarkupContent).value;
    assert.ok(v.includes('\\[点我\\]\\(command\\:workbench\\.action\\.quit\\)'), v);
    assert.ok(v.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), v);
    assert.ok(v.includes('\\*\\*粗\\*\\*'), v);
  });

  it('speaks English when the locale is en', () => {
    const { doc, position } = planDoc('一、甲\n1.做事。（省经|信委牵头）\n', REG, 'en');
    const v = (hover(doc, position)!.contents as MarkupContent).value;
    assert.ok(v.includes('Status: renamed \\(2018\\) → 省经信厅'), v);
    assert.match(v, /Leads tasks in this plan: 1/);
  });

  it('says nothing over plain prose', () => {
    const { doc, position } = planDoc('一、甲\n1.做|事。（省科技厅牵头）\n', REG);
    assert.equal(hover(doc, position), null);
  });
});

describe('escapeMarkdown', () => {
  it('leaves Chinese alone and escapes every Markdown punctuation mark', () => {
    assert.equal(escapeMarkdown('省科技厅'), '省科技厅');
    assert.equal(escapeMarkdown('a_b*c[d](e)<f>`g`'), 'a\\_b\\*c\\[d\\]\\(e\\)\\<f\\>\\`g\\`');
  });
});

describe('completion', () => {
  it('offers departments by pinyin initials with or without the level prefix', () => {
    for (const typed of ['kjt', 'skjt']) {
      const { doc, position } = planDoc(`一、甲\n1.做事。（${typed}|`, REG);
      const list = completion(doc, position);
      assert.equal(list.items[0].label, '省科技厅', typed);
      assert.equal(list.isIncomplete, true);
    }
  });

  it('has the initials of every name and alias of the default registry made ahead, as pinyin-pro makes them (npm run initials)', () => {
    assert.deepEqual(defaultInitials(pinyinLetters), DEFAULT_INITIALS);
  });

  it('offers the default registry\'s names without loading the pinyin dictionary, and loads it for other names', () => {
    // A process of its own: in this one, other tests may have loaded pinyin-pro already.
    const root = join(__dirname, '..', '..', '..');
    const script = `
      const { warmCompletionIndex } = require('./server/src/features/completion');
      const { createDefaultRegistry } = require('./server/src/registry/defaults');
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('pinyin-pro'));
      warmCompletionIndex(createDefaultRegistry());
      const before = loaded();
      const { lettersOf } = require('./server/src/features/initials');
      const own = lettersOf('县乡村振兴局');
      process.stdout.write(JSON.stringify({ before, own, after: loaded() }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' }));
    assert.deepEqual(out, { before: false, own: 'xxczxj', after: true });
  });

  it('offers a department by the start of its name or an alias after a label', () => {
    const { doc, position } = planDoc('一、甲\n1.做事。\n牵头单位：省发改|', REG);
    const list = completion(doc, position);
    assert.equal(list.items[0].label, '省发展改革委');
    assert.equal((list.items[0].textEdit as TextEdit).newText, '省发展改革委');
    assert.deepEqual((list.items[0].textEdit as TextEdit).range.start, { line: 2, character: 5 });
  });

  it('offers departments in a table row\'s lead and participant cells, an empty one included, and not in its task cell', () => {
    const header = '序号\t重点任务\t牵头单位\t配合单位\t完成时限';
    for (const row of ['1\t做事。\tkjt|\t省财政厅\t2025年底', '1\t做事。\t省财政厅\tkjt|\t2025年底', '1\t做事。\t省财政厅\t省商务厅、kjt|']) {
      const { doc, position } = planDoc(`${header}\n${row}`, REG);
      assert.equal(completion(doc, position).items[0]?.label, '省科技厅', row);
    }
    const empty = planDoc(`${header}\n1\t做事。\t|\t省财政厅\t2025年底`, REG);
    assert.equal(completion(empty.doc, empty.position).isIncomplete, true, 'departments in the empty lead cell');
    // The cursor mark is |, as Markdown's cells are parted: that table's document is made by hand.
    const mdText = '| 序号 | 重点任务 | 牵头单位 |\n| --- | --- | --- |\n| 1 | 做事。 | kjt |';
    const a = analyse(mdText, REG);
    const md = { uri: 'untitled:md', plan: a.plan, problems: a.problems, registry: REG, locale: 'zh-cn' as const };
    assert.equal(completion(md, a.plan.lines.positionAt(mdText.indexOf('kjt') + 3)).items[0]?.label, '省科技厅');
    const task = planDoc(`${header}\n1\t做事kjt|\t省财政厅\t\t`, REG);
    assert.ok(!completion(task.doc, task.position).items.some((i) => i.label === '省科技厅'));
  });

  it('marks an outdated department as deprecated and says what it became', () => {
    const { doc, position } = planDoc('一、甲\n1.做事。（省经信|', REG);
    const old = completion(doc, position).items.find((i) => i.label === '省经信委')!;
    assert.deepEqual(old.tags, [1]);
    assert.match(old.detail!, /省经信厅/);
  });

  it('numbers the new-task snippet after the previous task', () => {
    const { doc, position } = planDoc('一、甲\n1.做事。（省科技厅牵头）\n2.再做。（省财政厅牵头）\n|', REG);
    const items = completion(doc, position).items;
    assert.ok(items.some((i) => (i.textEdit as TextEdit).newText.startsWith('3.${1:任务内容}')));
  });
});

describe('quick fixes', () => {
  function fixes(marked: string, code: string) {
    const { doc, text } = planDoc(marked, REG);
    const d = toDiagnostics(doc.uri, doc.problems).filter((x) => x.code === code);
    assert.ok(d.length > 0, `no ${code} in ${JSON.stringify(doc.problems.map((p) => p.code))}`);
    return { text, actions: codeActions(doc, d) };
  }

  it('replaces an alias with its preferred name as the preferred fix', () => {
    const { text, actions } = fixes('一、甲\n1.做事。（省发改委牵头）\n', 'alias-department');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(apply(text, actions[0].edit!.changes!['untitled:test']), '一、甲\n1.做事。（省发展改革委牵头）\n');
  });

  it('replaces an unknown name with the suggestion', () => {
    const { text, actions } = fixes('一、甲\n1.做事。（省科枝厅牵头）\n', 'unknown-department');
    assert.equal(apply(text, actions[0].edit!.changes!['untitled:test']), '一、甲\n1.做事。（省科技厅牵头）\n');
  });

  it('removes a duplicate name with its 、', () => {
    const { text, actions } = fixes('一、甲\n1.做事。（省科技厅牵头，省财政厅、省财政厅参加）\n', 'duplicate-department');
    assert.equal(apply(text, actions[0].edit!.changes!['untitled:test']), '一、甲\n1.做事。（省科技厅牵头，省财政厅参加）\n');
  });

  it('removes a stray closing bracket on a label line, and says which', () => {
    const { text, actions } = fixes('一、甲\n1.做事。\n牵头单位：省科技厅）\n', 'unbalanced-bracket');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, '删除多余的“）”');
    assert.equal(apply(text, actions[0].edit!.changes!['untitled:test']), '一、甲\n1.做事。\n牵头单位：省科技厅\n');
  });

  it('closes a clause left open at its end, with the matching bracket', () => {
    const { text, actions } = fixes('一、甲\n1.做事。【省科技厅牵头，省财政厅参加\n2.再做。（省财政厅牵头）\n', 'unbalanced-bracket');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, '在责任分工末尾补上“】”');
    assert.equal(apply(text, actions[0].edit!.changes!['untitled:test']), '一、甲\n1.做事。【省科技厅牵头，省财政厅参加】\n2.再做。（省财政厅牵头）\n');
  });

  it('removes a bracket left open among inline labels rather than closing it', () => {
    const { text, actions } = fixes('一、甲\n1.做事。牵头单位：省科技厅（；责任单位：省财政厅\n', 'unbalanced-bracket');
    assert.equal(actions[0].title, '删除多余的“（”');
    assert.equal(apply(text, actions[0].edit!.changes!['untitled:test']), '一、甲\n1.做事。牵头单位：省科技厅；责任单位：省财政厅\n');
  });

  it('turns a lone participant verb into 牵头', () => {
    const { text, actions } = fixes('一、甲\n1.做事。（省财政厅参加）\n', 'no-lead');
    assert.equal(apply(text, actions[0].edit!.changes!['untitled:test']), '一、甲\n1.做事。（省财政厅牵头）\n');
  });
});

describe('promoting a participant in label form', () => {
  it('inserts a 牵头单位 line before the labels with the same indentation and removes the name from the list', () => {
    const text = '一、甲\n1.做事。\n  责任单位：省科技厅、省财政厅\n';
    const plan = parsePlan(text);
    const r = promoteEdits(plan, plan.tasks[0])!;
    assert.equal(apply(text, r.edits), '一、甲\n1.做事。\n  牵头单位：省科技厅\n  责任单位：省财政厅\n');
  });

  it('renames the label when the list holds one name', () => {
    const text = '一、甲\r\n1.做事。\r\n责任单位：省科技厅\r\n';
    const plan = parsePlan(text);
    const r = promoteEdits(plan, plan.tasks[0])!;
    assert.equal(apply(text, r.edits), '一、甲\r\n1.做事。\r\n牵头单位：省科技厅\r\n');
  });
});

describe('removeMention', () => {
  it('drops a lone participant with its verb and the comma before it', () => {
    const text = '一、甲\n1.做事。（省科技厅牵头，省科技厅参加）\n';
    const plan = parsePlan(text);
    const task = plan.tasks[0];
    assert.equal(apply(text, [removeMention(plan, task, task.participants[0])]), '一、甲\n1.做事。（省科技厅牵头）\n');
  });
});

describe('renumbering', () => {
  it('numbers tasks 1..n and moves cross-references with their task', () => {
    const text = '一、甲\n1.事。（省科技厅牵头）\n3.事，见第4项。（省科技厅牵头）\n4.事。（省科技厅牵头）\n';
    assert.equal(applyEdits(text, renumberEdits(parsePlan(text))), '一、甲\n1.事。（省科技厅牵头）\n2.事，见第3项。（省科技厅牵头）\n3.事。（省科技厅牵头）\n');
  });

  it('keeps numbering that restarts in each sub-section restarting there', () => {
    const text = '一、甲\n（一）子一\n（1）事。（省科技厅牵头）\n（3）事。（省科技厅牵头）\n（二）子二\n（1）事。（省科技厅牵头）\n（5）事。（省科技厅牵头）\n';
    const out = applyEdits(text, renumberEdits(parsePlan(text)));
    assert.deepEqual([...out.matchAll(/（(\d)）/g)].map((m) => m[1]), ['1', '2', '1', '2']);
  });

  it('renumbers tasks and references written in full-width digits in full-width digits', () => {
    const text = '一、甲\n１．事。（省科技厅牵头）\n３．事，见第４项。（省科技厅牵头）\n４．事。（省科技厅牵头）\n';
    assert.equal(applyEdits(text, renumberEdits(parsePlan(text))), '一、甲\n１．事。（省科技厅牵头）\n２．事，见第３项。（省科技厅牵头）\n３．事。（省科技厅牵头）\n');
  });

  it('changes nothing in a plan already numbered', () => {
    assert.deepEqual(renumberEdits(parsePlan('一、甲\n1.事。（省科技厅牵头）\n2.事。（省科技厅牵头）\n')), []);
  });
});

describe('outline, lenses, tokens, workspace symbols', () => {
  const marked = '关于某事的分工方案\n一、甲\n1.事。（省科技厅牵头）\n2.事。（省财政厅参加）\n二、乙\n1.事。（省科技厅牵头）\n';
  it('finds "二.1" and "第1项" where numbering restarts per section', () => {
    const { doc } = planDoc(marked, REG);
    assert.equal(workspaceSymbols([doc], '二.1').length, 1);
    assert.equal(workspaceSymbols([doc], '第1项').length, 2);
    assert.equal(workspaceSymbols([doc], '科技厅').length, 1);
  });

  it('finds a task written in full-width digits by its number typed either way', () => {
    const { doc } = planDoc('一、甲\n１．事。（省科技厅牵头）\n１２．事。（省财政厅牵头）\n', REG);
    assert.equal(workspaceSymbols([doc], '12').length, 1);
    assert.equal(workspaceSymbols([doc], '第１２项').length, 1);
  });

  it('nests tasks under their sections and counts tasks without a lead in the lens', () => {
    const { doc } = planDoc(marked, REG);
    assert.deepEqual(documentSymbols(doc).map((s) => [s.name, s.children!.length]), [['一、甲', 2], ['二、乙', 1]]);
    assert.deepEqual(codeLenses(doc).map((l) => l.command!.title), ['2 项任务 · 1 项无牵头单位', '1 项任务']);
    assert.deepEqual(codeLenses({ ...doc, locale: 'en' }).map((l) => l.command!.title), ['2 tasks · 1 without a lead', '1 tasks']);
  });

  it('encodes tokens relative to the previous one, in UTF-16 units after astral characters', () => {
    const { doc } = planDoc('一、𠀋\n1.𠀋事。（省科技厅牵头）\n', REG);
    const data = semanticTokens(doc).data;
    // namespace at (0,0); number at (1,0); lead at (1, 6) since 𠀋 counts two units.
    assert.deepEqual(data.slice(0, 15), [0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 7, 4, 2, 1]);
  });
});

describe('plan files in a workspace', () => {
  it('knows plans by extension, by name, and by their first lines', () => {
    assert.equal(planByName('a.fgfa'), true);
    assert.equal(planByName('某某分工方案.txt'), true);
    assert.equal(planByName('readme.txt'), null);
    assert.equal(planByName('data.json'), false);
    assert.equal(looksLikePlan('# 实施方案\n一、甲\n1.事。（省科技厅牵头）\n'), true);
    assert.equal(looksLikePlan('会议纪要\n今天天气很好。\n'), false);
  });
});

describe('answers made once per analysis', () => {
  it('gives the same outline object for the same analysis and a new one for the next', () => {
    let calls = 0;
    const outline = perAnalysis((d) => {
      calls++;
      return documentSymbols(d);
    });
    const first = planDoc('一、规划\n1. 推进工作（省科技厅牵头）\n', registry()).doc;
    assert.equal(outline(first), outline(first));
    assert.equal(calls, 1);
    const edited = planDoc('一、规划\n1. 推进工作（省科技厅牵头）\n2. 加强督查（省财政厅牵头）\n', registry()).doc;
    assert.equal(outline(edited)[0].children?.length, 2);
    assert.equal(calls, 2);
  });
});
