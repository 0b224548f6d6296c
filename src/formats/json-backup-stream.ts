// Reading the JSON backup's "tables" a row at a time (issue 8: a restore must not hold the whole
// file in memory). The backup is one JSON document, so a line reader would break on a file that a
// person reformatted; instead a small scanner walks the document's structure as the bytes arrive,
// skips the contacts and introductions (which `import` reads, not `restore`), keeps the few header
// fields, and hands over each row of each table as soon as its closing brace is seen. Only the row
// being read and the unread tail of the last chunk are held. Errors name the line and column.
import { AppError } from '../domain/errors.js';
import { BACKUP_VERSION } from './json-backup.js';

/** What the scanner reports, in document order. */
export type BackupEvent =
  | { kind: 'header'; userId: string; migrations: string[]; exportedAt: string | null }
  | { kind: 'table'; table: string }
  | { kind: 'rows'; table: string; rows: unknown[] };

/** The top-level fields read before the tables; every other field's value is skipped unread. */
const HEADER = new Set(['coffeechat', 'version', 'exportedAt', 'migrations', 'userId']);
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

type Role = 'top' | 'tables' | 'rows' | 'other';
interface Frame {
  object: boolean;
  role: Role;
  /** In an object: 'key' (a key or the close), 'colon', 'value', 'comma' (a comma or the close). In an array: 'value' or 'comma'. */
  expect: 'key' | 'colon' | 'value' | 'comma' | 'first';
  key: string | null;
}

const fail = (line: number, column: number, why = ''): never => {
  throw new AppError('invalid_input', `The JSON backup is not valid JSON at line ${line}, column ${column}${why}.`, { line });
};

/**
 * Reads a JSON backup from its bytes, yielding the header once (when the tables begin) and then
 * the rows of each table in batches. A version-1 backup, or any document without tables, is
 * refused with the same words as before: those hold only what `import` reads.
 */
export async function* readBackupTables(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<BackupEvent> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const scanner = new Scanner();
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.length) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    yield* scanner.feed(text, false);
  }
  yield* scanner.feed(decoder.decode(), true);
}

class Scanner {
  private buf = '';
  private pos = 0;
  private line = 1;
  /** Where the current line starts in `buf` (for columns). */
  private lineStart = 0;
  private stack: Frame[] = [];
  private done = false;
  private started = false;
  private header: Record<string, unknown> = {};
  private sawTables = false;
  /** A value being kept whole (a header field or a row): where it starts and the stack depth it lives at. */
  private capture: { start: number; depth: number; line: number } | null = null;
  private table: string | null = null;

  /** Scans as much as the text so far allows; the events found come back in order. */
  feed(text: string, final: boolean): BackupEvent[] {
    this.buf += text;
    const out: BackupEvent[] = [];
    let rows: unknown[] = [];
    const flush = () => {
      if (rows.length && this.table !== null) out.push({ kind: 'rows', table: this.table, rows });
      rows = [];
    };
    const buf = this.buf;
    let i = this.pos;
    for (;;) {
      // Whitespace, counting lines.
      while (i < buf.length) {
        const c = buf.charCodeAt(i);
        if (c === 10) {
          this.line++;
          this.lineStart = i + 1;
        } else if (c !== 32 && c !== 9 && c !== 13) break;
        i++;
      }
      if (i >= buf.length) break;
      const column = i - this.lineStart + 1;
      if (this.done) fail(this.line, column, ' (text after the end of the document)');
      const c = buf[i]!;
      const frame = this.stack[this.stack.length - 1];

      if (c === '"' || c === '{' || c === '[' || /[-0-9tfn]/.test(c)) {
        // A value, or an object's key.
        let end: number;
        let str: string | null = null;
        if (c === '"') {
          end = stringEnd(buf, i);
          if (end < 0) break; // the rest of the string has not arrived
          if (frame?.object && frame.expect === 'key') {
            str = parseString(buf.slice(i, end), this.line, column);
            frame.key = str;
            frame.expect = 'colon';
            i = end;
            continue;
          }
        } else if ((c === '{' || c === '[') && (frame?.role === 'rows' || frame?.role === 'other')) {
          // A row, or an element of a part a restore does not read: one tight loop finds its
          // close (JSON.parse then checks a row), instead of a step per token.
          end = containerEnd(buf, i);
          if (end < 0) break;
        } else if (c === '{' || c === '[') end = -1;
        else {
          LITERAL.lastIndex = i;
          const m = LITERAL.exec(buf);
          if (!m && !final && buf.length - i < 6) break; // "tru" may become "true"
          if (!m) fail(this.line, column);
          end = i + m![0].length;
          if (end >= buf.length && !final) break; // a number may go on in the next chunk
        }
        if (frame ? frame.expect !== 'value' && frame.expect !== 'first' : this.started) fail(this.line, column);
        if (!this.started) {
          this.started = true;
          if (c !== '{')
            throw new AppError('invalid_input', 'The JSON file is not a coffeechat backup (it has no "coffeechat": "backup").');
        }
        // Does this value begin something we keep?
        if (frame && this.capture === null) {
          const keep = (frame.role === 'top' && HEADER.has(frame.key ?? '')) || frame.role === 'rows';
          if (keep) this.capture = { start: i, depth: this.stack.length, line: this.line };
        }
        if (frame) frame.expect = 'comma';
        if (end < 0) {
          const role: Role = !frame
            ? 'top'
            : frame.role === 'top' && frame.key === 'tables' && c === '{'
              ? 'tables'
              : frame.role === 'tables' && c === '['
                ? 'rows'
                : 'other';
          if (frame?.role === 'top' && frame.key === 'tables') this.startTables(out, c === '{');
          if (frame?.role === 'tables') {
            if (role !== 'rows') throw new AppError('invalid_input', `The backup's table "${frame.key}" is not a list of rows.`);
            flush();
            this.table = frame.key;
            out.push({ kind: 'table', table: frame.key! });
          }
          this.stack.push({ object: c === '{', role, expect: c === '{' ? 'key' : 'first', key: null });
          i++;
          continue;
        }
        if (frame?.role === 'tables') throw new AppError('invalid_input', `The backup's table "${frame.key}" is not a list of rows.`);
        if (frame?.role === 'top' && frame.key === 'tables') this.startTables(out, false);
        if (c === '{' || c === '[') this.countLines(buf, i, end);
        i = end;
        this.endValue(i, rows);
        continue;
      }

      if (!frame) fail(this.line, column);
      if (c === ':') {
        if (!frame!.object || frame!.expect !== 'colon') fail(this.line, column);
        frame!.expect = 'value';
        i++;
      } else if (c === ',') {
        if (frame!.expect !== 'comma') fail(this.line, column);
        frame!.expect = frame!.object ? 'key' : 'value';
        i++;
      } else if (c === '}' || c === ']') {
        const closes = c === '}' ? frame!.object : !frame!.object;
        const canClose =
          frame!.expect === 'comma' || (frame!.object ? frame!.expect === 'key' && frame!.key === null : frame!.expect === 'first');
        if (!closes || !canClose) fail(this.line, column);
        this.stack.pop();
        i++;
        if (frame!.role === 'rows') {
          flush();
          this.table = null;
        }
        if (frame!.role === 'top') {
          this.done = true;
          this.finish();
        } else this.endValue(i, rows);
      } else fail(this.line, column);
    }
    flush();
    if (final) {
      if (!this.done) fail(this.line, i - this.lineStart + 1, this.started ? '' : ' (the file is empty)');
    }
    // Keep only what is still needed: the value being captured, or the unread tail.
    const keepFrom = this.capture ? Math.min(this.capture.start, i) : i;
    this.buf = buf.slice(keepFrom);
    this.pos = i - keepFrom;
    this.lineStart -= keepFrom;
    if (this.capture) this.capture.start -= keepFrom;
    return out;
  }

  /** Counts the line breaks in a span passed over whole. */
  private countLines(buf: string, from: number, to: number): void {
    for (let at = buf.indexOf('\n', from); at >= 0 && at < to; at = buf.indexOf('\n', at + 1)) {
      this.line++;
      this.lineStart = at + 1;
    }
  }

  /** A value ended at `end`: if it was the one being kept, parse it and hand it on. */
  private endValue(end: number, rows: unknown[]): void {
    const cap = this.capture;
    if (!cap || this.stack.length !== cap.depth) return;
    this.capture = null;
    const text = this.buf.slice(cap.start, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The scanner checked the structure; what is left is a bad escape or number inside.
      fail(cap.line, 1);
    }
    const frame = this.stack[this.stack.length - 1]!;
    if (frame.role === 'rows') rows.push(value);
    else this.header[frame.key!] = value;
  }

  /** The tables begin: the header must have said what the file is by now. */
  private startTables(out: BackupEvent[], isObject: boolean): void {
    if (this.sawTables) throw new AppError('invalid_input', 'The backup has two "tables" sections.');
    this.sawTables = true;
    const h = this.header;
    if (h.coffeechat !== 'backup')
      throw new AppError('invalid_input', 'The JSON file is not a coffeechat backup (it has no "coffeechat": "backup" before its tables).');
    checkVersion(h.version);
    if ((h.version as number) < 2 || !isObject) versionOne();
    out.push({
      kind: 'header',
      userId: typeof h.userId === 'string' ? h.userId : '',
      migrations: Array.isArray(h.migrations) ? h.migrations.filter((m): m is string => typeof m === 'string') : [],
      exportedAt: typeof h.exportedAt === 'string' ? h.exportedAt : null,
    });
  }

  /** The document ended: one without tables is not a full backup. */
  private finish(): void {
    if (this.sawTables) return;
    if (this.header.coffeechat !== 'backup')
      throw new AppError('invalid_input', 'The JSON file is not a coffeechat backup (it has no "coffeechat": "backup").');
    checkVersion(this.header.version);
    versionOne();
  }
}

function checkVersion(version: unknown): void {
  if (typeof version !== 'number' || version > BACKUP_VERSION)
    throw new AppError('invalid_input', `The backup is version ${String(version)}; this coffeechat reads version ${BACKUP_VERSION}.`);
}

function versionOne(): never {
  throw new AppError(
    'invalid_input',
    'This backup holds only contacts and introductions (made before version 2, or not by `backup`/`export json`); bring them in with `coffeechat import FILE`.',
  );
}

/** Index just past the bracket that closes the object or array opening at `start`, or -1 when it has not arrived. */
function containerEnd(buf: string, start: number): number {
  let depth = 0;
  for (let i = start; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === 34) {
      const e = stringEnd(buf, i);
      if (e < 0) return -1;
      i = e - 1;
    } else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return i + 1;
  }
  return -1;
}

/** Index just past the closing quote of the string opening at `start`, or -1 when it has not arrived. */
function stringEnd(buf: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = buf.indexOf('"', i);
    if (q < 0) return -1;
    // A quote preceded by an odd number of backslashes is escaped.
    let slashes = 0;
    for (let j = q - 1; j > start && buf.charCodeAt(j) === 92; j--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function parseString(text: string, line: number, column: number): string {
  try {
    return JSON.parse(text) as string;
  } catch {
    return fail(line, column);
  }
}
