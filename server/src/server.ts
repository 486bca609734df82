/**
 * The LSP glue: capabilities, and one registration line per handler. Every handler goes through
 * the same wrapper (runner.ts) and calls a feature with the analysed document.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type CancellationToken,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ProgressToken,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { codeActions, RENUMBER_KIND } from './features/codeActions';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { definition, documentHighlights, references } from './features/navigation';
import { codeLenses, LEGEND, semanticTokens } from './features/presentation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols, foldingRanges, workspaceSymbols } from './features/symbols';
import { executeCommand } from './features/commands';
import { compareDrafts, readWordFile } from './features/diff';
import { perAnalysis, type PlanDocument } from './features/common';
import { CheckWorkspaceRequest, Commands, DOCX_SCHEME, DiffRequest, DocxTextRequest, MatrixRequest, StatusRequest, TasksRequest } from './protocol';
import { buildMatrix, taskInfos } from './reviewer/matrix';
import { runSafe } from './runner';
import { Session } from './session';

declare const FENGONG_VERSION: string;

/** Word plans are shown read-only (fengong-docx:): no edit is offered that could not be applied. */
function readOnly(uri: string): boolean {
  return uri.startsWith(`${DOCX_SCHEME}:`);
}

export function startServer(connection: Connection): void {
  let session: Session | undefined;
  const log = { error: (m: string) => connection.console.error(m) };

  /** Wraps a handler that needs one analysed document. */
  function onPlan<P extends { textDocument: TextDocumentIdentifier }, R>(name: string, empty: R, fn: (doc: PlanDocument, params: P) => R | Promise<R>) {
    return (params: P, token: CancellationToken): Promise<R> =>
      runSafe(log, name, params.textDocument.uri, token, empty, async () => {
        const doc = session ? await session.planDocument(params.textDocument.uri) : null;
        return doc && !token.isCancellationRequested ? fn(doc, params) : empty;
      });
  }
  /** The same for the custom requests, whose parameter is { uri }. */
  function onUri<R>(name: string, empty: R, fn: (doc: PlanDocument) => R | Promise<R>) {
    return (params: { uri: string }, token: CancellationToken) => onPlan<{ textDocument: TextDocumentIdentifier }, R>(name, empty, fn)({ textDocument: { uri: params.uri } }, token);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const s = new Session(connection, params);
    session = s;
    s.documents.onDidOpen((e) => s.opened(e.document.uri));
    s.documents.onDidChangeContent((e) => s.changed(e.document.uri));
    s.documents.onDidClose((e) => s.closed(e.document.uri));
    s.documents.listen(connection);
    return {
      serverInfo: { name: 'fengong-language-server', version: typeof FENGONG_VERSION === 'string' ? FENGONG_VERSION : 'dev' },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '分工' },
        foldingRangeProvider: true,
        hoverProvider: true,
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        completionProvider: { triggerCharacters: ['（', '(', '、', '，', ',', '：', ':'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, RENUMBER_KIND] },
        renameProvider: { prepareProvider: true },
        semanticTokensProvider: { legend: LEGEND, full: true },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(Commands) },
        ...(s.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  connection.onInitialized(() => {
    if (!session) return;
    void session.watchRegistryFiles().catch((e: unknown) => log.error(`could not watch registry files: ${String(e)}`));
    if (session.foldersChangeSupported) connection.workspace.onDidChangeWorkspaceFolders((e) => session?.foldersChanged(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
  });
  connection.onDidChangeConfiguration((p) => session?.configurationChanged(p.settings));
  connection.onDidChangeWatchedFiles((p) => session?.registryFilesChanged(p.changes.map((c) => c.uri)));

  connection.languages.diagnostics.on(
    onPlan<DocumentDiagnosticParams, DocumentDiagnosticReport>('diagnostics', { kind: 'full', items: [] }, (d, p) => session!.reports.report(d.uri, d.problems, p.previousResultId)),
  );
  connection.onDocumentSymbol(onPlan('documentSymbol', [], perAnalysis(documentSymbols)));
  connection.onFoldingRanges(onPlan('foldingRange', [], perAnalysis(foldingRanges)));
  connection.onHover(onPlan('hover', null, (d, p) => hover(d, p.position)));
  connection.onDefinition(onPlan('definition', [], (d, p) => definition(d, p.position)));
  connection.onReferences(onPlan('references', [], (d, p) => references(d, p.position, p.context.includeDeclaration)));
  connection.onDocumentHighlight(onPlan('documentHighlight', [], (d, p) => documentHighlights(d, p.position)));
  connection.onCompletion(onPlan('completion', null, (d, p) => completion(d, p.position)));
  connection.onCodeAction(onPlan('codeAction', [], (d, p) => (readOnly(d.uri) ? [] : codeActions(d, p.context.diagnostics, p.context.only))));
  connection.onPrepareRename(onPlan('prepareRename', null, (d, p) => (readOnly(d.uri) ? null : prepareRename(d, p.position))));
  connection.onRenameRequest(onPlan('rename', null, async (d, p) => (readOnly(d.uri) ? null : rename(d, p.position, p.newName, ((await session?.openPlanDocuments()) ?? []).filter((o) => !readOnly(o.uri))))));
  connection.languages.semanticTokens.on(onPlan('semanticTokens', { data: [] }, perAnalysis(semanticTokens)));
  connection.onCodeLens(onPlan('codeLens', [], perAnalysis(codeLenses)));
  connection.onWorkspaceSymbol((p, token) => runSafe(log, 'workspaceSymbol', undefined, token, [], async () => workspaceSymbols((await session?.allPlanDocuments()) ?? [], p.query)));
  connection.onExecuteCommand((p, token) =>
    runSafe(log, 'executeCommand', String(p.arguments?.[0] ?? ''), token, null, async () => {
      const doc = session && typeof p.arguments?.[0] === 'string' ? await session.planDocument(p.arguments[0]) : null;
      // Commands produce edits: none for a read-only Word plan, as for quick fixes and rename.
      const e = doc && !readOnly(doc.uri) ? executeCommand(doc, p.command, p.arguments ?? []) : null;
      if (e) await connection.workspace.applyEdit(e);
      return null;
    }),
  );
  connection.onRequest(MatrixRequest, onUri('matrix', null, (d) => buildMatrix(d.plan, d.registry, d.uri)));
  connection.onRequest(TasksRequest, onUri('tasks', [], (d) => taskInfos(d.plan)));
  connection.onRequest(DiffRequest, (p, token) => onUri('diff', null, async (d) => compareDrafts(d, await session!.draft(p.otherUri, d), p.otherIs))(p, token));
  connection.onRequest(DocxTextRequest, (p, token) => runSafe(log, 'docxText', p.uri, token, { error: '' }, () => readWordFile(p.uri, session?.locale ?? 'zh-cn')));
  connection.onRequest(StatusRequest, onUri('status', null, (d) => ({
    tasks: d.plan.tasks.length,
    withoutLead: d.plan.tasks.filter((x) => !x.hasLead).length,
    errors: d.problems.filter((x) => x.severity === 'error').length,
    warnings: d.problems.filter((x) => x.severity === 'warning').length,
  })));
  connection.onRequest(CheckWorkspaceRequest, (p, token) =>
    runSafe(log, 'checkWorkspace', undefined, undefined, { files: 0, problems: 0, cancelled: true }, () =>
      session ? session.checkWorkspace(p.folders, token, (p as { workDoneToken?: ProgressToken }).workDoneToken) : { files: 0, problems: 0, cancelled: false },
    ),
  );
  connection.listen();
}
