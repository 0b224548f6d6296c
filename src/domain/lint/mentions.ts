// name-without-permission: where the message names a mutual contact who has not said yes to it.
// Names are found as whole words, case- and accent-insensitively ("jose" finds "José").
import { fold } from '../names.js';
import type { LintIntroducer } from './types.js';

/** The folded text with, for each of its characters, the index in the original it came from. */
export function foldWithMap(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) at.push(i);
    folded += f;
    i += ch.length;
  }
  at.push(text.length);
  return { folded, at };
}

// First names that are also ordinary words: only a capitalised use that is not "Will you…" counts.
const WORD_NAMES = new Set([
  'will',
  'may',
  'mark',
  'grace',
  'hope',
  'bill',
  'rob',
  'pat',
  'sue',
  'joy',
  'faith',
  'june',
  'april',
  'dawn',
  'rose',
  'art',
  'sky',
  'summer',
  'chase',
  'hunter',
  'jack',
  'frank',
  'guy',
  'max',
  'sunny',
  'bob',
  'ray',
  'lily',
  'ivy',
  'holly',
  'penny',
  'iris',
  'jay',
  'dean',
  'miles',
  'drew',
  'gene',
  'sage',
  'paris',
  'autumn',
  'river',
  'rich',
  'sandy',
  'harry',
  'earl',
  'bud',
]);

export interface Mention {
  start: number;
  end: number;
  introducer: LintIntroducer;
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function findWhole(folded: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) {
    if (!isLetter(folded[i - 1]) && !isLetter(folded[i + needle.length])) out.push(i);
  }
  return out;
}

export function mentions(text: string, introducers: readonly LintIntroducer[]): Mention[] {
  const { folded, at } = foldWithMap(text);
  const out: Mention[] = [];
  const taken = (s: number, e: number) => out.some((m) => s < m.end && e > m.start);
  for (const introducer of introducers) {
    if (introducer.permission === 'granted') continue;
    const full = fold(introducer.name).replace(/\s+/g, ' ').trim();
    const parts = full.split(' ').filter((p) => p.length >= 2);
    const first = parts[0] ?? '';
    const family = parts.length > 1 ? parts[parts.length - 1]! : '';
    const add = (i: number, len: number) => {
      const s = at[i]!;
      const e = at[i + len]!;
      if (!taken(s, e)) out.push({ start: s, end: e, introducer });
    };
    for (const i of findWhole(folded, full)) add(i, full.length);
    if (parts.length > 1 && first) {
      for (const i of findWhole(folded, first)) {
        if (WORD_NAMES.has(first)) {
          const orig = text.slice(at[i]!, at[i + first.length]!);
          if (orig[0] !== orig[0]!.toUpperCase()) continue;
          if (/^\s+(?:you|i|we|they|be|not|need|have)\b/i.test(text.slice(at[i + first.length]!))) continue;
        }
        add(i, first.length);
      }
      // "Ms. Okafor", "Dr Okafor": the family name with a title.
      for (const i of findWhole(folded, family)) {
        if (/\b(?:mr|mrs|ms|mx|dr|prof|professor)\.?\s+$/.test(folded.slice(Math.max(0, i - 12), i))) add(i, family.length);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
