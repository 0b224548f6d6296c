import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTerms } from './terms.js';

describe('countTerms', () => {
  it('counts the words of the notes, lower-cased, without stop words or punctuation', () => {
    const terms = countTerms(['Layoffs, layoffs and more LAYOFFS!', 'I really think regulation is coming.', 'Regulation; budgets.']);
    expect(terms).toEqual([
      { term: 'regulation', count: 2 },
      { term: 'budgets', count: 1 },
      { term: 'coming', count: 1 },
      { term: 'layoffs', count: 1 },
    ]);
  });

  it('counts a term at most once per note', () => {
    expect(countTerms(['growth growth growth', 'growth'])).toEqual([{ term: 'growth', count: 2 }]);
  });

  it('keeps accents and folds apostrophes', () => {
    const terms = countTerms(['Café culture, the team’s culture', 'café owners don’t hire']);
    expect(terms.map((t) => t.term)).toContain('café');
    expect(terms.find((t) => t.term === 'café')?.count).toBe(2);
    expect(terms.map((t) => t.term)).toContain('team');
    expect(terms.map((t) => t.term)).not.toContain('dont');
  });

  it('lists a shared two-word phrase in place of words only named within it', () => {
    const terms = countTerms([
      'Remote work is spreading.',
      'More remote work, and work on AI tooling.',
      'AI tooling helps; work is changing.',
      'Remote work again.',
    ]);
    // "remote" only ever appears in "remote work", so the phrase replaces it; "work" stands on its own too.
    expect(terms.slice(0, 3)).toEqual([
      { term: 'work', count: 4 },
      { term: 'remote work', count: 3 },
      { term: 'ai tooling', count: 2 },
    ]);
    expect(terms.map((t) => t.term)).not.toContain('remote');
    expect(terms.map((t) => t.term)).not.toContain('tooling');
  });

  it('never makes a phrase across punctuation or a stop word', () => {
    const terms = countTerms(['Hiring, freezes everywhere', 'hiring, freezes too', 'budget of cuts', 'budget of cuts']);
    expect(terms.map((t) => t.term)).not.toContain('hiring freezes');
    expect(terms.map((t) => t.term)).not.toContain('budget cuts');
  });

  it('breaks ties alphabetically and stops at the limit', () => {
    expect(countTerms(['zebra apple mango'], 2)).toEqual([
      { term: 'apple', count: 1 },
      { term: 'mango', count: 1 },
    ]);
    expect(countTerms(['zebra apple'], 0)).toEqual([]);
    expect(countTerms([])).toEqual([]);
  });

  it('never throws on any text and keeps its promises', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 20 }),
        (texts, limit) => {
          const terms = countTerms(texts, limit);
          expect(terms.length).toBeLessThanOrEqual(limit);
          for (const t of terms) {
            expect(t.count).toBeGreaterThanOrEqual(1);
            expect(t.count).toBeLessThanOrEqual(texts.length);
            expect(t.term).toBe(t.term.toLowerCase());
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gets through 100 KB of notes', { timeout: 60_000 }, () => {
    const note = 'Regulation is the big threat; AI tooling is the big opportunity, remote work too. ';
    const texts = Array.from({ length: Math.ceil(100_000 / note.length) }, (_, i) => `${note} note ${i}`);
    const terms = countTerms(texts, 3);
    expect(terms[0]).toEqual({ term: 'ai tooling', count: texts.length });
  });
});
