// The contacts search figures: the app's search box over the large network beside the same FTS5
// query through better-sqlite3 (rawContacts().search), on the same random mix of queries, then a
// per-query table with the plan SQLite picks, so a slow p99 can be traced to the query behind it.
import { listContacts } from '../src/app/contacts.js';
import { listNotes } from '../src/app/notes.js';
import type { Ctx } from '../src/app/context.js';
import { searchTerms } from '../src/store/dialect.js';
import type { rawContacts, rawNotes } from './baseline.js';
import type { Rng } from './prng.js';
import type { Figure } from './report.js';
import { compareInProcess, percentileFigures, type InProcessOptions } from './stats.js';

// A mix of what people type: full family names, 3-letter prefixes of given names, organisation
// words (one common, one rare), two words, and a typo that matches nothing.
export const QUERIES = [
  'Okafor',
  'Müller',
  'Nakamura',
  'mar',
  'ali',
  'han',
  'Northbridge',
  'health',
  'Keystone Data',
  'maria garcia',
  'tom berlin',
  'okafr',
];

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** The FTS5 query the app runs for what the user typed. */
const match = (q: string) =>
  searchTerms(q)
    .map((t) => `"${t}"*`)
    .join(' ');

export async function searchFigures(
  ctx: Ctx,
  raw: ReturnType<typeof rawContacts>,
  rng: Rng,
  o: InProcessOptions,
  quick: boolean,
  log: (s: string) => void,
): Promise<Figure[]> {
  const picks = Array.from({ length: 4000 }, () => rng.pick(QUERIES));
  log('Measuring contacts search…');
  const search = await compareInProcess(
    (i) => picks[i % picks.length]!,
    (q) => listContacts(ctx, { q, limit: 50 }),
    (q) => raw.search(match(q), 51),
    o,
  );
  log(
    `  app p50 ${ms(search.subject.p50)} p99 ${ms(search.subject.p99)} · raw p50 ${ms(search.baseline.p50)} p99 ${ms(search.baseline.p99)} (${search.subject.samples} samples each)`,
  );
  // Per query, so a slow p99 can be traced to the query that makes it (and the plan behind it).
  for (const q of QUERIES) {
    const r = await compareInProcess(
      () => q,
      (x) => listContacts(ctx, { q: x, limit: 50 }),
      (x) => raw.search(match(x), 51),
      { warmup: 3, rounds: 3, perRound: quick ? 5 : 40 },
    );
    const hits = raw.count(match(q));
    log(
      `    ${JSON.stringify(q).padEnd(15)} ${String(hits).padStart(5)} matches  app p50 ${ms(r.subject.p50).padStart(9)} p99 ${ms(r.subject.p99).padStart(9)}  raw p50 ${ms(r.baseline.p50).padStart(9)} p99 ${ms(r.baseline.p99).padStart(9)}`,
    );
  }
  return percentileFigures('contacts.search', search, 'raw FTS5 query', { max: 5 });
}

// What people look for in their notes: a common trade word, a rarer one, a prefix, two words, a
// city, and a typo that matches nothing (bench/words.ts writes the notes).
export const NOTE_QUERIES = ['telehealth', 'portfolio', 'usab', 'hiring market', 'Nairobi', 'privacy consent', 'recruit', 'telehelth'];

/** The notes search: the app's search box over 200k notes beside the same FTS5 query. */
export async function noteSearchFigures(
  ctx: Ctx,
  raw: ReturnType<typeof rawNotes>,
  rng: Rng,
  o: InProcessOptions,
  log: (s: string) => void,
): Promise<Figure[]> {
  const picks = Array.from({ length: 4000 }, () => rng.pick(NOTE_QUERIES));
  log('Measuring notes search…');
  const search = await compareInProcess(
    (i) => picks[i % picks.length]!,
    (q) => listNotes(ctx, { q, limit: 50 }),
    (q) => raw.search(match(q), 50),
    o,
  );
  log(
    `  app p50 ${ms(search.subject.p50)} p99 ${ms(search.subject.p99)} · raw p50 ${ms(search.baseline.p50)} p99 ${ms(search.baseline.p99)} (${search.subject.samples} samples each)`,
  );
  return percentileFigures('notes.search', search, 'raw FTS5 query', { ratioMax: 3 });
}
