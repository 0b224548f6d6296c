// The one entry point for contact files: bytes in (a buffer or a stream), recognised by content,
// records and row errors out as an async stream. Whole-file problems throw AppError, nothing else.
import { AppError } from '../domain/errors.js';
import { ByteSource } from './bytes.js';
import { CONTACT_FORMATS, DEFAULT_MAX_BYTES } from './contact-record.js';
import type {
  ContactFormat,
  FormatAnnouncement,
  FormatOption,
  ImportedContact,
  ReadEvent,
  ReadOptions,
  RowError,
} from './contact-record.js';
import { findHeader, readCsvRows } from './csv-read.js';
import type { FoundHeader } from './csv-read.js';
import { describeFormat } from './csv-columns.js';
import { controlShare, decodeSample, decodeText, sniffBytes } from './encoding.js';
import { normaliseNewlines, normaliseNewlinesSync, numberedLines } from './text.js';
import { readVCards } from './vcard.js';
import { extractConnections } from './zip.js';
import { looksLikeBackup, readBackup } from './json-backup.js';

/** Bytes looked at before deciding what the file is. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control characters past which "text" is taken for binary data. */
const BINARY_SHARE = 0.02;

function failed(message: string, details?: unknown): AppError {
  return new AppError('import_failed', message, details);
}

function preview(text: string): string {
  const t = text.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

type Detected = { format: 'vcard' } | { format: Exclude<ContactFormat, 'vcard' | 'json'>; found: FoundHeader };

/** Decides between vCard and the CSV dialects from the first lines of text. */
function detectText(sample: string, complete: boolean, wanted: Exclude<FormatOption, 'json'>): Detected {
  const lines = sample.split('\n');
  const index = lines.findIndex((l) => l.trim() !== '');
  const first = (lines[index] ?? '').trim();
  const where = index + 1;
  const vcard = /^BEGIN\s*:\s*VCARD$/i.test(first);
  if (wanted === 'vcard') {
    if (!vcard) throw failed(`Expected a vCard, but line ${where} reads "${preview(first)}" instead of BEGIN:VCARD.`, { line: where });
    return { format: 'vcard' };
  }
  if (vcard) {
    if (wanted === 'auto') return { format: 'vcard' };
    throw failed(`Expected ${describeFormat(wanted)}, but the file is a vCard.`);
  }
  if (wanted === 'auto') {
    if (/^BEGIN\s*:\s*VCALENDAR/i.test(first)) throw failed('Unknown format: the file is a calendar (iCalendar), not a list of contacts.');
    if (/^[{[]/.test(first)) throw failed('Unknown format: the file looks like JSON, not a contacts CSV or vCard.');
    if (/^</.test(first)) throw failed('Unknown format: the file looks like HTML or XML, not a contacts CSV or vCard.');
  }
  try {
    const found = findHeader(sample, complete, wanted === 'auto' ? undefined : wanted);
    return { format: found.header.format, found };
  } catch (e) {
    // A first line with no delimiter at all was never meant as a CSV header.
    if (e instanceof AppError && wanted === 'auto' && !/[,;\t]/.test(first) && !/^"?notes:/i.test(first)) {
      throw failed(`Unknown format: line ${where} reads "${preview(first)}"; expected a CSV header or BEGIN:VCARD.`, { line: where });
    }
    throw e;
  }
}

function checkOptions(opts: ReadOptions): { wanted: FormatOption; maxBytes: number } {
  const wanted = opts.format ?? 'auto';
  if (wanted !== 'auto' && !CONTACT_FORMATS.includes(wanted)) {
    throw new AppError('invalid_input', `Unknown import format "${String(wanted)}"; use auto, ${CONTACT_FORMATS.join(', ')}.`);
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (typeof maxBytes !== 'number' || !(maxBytes > 0))
    throw new AppError('invalid_input', 'The import size limit must be a positive number of bytes.');
  return { wanted, maxBytes };
}

async function* read(input: Uint8Array | AsyncIterable<Uint8Array>, opts: ReadOptions): AsyncGenerator<ReadEvent, void, undefined> {
  const { wanted, maxBytes } = checkOptions(opts);
  let source = new ByteSource(input, maxBytes);
  let head = await source.peek(SNIFF_BYTES);
  let sniffed = sniffBytes(head, source.complete);
  let archiveEntry: string | null = null;
  if (sniffed.kind === 'zip') {
    if (wanted === 'google' || wanted === 'outlook' || wanted === 'vcard')
      throw failed(`Expected ${describeFormat(wanted)}, but the file is a ZIP archive.`);
    const entry = extractConnections(await source.all());
    archiveEntry = entry.name;
    source = new ByteSource(entry.bytes, Number.POSITIVE_INFINITY);
    head = await source.peek(SNIFF_BYTES);
    sniffed = sniffBytes(head, source.complete);
    if (sniffed.kind === 'zip') throw failed(`${entry.name} in the ZIP archive is itself a ZIP archive.`);
  }
  if (sniffed.kind === 'binary') throw failed(`The file is ${sniffed.what}, not a contacts CSV or vCard.`);
  const where = archiveEntry === null ? 'The file' : `${archiveEntry} in the ZIP archive`;
  if (head.length === 0) throw failed(`${where} is empty.`);
  const { encoding } = sniffed;
  const sample = normaliseNewlinesSync(decodeSample(head, encoding)).replace(/^\uFEFF/, '');
  if (sample.trim() === '') throw failed(`${where} is empty (it holds only blank space).`);
  if (controlShare(sample) > BINARY_SHARE) throw failed(`${where} is binary data, not a contacts CSV or vCard.`);

  if (wanted === 'json' || (wanted === 'auto' && looksLikeBackup(sample))) {
    if (!looksLikeBackup(sample)) throw failed(`Expected ${describeFormat('json')}, but the file does not start like one.`);
    yield { format: 'json', encoding, archiveEntry };
    let whole = '';
    for await (const piece of decodeText(source.chunks(), encoding)) whole += piece;
    yield* readBackup(whole.replace(/^\uFEFF/, ''));
    return;
  }
  const detected = detectText(sample, source.complete, wanted);
  const announcement: FormatAnnouncement = { format: detected.format, encoding, archiveEntry };
  yield announcement;
  const text = normaliseNewlines(decodeText(source.chunks(), encoding));
  if (detected.format === 'vcard') yield* readVCards(numberedLines(text));
  else yield* readCsvRows(text, detected.found);
}

/**
 * Reads a contact file: a LinkedIn `Connections.csv` (or the ZIP it comes in), a Google or Outlook
 * CSV, a vCard 2.1/3.0/4.0 file, or any CSV whose header the synonym table understands. Yields the
 * detected format first, then one `{ record }` or `{ error }` per row or card, streaming. Throws only
 * `AppError`: `import_failed` for a file that cannot be read at all (empty, binary, unknown format, no
 * header, unterminated quote, truncated vCard, ZIP bomb), `payload_too_large` past `maxBytes`.
 */
export async function* readContacts(
  input: Uint8Array | AsyncIterable<Uint8Array>,
  opts: ReadOptions = {},
): AsyncGenerator<ReadEvent, void, undefined> {
  try {
    yield* read(input, opts);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw failed(`The file could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface ReadResult {
  format: FormatAnnouncement;
  records: ImportedContact[];
  errors: RowError[];
}

/** Reads a whole contact file into memory (previews, tests, small files); same rules as `readContacts`. */
export async function readAllContacts(input: Uint8Array | AsyncIterable<Uint8Array>, opts: ReadOptions = {}): Promise<ReadResult> {
  let format: FormatAnnouncement | null = null;
  const records: ImportedContact[] = [];
  const errors: RowError[] = [];
  for await (const event of readContacts(input, opts)) {
    if ('record' in event) records.push(event.record);
    else if ('error' in event) errors.push(event.error);
    else format = event;
  }
  if (format === null) throw failed('The file could not be read.');
  return { format, records, errors };
}
