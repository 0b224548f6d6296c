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
  const q = matchQuery(dialect, terms);
  return dialect === 'sqlite'
    ? sql<SqlBool>`contacts.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${q})`
    : sql<SqlBool>`contacts.search_vector @@ to_tsquery('simple', ${q})`;
}

/** Below this many matches, a search looks its rows up by rowid and sorts them. */
const FEW_MATCHES = 1000;

/**
 * The "belongs to this user" condition of a search over contacts or notes. On SQLite, words that
 * match few rows are fastest found by looking those rows up by rowid and sorting them; words that
 * match many, by walking the (user_id, sort order) index until a page is full. The planner cannot
 * tell which from the query, so count the matches (cheap, up to the threshold) and, when they are
 * few, write the owner test as `+user_id`, which keeps SQLite off that index.
 */
export async function searchOwner(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  dialect: DialectName,
  table: 'contacts' | 'notes',
  userId: string,
  terms: string[],
): Promise<Expression<SqlBool>> {
  const owner = sql.ref(`${table}.user_id`);
  if (dialect === 'sqlite' && terms.length > 0) {
    const fts = sql.table(`${table}_fts`);
    const q = matchQuery(dialect, terms);
    const r = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${q} LIMIT ${FEW_MATCHES})`.execute(db);
    if (Number(r.rows[0]?.n ?? 0) < FEW_MATCHES) return sql<SqlBool>`+${owner} = ${userId}`;
  }
  return sql<SqlBool>`${owner} = ${userId}`;
}

/** A WHERE condition: the note's text matches all of `terms`. */
export function noteMatches(dialect: DialectName, terms: string[]): Expression<SqlBool> {
  const q = matchQuery(dialect, terms);
  return dialect === 'sqlite'
    ? sql<SqlBool>`notes.rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ${q})`
    : sql<SqlBool>`notes.search_vector @@ to_tsquery('simple', ${q})`;
}
