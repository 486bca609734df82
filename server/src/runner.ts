/**
 * The one wrapper every handler runs through (microsoft/vscode css-language-features
 * utils/runner.ts): a cancelled request gets the empty answer, and an exception is logged with the
 * document it concerned and answered with the empty result, so one bad document never takes the
 * server down.
 */
import type { CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) return `${message}: ${err.message}\n${err.stack ?? ''}`;
  return `${message}: ${String(err)}`;
}

/**
 * Runs `fn` unless the token is already cancelled; answers `empty` on cancellation or error.
 * `uri` names the document in the log so a failure can be reproduced.
 */
export async function runSafe<T>(
  log: Logger,
  name: string,
  uri: string | undefined,
  token: CancellationToken | undefined,
  empty: T,
  fn: () => T | Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) return empty;
  try {
    const result = await fn();
    return token?.isCancellationRequested ? empty : result;
  } catch (err) {
    log.error(formatError(`${name} failed${uri ? ` for ${uri}` : ''}`, err));
    return empty;
  }
}
