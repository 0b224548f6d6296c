// Finding the header of a contacts CSV (past LinkedIn's "Notes:" preamble) and streaming its rows
// through csv-parse, each with the file line it starts on.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvError, Parser } from 'csv-parse';
import { AppError } from '../domain/errors.js';
import type { ImportedContact, RowError } from './contact-record.js';
import { describeFormat, recogniseHeader } from './csv-columns.js';
import type { CsvFormat, CsvHeader } from './csv-columns.js';
import { mapRow } from './csv-rows.js';
import { dropLines } from './text.js';

export interface FoundHeader {
  header: CsvHeader;
  /** 1-based line of the header in the file. */
  line: number;
  delimiter: string;
}

/** A record longer than this is taken for a quote that never closes (csv-parse's default is 128,000). */
const MAX_RECORD_CHARS = 1_000_000;
/** How far past a "Notes:" line the header may be. */
const PREAMBLE_LINES = 40;
const DELIMITERS = [',', ';', '\t'];

/** Splits one physical line at `delimiter`, honouring double quotes (enough to read a header). */
export function splitHeaderLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (c === delimiter) {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

function preview(text: string): string {
  const t = text.trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

function describeColumns(cells: string[]): string {
  const shown = cells.slice(0, 6).map((c) => `"${preview(c)}"`);
  return shown.join(', ') + (cells.length > 6 ? `, … (${cells.length} columns)` : '');
}

/**
 * Finds the header in the first lines of a (newline-normalised) sample. The header is the first
 * non-blank line, after an optional Excel `sep=` line, or — in LinkedIn's export — the first
 * recognisable line after a "Notes:" preamble. Throws `import_failed` when there is none.
 */
export function findHeader(sample: string, complete: boolean, wanted?: CsvFormat): FoundHeader {
  const lines = sample.split('\n');
  if (!complete && lines.length > 1) lines.pop();
  let i = 0;
  const skipBlank = (): void => {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  };
  skipBlank();
  let delimiters = DELIMITERS;
  const sep = /^sep=(.)\s*$/i.exec(lines[i] ?? '');
  if (sep?.[1] !== undefined) {
    delimiters = [sep[1]];
    i++;
    skipBlank();
  }
  const firstLine = i;
  const first = lines[firstLine] ?? '';
  const preamble = /^"?notes:/i.test(first.trim());
  const last = preamble ? Math.min(lines.length, firstLine + PREAMBLE_LINES) : firstLine + 1;
  for (let j = preamble ? firstLine + 1 : firstLine; j < last; j++) {
    const text = lines[j] ?? '';
    if (text.trim() === '') continue;
    for (const delimiter of delimiters) {
      const header = recogniseHeader(splitHeaderLine(text, delimiter), wanted);
      if (header !== null) return { header, line: j + 1, delimiter };
    }
  }
  const where = firstLine + 1;
  if (preamble) {
    const what = wanted !== undefined && wanted !== 'csv' ? `Expected ${describeFormat(wanted)} header` : 'Expected a recognisable header';
    throw new AppError(
      'import_failed',
      `${what} within ${PREAMBLE_LINES} lines after the "Notes:" preamble at line ${where}, but found none.`,
      {
        line: where,
      },
    );
  }
  const cells = splitHeaderLine(first, delimiters.find((d) => first.includes(d)) ?? ',');
  if (wanted !== undefined && wanted !== 'csv') {
    throw new AppError(
      'import_failed',
      `Expected ${describeFormat(wanted)} header, but line ${where} has the columns ${describeColumns(cells)}.`,
      {
        line: where,
      },
    );
  }
  throw new AppError(
    'import_failed',
    `No recognisable header: line ${where} has the columns ${describeColumns(cells)}; expected a LinkedIn, Google or Outlook export, or a CSV with a name, e-mail or phone column.`,
    { line: where },
  );
}

function countNewlines(s: string): number {
  let n = 0;
  for (let at = s.indexOf('\n'); at >= 0; at = s.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * Streams the rows under a found header. `text` is the whole file, newline-normalised; rows come out
 * as records or row errors, each with the file line the row starts on. An unterminated quote fails
 * the whole file with the line where the quote opened.
 */
export async function* readCsvRows(
  text: AsyncIterable<string>,
  found: FoundHeader,
): AsyncGenerator<{ record: ImportedContact } | { error: RowError }, void, undefined> {
  // Line numbers are counted here rather than taken from csv-parse's `info`/`on_record`, which build
  // an info object per record and nearly double the parse time. Blank lines are kept as records so
  // every line is seen: a record starts on the line after the previous one ended. A parse error is
  // routed through on_skip (not the stream's error, which would drop records still buffered) along
  // with how many records came before it.
  const state: { failure: { error: CsvError; after: number } | null } = { failure: null };
  const parser: Parser = parse({
    delimiter: found.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (error) => {
      if (state.failure === null && error !== undefined) state.failure = { error, after: parser.info.records };
      return undefined;
    },
  });
  const source = Readable.from(dropLines(text, found.line - 1), { objectMode: false });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let line = found.line;
  let seen = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      if (state.failure !== null && seen >= state.failure.after) break;
      const start = line;
      line += 1 + fields.reduce((n, f) => n + countNewlines(f), 0);
      if (seen++ === 0) continue; // the header
      const out = mapRow(found.header, fields, start);
      if (out !== null) yield out;
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (state.failure === null) return;
  const { error } = state.failure;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    throw new AppError('import_failed', `Unterminated quote: the quoted field that opens on line ${line} is never closed.`, { line });
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    throw new AppError(
      'import_failed',
      `The record starting on line ${line} is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters (a quote that is never closed?).`,
      { line },
    );
  }
  throw new AppError('import_failed', `The CSV cannot be read from line ${line}: ${error.message}`, { line });
}
