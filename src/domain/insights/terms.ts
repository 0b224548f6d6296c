// The terms named most often in a set of notes ("AI tooling", "remote", "layoffs").
//
// This is term counting, not understanding: words are lower-cased, punctuation dropped and common
// English words removed, then single words and two-word phrases are counted, each at most once per
// note. It cannot tell "no growth" from "growth", and synonyms count apart. It is shown as "named
// most often", which is exactly what it measures.
import type { TermCount } from './types.js';

// Common English words that carry no topic, and words that fill interview notes without saying
// what was said ("really", "think", "mentioned"). Written out here rather than taken from a package,
// so what is dropped can be read in one place.
const STOP_WORDS = new Set(
  `a about above after again against all almost also although always am among an and another any
  anyone anything are around as at away back be became because become been before being below between
  both but by came can cannot come could did do does doing done down during each either else enough
  even ever every few for from further get gets getting give given go goes going gone got had has have
  having he her here hers herself him himself his how however i if in into is it its itself just keep
  kind know last less let like likely lot lots made make makes making many may maybe me might mine
  more most much must my myself need needs never new next no nor not now of off often on once one ones
  only onto or other others otherwise our ours ourselves out over own per perhaps quite rather really
  said same say says see seem seems shall she should since so some someone something sometimes soon
  still such take than that the their theirs them themselves then there these they thing things think
  thinks thought this those though through thus to too toward towards under until up upon us use used
  using very via was way ways we well went were what whatever when where whether which while who whom
  whose why will with within without would yet you your yours yourself yourselves
  actually basically definitely probably especially pretty stuff bit bits etc eg ie yes yeah ok okay
  mentioned mention mentions told tell tells telling feel feels felt believes believe sure want wants
  wanted guess mean means
  im ive id ill youre youve theyre theyve theres thats whats dont doesnt didnt isnt arent wasnt werent
  cant couldnt wont wouldnt shouldnt hasnt havent hadnt lets`.split(/\s+/),
);

/** A note's clauses: a phrase never spans a full stop, a comma or a line break. */
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”«»\n\r\t/|]+/u;

/** Text of ASCII characters other than the apostrophe, needing neither normalising nor apostrophe folding. */
// eslint-disable-next-line no-control-regex -- every ASCII character is allowed, control ones included
const PLAIN = /^[\x00-\x26\x28-\x7f]*$/;
/** In plain text: a run of letters and digits, or one clause-breaking character (CLAUSE_BREAK's ASCII ones). */
const PLAIN_TOKEN = /[a-z0-9]+|[.,;:!?()[\]{}"\n\r\t/|]/g;

/** The words of one clause: lower-case, accents kept, apostrophes folded ("team's" → "team", "don't" → "dont"). */
function wordsOf(clause: string): string[] {
  return clause
    .replace(/['’]s\b/gu, '')
    .replace(/['’]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !/^\p{N}+$/u.test(w));
}

/**
 * The `limit` terms named in the most notes, most first, ties in alphabetical order (by character code,
 * so it is the same on every machine). A phrase is
 * listed when at least two notes use it; it then hides its own words when they were never named more
 * often than the phrase ("remote work" 4 hides "remote" 4, but not "work" 7).
 *
 * Each distinct word gets a number, a phrase is found by its two numbers, and "once per note" is
 * kept by remembering the last note that counted each term: no set or string per note and phrase,
 * which on a large campaign was most of the time (the garbage collector's, mostly).
 */
export function countTerms(texts: readonly string[], limit = 10): TermCount[] {
  const n = Math.max(0, Math.floor(limit));
  if (n === 0) return [];
  const numbers = new Map<string, number>();
  const words: string[] = [];
  const wordCount: number[] = [];
  const wordSeen: number[] = [];
  /** Per first word's number: the second word's number → the phrase's number. */
  const phraseOf: (Map<number, number> | undefined)[] = [];
  const phraseFirst: number[] = [];
  const phraseSecond: number[] = [];
  const phraseCount: number[] = [];
  const phraseSeen: number[] = [];

  let note = 0;
  let previous = -1;
  /** One word of the current note, in order; null at a clause break. */
  const visit = (w: string | null) => {
    if (w === null || STOP_WORDS.has(w)) {
      previous = -1;
      return;
    }
    let id = numbers.get(w);
    if (id === undefined) {
      id = words.length;
      numbers.set(w, id);
      words.push(w);
      wordCount.push(0);
      wordSeen.push(-1);
    }
    if (wordSeen[id] !== note) {
      wordSeen[id] = note;
      wordCount[id]!++;
    }
    if (previous >= 0) {
      let after = phraseOf[previous];
      if (after === undefined) phraseOf[previous] = after = new Map();
      let p = after.get(id);
      if (p === undefined) {
        p = phraseCount.length;
        after.set(id, p);
        phraseFirst.push(previous);
        phraseSecond.push(id);
        phraseCount.push(0);
        phraseSeen.push(-1);
      }
      if (phraseSeen[p] !== note) {
        phraseSeen[p] = note;
        phraseCount[p]!++;
      }
    }
    previous = id;
  };

  for (; note < texts.length; note++) {
    const text = texts[note]!;
    previous = -1;
    if (PLAIN.test(text)) {
      // Plain ASCII without apostrophes (most notes): one pass, the same words and breaks as below.
      for (const [m] of text.toLowerCase().matchAll(PLAIN_TOKEN)) {
        const c = m.charCodeAt(0);
        if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) visit(null);
        else if (m.length > 1 && !/^[0-9]+$/.test(m)) visit(m);
      }
      continue;
    }
    for (const clause of text.normalize('NFC').toLowerCase().split(CLAUSE_BREAK)) {
      for (const w of wordsOf(clause)) visit(w);
      visit(null);
    }
  }

  const hidden = new Uint8Array(words.length);
  for (let p = 0; p < phraseCount.length; p++) {
    const count = phraseCount[p]!;
    if (count < 2) continue;
    if (wordCount[phraseFirst[p]!]! <= count) hidden[phraseFirst[p]!] = 1;
    if (wordCount[phraseSecond[p]!]! <= count) hidden[phraseSecond[p]!] = 1;
  }
  // Only terms at least as frequent as the n-th most frequent can make the list: finding that
  // count from the numbers alone keeps the strings (and their comparisons) to those few.
  const counts: number[] = [];
  for (const c of phraseCount) if (c >= 2) counts.push(c);
  for (let id = 0; id < words.length; id++) if (!hidden[id]) counts.push(wordCount[id]!);
  const threshold = counts.length <= n ? 0 : Float64Array.from(counts).sort().reverse()[n - 1]!;

  const counted: TermCount[] = [];
  for (let p = 0; p < phraseCount.length; p++) {
    const count = phraseCount[p]!;
    if (count >= 2 && count >= threshold) counted.push({ term: `${words[phraseFirst[p]!]} ${words[phraseSecond[p]!]}`, count });
  }
  for (let id = 0; id < words.length; id++) {
    if (!hidden[id] && wordCount[id]! >= threshold) counted.push({ term: words[id]!, count: wordCount[id]! });
  }
  return counted.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)).slice(0, n);
}
