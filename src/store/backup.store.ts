// A user's rows, table by table, as they are stored: what the JSON backup writes and what a restore
// puts back. Rows are plain values on both dialects (ISO text times, 0/1 flags), so a backup made
// on SQLite restores on PostgreSQL and back. Derived search columns (tsvector) are left out: each
// database rebuilds its own index from the restored text.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import { USER_TABLES, type Database } from './schema.js';

export type BackupRow = Record<string, string | number | null>;

/**
 * Every table a backup holds, children before parents (the order a wipe deletes in; a restore
 * inserts in the reverse). Shares the user made and the comments on their campaigns hang off the
 * user's campaigns, so they come before them.
 */
export const BACKUP_TABLES = ['campaign_comments', 'campaign_shares', ...USER_TABLES] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Tables a backup leaves out on purpose: accounts and their credentials belong to the server the
 * user signs in to, not to the user's data (a restore goes into an account that already exists).
 */
export const NOT_BACKED_UP = [
  'users',
  'auth_sessions',
  'auth_accounts',
  'auth_verifications',
  'auth_settings',
  'auth_throttle',
  'invitations',
  'password_resets',
  'api_tokens',
  'auth_two_factor',
  'auth_recovery_codes',
  'auth_pending_logins',
  'coffeechat_migrations',
] as const;

/** Columns that name the user whose data it is; a restore writes the new owner's id there. */
export const OWNER_COLUMNS = ['user_id', 'owner_id', 'author_id'] as const;

const PAGE = 1000;
/** Bound parameters per INSERT, under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Which of a table's rows are the user's. */
function ownedBy(table: BackupTable, userId: string) {
  if (table === 'campaign_shares') return sql`owner_id = ${userId}`;
  if (table === 'campaign_comments') return sql`campaign_id IN (SELECT id FROM campaigns WHERE user_id = ${userId})`;
  return sql`user_id = ${userId}`;
}

export function backupStore(db: Kysely<Database>) {
  const any = db as AnyDb;
  let columnsCache: Map<string, string[]> | undefined;

  /** The stored columns of each table of this database (generated search vectors left out). */
  async function columns(): Promise<Map<string, string[]>> {
    if (columnsCache) return columnsCache;
    const map = new Map<string, string[]>();
    if (dialectOf(any) === 'sqlite') {
      for (const t of await any.introspection.getTables())
        map.set(
          t.name,
          t.columns.map((c) => c.name),
        );
    } else {
      // Only the schema in use: the same server may hold other coffeechat schemas.
      const r = await sql<{ table_name: string; column_name: string }>`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND is_generated = 'NEVER' AND data_type <> 'tsvector'
        ORDER BY table_name, ordinal_position`.execute(any);
      for (const c of r.rows) map.set(c.table_name, [...(map.get(c.table_name) ?? []), c.column_name]);
    }
    columnsCache = map;
    return map;
  }

  /**
   * Runs `fn` with SQLite's memory map turned off, then turns it back on. A backup or a restore
   * reads every page once; through the map each page read would stay resident (up to the 256 MiB
   * mapped), which is memory the process shows for no gain. Not to be called inside a transaction.
   */
  async function unmapped<T>(fn: () => Promise<T>): Promise<T> {
    if (dialectOf(any) !== 'sqlite') return fn();
    const r = await sql<{ mmap_size: number }>`PRAGMA mmap_size`.execute(any);
    const size = Number(r.rows[0]?.mmap_size ?? 0);
    await sql.raw('PRAGMA mmap_size = 0').execute(any);
    try {
      return await fn();
    } finally {
      await sql.raw(`PRAGMA mmap_size = ${Math.max(0, Math.floor(size))}`).execute(any);
    }
  }

  return {
    columns,

    /** The user's rows of one table, a page at a time (by id where the table has one). */
    async *rows(table: BackupTable, userId: string): AsyncGenerator<BackupRow[]> {
      const cols = (await columns()).get(table) ?? [];
      const select = sql.join(cols.map((c) => sql.ref(c)));
      const byId = cols.includes('id');
      let after: string | null = null;
      for (let offset = 0; ; offset += PAGE) {
        const page: { rows: BackupRow[] } = byId
          ? await sql<BackupRow>`SELECT ${select} FROM ${sql.table(table)} WHERE ${ownedBy(table, userId)} ${after === null ? sql`` : sql`AND id > ${after}`} ORDER BY id LIMIT ${PAGE}`.execute(
              any,
            )
          : await sql<BackupRow>`SELECT ${select} FROM ${sql.table(table)} WHERE ${ownedBy(table, userId)} ORDER BY ${sql.join(cols.map((c) => sql.ref(c)))} LIMIT ${PAGE} OFFSET ${offset}`.execute(
              any,
            );
        if (page.rows.length === 0) return;
        yield page.rows;
        if (page.rows.length < PAGE) return;
        if (byId) after = String(page.rows[page.rows.length - 1]!.id);
      }
    },

    /** The tables (of those a restore would replace) in which the user has any row. */
    async tablesWithData(userId: string, ignore: readonly BackupTable[]): Promise<BackupTable[]> {
      const found: BackupTable[] = [];
      for (const table of BACKUP_TABLES) {
        if (ignore.includes(table)) continue;
        const r = await sql`SELECT 1 AS x FROM ${sql.table(table)} WHERE ${ownedBy(table, userId)} LIMIT 1`.execute(any);
        if (r.rows.length) found.push(table);
      }
      return found;
    },

    /** Deletes every row a backup of the user would hold, children first. */
    async wipe(userId: string): Promise<void> {
      for (const table of BACKUP_TABLES) await sql`DELETE FROM ${sql.table(table)} WHERE ${ownedBy(table, userId)}`.execute(any);
    },

    /** Inserts rows as they are, in batches that stay under the databases' parameter limits. */
    async insert(table: BackupTable, rows: BackupRow[]): Promise<void> {
      if (rows.length === 0) return;
      // A loop, not Math.max(...rows): spreading a large table's rows overflows the call stack.
      let width = 1;
      for (const r of rows) width = Math.max(width, Object.keys(r).length);
      const batch = Math.max(1, Math.floor(MAX_PARAMS / width));
      for (let i = 0; i < rows.length; i += batch)
        await any
          .insertInto(table)
          .values(rows.slice(i, i + batch))
          .execute();
    },

    /** Which of these user ids exist here (shares and comments name other accounts). */
    async existingUsers(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const found = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
      return new Set(found.map((u) => u.id));
    },

    /** The SQLite file behind this connection ('' for an in-memory database), or null on PostgreSQL. */
    async sqliteFile(): Promise<string | null> {
      if (dialectOf(any) !== 'sqlite') return null;
      const r = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(any);
      return r.rows.find((x) => x.name === 'main')?.file ?? '';
    },

    /** A consistent copy of the live SQLite database in `file` (which must not exist yet). */
    async vacuumInto(file: string): Promise<void> {
      await unmapped(() => sql`VACUUM INTO ${file}`.execute(any));
    },

    unmapped,
  };
}
