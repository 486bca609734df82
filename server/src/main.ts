/**
 * fengong-language-server: `node dist/server.js --stdio` (or --node-ipc / --socket=N, as
 * vscode-languageserver reads them from argv). stdout is the protocol channel: console.* goes to
 * the client's log, so nothing else reaches it.
 */
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection } from 'vscode-languageserver/node';
import { PieceworkMessageWriter } from './jsonWriter';
import { startServer } from './server';

/**
 * Over stdio (VS Code's transport for this server, and every other editor's) messages are written
 * by our writer: the outline of a big plan without one giant string per request (jsonWriter.ts).
 * The other transports are vscode-languageserver's own.
 */
function connect(): Connection {
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new PieceworkMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // What vscode-languageserver does for --stdio when it makes the streams itself: console.* to the
  // client's log (stdout is the channel), and the process ends when the client closes the channel.
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  const send: Record<string, (message: string) => void> = {
    log: (m) => connection.console.log(m),
    info: (m) => connection.console.info(m),
    debug: (m) => connection.console.log(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  const patched = console as unknown as Record<string, unknown>;
  for (const [name, fn] of Object.entries(send)) patched[name] = (...args: unknown[]) => fn(text(args));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  return connection;
}

const connection = connect();
// A promise nobody awaited (a notification to a client that went away, say) must not end the
// server: Node's default for an unhandled rejection is to exit.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
startServer(connection);
