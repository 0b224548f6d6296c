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

/** The words of one clause: lower-case, accents kept, apostrophes folded ("team's" → "team", "don't" → "dont"). */
function wordsOf(clause: string): string[] {
  return clause
    .replace(/['’]s\b/gu, '')
    .replace(/['’]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !/^\p{N}+$/u.test(w));
}

/**
 * Single words and two-word phrases of one note, each once, stop words left out. A phrase is kept
 * as its first word → its second, not as one joined string: joining every pair of every note and
 * hashing the result was most of the time spent on a large campaign.
 */
function termsOfText(text: string): { words: Set<string>; phrases: Map<string, Set<string>> } {
  const words = new Set<string>();
  const phrases = new Map<string, Set<string>>();
  for (const clause of text.normalize('NFC').toLowerCase().split(CLAUSE_BREAK)) {
    const tokens = wordsOf(clause);
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!;
      if (STOP_WORDS.has(w)) continue;
      words.add(w);
      const next = tokens[i + 1];
      if (next === undefined || STOP_WORDS.has(next)) continue;
      const after = phrases.get(w);
      if (after) after.add(next);
      else phrases.set(w, new Set([next]));
    }
  }
  return { words, phrases };
}

function bump(counts: Map<string, number>, term: string) {
  counts.set(term, (counts.get(term) ?? 0) + 1);
}

/**
 * The `limit` terms named in the most notes, most first, ties in alphabetical order (by character code,
 * so it is the same on every machine). A phrase is
 * listed when at least two notes use it; it then hides its own words when they were never named more
 * often than the phrase ("remote work" 4 hides "remote" 4, but not "work" 7).
 */
export function countTerms(texts: readonly string[], limit = 10): TermCount[] {
  const wordCounts = new Map<string, number>();
  const phraseCounts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    const { words, phrases } = termsOfText(text);
    for (const w of words) bump(wordCounts, w);
    for (const [first, seconds] of phrases) {
      let counts = phraseCounts.get(first);
      if (!counts) phraseCounts.set(first, (counts = new Map()));
      for (const second of seconds) bump(counts, second);
    }
  }

  const hidden = new Set<string>();
  const counted: TermCount[] = [];
  for (const [first, seconds] of phraseCounts) {
    for (const [second, count] of seconds) {
      if (count < 2) continue;
      counted.push({ term: `${first} ${second}`, count });
      for (const w of [first, second]) if ((wordCounts.get(w) ?? 0) <= count) hidden.add(w);
    }
  }
  for (const [word, count] of wordCounts) if (!hidden.has(word)) counted.push({ term: word, count });

  const n = Math.max(0, Math.floor(limit));
  if (n === 0) return [];
  // Only terms at least as frequent as the n-th most frequent can make the list: sorting the
  // numbers first keeps the string comparisons to those few, not to every word of every note.
  const threshold = counted.length <= n ? 0 : counted.map((t) => t.count).sort((a, b) => b - a)[n - 1]!;
  return counted
    .filter((t) => t.count >= threshold)
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, n);
}
