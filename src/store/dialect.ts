// Everything that differs between SQLite and PostgreSQL lives in this file (ARCHITECTURE.md,
// example 5): the full-text index (FTS5 / tsvector) and how a search term becomes a match.
// The rest of the store is dialect-neutral Kysely.
import { foldedWords } from '../domain/names.js';
import { SqliteAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * The words of a query, folded like the indexed text (domain/names.ts `foldedWords`), so
 * "José@ACME" finds "jose acme"; a dozen is plenty, and keeps a pasted paragraph from becoming a huge query. */
export function searchTerms(text: string): string[] {
  return foldedWords(text).slice(0, 12);
}

/** The indexed form of a contact's searchable fields (stored in contacts.search_text): every word. */
export function searchText(parts: (string | null | undefined)[]): string {
  return foldedWords(parts.filter(Boolean).join(' ')).join(' ');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createSearchIndexes(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    // External-content FTS5 tables keyed by the tables' rowid, kept in step by triggers.
    // `remove_diacritics 2` folds accents the same way searchTerms does.
    await sql`CREATE VIRTUAL TABLE contacts_fts USING fts5(search_text, content='contacts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts BEGIN INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER contacts_fts_ad AFTER DELETE ON contacts BEGIN INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER contacts_fts_au AFTER UPDATE OF search_text ON contacts BEGIN INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END`.execute(
      db,
    );
    await sql`CREATE VIRTUAL TABLE notes_fts USING fts5(text, content='notes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN INSERT INTO notes_fts(rowid, text) VALUES (new.rowid, new.text); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER notes_fts_au AFTER UPDATE OF text ON notes BEGIN INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text); INSERT INTO notes_fts(rowid, text) VALUES (new.rowid, new.text); END`.execute(
      db,
    );
  } else {
    // 'simple' configuration: no stemming, so a name prefix matches as typed.
    await sql`ALTER TABLE contacts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX contacts_search ON contacts USING gin (search_vector)`.execute(db);
    await sql`ALTER TABLE notes ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED`.execute(db);
    await sql`CREATE INDEX notes_search ON notes USING gin (search_vector)`.execute(db);
  }
}

/**
 * SQLite's external-content FTS tables are keyed by rowid, which a copy of the database (VACUUM
 * INTO, a restore) need not keep: rebuild them after such a copy.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rebuildSearchIndexes(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild')`.execute(db);
  await sql`INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')`.execute(db);
}

/** Every term must match, the last one (or each) as a prefix: search-as-you-type. */
function matchQuery(dialect: DialectName, terms: string[]): string {
  return dialect === 'sqlite' ? terms.map((t) => `"${t}"*`).join(' ') : terms.map((t) => `'${t}':*`).join(' & ');
}

/** A WHERE condition: the contact's searchable text matches all of `terms`. */
export function contactMatches(dialect: DialectName, terms: string[]): Expression<SqlBool> {
  return ftsMatches(dialect, 'contacts', terms, false);
}

/**
 * The FTS condition of a search. On SQLite `scan` writes it as `+rowid IN (…)`, which keeps the
 * planner from looking the matches up by rowid (see searchScope).
 */
function ftsMatches(dialect: DialectName, table: 'contacts' | 'notes', terms: string[], scan: boolean): Expression<SqlBool> {
  const q = matchQuery(dialect, terms);
  if (dialect !== 'sqlite') {
    return table === 'contacts'
      ? sql<SqlBool>`contacts.search_vector @@ to_tsquery('simple', ${q})`
      : sql<SqlBool>`notes.search_vector @@ to_tsquery('simple', ${q})`;
  }
  if (table === 'contacts')
    return scan
      ? sql<SqlBool>`+contacts.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${q})`
      : sql<SqlBool>`contacts.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${q})`;
  return scan
    ? sql<SqlBool>`+notes.rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ${q})`
    : sql<SqlBool>`notes.rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ${q})`;
}

/** Below this many matches, a search looks its rows up by rowid and sorts them. */
const FEW_MATCHES = 1000;

/** The WHERE conditions of a search over contacts or notes: whose rows, and (with terms) which. */
export interface SearchScope {
  owner: Expression<SqlBool>;
  matches: Expression<SqlBool> | null;
}

/**
 * How a search over contacts or notes finds its page. On SQLite, words that match few rows are
 * fastest found by looking those rows up by rowid and sorting them; words that match many, by
 * walking the (user_id, sort order) index until a page is full, testing each entry's rowid against
 * the matches without reading the row. The planner cannot tell which from the query, and left to
 * itself picks the rowid lookup even for thousands of matches (the page's columns are not in the
 * index), so count the matches (cheap, up to the threshold) and disable the side that must not be
 * used: `+user_id` when they are few, `+rowid` when they are many.
 */
export async function searchScope(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  dialect: DialectName,
  table: 'contacts' | 'notes',
  userId: string,
  terms: string[],
): Promise<SearchScope> {
  const owner = sql.ref(`${table}.user_id`);
  if (terms.length === 0) return { owner: sql<SqlBool>`${owner} = ${userId}`, matches: null };
  if (dialect !== 'sqlite') return { owner: sql<SqlBool>`${owner} = ${userId}`, matches: ftsMatches(dialect, table, terms, false) };
  const fts = sql.table(`${table}_fts`);
  const r = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${matchQuery(dialect, terms)} LIMIT ${FEW_MATCHES})`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0) < FEW_MATCHES
    ? { owner: sql<SqlBool>`+${owner} = ${userId}`, matches: ftsMatches(dialect, table, terms, false) }
    : { owner: sql<SqlBool>`${owner} = ${userId}`, matches: ftsMatches(dialect, table, terms, true) };
}
