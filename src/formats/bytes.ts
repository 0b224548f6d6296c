// The input as a stream of byte chunks with a look-ahead: detection peeks at the head, parsing then
// replays the head and reads on. The size limit is enforced here, while reading, for both kinds of input.
import { AppError } from '../domain/errors.js';

/** Large buffers are handed on in slices, so a 50 MB upload never reaches the parser in one piece. */
const SLICE = 64 * 1024;

/** A size for messages: "50 MB", "1.5 MB", "31 KB", "100 bytes". */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The error for input past the size limit (HTTP 413). */
export function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', `The file is larger than the import limit of ${describeSize(limit)}.`, { limit });
}

/** Joins byte chunks into one buffer (returns a lone chunk as is). */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const size = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Reads the input once, counting bytes against the limit, with a replayable look-ahead at the head. */
export class ByteSource {
  private readonly head: Uint8Array[] = [];
  private headBytes = 0;
  private total = 0;
  private ended = false;
  private consumed = false;
  private readonly iterator: AsyncIterator<unknown> | null;

  constructor(
    private readonly input: Uint8Array | AsyncIterable<Uint8Array>,
    private readonly maxBytes: number,
  ) {
    if (input instanceof Uint8Array) {
      if (input.length > maxBytes) throw tooLarge(maxBytes);
      this.iterator = null;
      this.total = input.length;
      this.ended = true;
      if (input.length > 0) this.head.push(input);
      this.headBytes = input.length;
    } else if (input !== null && typeof input === 'object' && Symbol.asyncIterator in input) {
      this.iterator = input[Symbol.asyncIterator]();
    } else {
      throw new AppError('invalid_input', 'The contact file must be given as bytes or a stream of bytes.');
    }
  }

  /** Whether the whole input is already in the look-ahead. */
  get complete(): boolean {
    return this.ended;
  }

  private async pull(): Promise<Uint8Array | null> {
    if (this.iterator === null || this.ended) return null;
    const next = await this.iterator.next();
    if (next.done === true) {
      this.ended = true;
      return null;
    }
    const value: unknown = next.value;
    if (!(value instanceof Uint8Array)) {
      throw new AppError('invalid_input', 'The contact file stream must yield bytes, not text or objects.');
    }
    this.total += value.length;
    if (this.total > this.maxBytes) throw tooLarge(this.maxBytes);
    return value;
  }

  /** At least `n` bytes from the start (fewer only when the input is shorter), without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    while (this.headBytes < n && !this.ended) {
      const chunk = await this.pull();
      if (chunk === null) break;
      this.head.push(chunk);
      this.headBytes += chunk.length;
    }
    const all = concatBytes(this.head);
    if (this.head.length > 1) this.head.splice(0, this.head.length, all);
    return all;
  }

  /** Every byte, in order, in slices; may be iterated once. */
  async *chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.consumed) throw new Error('ByteSource.chunks() can be iterated only once');
    this.consumed = true;
    try {
      for (const part of this.head.splice(0)) yield* slices(part);
      for (;;) {
        const chunk = await this.pull();
        if (chunk === null) return;
        yield* slices(chunk);
      }
    } finally {
      if (!this.ended) await this.iterator?.return?.();
    }
  }

  /** The whole input in one buffer (for a ZIP, whose directory is at the end). */
  async all(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const c of this.chunks()) parts.push(c);
    return concatBytes(parts);
  }
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE) yield bytes.subarray(at, Math.min(bytes.length, at + SLICE));
}
