/**
 * The server's state and the work that needs the connection: open documents, settings,
 * registries, analysis cache, diagnostics (push or pull), registry watching and the workspace
 * check. Features never see this; they receive a PlanDocument.
 */
import {
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  WorkDoneProgress,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type ProgressToken,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyseIn, DocumentCache } from './documentCache';
import { warmCompletionIndex } from './features/completion';
import { DiagnosticReports, toDiagnostics } from './features/diagnostics';
import { localPath, readDraftText, type Draft } from './features/diff';
import { listCandidateFiles, MAX_PLAN_MB, readPlanFile } from './features/workspaceFiles';
import type { PlanDocument } from './features/common';
import { fullCollection, HeapGrowth, IdleCollector } from './idleCollector';
import { registryIssueText, t, type Locale } from './messages';
import { parsePlan } from './model/parser';
import { forgetLatest } from './model/shapes';
import type { CheckWorkspaceResult } from './protocol';
import type { RegistryIssue } from './registry/registry';
import { formatError } from './runner';
import { SettingsStore, type Environment } from './settings';
import type { Analysis } from './analysis';

/** Completion's index is built after the first diagnostics are out, not before them. */
const WARM_COMPLETION_DELAY_MS = 100;

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly cache = new DocumentCache();
  /** What was last reported to a client that pulls diagnostics, per document (result ids). */
  readonly reports = new DiagnosticReports();
  readonly settings: SettingsStore;
  /** Old versions of long plans are let go once the server is idle (idleCollector.ts). */
  readonly memory = new IdleCollector({ collect: fullCollection() });
  /** The heap grows slowly while big plans are open (idleCollector.ts). */
  readonly heapGrowth = new HeapGrowth();
  /** Plans found by the workspace check that are not open, for workspace symbols. */
  private readonly workspacePlans = new Map<string, PlanDocument>();
  /** Documents whose validation is booked: one per document, whatever the number of edits. */
  private readonly pending = new Map<string, Booking>();
  /** Files whose diagnostics were pushed by the workspace check (pull clients must see them cleared on open). */
  private readonly pushedByCheck = new Set<string>();
  private folders: string[] = [];
  private pushedSettings: unknown = undefined;
  readonly pullDiagnostics: boolean;
  private readonly caps: ClientCapabilities;

  constructor(
    readonly connection: Connection,
    params: InitializeParams,
  ) {
    this.caps = params.capabilities;
    this.pullDiagnostics = !!this.caps.textDocument?.diagnostic;
    this.folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (this.folders.length === 0 && params.rootUri) this.folders = [URI.parse(params.rootUri).fsPath];
    const hasConfiguration = !!this.caps.workspace?.configuration;
    this.settings = new SettingsStore(
      hasConfiguration
        ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'fengong' }) as Promise<unknown>
        : () => Promise.resolve(this.pushedSettings),
      params.locale,
      () => this.folders,
      (issue, locale) => this.reportRegistryIssue(issue, locale),
    );
  }

  error(message: string): void {
    this.connection.console.error(message);
  }

  /** The analysed open document, or null when it is not open (or closed while we waited). */
  async planDocument(uri: string): Promise<PlanDocument | null> {
    this.memory.touch();
    // A plan the workspace check read needs no settings: it was analysed with them then.
    if (!this.documents.get(uri)) return this.workspacePlans.get(uri) ?? null;
    const env = await this.settings.environment(uri);
    const doc = this.documents.get(uri);
    if (!doc) return null;
    return planDocumentOf(uri, this.cache.get(uri, doc.version, doc.getText(), env), env);
  }

  async openPlanDocuments(): Promise<PlanDocument[]> {
    const out: PlanDocument[] = [];
    for (const d of this.documents.all()) {
      const p = await this.planDocument(d.uri);
      if (p) out.push(p);
    }
    return out;
  }

  /** Open documents first, then plans the workspace check found. */
  async allPlanDocuments(): Promise<PlanDocument[]> {
    const open = await this.openPlanDocuments();
    const openUris = new Set(open.map((d) => d.uri));
    return [...open, ...[...this.workspacePlans.values()].filter((d) => !openUris.has(d.uri))];
  }

  /** Another draft to compare `current` with: its text when open, else the file (text or Word) from disk. */
  async draft(uri: string, current: PlanDocument): Promise<Draft> {
    // An open draft is already analysed: use that plan rather than parsing its text again.
    if (this.documents.get(uri)) {
      const open = await this.planDocument(uri);
      if (open) return { plan: open.plan };
    }
    const path = localPath(uri);
    if (path === null) return { error: t('diff.scheme', current.locale, { file: uri }) };
    const read = await readDraftText(path, current.locale);
    if ('error' in read) return read;
    const env = await this.settings.environment(current.uri);
    return { plan: parsePlan(read.text, { firstListed: env.settings.firstListed }) };
  }

  get foldersChangeSupported(): boolean {
    return !!this.caps.workspace?.workspaceFolders;
  }

  get locale(): Locale {
    return this.settings.defaultLocale;
  }

  // ----- diagnostics -----

  /**
   * Validates as soon as no more edits to the document are waiting, with no fixed delay. The
   * JSON-RPC layer handles one queued message per turn of the event loop and books the next
   * message's turn when a handler returns; a turn booked after that (from a microtask) therefore
   * comes after the next queued message. When the validation's turn comes and the document changed
   * since it was booked, more edits may be queued behind it: it books another turn. So a burst
   * already received is analysed once, for the newest version, and a lone keystroke costs one turn.
   */
  scheduleValidation(uri: string): void {
    if (this.pending.has(uri)) return;
    const booking: Booking = { seen: this.documents.get(uri)?.version, turn: undefined };
    this.pending.set(uri, booking);
    this.bookTurn(uri, booking);
  }

  private bookTurn(uri: string, booking: Booking): void {
    queueMicrotask(() => {
      // Closed (or closed and opened again) in the meantime: that booking is no longer this one.
      if (this.pending.get(uri) !== booking) return;
      booking.turn = setImmediate(() => {
        const now = this.documents.get(uri)?.version;
        if (now !== undefined && now !== booking.seen) {
          booking.seen = now;
          this.bookTurn(uri, booking);
          return;
        }
        this.pending.delete(uri);
        void this.validate(uri);
      });
    });
  }

  private async validate(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      const p = await this.planDocument(uri);
      // A newer version arrived while settings were fetched: its own validation will publish.
      if (!p || this.documents.get(uri)?.version !== version) return;
      await this.connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(uri, p.problems) });
      // The document finds its line offsets on first use (the first edit: it turns the edit's line
      // and character into offsets) and keeps them up to date after that. Found now, once the
      // diagnostics are written, the first keystroke after opening a long plan does not wait for
      // that scan (12-15 ms at 10k tasks). When they are already known this costs nothing.
      void this.documents.get(uri)?.lineCount;
    } catch (err) {
      this.error(formatError(`validation failed for ${uri}`, err));
    }
  }

  opened(uri: string): void {
    this.sized();
    // Open, the document is analysed as it is typed: the check's analysis of it would only go stale.
    this.workspacePlans.delete(uri);
    if (!this.pullDiagnostics) this.scheduleValidation(uri);
    else if (this.pushedByCheck.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // After the first diagnostics are out, not before them.
    setTimeout(() => void this.settings.environment(uri).then((env) => warmCompletionIndex(env.registry), () => undefined), WARM_COMPLETION_DELAY_MS);
  }

  changed(uri: string): void {
    this.memory.touch();
    this.sized();
    if (!this.pullDiagnostics) this.scheduleValidation(uri);
  }

  closed(uri: string): void {
    clearImmediate(this.pending.get(uri)?.turn);
    this.pending.delete(uri);
    this.cache.evict(uri);
    this.reports.forget(uri);
    this.memory.touch();
    this.sized();
    this.settings.forget(uri);
    // The last parser may be this document's, holding its text: the next analysis holds its own.
    forgetLatest();
    if (!this.pullDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The open documents' size may have changed: the heap's growth follows it. */
  private sized(): void {
    let chars = 0;
    for (const d of this.documents.all()) chars += d.getText().length;
    this.heapGrowth.update(chars);
  }

  /** Settings or registries changed: every open plan is checked again. */
  revalidateAll(): void {
    if (this.pullDiagnostics) {
      if (this.caps.workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const d of this.documents.all()) this.scheduleValidation(d.uri);
  }

  configurationChanged(settings: unknown): void {
    this.pushedSettings = (settings as { fengong?: unknown } | null)?.fengong;
    this.settings.configurationChanged();
    this.revalidateAll();
  }

  // ----- registries -----

  private reportRegistryIssue(issue: RegistryIssue, locale: Locale): void {
    const { where, message: text } = registryIssueText(issue, locale);
    const message = `${where}: ${text}`;
    this.connection.console.warn(message);
    // A notification, not window/showMessageRequest: the warning needs no answer, and a client
    // that does not implement the request must not be able to fail it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  async watchRegistryFiles(): Promise<void> {
    if (!this.caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.json' }, { globPattern: '**/*.txt' }, { globPattern: '**/*.fgreg' }],
    });
  }

  registryFilesChanged(uris: readonly string[]): void {
    const paths = uris.map((u) => URI.parse(u).fsPath);
    if (this.settings.registryFilesChanged(paths)) this.revalidateAll();
  }

  foldersChanged(added: readonly string[], removed: readonly string[]): void {
    const rm = new Set(removed.map((u) => URI.parse(u).fsPath));
    this.folders = [...this.folders.filter((f) => !rm.has(f)), ...added.map((u) => URI.parse(u).fsPath)];
  }

  // ----- workspace check -----

  async checkWorkspace(folders: readonly string[] | undefined, token: CancellationToken, workDoneToken: ProgressToken | undefined): Promise<CheckWorkspaceResult> {
    const roots = folders?.length ? folders.map((f) => (f.startsWith('file:') ? URI.parse(f).fsPath : f)) : this.folders;
    const progress = await this.progress(workDoneToken);
    const title = t('progress.check', this.locale);
    progress.report({ kind: 'begin', title, cancellable: true, percentage: 0 });
    let files = 0;
    let problems = 0;
    let cancelled = false;
    const tooLarge: string[] = [];
    try {
      const candidates = await listCandidateFiles(roots, () => token.isCancellationRequested);
      for (let i = 0; i < candidates.length; i++) {
        if (token.isCancellationRequested) break;
        const uri = URI.file(candidates[i]).toString();
        const open = this.documents.get(uri);
        let doc: PlanDocument | null = null;
        if (open) doc = await this.planDocument(uri);
        else {
          const read = await readPlanFile(candidates[i]);
          if (read && 'tooLarge' in read) tooLarge.push(candidates[i]);
          else if (read) {
            const { text } = read;
            const env = await this.settings.environment(uri);
            doc = planDocumentOf(uri, analyseIn(text, env), env);
            this.workspacePlans.set(uri, doc);
            // Settings are kept per open document; a file the check only read is not one.
            this.settings.forget(uri);
          }
        }
        if (doc) {
          files++;
          problems += doc.problems.length;
          if (!open || !this.pullDiagnostics) {
            if (!open) this.pushedByCheck.add(uri);
            await this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(uri, doc.problems) });
          }
        }
        const done = i + 1;
        progress.report({
          kind: 'report',
          percentage: Math.round((done / candidates.length) * 100),
          message: t('progress.files', this.locale, { done, total: candidates.length }),
        });
        // Let a $/cancelRequest in the queue be read before the next file.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      cancelled = token.isCancellationRequested;
      progress.report({ kind: 'end' });
    }
    if (tooLarge.length) this.reportTooLarge(tooLarge);
    return { files, problems, cancelled };
  }

  /** Never a silent skip: the user learns which files the check left out, and why. */
  private reportTooLarge(paths: readonly string[]): void {
    const message = t('check.tooLarge', this.locale, { files: paths.join(t('list.separator', this.locale)), limit: MAX_PLAN_MB });
    this.connection.console.warn(message);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** Reports through the request's own token, or a server-created one, or nowhere. */
  private async progress(token: ProgressToken | undefined): Promise<{ report(v: WorkDoneProgressValue): void }> {
    if (token !== undefined) return { report: (v) => void this.connection.sendProgress(WorkDoneProgress.type, token, v) };
    if (this.caps.window?.workDoneProgress) {
      try {
        const p = await this.connection.window.createWorkDoneProgress();
        let begun = false;
        return {
          report: (v) => {
            if (v.kind === 'begin') {
              begun = true;
              p.begin(v.title, v.percentage, v.message, v.cancellable);
            } else if (v.kind === 'report' && begun) p.report(v.percentage ?? 0, v.message ?? '');
            else if (v.kind === 'end') p.done();
          },
        };
      } catch {
        // The client refused a progress token: the check still runs, silently.
      }
    }
    return { report: () => undefined };
  }
}

/** A validation waiting for its turn: the version it last saw, and the turn it is booked for. */
interface Booking {
  seen: number | undefined;
  turn: NodeJS.Immediate | undefined;
}

type WorkDoneProgressValue =
  | { kind: 'begin'; title: string; cancellable?: boolean; message?: string; percentage?: number }
  | { kind: 'report'; message?: string; percentage?: number }
  | { kind: 'end'; message?: string };

/** An analysis with what it was made with, as features see it. */
function planDocumentOf(uri: string, a: Analysis, env: Environment): PlanDocument {
  return { uri, plan: a.plan, problems: a.problems, registry: env.registry, locale: env.locale };
}
