// Backups and restores (issue 8, part 2): a user's every row comes back as it was — compared by
// content hash, table by table — through the JSON backup on both databases, from SQLite to
// PostgreSQL and back, and through the SQLite online copy; a restore never mixes into existing
// data; the embedded database backs itself up daily and keeps the last 7.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { addComment } from '../src/app/shares.js';
import { backupSqlite, backupStatus, dailyBackup, restoreBackup, KEEP_AUTOMATIC } from '../src/app/backup.js';
import type { Ctx } from '../src/app/context.js';
import { exportContacts } from '../src/app/export.js';
import { search } from '../src/app/search.js';
import { createServerApp } from '../src/server/app.js';
import { BACKUP_TABLES, NOT_BACKED_UP } from '../src/store/backup.store.js';
import { readBackupTables } from '../src/formats/json-backup-stream.js';
import { codeOf, eachDialect, freshPgSchema, openTestCtx, PG_URL, type TestCtx } from './harness.js';
import { cli, serve, type Served } from './cli.js';
import { seedUser } from './isolation/seed.js';

const MARK = 'qzxbackup';
const ADVISER = 'adviser@example.org';

const collect = async (gen: AsyncGenerator<string>) => {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
};
const bytes = (s: string) => new TextEncoder().encode(s);

/** Databases opened by a test, closed (and PostgreSQL schemas dropped) after it. */
const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

async function fresh(dialect: 'sqlite' | 'postgres', file = ':memory:'): Promise<TestCtx> {
  if (dialect === 'sqlite') {
    const ctx = await openTestCtx(file);
    opened.push(() => ctx.db.close());
    return ctx;
  }
  const s = await freshPgSchema(PG_URL!);
  const ctx = await openTestCtx(s.url);
  opened.push(async () => {
    await ctx.db.close();
    await s.drop();
  });
  return ctx;
}

/** An account of its own in a database, to restore into (its id differs from the backup's user). */
async function account(ctx: TestCtx, email: string, role = 'member'): Promise<Ctx> {
  const id = `acct-${createHash('sha256').update(email).digest('hex').slice(0, 12)}`;
  await ctx.store.auth.insertUser({ id, email, name: email, role, at: ctx.clock.now().toISOString() });
  return { store: ctx.store, clock: ctx.clock, ids: ctx.ids, userId: id };
}

/** A bit of every kind of object (the isolation suite's data set), plus an adviser's comment. */
async function seed(ctx: TestCtx): Promise<void> {
  const adviser = await account(ctx, ADVISER, 'adviser');
  const app = createServerApp({ deps: ctx, userId: ctx.userId });
  const call = async (method: string, path: string, body?: unknown, upload?: boolean) => {
    // API tokens belong to a server account, not to the data a backup holds.
    if (path.startsWith('/account/')) return { status: 201, text: '{"id":"none"}' };
    const res = await app.request(`http://127.0.0.1:5454/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': upload ? 'text/csv' : 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };
  const ids = await seedUser(call, { mark: MARK, shareWith: ADVISER, clock: ctx.clock });
  await addComment({ ...adviser, role: 'adviser' }, ids.campaign![0]!, { text: `${MARK} keep going` });
}

/**
 * Every row the user owns, per table, as sorted content hashes: the rows' own columns (search
 * vectors are derived), with the user's id written as U so that two accounts can be compared.
 * Read straight from the database's own catalogue, so a table added later is counted too.
 */
async function hashes(ctx: Ctx & { db: TestCtx['db'] }): Promise<Record<string, string[]>> {
  const db = ctx.db.db;
  const out: Record<string, string[]> = {};
  const campaigns = (await db.selectFrom('campaigns').select('id').where('user_id', '=', ctx.userId).execute()).map((r) => r.id);
  for (const [name, list] of await ctx.store.backup.columns()) {
    if ((NOT_BACKED_UP as readonly string[]).includes(name) || /_fts/.test(name)) continue;
    const cols = new Set(list);
    const where = cols.has('user_id')
      ? sql`user_id = ${ctx.userId}`
      : cols.has('owner_id')
        ? sql`owner_id = ${ctx.userId}`
        : cols.has('campaign_id') && campaigns.length
          ? sql`campaign_id in (${sql.join(campaigns)})`
          : null;
    if (!where) continue;
    const rows = await sql<
      Record<string, unknown>
    >`select ${sql.join(list.map((c) => sql.ref(c)))} from ${sql.table(name)} where ${where}`.execute(db);
    out[name] = rows.rows
      .map((r) => {
        const canonical = Object.keys(r)
          .sort()
          .map((k) => [k, r[k] === ctx.userId ? 'U' : r[k]]);
        return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
      })
      .sort();
  }
  return out;
}

const rowCount = (h: Record<string, string[]>) => Object.values(h).reduce((n, rows) => n + rows.length, 0);

eachDialect('backup and restore', (t) => {
  it('the JSON backup puts back every row of every table, with the same content hashes, and search works', async () => {
    const source = t();
    await seed(source);
    const before = await hashes(source);
    // The data set touches (nearly) every table a backup holds, so the comparison means something.
    const empty = BACKUP_TABLES.filter((table) => !before[table]?.length);
    expect(empty).toEqual([]);
    const json = await collect(exportContacts(source, { format: 'json' }));
    expect(JSON.parse(json)).toMatchObject({ coffeechat: 'backup', version: 2, tables: { contacts: expect.any(Array) } });

    const target = await fresh(source.db.dialect);
    const into = { ...(await account(target, 'me@example.org')), db: target.db };
    await account(target, ADVISER, 'adviser'); // the adviser has an account here too, so the share and comment come along
    const report = await restoreBackup(into, bytes(json));
    expect(report).toMatchObject({ replaced: false, skipped: {} });
    expect(await hashes(into)).toEqual(before);
    expect(rowCount(before)).toBeGreaterThan(40);
    const found = await search(into, { q: `Mira ${MARK}` });
    expect(JSON.stringify(found)).toContain(`Mira ${MARK}`);
  });

  it('the restore reads the file a row at a time: any chunking and any layout give the same rows', async () => {
    const source = t();
    await seed(source);
    const json = await collect(exportContacts(source, { format: 'json' }));
    const whole = JSON.parse(json) as { tables: Record<string, unknown[]> };
    const rng = (() => {
      let x = 7;
      return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    })();
    // Our own layout and a reformatted one (indented, a row across many lines), cut into pieces of
    // 1 to 64 bytes, so every token and multi-byte character is split somewhere.
    for (const text of [json, JSON.stringify(whole, null, 2)]) {
      const data = bytes(text);
      async function* pieces() {
        for (let i = 0; i < data.length;) {
          const n = 1 + Math.floor(rng() * 64);
          yield data.subarray(i, i + n);
          i += n;
        }
      }
      const read: Record<string, unknown[]> = {};
      for await (const e of readBackupTables(pieces())) {
        if (e.kind === 'table') read[e.table] = [];
        if (e.kind === 'rows') read[e.table]!.push(...e.rows);
      }
      expect(read).toEqual(whole.tables);
    }
    const target = await fresh(source.db.dialect);
    await account(target, ADVISER, 'adviser');
    const into = { ...(await account(target, 'me@example.org')), db: target.db };
    await restoreBackup(into, bytes(JSON.stringify(whole, null, 2)));
    expect(await hashes(into)).toEqual(await hashes(source));
  });

  it('a database that already holds the user’s data is a conflict; --force replaces it whole', async () => {
    const source = t();
    await seed(source);
    const json = await collect(exportContacts(source, { format: 'json' }));
    const before = await hashes(source);
    const err = await restoreBackup(source, bytes(json)).catch((e: unknown) => e as { code: string; message: string });
    expect(err).toMatchObject({ code: 'conflict', message: expect.stringContaining('--force') });
    expect(await hashes(source)).toEqual(before); // nothing was written
    // Data added after the backup goes; what the backup holds comes back.
    await source.store.transaction(async (tx) => {
      const c = await tx.contacts.list(source.userId, { limit: 1, offset: 0 });
      await tx.contacts.delete(source.userId, c[0]!.id);
    });
    const report = await restoreBackup(source, bytes(json), { force: true });
    expect(report.replaced).toBe(true);
    expect(await hashes(source)).toEqual(before);
  });

  it('shares and comments naming accounts this database lacks are left out and counted', async () => {
    const source = t();
    await seed(source);
    const json = await collect(exportContacts(source, { format: 'json' }));
    const target = await fresh(source.db.dialect);
    const into = { ...(await account(target, 'me@example.org')), db: target.db };
    const report = await restoreBackup(into, bytes(json));
    expect(report.skipped).toEqual({ campaign_shares: 1, campaign_comments: 1 });
    const { campaign_shares: _s, campaign_comments: _c, ...rest } = await hashes(source);
    const after = await hashes(into);
    expect(after.campaign_shares ?? []).toEqual([]);
    expect({ ...after, campaign_shares: undefined, campaign_comments: undefined }).toMatchObject(rest);
  });

  it('refuses files that are not a full backup, naming why, and writes nothing', async () => {
    const ctx = t();
    const cases: [string, RegExp][] = [
      ['hello', /neither a coffeechat JSON backup nor a SQLite backup/],
      ['{"coffeechat":"backup","version":1,"contacts":[]}', /coffeechat import/],
      ['{"coffeechat":"backup","version":2,"contacts":[],"tables":{"users":[]}}', /does not restore: "users"/],
      [
        '{"coffeechat":"backup","version":2,"contacts":[],"tables":{"contacts":[{"id":"x","nope":1}]}}',
        /column this database lacks: "nope"/,
      ],
      ['{"coffeechat":"backup","version":2,"migrations":["2099-01-01-99-future"],"contacts":[],"tables":{}}', /newer coffeechat/],
      ['{"coffeechat":"backup","version":2,\n"contacts":[', /not valid JSON at line 2/],
      // A bad row deep in the tables: nothing before it stays written, and the line is named.
      [
        '{"coffeechat":"backup","version":2,"contacts":[],"tables":{"organisations":[\n{"id":"o1"},\n{"id":}]}}',
        /not valid JSON at line 3/,
      ],
      ['{"coffeechat":"backup","version":2,"contacts":[],"tables":{"contacts":{}}}', /"contacts" is not a list of rows/],
      ['{"version":2,"tables":{}}', /not a coffeechat backup/],
      ['{"coffeechat":"backup","version":2,"contacts":[],"tables":{}} []', /not valid JSON at line 1, column 63/],
    ];
    for (const [text, message] of cases) {
      const err = await restoreBackup(ctx, bytes(text)).catch((e: unknown) => e as { code: string; message: string });
      expect(err, text).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
    }
    expect(await codeOf(restoreBackup(ctx, bytes('{"coffeechat":"backup","version":2,"contacts":[],"tables":{}}')))).toBeNull();
  });

  it('over the API: a member puts their JSON backup back (409 on existing data unless force=true); a SQLite file is refused', async () => {
    const source = t();
    await seed(source);
    const json = await collect(exportContacts(source, { format: 'json' }));
    const target = await fresh(source.db.dialect);
    await account(target, ADVISER, 'adviser');
    const app = createServerApp({ deps: target, userId: target.userId });
    const post = async (query: string, body: string | Uint8Array) => {
      const res = await app.request(`http://127.0.0.1:5454/api/v1/restore${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body,
      });
      return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; replaced?: boolean } };
    };
    expect(await post('', json)).toMatchObject({ status: 200, body: { replaced: false } });
    expect(await hashes({ ...target, userId: target.userId })).toEqual(await hashes(source));
    expect(await post('', json)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(await post('?force=true', json)).toMatchObject({ status: 200, body: { replaced: true } });
    expect(await post('?force=yes', json)).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    const sqliteHead = new Uint8Array([...new TextEncoder().encode('SQLite format 3\0'), ...new Uint8Array(100)]);
    expect(await post('?force=true', sqliteHead)).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('JSON backup') } },
    });
    const status = await app.request('http://127.0.0.1:5454/api/v1/backups');
    expect(await status.json()).toMatchObject({ automatic: false, folder: null, backups: [] });
  });

  it('every table is either in the backup or left out on purpose', async () => {
    const tables = [...(await t().store.backup.columns()).keys()].filter((n) => !/_fts(_\w+)?$/.test(n));
    expect(tables).toContain('contacts');
    const known = new Set<string>([...BACKUP_TABLES, ...NOT_BACKED_UP]);
    expect(tables.filter((n) => !known.has(n))).toEqual([]);
  });
});

describe.runIf(PG_URL)('moving a user between databases', () => {
  it('SQLite → PostgreSQL → SQLite keeps every row (content hashes)', async () => {
    const sqlite = await fresh('sqlite');
    await seed(sqlite);
    const before = await hashes(sqlite);

    const pg = await fresh('postgres');
    await account(pg, ADVISER, 'adviser');
    const onPg = { ...(await account(pg, 'me@example.org')), db: pg.db };
    await restoreBackup(onPg, bytes(await collect(exportContacts(sqlite, { format: 'json' }))));
    expect(await hashes(onPg)).toEqual(before);

    const back = await fresh('sqlite');
    await account(back, ADVISER, 'adviser');
    const home = { ...(await account(back, 'home@example.org')), db: back.db };
    await restoreBackup(home, bytes(await collect(exportContacts(onPg, { format: 'json' }))));
    expect(await hashes(home)).toEqual(before);
  });
});

describe('the embedded database’s own backups', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an online copy restores every row, and the daily backup keeps the last 7', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cc-backup-'));
    const ctx = await fresh('sqlite', join(dir, 'coffeechat.db'));
    await seed(ctx);
    const made = await backupSqlite(ctx);
    expect(made.file.startsWith(join(dir, 'backups', 'coffeechat-'))).toBe(true);
    expect(await codeOf(backupSqlite(ctx, made.file))).toBe('conflict'); // never overwrites

    const target = await fresh('sqlite');
    await account(target, ADVISER, 'adviser');
    const into = { ...(await account(target, 'me@example.org')), db: target.db };
    await restoreBackup(into, { file: made.file });
    expect(await hashes(into)).toEqual(await hashes(ctx));

    // Daily: one now, none again the same day, then one per day with only the newest 7 kept.
    expect(await dailyBackup(ctx)).not.toBeNull();
    expect(await dailyBackup(ctx)).toBeNull();
    const made10: string[] = [];
    for (let day = 1; day <= 10; day++) {
      ctx.clock.advance(24 * 3600 * 1000);
      made10.push((await dailyBackup(ctx))!.file);
    }
    const status = await backupStatus(ctx);
    expect(status).toMatchObject({ automatic: true, folder: join(dir, 'backups'), keep: KEEP_AUTOMATIC });
    const autos = status.backups.filter((b) => b.automatic).map((b) => b.file);
    expect(autos).toEqual(made10.slice(-KEEP_AUTOMATIC).reverse());
    expect(status.backups.filter((b) => !b.automatic).map((b) => b.file)).toEqual([made.file]);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});

describe('coffeechat backup and restore', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  // The built binary, as the other CLI suites run it (npm test builds first).
  const run = (args: string[]) => cli(['--db', join(dir, 'c.db'), ...args]);

  it('backs up, refuses a non-empty database, and restores with --force after copying the data aside', () => {
    dir = mkdtempSync(join(tmpdir(), 'cc-backup-cli-'));
    expect(run(['contacts', 'add', '--name', 'Maya Okafor', '--json']).code).toBe(0);
    // The first command of the day made the automatic backup.
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('c-auto-'))).toHaveLength(1);
    const sqliteBackup = run(['backup', '--json']);
    expect(sqliteBackup.code).toBe(0);
    const made = JSON.parse(sqliteBackup.stdout) as { file: string; format: string };
    expect(made.format).toBe('sqlite');
    const jsonFile = join(dir, 'mine.json');
    expect(run(['backup', '--out', jsonFile]).code).toBe(0);
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toMatchObject({ version: 2 });

    const refused = run(['restore', made.file, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr).error.code).toBe('conflict');
    expect(run(['contacts', 'add', '--name', 'Tom Lindqvist']).code).toBe(0);
    const forced = run(['restore', jsonFile, '--force', '--json']);
    expect(forced.code).toBe(0);
    const report = JSON.parse(forced.stdout) as { replaced: boolean; previous: string };
    expect(report.replaced).toBe(true);
    expect(report.previous).toMatch(/c-before-restore-.*\.db$/);
    const names = JSON.parse(run(['contacts', 'list', '--json']).stdout) as { name: string }[];
    expect(names.map((c) => c.name)).toEqual(['Maya Okafor']);

    writeFileSync(join(dir, 'junk.txt'), 'not a backup');
    const junk = run(['restore', join(dir, 'junk.txt')]);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/^coffeechat: The file is neither/);
  }, 120_000);
});

describe('coffeechat backup and restore through --server', () => {
  let dir: string;
  const servers: Served[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const remote = (server: Served, ...args: string[]) => cli(['--server', server.url, ...args], { COFFEECHAT_DB: undefined });

  it('downloads your JSON backup and puts it back into another server; SQLite copies stay local, said clearly', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cc-backup-remote-'));
    const here = join(dir, 'here.db');
    expect(cli(['--db', here, 'demo']).code).toBe(0);
    const a = await serve(['--db', here]);
    servers.push(a);
    const b = await serve(['--db', join(dir, 'there.db')]);
    servers.push(b);

    const file = join(dir, 'mine.json');
    const made = remote(a, 'backup', '--out', file, '--json');
    expect(made.code, made.stderr).toBe(0);
    expect(made.json()).toEqual({ file, format: 'json' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ coffeechat: 'backup', version: 2 });
    // Without --out the backup goes to stdout, as locally.
    expect(JSON.parse(remote(a, 'backup').stdout)).toMatchObject({ coffeechat: 'backup' });

    const restored = remote(b, 'restore', file, '--json');
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.json()).toMatchObject({ replaced: false, restored: { contacts: expect.any(Number), interviews: expect.any(Number) } });
    for (const list of [
      ['contacts', 'list', '--json'],
      ['interviews', 'list', '--json'],
      ['notes', 'list', '--json'],
    ])
      expect(remote(b, ...list).stdout, list.join(' ')).toEqual(remote(a, ...list).stdout);

    const again = remote(b, 'restore', file, '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr).error).toMatchObject({ code: 'conflict', message: expect.stringContaining('--force') });
    const forced = remote(b, 'restore', file, '--force', '--json');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.json()).toMatchObject({ replaced: true, previous: null });

    // A SQLite copy is neither made nor sent through a server: exit 2 and what to do instead.
    const copy = join(dir, 'copy.db');
    expect(cli(['--db', here, 'backup', '--out', copy]).code).toBe(0);
    const sent = remote(b, 'restore', copy);
    expect(sent.code).toBe(2);
    expect(sent.stderr).toMatch(/JSON backup.*restore a SQLite backup where the database is/);
    const asked = remote(a, 'backup', '--format', 'sqlite', '--out', join(dir, 'x.db'));
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/Through --server a backup is the JSON backup/);
    expect(remote(b, 'restore', join(dir, 'missing.json')).stderr).toMatch(/Cannot read .*missing\.json: no such file/);
  }, 180_000);
});
