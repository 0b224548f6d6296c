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

export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const any = db as unknown as Kysely<any>;
  await any.schema
    .createTable(TABLE)
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const rows = (await any.selectFrom(TABLE).select('name').orderBy('name').execute()) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Whether the schema is the one this build expects, read without changing anything (a readiness
 * probe must not write): the migrations still to run, and any this build does not know.
 */
export async function schemaStatus(db: Kysely<Database>): Promise<{ pending: string[]; unknown: string[] }> {
  const known = Object.keys(MIGRATIONS).sort();
  let applied: string[];
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = (await (db as unknown as Kysely<any>).selectFrom(TABLE).select('name').execute()) as { name: string }[];
    applied = rows.map((r) => r.name);
  } catch (e) {
    // No migrations table yet: nothing has run. Any other failure (the database is away) propagates.
    if (/no such table|does not exist/i.test((e as Error).message)) applied = [];
    else throw e;
  }
  return { pending: known.filter((n) => !applied.includes(n)), unknown: applied.filter((n) => !known.includes(n)) };
}

/** Brings the schema up to date; refuses a database that ran migrations this build lacks. */
export async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const known = Object.keys(MIGRATIONS).sort();
  const applied = await appliedMigrations(db);
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
    const did = await db.connection().execute(async (conn) => {
      await sql.raw(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
      try {
        if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(54540001)`.execute(conn);
        // Another process may have run it while we waited for the lock.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const c = conn as unknown as Kysely<any>;
        const done = await c.selectFrom(TABLE).select('name').where('name', '=', name).executeTakeFirst();
        if (!done) {
          await MIGRATIONS[name]!.up(c);
          await c.insertInto(TABLE).values({ name, applied_at: new Date().toISOString() }).execute();
        }
        await sql.raw('COMMIT').execute(conn);
        return !done;
      } catch (e) {
        await sql
          .raw('ROLLBACK')
          .execute(conn)
          .catch(() => undefined);
        throw e;
      }
    });
    if (did) ran.push(name);
  }
  return ran;
}
