// A small forward-only migrator. Kysely's own runs SQLite migrations outside a transaction; this
// one runs each migration in its own transaction on both dialects (SQLite and PostgreSQL both
// have transactional DDL), so a crash leaves the old schema or the new, never a mix. It takes the
// write lock first, so two processes starting at once migrate one after the other.
import { sql, type Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { DialectName } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

const TABLE = 'coffeechat_migrations';

/**
 * Runs `body` in a transaction that holds the migration lock: SQLite's write lock (`BEGIN
 * IMMEDIATE`), or a transaction-scoped advisory lock on PostgreSQL. Everything the migrator writes
 * goes through here, so processes starting together take turns.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function underLock<T>(db: Kysely<Database>, dialect: DialectName, body: (c: Kysely<any>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql.raw(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
    try {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(54540001)`.execute(conn);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const result = await body(conn as unknown as Kysely<any>);
      await sql.raw('COMMIT').execute(conn);
      return result;
    } catch (e) {
      await sql
        .raw('ROLLBACK')
        .execute(conn)
        .catch(() => undefined);
      throw e;
    }
  });
}

/** The migrations this database has run, or null when it has no migrations table yet. */
async function readApplied(db: Kysely<Database>): Promise<string[] | null> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = (await (db as unknown as Kysely<any>).selectFrom(TABLE).select('name').orderBy('name').execute()) as { name: string }[];
    return rows.map((r) => r.name);
  } catch (e) {
    // No migrations table yet: nothing has run. Any other failure (the database is away) propagates.
    if (/no such table|does not exist/i.test((e as Error).message)) return null;
    throw e;
  }
}

/**
 * The migrations this database has run, making their table first if need be. Reading takes no
 * lock (a database in use opens without waiting for its writers); making the table does: two
 * processes opening a new PostgreSQL database at once would otherwise both run CREATE TABLE IF NOT
 * EXISTS, and one would fail on PostgreSQL's catalog (a duplicate pg_type row).
 */
export async function appliedMigrations(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const applied = await readApplied(db);
  if (applied) return applied;
  await underLock(db, dialect, (c) =>
    c.schema
      .createTable(TABLE)
      .ifNotExists()
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('applied_at', 'text', (col) => col.notNull())
      .execute(),
  );
  return (await readApplied(db)) ?? [];
}

/**
 * Whether the schema is the one this build expects, read without changing anything (a readiness
 * probe must not write): the migrations still to run, and any this build does not know.
 */
export async function schemaStatus(db: Kysely<Database>): Promise<{ pending: string[]; unknown: string[] }> {
  const known = Object.keys(MIGRATIONS).sort();
  const applied = (await readApplied(db)) ?? [];
  return { pending: known.filter((n) => !applied.includes(n)), unknown: applied.filter((n) => !known.includes(n)) };
}

/** Brings the schema up to date; refuses a database that ran migrations this build lacks. */
export async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const known = Object.keys(MIGRATIONS).sort();
  const applied = await appliedMigrations(db, dialect);
  const unknown = applied.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new AppError(
      'internal',
      `This database was written by a newer coffeechat (it has migrations this version does not know: ${unknown.join(', ')}). Upgrade coffeechat to open it.`,
      { unknown },
    );
  }
  const ran: string[] = [];
  for (const name of known) {
    if (applied.includes(name)) continue;
    const did = await underLock(db, dialect, async (c) => {
      // Another process may have run it while we waited for the lock.
      const done = await c.selectFrom(TABLE).select('name').where('name', '=', name).executeTakeFirst();
      if (!done) {
        await MIGRATIONS[name]!.up(c);
        await c.insertInto(TABLE).values({ name, applied_at: new Date().toISOString() }).execute();
      }
      return !done;
    });
    if (did) ran.push(name);
  }
  return ran;
}
