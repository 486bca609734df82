/**
 * The server's stdio message writer: the JSON of each message written into UTF-8 in pieces, in one
 * buffer kept from message to message.
 *
 * vscode-jsonrpc writes a message as Buffer.from(JSON.stringify(msg)). For the outline of a
 * 50,000-task plan that is one string of 12.5 million characters (25 MB: Chinese text takes two
 * bytes a character), built from parts copied once more when it is flattened, then 15.6 MB of
 * UTF-8 outside the heap: some 65 MB per request, most of it in V8's old generation until a full
 * collection. Twenty outline requests took the server from 227 to 429-461 MB.
 *
 * Here the same bytes are made piece by piece: arrays, and records holding non-empty arrays, are
 * walked; everything else (a task's entry with its positions, a diagnostic without related
 * information) is stringified whole, up to BATCH neighbours in one call. Every piece is small and
 * dies young. The UTF-8 goes into a buffer the writer keeps, grown to the largest message and
 * reused, since the next message is encoded only once the stream has taken the last one (its
 * write callback). The bytes are those of JSON.stringify.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** Pieces are joined and encoded when they reach this many characters. */
const FLUSH_CHARS = 8192;
/** Elements of an array stringified in one call. */
const BATCH = 32;
/** The buffer's size to start with, and what it goes back to when idle. */
const SMALL_BYTES = 64 * 1024;
/** A buffer grown past SMALL_BYTES is let go after this long without a message. */
const RELEASE_MS = 5000;

/** UTF-8 written into a buffer that grows as needed. */
export class Utf8Scratch {
  buffer: Buffer = Buffer.allocUnsafeSlow(SMALL_BYTES);
  used = 0;
  private parts: string[] = [];
  private partChars = 0;

  push(s: string): void {
    this.parts.push(s);
    this.partChars += s.length;
    if (this.partChars >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.partChars = 0;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
    if (this.buffer.length - this.used < s.length * 3) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.used + s.length * 3));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(s, this.used, 'utf8');
  }

  /** Starts over, keeping the buffer (`small`: with a new small one). */
  reset(small = false): void {
    this.used = 0;
    this.parts = [];
    this.partChars = 0;
    if (small && this.buffer.length > SMALL_BYTES) this.buffer = Buffer.allocUnsafeSlow(SMALL_BYTES);
  }
}

/** A plain record (no toJSON, no class) with at least one non-empty array among its values. */
function holdsArrays(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v: unknown = (value as Record<string, unknown>)[key];
    if (Array.isArray(v) && v.length > 0) return true;
  }
  return false;
}

/** Whether emit walks the value rather than stringifying it whole. */
function walked(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  return typeof value === 'object' && value !== null && holdsArrays(value);
}

function emit(value: unknown, out: Utf8Scratch): void {
  if (!walked(value)) {
    // Values without JSON (undefined, functions) never come here: object keys holding one are
    // skipped below and array elements are stringified inside an array, where they become null.
    out.push(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    let k = 0;
    while (k < value.length) {
      if (k > 0) out.push(',');
      if (walked(value[k])) {
        emit(value[k++], out);
        continue;
      }
      let end = k + 1;
      while (end < value.length && end - k < BATCH && !walked(value[end])) end++;
      const s = JSON.stringify(value.slice(k, end));
      out.push(s.slice(1, -1));
      k = end;
    }
    out.push(']');
    return;
  }
  out.push('{');
  let first = true;
  for (const key of Object.keys(value as object)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    emit(v, out);
  }
  out.push('}');
}

/** JSON.stringify(value) as UTF-8, made in small pieces into `out` (from its start). */
export function encodeJson(value: unknown, out = new Utf8Scratch()): Buffer {
  out.reset();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') throw new TypeError('a message must be a JSON value');
  emit(value, out);
  out.flush();
  return out.buffer.subarray(0, out.used);
}

/**
 * vscode-jsonrpc's MessageWriter over a Node stream (the server's stdout), writing each message
 * as `Content-Length: N\r\n\r\n` and N bytes of encodeJson, one message at a time.
 */
export class PieceworkMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly scratch = new Utf8Scratch();
  private queue: Promise<void> = Promise.resolve();
  private errorCount = 0;
  private releaseTimer: NodeJS.Timeout | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    const written = this.queue.then(() => this.writeNow(msg));
    this.queue = written.catch(() => undefined);
    return written;
  }

  private writeNow(msg: Message): Promise<void> {
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    let body: Buffer;
    try {
      body = encodeJson(msg, this.scratch);
    } catch (error) {
      this.fireError(error, msg, ++this.errorCount);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => {
        // Only now may the buffer be written again: the stream has taken the bytes.
        if (this.scratch.buffer.length > SMALL_BYTES) this.releaseTimer = setTimeout(() => this.scratch.reset(true), RELEASE_MS).unref();
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errorCount);
        reject(error);
      };
      try {
        this.stream.write(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
        this.stream.write(body, done);
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  end(): void {
    this.stream.end();
  }
}
