/**
 * fengong-language-server: `node dist/server.js --stdio` (or --node-ipc / --socket=N, as
 * vscode-languageserver reads them from argv). stdout is the protocol channel: vscode-languageserver
 * redirects console.* to the client's log, so nothing else reaches it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A promise nobody awaited (a notification to a client that went away, say) must not end the
// server: Node's default for an unhandled rejection is to exit.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
startServer(connection);
