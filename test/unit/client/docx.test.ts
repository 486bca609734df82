import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { docxPlanText } from '../../../client/src/docx/text';
import { analyse } from '../../../server/src/analysis';
import { loadPlanText } from '../../../server/src/cli/input';
import { runAsync } from '../../../server/src/cli/main';
import { createDefaultRegistry } from '../../../server/src/registry/defaults';

const SEED_DOCX = path.resolve(__dirname, '../../fixtures/docx/seed.docx');

describe('Word documents shown as plans', () => {
  it('shows exactly the text the CLI checks for a .docx, one line per paragraph', async () => {
    const shown = await docxPlanText(readFileSync(SEED_DOCX));
    const cli = await loadPlanText(SEED_DOCX, 'zh-cn', { out: () => undefined, err: (l) => assert.fail(l) });
    assert.ok(cli?.docx);
    assert.equal(shown, cli.text);
    assert.ok(!shown.includes('\r'), 'no line breaks inside a paragraph');
    assert.equal(analyse(shown, createDefaultRegistry(), { locale: 'zh-cn' }).plan.tasks.length, 47);
  });

  it('puts each problem the CLI reports at "第 N 段" on line N − 1 of the shown document', async () => {
    const shown = await docxPlanText(readFileSync(SEED_DOCX));
    const out: string[] = [];
    await runAsync(['check', SEED_DOCX], { out: (l) => out.push(l), err: () => undefined }, { FENGONG_LANG: 'zh' });
    const problems = analyse(shown, createDefaultRegistry(), { locale: 'zh-cn' }).problems;
    assert.ok(out.length > 12);
    assert.equal(out.length, problems.length);
    out.forEach((line, i) => {
      const [, paragraph] = /第 (\d+) 段：/.exec(line)!;
      assert.equal(problems[i].span.range.start.line, Number(paragraph) - 1, line);
    });
  });

  it('says why a file that is not a Word document cannot be shown', async () => {
    await assert.rejects(docxPlanText(new TextEncoder().encode('not a zip')), /not a zip archive/);
  });
});
