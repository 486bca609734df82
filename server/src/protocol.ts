/**
 * Fengong's custom protocol, imported by both the VS Code client and the server. Everything here
 * is plain JSON over LSP, so any LSP client can use it too.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { Locale } from './messages';
import type { PlanDiff } from './reviewer/diff';
import type { RuleCode, SeveritySetting } from './rules/types';

/** The `fengong` configuration section, as the server reads it per resource. */
export interface Settings {
  /** Registry files layered over the default one: absolute, or relative to the workspace folder. */
  readonly registries: readonly string[];
  readonly useDefaultRegistry: boolean;
  /** Severity per rule code; rules not listed keep their default. */
  readonly rules: Readonly<Partial<Record<RuleCode, SeveritySetting>>>;
  /** The "first listed leads" convention: as the plan declares (auto), always, never. */
  readonly firstListed: 'auto' | 'on' | 'off';
  /** Language of diagnostics and hovers: follow the editor (auto), or fixed. */
  readonly language: 'auto' | 'zh-cn' | 'en';
}

export const DEFAULT_SETTINGS: Settings = {
  registries: [],
  useDefaultRegistry: true,
  rules: {},
  firstListed: 'auto',
  language: 'auto',
};

/** A task as lists and quick picks show it. */
export interface TaskInfo {
  /** Unique within the plan: "12", or "三.4" where numbering restarts per section. */
  readonly key: string;
  readonly number: string;
  readonly section: string | null;
  readonly subsection: string | null;
  /** The first words of the task. */
  readonly label: string;
  readonly lead: readonly string[];
  readonly participants: readonly string[];
  readonly range: Range;
  /** Range of the task number, for navigation. */
  readonly selectionRange: Range;
}

export interface MatrixDepartment {
  /** The name as written in the plan (normalised). */
  readonly name: string;
  /** The registry's preferred name and full name, when known. */
  readonly preferred: string | null;
  readonly fullName: string | null;
  readonly status: 'active' | 'renamed' | 'merged' | 'abolished' | 'unknown';
  readonly leads: number;
  readonly participates: number;
}

/** Departments × tasks: which department leads (L) or joins (P) which task. */
export interface Matrix {
  readonly uri: string;
  readonly title: string | null;
  readonly tasks: readonly TaskInfo[];
  readonly departments: readonly MatrixDepartment[];
  /** One entry per (department, task) pair that has a role. Indexes into the two lists above. */
  readonly cells: readonly { readonly department: number; readonly task: number; readonly role: 'lead' | 'participant' }[];
}

export interface UriParams {
  readonly uri: string;
}

/** The responsibility matrix of an open plan. */
export const MatrixRequest = new RequestType<UriParams, Matrix | null, void>('fengong/matrix');

/** The tasks of an open plan, for "go to task" pickers. */
export const TasksRequest = new RequestType<UriParams, TaskInfo[], void>('fengong/tasks');

export interface PlanStatus {
  readonly tasks: number;
  readonly withoutLead: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Counts for the status bar. */
export const StatusRequest = new RequestType<UriParams, PlanStatus | null, void>('fengong/status');

export interface CheckWorkspaceResult {
  readonly files: number;
  readonly problems: number;
  readonly cancelled: boolean;
}

/**
 * Checks every plan file under the workspace folders and publishes their diagnostics. Reports
 * progress through the request's work-done token and honours cancellation.
 */
export const CheckWorkspaceRequest = new RequestType<{ readonly folders?: readonly string[] }, CheckWorkspaceResult, void>(
  'fengong/checkWorkspace',
);

export interface DiffParams {
  /** The plan open in the editor. */
  readonly uri: string;
  /** The draft to compare it with: read from disk (text or .docx) unless it is open. */
  readonly otherUri: string;
  /** Whether the other draft is the earlier one (the default, as in VS Code's compare) or the later. */
  readonly otherIs?: 'old' | 'new';
}

export interface DiffResult {
  /** What `fengong diff` prints, in the plan's language: a summary line, then each change. */
  readonly text: string;
  /** What `fengong diff --format json` prints, without the file names. */
  readonly json: PlanDiff;
  readonly differs: boolean;
  readonly locale: Locale;
}

/** A diff, or why the other draft could not be read (a message in the plan's language). */
export type DiffAnswer = DiffResult | { readonly error: string };

/** Compares an open plan with another draft task by task, with the plan's registry settings. */
export const DiffRequest = new RequestType<DiffParams, DiffAnswer | null, void>('fengong/diff');

/**
 * Word documents shown as plans: `fengong-docx:` + the .docx file's path, one line per paragraph,
 * read-only. The query holds the file's own scheme when it is not `file`.
 */
export const DOCX_SCHEME = 'fengong-docx';

/**
 * The text of a Word file as `fengong check` reads it, one line per paragraph, or why it cannot be
 * read (in the user's language). The server reads it, as it reads drafts for fengong/diff, so
 * there is one .docx reader and one set of messages. `uri` is the file's URI.
 */
export const DocxTextRequest = new RequestType<UriParams, { readonly text: string } | { readonly error: string }, void>('fengong/docxText');

/** Command ids the server executes (workspace/executeCommand). Arguments: [uri]. */
export const Commands = {
  /** Renumbers every task of the plan in one workspace edit (cross-references in prose follow). */
  renumber: 'fengong.server.renumber',
  /** Replaces every use of an outdated name in a plan with its successor: [uri, name, successor]. */
  replaceEverywhere: 'fengong.server.replaceEverywhere',
} as const;
