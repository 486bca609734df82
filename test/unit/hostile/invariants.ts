/**
 * What must hold for any parsed plan, whatever the input: every span inside the text, on code-point
 * boundaries, with offsets and LSP ranges agreeing. Returns the violations (empty when all hold),
 * so a property failure names the span that broke.
 */
import type { Plan, Span } from '../../../server/src/model/types';
import type { Problem } from '../../../server/src/rules';

/** Every span the model exposes, with a path saying where it came from. */
export function allSpans(plan: Plan, problems: readonly Problem[] = []): [string, Span][] {
  const out: [string, Span][] = [];
  const add = (path: string, s: Span | null | undefined) => {
    if (s) out.push([path, s]);
  };
  add('title', plan.title?.span);
  add('convention', plan.convention?.span);
  for (const h of [...plan.sections, ...plan.subsections]) {
    const p = `${h.kind}@${h.line}`;
    add(`${p}.span`, h.span);
    add(`${p}.numeralSpan`, h.numeralSpan);
    add(`${p}.extent`, h.extent);
  }
  for (const t of plan.tasks) {
    const p = `task[${t.index}]`;
    add(`${p}.span`, t.span);
    add(`${p}.numberSpan`, t.numberSpan);
    add(`${p}.bodySpan`, t.bodySpan);
    add(`${p}.clause.span`, t.clause?.span);
    add(`${p}.clause.anchor`, t.clause?.anchor);
    t.deadlines.forEach((d, k) => add(`${p}.deadlines[${k}]`, d.span));
    t.mentions.forEach((m, k) => add(`${p}.mentions[${k}]`, m.span));
  }
  plan.crossReferences.forEach((c, k) => {
    add(`crossReferences[${k}].span`, c.span);
    add(`crossReferences[${k}].numberSpan`, c.numberSpan);
  });
  plan.brackets.forEach((b, k) => add(`brackets[${k}]`, b.span));
  problems.forEach((pr, k) => {
    add(`problems[${k}](${pr.code})`, pr.span);
    pr.related?.forEach((r, j) => add(`problems[${k}].related[${j}]`, r.span));
  });
  return out;
}

function isLow(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff && at > 0 && text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff;
}

export function spanViolations(plan: Plan, problems: readonly Problem[] = []): string[] {
  const text = plan.text;
  const bad: string[] = [];
  for (const [path, s] of allSpans(plan, problems)) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length)) {
      bad.push(`${path}: [${s.start}, ${s.end}) outside 0..${text.length}`);
      continue;
    }
    if (isLow(text, s.start) || isLow(text, s.end)) bad.push(`${path}: [${s.start}, ${s.end}) splits a surrogate pair`);
    const start = plan.lines.positionAt(s.start);
    const end = plan.lines.positionAt(s.end);
    if (start.line !== s.range.start.line || start.character !== s.range.start.character || end.line !== s.range.end.line || end.character !== s.range.end.character) {
      bad.push(`${path}: offsets [${s.start}, ${s.end}) give ${JSON.stringify([start, end])} but range is ${JSON.stringify(s.range)}`);
    }
    if (plan.lines.offsetAt(s.range.start) !== s.start && !isInsideLineBreak(text, s.start)) bad.push(`${path}: offsetAt(range.start) != start`);
  }
  return bad;
}

/** Between \r and \n is not a position an editor can name; offsetAt rounds it to the line end. */
function isInsideLineBreak(text: string, at: number): boolean {
  return text[at - 1] === '\r' && text[at] === '\n';
}

/** The plan without its text and line index: what must be the same for the same input. */
export function fingerprint(plan: Plan, problems: readonly Problem[] = []): string {
  return JSON.stringify({
    title: plan.title,
    convention: plan.convention,
    sections: plan.sections.map((s) => ({ ...s, subsections: s.subsections.length, tasks: s.tasks.map((t) => t.index) })),
    subsections: plan.subsections.map((s) => ({ ...s, section: s.section?.line ?? null, tasks: s.tasks.map((t) => t.index) })),
    // Field by field: a task's clause, names and spans are getters made on demand, which a spread
    // would leave out (and its private caches, which a spread would put in, differ with what was asked).
    tasks: plan.tasks.map((t) => ({
      index: t.index,
      number: t.number,
      value: t.value,
      style: t.style,
      separator: t.separator,
      line: t.line,
      section: t.section?.line ?? null,
      subsection: t.subsection?.line ?? null,
      restarted: t.restarted,
      numberSpan: t.numberSpan,
      span: t.span,
      bodySpan: t.bodySpan,
      clause: t.clause,
      deadlines: t.deadlines,
      mentions: t.mentions,
      lead: t.lead.map((m) => m.name),
      participants: t.participants.map((m) => m.name),
      names: t.names.map((m) => [m.role, m.name]),
    })),
    crossReferences: plan.crossReferences,
    brackets: plan.brackets,
    problems,
  });
}
