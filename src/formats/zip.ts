// LinkedIn sends the data export as a ZIP; the contacts are in `Connections.csv`. A ZIP can be a bomb,
// so the sizes are checked twice: as declared in the central directory, and as actually inflated.
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import type { UnzipFileInfo } from 'fflate';
import { AppError } from '../domain/errors.js';
import { concatBytes, describeSize } from './bytes.js';

/** A ZIP may expand to at most this many times its own size… */
export const ZIP_MAX_RATIO = 20;
/** …and never past this many bytes. */
export const ZIP_MAX_BYTES = 200 * 1024 * 1024;

/** Compressed bytes handed to the inflater at a time, so an overrun is caught within a few MB. */
const PUSH = 4 * 1024;

function failed(message: string, details?: unknown): AppError {
  return new AppError('import_failed', message, details);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Lists the entries from the central directory without inflating anything. */
function listEntries(zip: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(zip, {
      filter: (file) => {
        entries.push({ ...file });
        return false;
      },
    });
  } catch (e) {
    throw failed(`The ZIP archive is damaged and cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  return entries;
}

/**
 * Finds `Connections.csv` in a LinkedIn export and returns its bytes. Refuses an archive whose entries
 * would expand past 20× its size or 200 MB, judged first from the sizes the central directory declares
 * and again while inflating (the directory may lie).
 */
export function extractConnections(zip: Uint8Array): { name: string; bytes: Uint8Array } {
  const limit = Math.min(ZIP_MAX_BYTES, zip.length * ZIP_MAX_RATIO);
  const entries = listEntries(zip);
  const declared = entries.reduce((n, e) => n + e.originalSize, 0);
  if (declared > limit) {
    throw failed(
      `The ZIP archive would expand to ${describeSize(declared)} from ${describeSize(zip.length)}, past the limit of ${ZIP_MAX_RATIO}× its size or ${describeSize(ZIP_MAX_BYTES)}; it was not opened.`,
      { declared, limit },
    );
  }
  const target = entries.find((e) => baseName(e.name).toLowerCase() === 'connections.csv');
  if (target === undefined) {
    const names = entries.map((e) => e.name);
    const excel = names.some((n) => n === '[Content_Types].xml') && names.some((n) => n.startsWith('xl/'));
    const hint = excel
      ? ' It looks like an Excel workbook: save it as CSV and import that.'
      : names.length === 0
        ? ' The archive is empty.'
        : ` It contains: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}.`;
    throw failed(`The ZIP archive has no Connections.csv (the file LinkedIn's export keeps contacts in).${hint}`);
  }
  if (target.compression !== 0 && target.compression !== 8) {
    throw failed(`Connections.csv in the ZIP archive uses an unsupported compression method (${target.compression}).`);
  }

  const parts: Uint8Array[] = [];
  let inflated = 0;
  let overrun = false;
  let problem: string | null = null;
  let finished = false;
  const unzip = new Unzip((file) => {
    if (file.name !== target.name || finished) return;
    file.ondata = (err, data, final) => {
      if (err !== null) {
        problem = err.message;
        return;
      }
      inflated += data.length;
      if (inflated > limit) {
        overrun = true;
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < zip.length && !overrun && problem === null && !finished; at += PUSH) {
      const end = Math.min(zip.length, at + PUSH);
      unzip.push(zip.subarray(at, end), end === zip.length);
    }
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }
  if (overrun) {
    throw failed(
      `Connections.csv in the ZIP archive expands past ${describeSize(limit)} (${ZIP_MAX_RATIO}× the archive, at most ${describeSize(ZIP_MAX_BYTES)}); it was not read.`,
      { limit },
    );
  }
  if (problem !== null) throw failed(`Connections.csv in the ZIP archive is damaged (${String(problem)}).`);
  if (!finished) throw failed('Connections.csv in the ZIP archive could not be read to its end.');
  const bytes = concatBytes(parts);
  return { name: target.name, bytes };
}
