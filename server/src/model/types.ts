import type { LineIndex, Range } from './text';

/** A piece of the document: its UTF-16 offsets and the matching LSP range. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export type Role = 'lead' | 'participant';

/** One department named in a responsibility clause. */
export interface Mention {
  readonly role: Role;
  /** The text exactly as written (for a shared suffix or prefix, only the written part). */
  readonly written: string;
  /** The normalised name: shared prefix/suffix expanded, 等/和/及 and nameplate aliases dropped. */
  readonly name: string;
  readonly span: Span;
  /** The label or verb that gave the role (牵头, 参加, 牵头单位, ...), if any. */
  readonly via: string | null;
}

export interface TaskName {
  readonly role: Role;
  readonly name: string;
}

export interface Deadline {
  readonly text: string;
  readonly span: Span;
}

export type ClauseForm =
  | 'paren' // (省科技厅牵头,省财政厅参加)
  | 'labels' // 牵头单位：… lines after the task
  | 'inline-labels' // 牵头单位：…；责任单位：… on the task's own line, without brackets
  | 'bracket' // [牵头单位：…] or 【…】
  | 'table'; // a table row's cells under 牵头单位 / 配合单位 columns (model/table.ts)

export interface Clause {
  readonly form: ClauseForm;
  /** Whole clause, brackets included. For the label form, first label to end of last label line. */
  readonly span: Span;
  /** The line annotation rules point at: where the parenthetical starts, or the last unit label line. */
  readonly line: number;
  /** Where a rule about the clause as a whole should point (the bracket or the last label). */
  readonly anchor: Span;
  /** True when 牵头 (or a 牵头单位 label) appears: the lead is explicit. */
  readonly explicitLead: boolean;
  /** Offset where a new lead could be inserted (just inside the opening bracket or after the label). */
  readonly insertAt: number;
  /** People named (牵头领导：…, 分管副省长), never departments. */
  readonly persons: readonly string[];
}

export interface Heading {
  readonly kind: 'section' | 'subsection';
  /** Numeral as written: 一, 十二. */
  readonly numeral: string;
  readonly value: number;
  readonly title: string;
  readonly line: number;
  /** The heading line's content (markers such as ## excluded). */
  readonly span: Span;
  readonly numeralSpan: Span;
  /** From the heading to the end of the last line before the next heading of the same or higher kind. */
  readonly extent: Span;
}

export interface Section extends Heading {
  readonly kind: 'section';
  readonly subsections: Subsection[];
  readonly tasks: Task[];
}

export interface Subsection extends Heading {
  readonly kind: 'subsection';
  readonly section: Section | null;
  readonly tasks: Task[];
}

export type NumberStyle = 'arabic' | 'paren-arabic';

export interface Task {
  readonly index: number;
  /** The numeral as written, without punctuation: "1" for 1. / 1、 / （1） / "3 ". */
  readonly number: string;
  readonly value: number;
  readonly style: NumberStyle;
  readonly numberSpan: Span;
  /** Separator after the number (., 、, ．, ）…), or null when the text follows with no separator. */
  readonly separator: string | null;
  readonly line: number;
  readonly section: Section | null;
  readonly subsection: Subsection | null;
  /** From the number to the end of the last line that belongs to the task (clause lines included). */
  readonly span: Span;
  /** The task's words: from after the separator to before the clause. */
  readonly bodySpan: Span;
  /**
   * span.start, span.end, numberSpan.end, bodySpan.start and bodySpan.end, without making a span:
   * what whole-plan scans (outline, folding, labels, searches) read of every task.
   */
  readonly spanStart: number;
  readonly spanEnd: number;
  readonly numberEnd: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly clause: Clause | null;
  readonly deadlines: readonly Deadline[];
  readonly mentions: readonly Mention[];
  readonly lead: readonly Mention[];
  readonly participants: readonly Mention[];
  /**
   * Each mention's role and name, without spans: a record per name, made at each call (`mentions`
   * also makes a span per name, kept by the task). Whole-plan scans use forEachName or hasLead,
   * which make nothing.
   */
  readonly names: readonly TaskName[];
  /** Whether the clause names a lead, building no objects. */
  readonly hasLead: boolean;
  /**
   * Each mention's role, name, document offsets, the text as written and the name's registry key
   * (found as the clause was read), in order, building no objects.
   */
  forEachName(fn: (role: Role, name: string, start: number, end: number, written: string, key: string) => void): void;
  /** Each time limit's document offsets, in order, building no objects. */
  forEachDeadline(fn: (start: number, end: number) => void): void;
  /** True when the numbering restarted at 1 right after a heading. */
  readonly restarted: boolean;
}

/** "第12项", "本方案第5条" in prose: a pointer to another task. */
export interface CrossReference {
  readonly value: number;
  readonly span: Span;
  /** Span of the digits only (what renumbering rewrites). */
  readonly numberSpan: Span;
}

/** Bracket that is never closed, or a closer without an opener. */
export interface BracketProblem {
  readonly char: string;
  readonly span: Span;
  readonly kind: 'unclosed' | 'unopened';
}

export interface Convention {
  readonly phrase: string;
  readonly span: Span;
}

export interface Plan {
  readonly text: string;
  readonly lines: LineIndex;
  readonly title: { readonly text: string; readonly span: Span } | null;
  readonly convention: Convention | null;
  readonly sections: readonly Section[];
  /** Every sub-section, in document order. */
  readonly subsections: readonly Subsection[];
  readonly tasks: readonly Task[];
  readonly crossReferences: readonly CrossReference[];
  readonly brackets: readonly BracketProblem[];
  /** Whether numbering restarts per section/sub-section (true when any task restarted at 1). */
  readonly numberingRestarts: boolean;
}
