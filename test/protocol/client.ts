/**
 * A small LSP client for tests, benchmarks and fuzzing: starts the real server
 * (`node dist/server.js --stdio`) and speaks JSON-RPC to it. It answers the server's own requests
 * (workspace/configuration, workspace/applyEdit, client/registerCapability, progress creation)
 * and records what the server pushes (diagnostics, messages, progress, applied edits).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type LogMessageParams,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const SEED_PATH = join(ROOT, 'seeds', '浙江省加快培育发展战略性新兴产业重点工作分工方案-2013.txt');

let built = false;
/** Bundles dist/server.js once per test process (esbuild takes well under a second). */
export function buildServer(): void {
  if (built && existsSync(SERVER)) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
  built = true;
}

export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

/** Capabilities of a typical editor that takes pushed diagnostics (as Neovim does). */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: false },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } }, isPreferredSupport: true },
    rename: { prepareSupport: true },
  },
};

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  readonly locale?: string;
  readonly workspaceFolders?: readonly string[];
  /** The `fengong` section the client answers for every resource. */
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: unknown;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly progress: { token: string | number; value: unknown }[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly registrations: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  /** The server's stderr, for failure messages. */
  stderr = '';
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly waiters = new Set<() => void>();
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    options: StartOptions,
  ) {
    this.settings = { ...(options.settings ?? {}) };
    process.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    process.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      this.notify();
    });
    this.connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.notify();
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
      this.notify();
    });
    this.connection.onNotification('$/progress', (p: { token: string | number; value: unknown }) => {
      this.progress.push(p);
      this.notify();
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.push(r.method);
      this.notify();
      return null;
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.appliedEdits.push(p);
      for (const [uri, edits] of Object.entries(p.edit.changes ?? {})) {
        const doc = this.documents.get(uri);
        if (doc) this.documents.set(uri, TextDocument.create(uri, doc.languageId, doc.version, TextDocument.applyEdits(doc, edits)));
      }
      this.notify();
      return { applied: true };
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    buildServer();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(child, options);
    const folders = options.workspaceFolders ?? [ROOT];
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(folders[0]),
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: f })),
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      locale: options.locale ?? 'zh-cn',
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first non-undefined value of `probe`, re-checked on every message from the server. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let v: T | undefined;
        try {
          v = probe();
        } catch (e) {
          done();
          reject(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        if (v !== undefined) {
          done();
          resolve(v);
        } else if (this.exited) {
          done();
          reject(new Error(`server exited while waiting for ${what}\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Diagnostics published for a document at exactly this version (or any version if omitted). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      `diagnostics for ${uri}${version !== undefined ? ` v${version}` : ''}`,
      () => {
        const p = this.diagnostics.get(uri);
        return p && (version === undefined || p.version === version) ? p.diagnostics : undefined;
      },
      timeoutMs,
    );
  }

  async open(uri: string, text: string, languageId = 'fengong'): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Sends incremental changes and mirrors them locally; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc.getText();
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // The server is already gone; the kill below makes sure of it.
      }
      await this.waitFor('server exit', () => (this.exited ? true : undefined), 3000).catch(() => this.process.kill());
    }
    this.connection.dispose();
  }
}
