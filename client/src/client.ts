/**
 * Starting the language server (dist/server.js over stdio) for `fengong` documents. stdio rather than
 * Node IPC: over IPC every message is one JSON.stringify string (some 65 MB of garbage per outline
 * of a 50,000-task plan); over stdio the server writes it in small pieces (server/src/jsonWriter.ts).
 */
import * as vscode from 'vscode';
import { DOCX_SCHEME } from '../../server/src/protocol';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'fengong';

export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
      { language: LANGUAGE_ID, scheme: 'vscode-remote' },
      // Word documents shown as plans (read-only, see docx/provider.ts).
      { language: LANGUAGE_ID, scheme: DOCX_SCHEME },
    ],
    // The server answers in the display language unless fengong.language fixes one; LSP's
    // InitializeParams.locale carries it too, this is for servers that only read options.
    initializationOptions: { locale: vscode.env.language },
    // The server registers its own watchers for the registry files it actually reads.
    synchronize: { configurationSection: 'fengong' },
    outputChannel: output,
    diagnosticCollectionName: 'fengong',
  };
  return new LanguageClient('fengong', vscode.l10n.t('Fengong Language Server'), serverOptions, clientOptions);
}
