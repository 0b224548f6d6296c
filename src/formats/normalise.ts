// Light normalisation shared by every reader: what a person typed is kept, only its spacing tidied.

/** Trims, collapses runs of whitespace (including line breaks) to one space; null when nothing is left. */
export function cleanLine(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  // Most cells are plain ASCII with single spaces: skip the regex and Unicode work for them.
  if (PLAIN.test(raw)) {
    const t = raw.trim();
    if (!t.includes('  ')) return t === '' ? null : t;
  }
  const s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

const PLAIN = /^[\x20-\x7e]*$/;

/** Like `cleanLine` but keeps line breaks: each line is tidied, blank lines at either end are dropped. */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const lines = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[^\S\n]+/g, ' ').trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const s = lines.join('\n').replace(/\n{3,}/g, '\n\n');
  return s === '' ? null : s;
}

const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+$/;

/**
 * An e-mail as stored: `mailto:` and a display name (`Ana <ana@example.com>`) removed, lower-cased;
 * null when it is not an address.
 */
export function normaliseEmail(raw: string): string | null {
  const s = cleanLine(raw);
  if (s === null) return null;
  const bracketed = /<([^<>]*)>$/.exec(s);
  const bare = (bracketed?.[1] ?? s)
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return EMAIL.test(bare) ? bare : null;
}

/** A phone as written, minus a `tel:` URI prefix; null when empty. */
export function cleanPhone(raw: string): string | null {
  const s = cleanLine(raw);
  if (s === null) return null;
  return cleanLine(s.replace(/^tel:/i, ''));
}

/** Whether a URL (with or without scheme) points at linkedin.com. */
export function isLinkedInUrl(raw: string): boolean {
  return /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#]|$)/i.test(raw.trim());
}

/** Splits a cell holding several values, dropping empty pieces. */
export function splitValues(raw: string, separator: RegExp): string[] {
  return raw
    .split(separator)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
