// Small rules about names that several layers rely on.

/** `--name` alone splits at the last space (CONTRACTS.md): "Ana María López" → "Ana María" + "López". */
export function splitName(name: string): { givenName: string | null; familyName: string | null } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const at = trimmed.lastIndexOf(' ');
  if (at < 0) return { givenName: trimmed || null, familyName: null };
  return { givenName: trimmed.slice(0, at), familyName: trimmed.slice(at + 1) };
}

const ORG_SUFFIXES = /\b(inc|incorporated|llc|ltd|limited|plc|gmbh|ag|sa|sas|bv|nv|co|corp|corporation|company|pty|srl|spa|oy|ab|as)\b\.?/g;

/**
 * The form two organisation names are compared in: "ACME, Inc." and "Acme" are the same employer.
 * Accents are kept apart from letters and dropped, punctuation ignored, legal suffixes removed.
 */
export function normaliseOrganisation(name: string): string {
  const base = fold(name)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  const stripped = base.replace(ORG_SUFFIXES, ' ').replace(/\s+/g, ' ').trim();
  return stripped || base.replace(/\s+/g, ' ').trim();
}

/** The key contacts are sorted by: case- and accent-insensitive, family name not assumed. */
export function sortKey(name: string): string {
  return fold(name).trim();
}

/** Lower case without accents ("José" → "jose"): the folding that sorting, matching and search share. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The folded words of a text: runs of letters and digits, anything else separates them. */
export function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
