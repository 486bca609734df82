import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { diffMarkdown } from '../../../client/src/compare/markdown';
import type { DiffResult } from '../../../server/src/protocol';

function result(text: string, locale: DiffResult['locale'] = 'zh-cn'): DiffResult {
  const json = { old: { title: null, tasks: 1 }, new: { title: null, tasks: 1 }, added: [], removed: [], changed: [], unchanged: 1, renamed: [], departments: [] };
  return { text, json, differs: true, locale };
}

describe('comparison report document', () => {
  it('puts the report in a diff block under a heading in the plan’s language, naming both drafts', () => {
    const md = diffMarkdown(result('任务：原 47 项，新 47 项\n\n- 删除任务 10：加强知识产权\n+ 新增任务 19：加快建设\n'), { old: '/p/原稿.txt', new: '/p/第二稿.docx' });
    assert.deepEqual(md.split('\n'), [
      '# 分工方案两稿比较',
      '',
      '```diff',
      '--- 原稿：/p/原稿.txt',
      '+++ 新稿：/p/第二稿.docx',
      '任务：原 47 项，新 47 项',
      '',
      '- 删除任务 10：加强知识产权',
      '+ 新增任务 19：加快建设',
      '```',
      '',
    ]);
    assert.match(diffMarkdown(result('Tasks: 1 before', 'en'), { old: 'a', new: 'b' }), /^# Comparison of two drafts\n\n```diff\n--- Earlier draft: a\n\+\+\+ Later draft: b\n/);
  });

  it('keeps task text with backticks, HTML or links inside the code block', () => {
    const hostile = '+ 新增任务 1：```\n<img src=x onerror=alert(1)> [x](command:fengong.server.renumber) ````';
    const md = diffMarkdown(result(hostile), { old: 'a\n# b', new: 'c' });
    const tokens = new MarkdownIt().parse(md, {});
    assert.deepEqual(tokens.map((t) => t.type), ['heading_open', 'inline', 'heading_close', 'fence']);
    assert.ok(tokens[3].content.includes('<img src=x onerror=alert(1)>'));
    assert.ok(tokens[3].content.includes('--- 原稿：a # b'));
  });
});
