/**
 * fengong-language-server: `node dist/server.js --stdio` (or --node-ipc / --socket=N, as
 * vscode-languageserver reads them from argv). stdout is the protocol channel: vscode-languageserver
 * redirects console.* to the client's log, so nothing else reaches it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
