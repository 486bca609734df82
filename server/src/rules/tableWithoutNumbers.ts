import { t } from '../messages';
import { planColumns, taskOnOrBefore } from '../model/parser';
import { holdsDelimiter } from '../model/table';
import { isWhite, TextSpan } from '../model/text';
import type { Rule } from './types';

/**
 * A table whose rows carry no task number: each task is known by its number, so none of its rows
 * is read as a task and nothing in it would be checked. Said on the header row, so a table that
 * lacks a 序号 column is not taken for a table without problems.
 */
export const tableWithoutNumbers: Rule = (ctx) => {
  const { cols, lines, tableHeaders } = planColumns(ctx.plan);
  const text = ctx.plan.text;
  for (let k = 0; k < tableHeaders.length; k++) {
    const header = tableHeaders[k];
    const last = k + 1 < tableHeaders.length ? tableHeaders[k + 1].line - 1 : lines.lineCount - 1;
    // A task under the header: the table has numbers.
    const next = taskOnOrBefore(cols, header.line) + 1;
    if (next < cols.count && cols.lines[next] <= last) continue;
    // Rows, then: lines under it holding its delimiter (a table with a header and no row is a draft).
    // A Markdown table's alignment row (| --- |) is no row of tasks.
    let hasRow = false;
    for (let line = header.line + 1; line <= last && !hasRow; line++) {
      const start = lines.lineStarts[line];
      const end = lines.lineEnd(line);
      hasRow = holdsDelimiter(text, start, end, header) && !/^[\s|:-]*$/.test(text.slice(start, end));
    }
    if (!hasRow) continue;
    const start = lines.lineStarts[header.line];
    let end = lines.lineEnd(header.line);
    while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
    ctx.report('table-without-numbers', new TextSpan(start, end, lines), t('table-without-numbers', ctx.locale));
  }
};
