// unfilled-placeholder: what a template left for the writer to fill.
import { matches, PLACEHOLDER } from './text.js';

// "[Name]", "[your company]", "[insert one sentence about them]", "[…]" — but not a Markdown link
// "[x](url)" and not a citation mark such as "[1]".
const BRACKETED = /\[(?:(?=[^\]\n]*\p{L})[^[\]\n]{1,60}|\u2026|\.{3})\](?!\()/gu;
const BLANK = /_{3,}/g;

export interface Unfilled {
  start: number;
  end: number;
  token: string;
}

export function unfilled(text: string): Unfilled[] {
  const out: Unfilled[] = [];
  for (const re of [new RegExp(PLACEHOLDER.source, 'g'), BRACKETED, BLANK]) {
    for (const m of matches(re, text)) out.push({ start: m.index, end: m.index + m[0].length, token: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
