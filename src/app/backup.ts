// Backups and restores (issue 8, part 2). The embedded SQLite database is copied online with
// VACUUM INTO (a consistent snapshot while others keep writing; never a copy of the live file),
// into a `backups` folder beside it; once a day that happens by itself, keeping the last 7. On
// PostgreSQL a backup is the JSON backup of `export json`, which holds every row of the user's data.
// A restore takes either kind and puts the user's rows back as they were, ids included, into an
// account that holds nothing yet (or, with force, replaces what it holds) in one transaction.
import { copyFile, mkdir, mkdtemp, open, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { tooLarge } from '../formats/bytes.js';
import type { BackupEvent } from '../formats/json-backup-stream.js';
import { BACKUP_TABLES, OWNER_COLUMNS, type BackupRow, type BackupTable } from '../store/backup.store.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { makeStore, openDatabase } from '../store/index.js';
import type { Ctx, Deps } from './context.js';

/** How many automatic backups are kept. */
export const KEEP_AUTOMATIC = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface BackupFile {
  file: string;
  at: string;
  bytes: number;
  automatic: boolean;
}

/** Where the backups of a SQLite database file go: a `backups` folder beside it. */
export const backupFolder = (dbFile: string): string => join(dirname(dbFile), 'backups');

/** A database file's name without its extension: backups of several files may share a folder. */
const stem = (dbFile: string) => basename(dbFile).replace(/\.(db|sqlite3?)$/i, '');
/** A time as it goes into a file name (no colons, sorts like the time). */
const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const fromStamp = (s: string) => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

/** The live SQLite file, or an error saying why there is none to copy. */
async function liveFile(deps: Deps): Promise<string> {
  const file = await deps.store.backup.sqliteFile();
  if (file === null) {
    throw new AppError(
      'invalid_input',
      'On PostgreSQL a backup is the JSON backup: run `coffeechat backup --out FILE.json` (it holds every row of your data); back up the whole server with pg_dump.',
    );
  }
  if (file === '') throw new AppError('invalid_input', 'An in-memory database has nothing to back up to a file.');
  return file;
}

/** Copies the live database into `target` through a temporary name, so a half-written copy is never taken for a backup. */
async function copyInto(deps: Deps, target: string): Promise<BackupFile> {
  const exists = await stat(target).catch(() => null);
  if (exists) throw new AppError('conflict', `${target} already exists; choose another --out.`);
  await mkdir(dirname(target), { recursive: true });
  // node:crypto is loaded here, not at the top: this module is loaded by every CLI start (daily backup check).
  const { randomBytes } = await import('node:crypto');
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await deps.store.backup.vacuumInto(partial);
    await rename(partial, target);
  } catch (e) {
    await unlink(partial).catch(() => undefined);
    if (e instanceof AppError) throw e;
    throw new AppError('internal', `Cannot write the backup ${target}: ${(e as Error).message}`);
  }
  return { file: target, at: deps.clock.now().toISOString(), bytes: (await stat(target)).size, automatic: false };
}

/** An online copy of the embedded database, into `out` or the backups folder. */
export async function backupSqlite(deps: Deps, out?: string): Promise<BackupFile> {
  const file = await liveFile(deps);
  return copyInto(deps, out ?? join(backupFolder(file), `${stem(file)}-${stamp(deps.clock.now())}.db`));
}

/** Before a forced restore replaces data: a copy of the embedded database as it was (null on PostgreSQL or in memory). */
export async function backupBeforeRestore(deps: Deps): Promise<BackupFile | null> {
  const file = await deps.store.backup.sqliteFile();
  if (!file) return null;
  return copyInto(deps, join(backupFolder(file), `${stem(file)}-before-restore-${stamp(deps.clock.now())}.db`));
}

/** The backups of a database file found in its folder, newest first. */
async function backupsOf(file: string): Promise<BackupFile[]> {
  const folder = backupFolder(file);
  const names = await readdir(folder).catch(() => [] as string[]);
  const pattern = new RegExp(
    `^${stem(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(auto-|before-restore-)?(\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z)\\.db$`,
  );
  const found: BackupFile[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const s = await stat(join(folder, name)).catch(() => null);
    if (s) found.push({ file: join(folder, name), at: fromStamp(m[2]!), bytes: s.size, automatic: m[1] === 'auto-' });
  }
  return found.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * The automatic daily backup: when the newest automatic backup of the embedded database is a day
 * old or more (by the program's clock), make one and keep only the last 7. Returns the new backup,
 * or null when none was due (or the database is not a SQLite file).
 */
export async function dailyBackup(deps: Deps): Promise<BackupFile | null> {
  const file = await deps.store.backup.sqliteFile();
  if (!file) return null;
  const now = deps.clock.now();
  const autos = (await backupsOf(file)).filter((b) => b.automatic);
  if (autos[0] && now.getTime() - Date.parse(autos[0].at) < DAY_MS) return null;
  const made = await copyInto(deps, join(backupFolder(file), `${stem(file)}-auto-${stamp(now)}.db`));
  for (const old of [{ ...made, automatic: true }, ...autos].slice(KEEP_AUTOMATIC)) await unlink(old.file).catch(() => undefined);
  return { ...made, automatic: true };
}

export interface BackupStatus {
  /** Whether this database is backed up by itself every day (the embedded SQLite database). */
  automatic: boolean;
  folder: string | null;
  keep: number;
  backups: BackupFile[];
  /** Why there are no automatic backups, when there are none. */
  note: string | null;
}

/** Where the backups are and the latest ones (Settings). */
export async function backupStatus(ctx: Ctx): Promise<BackupStatus> {
  const file = await ctx.store.backup.sqliteFile();
  if (file === null)
    return {
      automatic: false,
      folder: null,
      keep: KEEP_AUTOMATIC,
      backups: [],
      note: 'The data is in PostgreSQL: back the server up with pg_dump; each user can download a JSON backup of their data.',
    };
  if (file === '') return { automatic: false, folder: null, keep: KEEP_AUTOMATIC, backups: [], note: 'The database is in memory.' };
  return { automatic: true, folder: backupFolder(file), keep: KEEP_AUTOMATIC, backups: await backupsOf(file), note: null };
}

// ------------------------------------------------------------------------------------------ Restore

export interface RestoreReport {
  /** Rows put back, by table. */
  restored: Record<string, number>;
  /** Shares and comments left out because the adviser's account does not exist in this database. */
  skipped: Record<string, number>;
  /** Whether data that was there before was replaced (`force`). */
  replaced: boolean;
}

/** Tables a fresh account already has rows in (made on first run or on opening Settings): a restore replaces them. */
const CONFIGURATION: readonly BackupTable[] = ['settings', 'calendar_feeds'];

/** A backup to restore: a file on this machine (read as a stream), or bytes already in memory (tests, small files). */
export type BackupInput = { file: string } | Uint8Array;

/** How much of a file is read at a time; a restore holds about this much of the file at once. */
const CHUNK = 256 * 1024;

/**
 * Restores a backup (SQLite backup or JSON backup) into the user's data. The JSON backup is read
 * a row at a time while the rows are written, so a restore's memory does not grow with the file.
 */
export async function restoreBackup(ctx: Ctx, input: BackupInput, opts: { force?: boolean } = {}): Promise<RestoreReport> {
  const head = await firstBytes(input, 4096);
  if (Buffer.from(head.subarray(0, 16)).toString('latin1') === SQLITE_MAGIC) return restoreSqlite(ctx, input, !!opts.force);
  if (!/^\uFEFF?\s*\{/.test(new TextDecoder().decode(head)))
    throw new AppError('invalid_input', 'The file is neither a coffeechat JSON backup nor a SQLite backup.');
  // The reader loads only for a restore (this module loads at every command's start, for the daily check).
  const { readBackupTables } = await import('../formats/json-backup-stream.js');
  return ctx.store.backup.unmapped(() => load(ctx, readBackupTables(chunksOf(input)), !!opts.force));
}

/** The largest backup the API takes (the CLI reads any size from disk). */
export const MAX_UPLOAD = 256 * 1024 * 1024;

/**
 * A restore sent to the server (POST /restore): the JSON backup only. A SQLite file would be opened
 * and migrated by the server, and a crafted one can carry triggers and views; the operator restores
 * those with the CLI instead. The upload goes to a temporary file first, so the restore's
 * transaction never waits on a slow client and memory does not grow with the file.
 */
export async function restoreUpload(ctx: Ctx, body: AsyncIterable<Uint8Array> | Uint8Array, query: unknown): Promise<RestoreReport> {
  // Checked by hand rather than with zod: this module loads at every command's start (dailyBackup).
  const q = (query ?? {}) as Record<string, unknown>;
  const extra = Object.keys(q).filter((k) => k !== 'force');
  if (extra.length || (q.force !== undefined && q.force !== 'true' && q.force !== 'false'))
    throw new AppError('invalid_input', 'Invalid restore options: the only option is force=true|false.', {
      fields: [{ field: extra[0] ?? 'force', message: extra.length ? 'is not an option' : 'must be true or false' }],
    });
  const dir = await mkdtemp(join(tmpdir(), 'coffeechat-upload-'));
  try {
    const file = join(dir, 'backup');
    const out = await open(file, 'w');
    let size = 0;
    try {
      for await (const chunk of body instanceof Uint8Array ? [body] : body) {
        size += chunk.length;
        if (size > MAX_UPLOAD) throw tooLarge(MAX_UPLOAD);
        await out.write(chunk);
      }
    } finally {
      await out.close();
    }
    if (size === 0) throw new AppError('invalid_input', 'Send the JSON backup file as the request body.');
    const head = await firstBytes({ file }, 16);
    if (Buffer.from(head).toString('latin1') === SQLITE_MAGIC)
      throw new AppError(
        'invalid_input',
        'The server takes the JSON backup (Settings, or `coffeechat backup --format json`); restore a SQLite backup with the CLI.',
      );
    return await restoreBackup(ctx, { file }, { force: q.force === 'true' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first `n` bytes of a backup (fewer when it is shorter). */
async function firstBytes(input: BackupInput, n: number): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input.subarray(0, n);
  let handle;
  try {
    handle = await open(input.file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('invalid_input', `Cannot read ${input.file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* chunksOf(input: BackupInput): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let i = 0; i < input.length; i += CHUNK) yield input.subarray(i, i + CHUNK);
    return;
  }
  const { createReadStream } = await import('node:fs');
  for await (const chunk of createReadStream(input.file, { highWaterMark: CHUNK })) yield chunk as Uint8Array;
}

/** Restores one user's rows out of a copy of a SQLite backup (brought up to this build's schema first). */
async function restoreSqlite(ctx: Ctx, input: BackupInput, force: boolean): Promise<RestoreReport> {
  const dir = await mkdtemp(join(tmpdir(), 'coffeechat-restore-'));
  const file = join(dir, 'backup.db');
  try {
    if (input instanceof Uint8Array) await writeFile(file, input);
    else await copyFile(input.file, file);
    const opened = await openDatabase(file).catch((e: unknown) => {
      throw new AppError('invalid_input', `The SQLite backup cannot be opened: ${(e as Error).message}`);
    });
    try {
      const store = makeStore(opened.db, opened.dialect);
      const source = await sourceUser(ctx, store);
      // Parents first, a page at a time: the order a restore inserts in.
      async function* events(): AsyncGenerator<BackupEvent> {
        yield { kind: 'header', userId: source, migrations: Object.keys(MIGRATIONS), exportedAt: null };
        for (const table of [...BACKUP_TABLES].reverse()) {
          yield { kind: 'table', table };
          for await (const rows of store.backup.rows(table, source)) yield { kind: 'rows', table, rows };
        }
      }
      return await store.backup.unmapped(() => ctx.store.backup.unmapped(() => load(ctx, events(), force)));
    } finally {
      await opened.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whose data a SQLite backup gives: the account with the caller's e-mail, else the local owner, else its only user. */
async function sourceUser(ctx: Ctx, backupStore: ReturnType<typeof makeStore>): Promise<string> {
  const users = await backupStore.auth.users();
  const email = (await ctx.store.auth.user(ctx.userId))?.email ?? null;
  const pick =
    (email ? users.find((u) => u.email === email) : undefined) ??
    users.find((u) => u.role === 'owner') ??
    (users.length === 1 ? users[0] : undefined);
  if (!pick)
    throw new AppError(
      'invalid_input',
      'The SQLite backup holds several accounts and none has your e-mail; restore as that account (--user EMAIL).',
    );
  return pick.id;
}

/**
 * Gives the rows to this user and writes them, table by table as they are read, in one
 * transaction: a bad row anywhere leaves the database as it was. Tables come parents first (the
 * order `export json` writes them in).
 */
async function load(ctx: Ctx, events: AsyncGenerator<BackupEvent>, force: boolean): Promise<RestoreReport> {
  const first = await events.next();
  if (first.done || first.value.kind !== 'header') throw new AppError('invalid_input', 'The backup has no tables to restore.');
  const header = first.value;
  const unknown = header.migrations.filter((m) => !(m in MIGRATIONS));
  if (unknown.length)
    throw new AppError(
      'invalid_input',
      `The backup was made by a newer coffeechat (migrations ${unknown.join(', ')}); upgrade to restore it.`,
    );
  const columns = await ctx.store.backup.columns();

  try {
    return await ctx.store.transaction(async (tx) => {
      const holding = await tx.backup.tablesWithData(ctx.userId, CONFIGURATION);
      if (holding.length && !force)
        throw new AppError(
          'conflict',
          `This database already holds your data (${holding.slice(0, 4).join(', ')}${holding.length > 4 ? ', …' : ''}); restore into an empty one, or use --force to replace it.`,
          { tables: holding },
        );
      await tx.backup.wipe(ctx.userId);
      const restored: Record<string, number> = {};
      const skipped: Record<string, number> = {};
      const seen = new Map<string, number>();
      for await (const event of events) {
        if (event.kind === 'header') continue;
        const name = event.table;
        if (!(BACKUP_TABLES as readonly string[]).includes(name))
          throw new AppError('invalid_input', `The backup has a table this coffeechat does not restore: "${name}".`);
        if (event.kind === 'table') continue;
        const table = name as BackupTable;
        const known = new Set(columns.get(name) ?? []);
        const before = seen.get(name) ?? 0;
        seen.set(name, before + event.rows.length);
        let rows = event.rows.map((row, j) => ownRow(ctx, header.userId, known, name, row, before + j + 1));
        // Shares and comments name other accounts; those missing here are left out (and counted).
        const other = table === 'campaign_shares' ? 'adviser_id' : table === 'campaign_comments' ? 'author_id' : null;
        if (other) {
          const ids = [...new Set(rows.map((r) => r[other]).filter((x): x is string => typeof x === 'string'))];
          const present = await tx.backup.existingUsers(ids);
          const kept = rows.filter((r) => present.has(String(r[other])));
          if (kept.length < rows.length) skipped[table] = (skipped[table] ?? 0) + rows.length - kept.length;
          rows = kept;
        }
        await tx.backup.insert(table, rows);
        if (rows.length) restored[table] = (restored[table] ?? 0) + rows.length;
      }
      return { restored, skipped, replaced: holding.length > 0 };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new AppError(
        'conflict',
        'Rows of this backup already exist in this database under another account; a backup restores into one account per database.',
      );
    if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      throw new AppError(
        'invalid_input',
        'The backup is incomplete: a row refers to another that the backup does not hold (or lists a table before the table it refers to).',
      );
    throw e;
  } finally {
    // A refused restore stops reading; close the reader (and its file).
    await events.return(undefined);
  }
}

/** Checks one row of the backup and makes it the restoring user's, whatever account it was made under. */
function ownRow(ctx: Ctx, backupUser: string, known: Set<string>, table: string, row: unknown, n: number): BackupRow {
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    throw new AppError('invalid_input', `Row ${n} of "${table}" in the backup is not an object.`);
  const out: BackupRow = {};
  for (const [col, value] of Object.entries(row as Record<string, unknown>)) {
    if (!known.has(col)) throw new AppError('invalid_input', `Row ${n} of "${table}" has a column this database lacks: "${col}".`);
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      throw new AppError('invalid_input', `Row ${n} of "${table}": "${col}" must be text, a number or null.`);
    out[col] = (OWNER_COLUMNS as readonly string[]).includes(col) && (col !== 'author_id' || value === backupUser) ? ctx.userId : value;
  }
  return out;
}
