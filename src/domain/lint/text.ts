// Reading a message into pieces the rules can look at, without ever losing the original indices:
// every piece is a span of the original text, and the normalised copy has the same length.

export interface Piece {
  start: number;
  end: number;
  /** The normalised text of the span (lower case, straight quotes). */
  text: string;
}

/** Placeholders a template leaves: `{name}`, `{contact.first}`. */
export const PLACEHOLDER = /\{[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*\}/g;

/**
 * Lower case with straight quotes and plain spaces, one output character per input character, so
 * an index found in the copy is the same index in the original.
 */
export function normalise(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\u2019' || ch === '\u2018' || ch === '\u02bc') out += "'";
    else if (ch === '\u201c' || ch === '\u201d') out += '"';
    else if (ch === '\u00a0' || ch === '\u2009' || ch === '\u202f') out += ' ';
    else {
      const lower = ch.toLowerCase();
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out;
}

/** Words are runs of non-space characters; a run that is only a placeholder (and punctuation) is not a word. */
export function countWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/\S+/g)) {
    const run = m[0];
    if (run.includes('{')) {
      const rest = run.replace(PLACEHOLDER, '');
      if (rest.length < run.length && !/[\p{L}\p{N}]/u.test(rest)) continue;
    }
    n++;
  }
  return n;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'etc',
  'vs',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'approx',
]);

function trimmed(norm: string, start: number, end: number): Piece | null {
  while (start < end && /\s/.test(norm[start]!)) start++;
  while (end > start && /\s/.test(norm[end - 1]!)) end--;
  return end > start ? { start, end, text: norm.slice(start, end) } : null;
}

/** Sentences: ended by . ! ? (not after a title or an initial) or by a line break. */
export function sentences(norm: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  const push = (end: number) => {
    const p = trimmed(norm, from, end);
    if (p) out.push(p);
    from = end;
  };
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i]!;
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < norm.length && /[.!?)"'\]]/.test(norm[j]!)) j++;
    if (j < norm.length && !/\s/.test(norm[j]!)) continue;
    if (c === '.') {
      const word = /([\p{L}.]+)$/u.exec(norm.slice(Math.max(from, i - 12), i))?.[1] ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    push(j);
    i = j - 1;
  }
  push(norm.length);
  return out;
}

/** Clauses of a sentence: split at commas, semicolons, dashes, brackets and "but"-like joints. */
export function clauses(s: Piece): Piece[] {
  const out: Piece[] = [];
  const re = /[,;:()\u2014\u2013]|\s-\s|\b(?:but|though|although|however|whereas)\b/g;
  let from = 0;
  for (const m of s.text.matchAll(re)) {
    const p = trimmed(s.text, from, m.index);
    if (p) out.push({ start: s.start + p.start, end: s.start + p.end, text: p.text });
    from = m.index + m[0].length;
  }
  const p = trimmed(s.text, from, s.text.length);
  if (p) out.push({ start: s.start + p.start, end: s.start + p.end, text: p.text });
  return out;
}

/** The non-blank lines of a question plan, without list markers ("- ", "3. ", "* "). */
export function planLines(norm: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const raw of norm.split('\n')) {
    const start = at;
    at += raw.length + 1;
    const marker = /^\s*(?:[-*\u2022]|\d{1,2}[.)])?\s*/.exec(raw)![0].length;
    const p = trimmed(norm, start + marker, start + raw.length);
    if (p) out.push(p);
  }
  return out;
}

/** A greeting line ("Hi Maya,", "Dear Dr. Okafor") that opens a message. */
export function isGreeting(s: Piece): boolean {
  return (
    /^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|hiya|howdy)\b[^,!?]{0,40}[,!:]?$/.test(s.text) &&
    s.text.length <= 48
  );
}

/** A sign-off ("Best,", "Thanks so much,", "Kind regards") or a bare name after it. */
export function isSignOff(s: Piece): boolean {
  return /^(?:best|best wishes|all the best|thanks|thank you|many thanks|thanks (?:so much|again|in advance)|cheers|regards|kind regards|warm regards|warmly|sincerely|yours|yours sincerely|with thanks|take care)[,!.]?$/.test(
    s.text,
  );
}

/** Runs `re` (global) over `text`, giving each match with its index. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}
