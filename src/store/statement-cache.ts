// Kysely's SQLite driver prepares every query's SQL again on each run; for the small indexed
// queries of a page (Today, a list page) preparing costs about as much as running. This keeps the
// most recently used statements by their SQL, so a query run again reuses its statement.
//
// Safe because Kysely runs one query at a time on its single SQLite connection (a mutex), and
// `all`/`run` leave a statement reset; while a statement is busy being iterated (`stream()`), the
// same SQL asked for meanwhile gets a fresh statement instead.
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** Enough for every distinct query of the app; SQL built from data (IN lists) just cycles out. */
const SIZE = 256;

export function withStatementCache(db: SqliteDatabase): KyselySqliteDatabase {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      // Map keeps insertion order: moving the hit to the end makes the first key the least recent.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const stmt = db.prepare(sql);
    if (!hit) {
      cache.set(sql, stmt);
      if (cache.size > SIZE) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  };
  return { close: () => db.close(), prepare };
}
