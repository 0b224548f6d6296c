// Which bytes these are: a ZIP, some other binary file, or text in UTF-8, UTF-16 or a legacy code page
// (Outlook on Windows writes Windows-1252). Decoding is streaming, through iconv-lite.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export type Sniffed = { kind: 'zip' } | { kind: 'binary'; what: string } | { kind: 'text'; encoding: string };

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an Excel 97–2003 workbook or another Office file (save it as CSV)'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** `PK\x03\x04` (a ZIP with entries) or `PK\x05\x06` (an empty ZIP). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/** UTF-16 without a BOM shows as a zero byte in every other position (for Latin-script text). */
function guessUtf16(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf16be';
  return null;
}

/** Whether the bytes are valid UTF-8, allowing the sample to end in the middle of a character. */
function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  let end = bytes.length;
  if (!complete) {
    // Step back over a possibly cut multi-byte sequence at the end of the sample.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && ((bytes[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
    const lead = bytes[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** chardet's confidence (0–100) below which its guess is ignored… */
const MIN_CONFIDENCE = 20;
/** …and how far ahead of Windows-1252 another code page must be. */
const AHEAD = 1.5;

/** Legacy encodings chardet may report that are worth trusting; anything else is read as Windows-1252. */
const LEGACY: Record<string, string> = {
  'ISO-8859-1': 'windows1252',
  'windows-1252': 'windows1252',
  'ISO-8859-2': 'iso88592',
  'windows-1250': 'windows1250',
  'windows-1251': 'windows1251',
  'windows-1253': 'windows1253',
  'windows-1254': 'windows1254',
  'ISO-8859-5': 'iso88595',
  'ISO-8859-7': 'iso88597',
  'ISO-8859-9': 'iso88599',
  'KOI8-R': 'koi8r',
  Shift_JIS: 'shiftjis',
  'EUC-JP': 'eucjp',
  'EUC-KR': 'euckr',
  GB18030: 'gb18030',
  Big5: 'big5',
};

/**
 * Classifies the first bytes of a file: ZIP, a known binary format, or text with its encoding
 * (BOM first, then UTF-16 by its zero bytes, then strict UTF-8, then chardet's best legacy guess).
 * `complete` says whether `head` is the whole file.
 */
export function sniffBytes(head: Uint8Array, complete: boolean): Sniffed {
  if (isZip(head)) return { kind: 'zip' };
  for (const [magic, what] of MAGIC) if (startsWith(head, magic)) return { kind: 'binary', what };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf8' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf16be' };
  const utf16 = guessUtf16(head);
  if (utf16 !== null) return { kind: 'text', encoding: utf16 };
  if (head.includes(0)) return { kind: 'binary', what: 'binary data' };
  if (isUtf8(head, complete)) return { kind: 'text', encoding: 'utf8' };
  // Windows-1252 is what Outlook writes on Western systems, and short Western text gives chardet
  // little to go on (it may rank windows-1250 first for a few accented names). Another code page is
  // believed only when chardet ranks it well ahead of the Western one.
  const ranked = analyse(head);
  const best = ranked[0];
  const western = ranked.find((r) => LEGACY[r.name] === 'windows1252')?.confidence ?? 0;
  const guess = best !== undefined ? LEGACY[best.name] : undefined;
  const encoding =
    guess !== undefined && best !== undefined && best.confidence >= MIN_CONFIDENCE && best.confidence >= western * AHEAD
      ? guess
      : 'windows1252';
  return { kind: 'text', encoding: iconv.encodingExists(encoding) ? encoding : 'windows1252' };
}

/** Decodes a stream of bytes to text (a BOM is dropped); characters split across chunks are kept whole. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding: string): AsyncGenerator<string, void, undefined> {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== undefined && rest !== '') yield rest;
}

/** Decodes a complete sample (for detection only). */
export function decodeSample(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(bytes, encoding);
}

/** Share of characters that no text file contains (controls other than tab, line breaks and form feed). */
export function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / text.length;
}
