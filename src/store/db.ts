// Opening the database: the one place that knows SQLite from PostgreSQL (besides dialect.ts, which
// holds the SQL that differs). Also runs the migrations and refuses databases from the future.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Dialect } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { migrate } from './migrate.js';
import { withStatementCache } from './statement-cache.js';

export interface OpenDb {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, or the PostgreSQL URL with its password masked. */
  where: string;
  close(): Promise<void>;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** A PostgreSQL URL safe to print: the password never leaves the process. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** Opens (and migrates, unless told not to) the database at a file path, ':memory:' or a URL. */
export async function openDatabase(target: string, opts: { migrate?: boolean } = {}): Promise<OpenDb> {
  const open = isPostgresUrl(target) ? await openPostgres(target) : await openSqlite(target);
  try {
    if (opts.migrate !== false && (await migrate(open.db, open.dialect)).length > 0 && open.dialect === 'sqlite') {
      await sql`PRAGMA optimize=0x10002`.execute(open.db);
    }
  } catch (e) {
    await open.close().catch(() => undefined);
    throw describeOpenError(e, open.where, open.dialect);
  }
  return open;
}

/**
 * Where better-sqlite3's compiled addon is. The CLI bundle carries better-sqlite3's JavaScript
 * (scripts/build.mjs), and left to itself it would look for the addon with the `bindings` package,
 * which guesses its module's folder from a stack trace (wrong inside a bundle) and tries a dozen
 * paths: naming the file skips that at every start. An unusual install layout is found the way
 * better-sqlite3 would find it, from its own folder.
 */
function sqliteAddon(): string {
  const req = createRequire(import.meta.url);
  const root = dirname(req.resolve('better-sqlite3/package.json'));
  const built = join(root, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(built)) return built;
  const bindings = createRequire(join(root, 'package.json'))('bindings') as (o: object) => string;
  return bindings({ bindings: 'better_sqlite3.node', module_root: root, path: true });
}

async function openSqlite(file: string): Promise<OpenDb> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  const nativeBinding = sqliteAddon();
  let raw;
  try {
    raw = new SqliteDatabase(file, { nativeBinding });
    // WAL lets the CLI write while the server reads; the busy timeout makes concurrent writers
    // wait for each other instead of failing at once.
    raw.pragma('busy_timeout = 5000');
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    // Keep the planner's statistics fresh (search and list plans depend on them); the limit
    // bounds the work on a large database, as SQLite recommends for connections that stay open.
    raw.pragma('analysis_limit = 400');
    // Read pages through a memory map instead of a system call each: reads scattered over a
    // large file (a campaign's notes, for its insights) cost much less. Up to 256 MiB is mapped.
    raw.pragma('mmap_size = 268435456');
  } catch (e) {
    raw?.close();
    throw describeOpenError(e, file, 'sqlite');
  }
  const dialect: Dialect = new SqliteDialect({ database: withStatementCache(raw) });
  const db = new Kysely<Database>({ dialect });
  const close = async () => {
    try {
      // Unmapped first: the statistics read whole indexes, which would all stay mapped.
      raw.pragma('mmap_size = 0');
      raw.pragma('optimize');
    } catch {
      /* read-only or busy: statistics can wait for the next close */
    }
    await db.destroy();
  };
  return { db, dialect: 'sqlite', where: file, close };
}

async function openPostgres(url: string): Promise<OpenDb> {
  const { default: pg } = await import('pg');
  const where = maskUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw describeOpenError(e, where, 'postgres', url);
  }
  return { db, dialect: 'postgres', where, close: () => db.destroy() };
}

/** Turns a driver's failure into one clear line: what could not be opened, where, and why. */
function describeOpenError(e: unknown, where: string, dialect: DialectName, url?: string): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  if (dialect === 'postgres') {
    let hostPort = where;
    try {
      const u = new URL(url ?? where);
      hostPort = `${u.hostname || 'localhost'}:${u.port || '5432'}`;
    } catch {
      /* keep the masked URL */
    }
    const reason =
      err.code === 'ECONNREFUSED'
        ? 'connection refused (is the server running?)'
        : err.code === '28P01'
          ? 'password authentication failed'
          : err.code === '3D000'
            ? 'the database does not exist'
            : msg.replace(/postgres(ql)?:\/\/\S+/g, '(url)');
    return new AppError('internal', `Cannot connect to PostgreSQL at ${hostPort}: ${reason}.`, { hostPort });
  }
  if (err.code === 'SQLITE_NOTADB' || /not a database/i.test(msg)) {
    return new AppError('internal', `The database file ${where} is not a coffeechat database or is damaged.`);
  }
  if (err.code === 'SQLITE_CANTOPEN' || /unable to open|directory does not exist/i.test(msg)) {
    return new AppError('internal', `Cannot open the database file ${where}: the folder is missing or not writable.`);
  }
  if (err.code === 'SQLITE_READONLY' || /readonly/i.test(msg)) {
    return new AppError('internal', `Cannot write to the database file ${where}: it is read-only.`);
  }
  if (err.code === 'SQLITE_CORRUPT' || /malformed/i.test(msg)) {
    return new AppError('internal', `The database file ${where} is damaged (${msg}).`);
  }
  return new AppError('internal', `Cannot open the database ${where}: ${msg}`);
}
