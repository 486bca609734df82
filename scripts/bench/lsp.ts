/**
 * A bare stdio LSP client for timing the real server (node dist/server.js --stdio): what an
 * editor does, minus the editor. Diagnostics are matched to the document version they answer,
 * so a stale publish for an older version never counts as the answer to a keystroke.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface Published {
  readonly version: number | undefined;
  readonly count: number;
  /** performance.now() when it arrived. */
  readonly at: number;
}

export class BenchClient {
  private readonly waiters: { uri: string; version: number | null; resolve: (p: Published) => void }[] = [];
  private readonly last = new Map<string, Published>();
  private stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  /** `pull`: the client pulls diagnostics (textDocument/diagnostic, as VS Code does) instead of taking pushes. */
  static async start(serverJs: string, pull = false): Promise<BenchClient> {
    const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new BenchClient(proc, connection);
    proc.stderr!.on('data', (d: Buffer) => (client.stderr = (client.stderr + d.toString()).slice(-4000)));
    // The server may ask for settings and register capabilities; answer as a plain editor would.
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.onPublish(p));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      locale: 'zh-cn',
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          synchronization: { dynamicRegistration: false },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    const got: Published = { version: p.version, count: p.diagnostics.length, at: performance.now() };
    this.last.set(p.uri, got);
    for (let k = this.waiters.length - 1; k >= 0; k--) {
      const w = this.waiters[k];
      if (w.uri !== p.uri) continue;
      // A server that does not send versions answers with the first publish after the request.
      if (w.version === null || p.version === undefined || p.version >= w.version) {
        this.waiters.splice(k, 1);
        w.resolve(got);
      }
    }
  }

  /** Resolves with the first publish for the uri at or after the version; rejects after the deadline. */
  diagnosticsFor(uri: string, version: number | null, timeoutMs: number): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const k = this.waiters.indexOf(waiter);
        if (k >= 0) this.waiters.splice(k, 1);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms${this.stderr ? `; server stderr: ${this.stderr}` : ''}`));
      }, timeoutMs);
      const waiter = {
        uri,
        version,
        resolve: (p: Published) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Opens the document and resolves with the publish that answers it. */
  async open(uri: string, text: string, timeoutMs: number): Promise<Published> {
    const answer = this.diagnosticsFor(uri, 1, timeoutMs);
    await this.openOnly(uri, text);
    return answer;
  }

  /** Opens the document (version 1) without waiting for anything (a client that pulls asks for diagnostics itself). */
  async openOnly(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'fengong', version: 1, text } });
  }

  /** Sends one incremental change and resolves with the publish that answers it. */
  async change(uri: string, version: number, range: { start: Position; end: Position }, text: string, timeoutMs: number): Promise<Published> {
    const answer = this.diagnosticsFor(uri, version, timeoutMs);
    await this.changeOnly(uri, version, range, text);
    return answer;
  }

  /** Sends one change without waiting for anything. */
  async changeOnly(uri: string, version: number, range: { start: Position; end: Position }, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Pulls the document's diagnostics, saying which result the client holds. */
  async pull(uri: string, previousResultId?: string): Promise<{ kind: 'full' | 'unchanged'; resultId?: string; count: number }> {
    const r = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
    return { kind: r.kind, resultId: r.resultId, count: r.kind === 'full' ? r.items.length : -1 };
  }

  async symbols(uri: string): Promise<number> {
    const result = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return result?.length ?? 0;
  }

  async hover(uri: string, position: Position): Promise<boolean> {
    const result = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    return result !== null;
  }

  /**
   * CPU time (user + system, all threads: V8's GC and compiler threads too, so it can exceed wall
   * time) the server process has used so far, in ms, from /proc (Linux; clock ticks taken as
   * 100 Hz, the Linux default). On a busy machine wall time includes waiting for a core; CPU time
   * says what the server itself spent.
   */
  cpuMs(): number | null {
    try {
      // Fields after the command name (which may hold spaces) start at its closing parenthesis.
      const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return null;
    }
  }

  /** Resident set size of the server process in MB, from /proc (Linux). */
  rssMb(): { rss: number; peak: number } | null {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    const timer = setTimeout(() => this.proc.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** How long the full bench leaves the server idle to read its RSS at rest (plans of 10k tasks and more). */
export const REST_MS = 40_000;

/**
 * The lowest RSS of the idle server within `limitMs` of the last request (`busy`: its RSS then),
 * polled every `everyMs`; stops early after `quiet` readings in a row without a new low.
 */
export async function restingRss(
  client: { rssMb(): { rss: number } | null },
  busy: number | null,
  limitMs = REST_MS,
  everyMs = 500,
  quiet = 30,
): Promise<{ rss: number; afterMs: number } | null> {
  if (busy === null) return null;
  const start = performance.now();
  let best = { rss: busy, afterMs: 0 };
  // Memory comes back in steps: the server's own collection 1.5 s after the last request, its
  // compacting one 5 s later, V8's memory reducer some seconds after that. A drop, however large, is
  // not the end: only a quiet spell longer than the gap between the steps (30 readings, 15 s) is.
  let since = 0;
  while (performance.now() - start < limitMs) {
    await new Promise((r) => setTimeout(r, everyMs));
    const now = client.rssMb();
    if (!now) return null;
    if (now.rss < best.rss) {
      best = { rss: now.rss, afterMs: Math.round(performance.now() - start) };
      since = 0;
    } else if (++since >= quiet) break;
  }
  return best;
}
