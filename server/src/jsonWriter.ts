/**
 * The server's stdio message writer: the JSON of each message written into UTF-8 in pieces, into
 * chunks kept from message to message.
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
 * dies young. The UTF-8 goes into chunks of 256 KB written one after the other, kept for the next
 * message (encoded only once the stream has taken the last one: its write callback); all but four
 * are let go when the writer falls idle. The bytes are those of JSON.stringify.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** Pieces are joined and encoded when they reach this many characters. */
const FLUSH_CHARS = 8192;
/** Elements of an array stringified in one call. */
const BATCH = 32;
/** Size of the chunks the UTF-8 goes into. */
const CHUNK_BYTES = 256 * 1024;
/** Chunks kept when the writer falls idle; those a bigger message needed are let go. */
const KEEP_CHUNKS = 4;
/**
 * Idle time after which chunks beyond KEEP_CHUNKS are let go: shorter than the wait before the idle
 * collector's compacting collection (idleCollector.ts), which then frees them.
 */
const TRIM_MS = 3000;

/**
 * UTF-8 written into a list of chunks, kept from message to message: an outline asked for again and
 * again reuses the same 60 chunks rather than leaving 15.6 MB outside the heap behind each time,
 * which V8 frees only when it collects (up to some 64 MB of them).
 */
export class Utf8Chunks {
  private readonly pool: Buffer[] = [];
  /** Filled parts of the chunks of the message being encoded. */
  private readonly filled: Buffer[] = [];
  private chunk: Buffer | null = null;
  private used = 0;
  private parts: string[] = [];
  private partChars = 0;

  push(s: string): void {
    this.parts.push(s);
    this.partChars += s.length;
    if (this.partChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.partChars = 0;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
    if (!this.chunk || this.chunk.length - this.used < s.length * 3) this.next(s.length * 3);
    this.used += this.chunk!.write(s, this.used, 'utf8');
  }

  /** Moves on to a chunk with room for `bytes`: the next of the pool, or a new one. */
  private next(bytes: number): void {
    if (this.chunk && this.used > 0) this.filled.push(this.chunk.subarray(0, this.used));
    const k = this.filled.length;
    if (k < this.pool.length && this.pool[k].length >= bytes) this.chunk = this.pool[k];
    else {
      this.chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes));
      if (k < this.pool.length) this.pool[k] = this.chunk;
      else this.pool.push(this.chunk);
    }
    this.used = 0;
  }

  /** Starts a message. */
  start(): void {
    this.filled.length = 0;
    this.chunk = null;
    this.used = 0;
    this.parts = [];
    this.partChars = 0;
  }

  /** The message's bytes, in order. Valid until the next start(). */
  finish(): Buffer[] {
    this.flush();
    if (this.chunk && this.used > 0) this.filled.push(this.chunk.subarray(0, this.used));
    this.chunk = null;
    return this.filled;
  }

  /** Chunks beyond KEEP_CHUNKS are let go. */
  trim(): void {
    this.pool.length = Math.min(this.pool.length, KEEP_CHUNKS);
  }

  /** Bytes held for the next message. */
  get held(): number {
    return this.pool.reduce((n, b) => n + b.length, 0);
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

function emit(value: unknown, out: Utf8Chunks): void {
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

/** JSON.stringify(value) as UTF-8, made in small pieces into `out`'s chunks (valid until its next message). */
export function encodeJsonChunks(value: unknown, out: Utf8Chunks): Buffer[] {
  out.start();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') throw new TypeError('a message must be a JSON value');
  emit(value, out);
  return out.finish();
}

/** JSON.stringify(value) as one UTF-8 buffer, made in small pieces. */
export function encodeJson(value: unknown, out = new Utf8Chunks()): Buffer {
  return Buffer.concat(encodeJsonChunks(value, out));
}

/**
 * vscode-jsonrpc's MessageWriter over a Node stream (the server's stdout), writing each message
 * as `Content-Length: N\r\n\r\n` and N bytes of encodeJson, one message at a time.
 */
export class PieceworkMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly chunks = new Utf8Chunks();
  private queue: Promise<void> = Promise.resolve();
  private errorCount = 0;
  private trimTimer: NodeJS.Timeout | undefined;

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
    clearTimeout(this.trimTimer);
    let body: Buffer[];
    try {
      body = encodeJsonChunks(msg, this.chunks);
    } catch (error) {
      this.fireError(error, msg, ++this.errorCount);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => {
        // Only now may the chunks be written again: the stream has taken the bytes.
        this.trimTimer = setTimeout(() => this.chunks.trim(), TRIM_MS).unref();
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errorCount);
        reject(error);
      };
      try {
        const length = body.reduce((n, b) => n + b.length, 0);
        this.stream.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
        // Written in order; the last callback comes after the others.
        for (let k = 0; k < body.length - 1; k++) this.stream.write(body[k]);
        this.stream.write(body.length > 0 ? body[body.length - 1] : '', done);
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  end(): void {
    this.stream.end();
  }
}
