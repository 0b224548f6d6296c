// What every command needs: where the database is (flags beat COFFEECHAT_* beat defaults), an
// opened store with the program's clock, and one way to print results and errors.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { localOwner, systemClock, systemIds, type Ctx, type Deps } from '../app/context.js';
import { fromDatabaseError } from '../app/validate.js';
import { AppError, ERROR_CODES } from '../domain/errors.js';
import type { UserRole } from '../domain/types.js';
import { isPostgresUrl, makeStore, openDatabase, type OpenDb } from '../store/index.js';

export interface GlobalOptions {
  db?: string;
  dataDir?: string;
  json?: boolean;
  /** Act for the account with this e-mail (server mode) instead of the local owner. */
  user?: string;
  /** Run each operation on this coffeechat server (its HTTP API) instead of a database. */
  server?: string;
  /** The API token sent to `server` (`Authorization: Bearer`). */
  token?: string;
}

/** What a command asks of the operation's route: path parameters, query string, JSON body. */
export interface CallRequest {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A file an operation answers with: text or byte chunks. */
export type Chunks = AsyncIterable<string | Uint8Array>;

/**
 * Where a command's operations run. Each call names the route of `server/routes.ts` that serves the
 * operation over HTTP, and the same operation called in process: a remote client sends the first,
 * a local session runs the second. The local side is spelled out (rather than looked up in ROUTES)
 * because loading the route list loads every operation, which would double the CLI's cold start.
 */
export interface Client {
  readonly remote: boolean;
  call<T>(method: HttpMethod, path: string, req: CallRequest, local: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** A download route (a file); locally the operation's chunks or whole file. */
  download(path: string, req: CallRequest, local: (ctx: Ctx) => Promise<Chunks | string | Uint8Array>): Promise<Chunks>;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export function dataDir(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  if (opts.dataDir) return opts.dataDir;
  if (env.COFFEECHAT_DATA_DIR) return env.COFFEECHAT_DATA_DIR;
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share'), 'coffeechat');
}

/** The database the program uses: --db, COFFEECHAT_DB, DATABASE_URL, or the data directory's file. */
export function dbTarget(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env): { target: string; isDefault: boolean } {
  const given = opts.db ?? env.COFFEECHAT_DB ?? env.DATABASE_URL;
  if (given) return { target: given, isDefault: false };
  return { target: join(dataDir(opts, env), 'coffeechat.db'), isDefault: true };
}

export interface Session extends Client {
  ctx: Ctx;
  deps: Deps;
  db: OpenDb;
  close(): Promise<void>;
}

/** The local side of a call: the operation itself, on this database. */
function localClient(ctx: Ctx): Client {
  return {
    remote: false,
    call: (_method, _path, _req, local) => local(ctx),
    download: async (_path, _req, local) => {
      const body = await local(ctx);
      return typeof body === 'string' || body instanceof Uint8Array ? oneChunk(body) : body;
    },
  };
}

async function* oneChunk(body: string | Uint8Array): Chunks {
  yield body;
}

/** Opens the database (creating the default data folder when needed) and finds the local owner. */
export async function openSession(opts: GlobalOptions, o: { createOwner?: boolean } = {}): Promise<Session> {
  const clock = systemClock(process.env.COFFEECHAT_NOW);
  const { target, isDefault } = dbTarget(opts);
  if (!isPostgresUrl(target) && target !== ':memory:' && (isDefault || opts.dataDir || process.env.COFFEECHAT_DATA_DIR)) {
    try {
      mkdirSync(isDefault ? dataDir(opts) : join(target, '..'), { recursive: true });
    } catch (e) {
      throw new AppError('internal', `Cannot create the data folder ${dataDir(opts)}: ${(e as Error).message}`);
    }
  }
  const db = await openDatabase(target);
  const deps: Deps = { store: makeStore(db.db, db.dialect), clock, ids: systemIds(clock) };
  try {
    // A server with accounts does not make a local owner: setup turns an existing one into the
    // admin, and a fresh database starts with the admin's account.
    const owner = async () => (o.createOwner === false ? ((await deps.store.users.localOwner())?.id ?? '') : await localOwner(deps));
    const ctx = opts.user ? await accountCtx(deps, opts.user) : { ...deps, userId: await owner() };
    // The embedded database copies itself aside once a day (the last 7 kept, app/backup.ts); a
    // failed copy must not stop the command the user asked for.
    if (db.dialect === 'sqlite' && process.env.COFFEECHAT_AUTO_BACKUP !== 'off')
      await import('../app/backup.js').then((b) => b.dailyBackup(deps)).catch(() => null);
    return { ...localClient(ctx), ctx, deps, db, close: () => db.close() };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** The context of a named account, for an operator acting for it straight on the database. */
async function accountCtx(deps: Deps, email: string): Promise<Ctx> {
  const u = await deps.store.auth.userByEmail(email.trim().toLowerCase());
  if (!u || u.role === 'owner')
    throw new AppError(
      'not_found',
      `No account with the e-mail ${email} in this database (accounts are created on the server: serve --accounts).`,
    );
  return { ...deps, userId: u.id, role: u.role as UserRole };
}

/** The server to call (--server, else COFFEECHAT_SERVER), or undefined for the local database. */
export function serverTarget(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env): { server: string; token?: string } | undefined {
  const server = opts.server ?? (env.COFFEECHAT_SERVER || undefined);
  if (!server) return undefined;
  const token = opts.token ?? (env.COFFEECHAT_TOKEN || undefined);
  return { server, ...(token ? { token } : {}) };
}

/** Refuses --server for a command that works only on a database this machine opens. */
export function refuseRemote(opts: GlobalOptions, command: string): void {
  if (serverTarget(opts))
    throw new AppError(
      'invalid_input',
      `coffeechat ${command} works on a database this machine opens and cannot run through --server (or COFFEECHAT_SERVER); run it where the database is.`,
    );
}

/** Runs a command body with a local session or a server's API, whichever the flags ask for. */
export async function withClient<T>(opts: GlobalOptions, fn: (c: Client) => Promise<T>): Promise<T> {
  const target = serverTarget(opts);
  if (!target) return withSession(opts, fn);
  if (opts.db) throw new AppError('invalid_input', 'Give --db or --server, not both: a command runs on one database or one server.');
  if (opts.user)
    throw new AppError('invalid_input', '--user acts on a database directly; through --server the token says whose data it is.');
  const { remoteClient } = await import('./remote.js');
  return fn(remoteClient(target.server, target.token));
}

/** Runs a command body with a session, closing the database afterwards whatever happens. */
export async function withSession<T>(opts: GlobalOptions, fn: (s: Session) => Promise<T>): Promise<T> {
  const s = await openSession(opts);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Prints rows as aligned columns for people (JSON is for scripts). */
export function printTable(rows: (string | number | null | undefined)[][], header?: string[]): void {
  const all = header ? [header, ...rows] : rows;
  const cells = all.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = cells[0]?.map((_, i) => Math.min(40, Math.max(...cells.map((r) => (r[i] ?? '').length)))) ?? [];
  for (const r of cells) {
    process.stdout.write(
      r
        .map((c, i) => (c.length > 40 ? c.slice(0, 39) + '…' : c).padEnd(i === r.length - 1 ? 0 : (widths[i] ?? 0)))
        .join('  ')
        .trimEnd() + '\n',
    );
  }
}

/** Every failure leaves the CLI the same way: one clear message, the exit code of its code. */
export function fail(e: unknown, json: boolean): never {
  const err = e instanceof AppError ? e : (fromDatabaseError(e) ?? new AppError('internal', (e as Error)?.message ?? String(e)));
  if (json) process.stderr.write(JSON.stringify(err.toJSON()) + '\n');
  else {
    process.stderr.write(`coffeechat: ${err.message}\n`);
    const fields = (err.details as { fields?: { field: string; message: string }[] } | undefined)?.fields;
    if (fields && fields.length > 1) for (const f of fields) process.stderr.write(`  ${f.field}: ${f.message}\n`);
  }
  process.exit(ERROR_CODES[err.code].exit);
}
