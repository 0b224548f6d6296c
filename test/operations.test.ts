// Operations (issue 7, part 8): readiness follows the database and its schema; request logs say
// what was asked and how it went, never who or what about.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { rotateFeed } from '../src/app/calendar-feed.js';
import { createServerApp } from '../src/server/app.js';
import { spawn } from 'node:child_process';
import { BIN } from './cli.js';
import { buildContact } from './factories.js';
import { eachDialect, freshPgSchema, IN_CI, PG_URL } from './harness.js';

eachDialect('operations', (t) => {
  const get = async (path: string, opts: { requestLog?: (l: string) => void; headers?: Record<string, string> } = {}) => {
    const app = createServerApp({ deps: t(), userId: t().userId, ...(opts.requestLog ? { requestLog: opts.requestLog } : {}) });
    const res = await app.request(`http://127.0.0.1:5454${path}`, { headers: opts.headers ?? {} });
    const text = await res.text();
    return { status: res.status, text, type: res.headers.get('content-type') ?? '' };
  };

  it('is ready when the database answers with this build’s schema, and says why not otherwise', async () => {
    const ok = await get('/api/v1/ready');
    expect([ok.status, JSON.parse(ok.text)]).toEqual([200, { ready: true }]);

    // A newer instance migrated the shared database: this one stops taking traffic.
    await sql`insert into coffeechat_migrations (name, applied_at) values ('2099-01-01-99-future', '2099-01-01T00:00:00.000Z')`.execute(
      t().db.db,
    );
    const newer = await get('/api/v1/ready');
    expect(newer.status).toBe(503);
    expect(JSON.parse(newer.text)).toEqual({ ready: false, reason: expect.stringContaining('2099-01-01-99-future') });
    await sql`delete from coffeechat_migrations where name = '2099-01-01-99-future'`.execute(t().db.db);

    // A migration not yet applied (another instance is still migrating).
    const last = (await sql<{ name: string }>`select name from coffeechat_migrations order by name desc`.execute(t().db.db)).rows[0]!.name;
    await sql`delete from coffeechat_migrations where name = ${last}`.execute(t().db.db);
    const pending = await get('/api/v1/ready');
    expect([pending.status, JSON.parse(pending.text).reason]).toEqual([503, '1 migration(s) not applied yet']);

    // Liveness does not depend on the database.
    expect((await get('/api/v1/health')).status).toBe(200);
  });

  it('is not ready when the database is gone, without telling the caller the database’s error', async () => {
    const app = createServerApp({ deps: t(), userId: t().userId });
    await t().db.close();
    const res = await app.request('http://127.0.0.1:5454/api/v1/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, reason: 'the database is not answering' });
  });

  it('logs one JSON line per request: method, route pattern, status, ms — no ids, queries, bodies, cookies or tokens', async () => {
    const lines: string[] = [];
    const requestLog = (l: string) => lines.push(l);
    const c = await buildContact(t(), { name: 'Hana Berg', emails: ['hana@example.org'] });
    const feed = await rotateFeed(t(), 'http://127.0.0.1:5454');
    const token = new URL(feed.url!).pathname.split('/').pop()!.replace('.ics', '');

    expect((await get(`/api/v1/contacts/${c.id}`, { requestLog, headers: { cookie: 'coffeechat_session=s3cret' } })).status).toBe(200);
    expect((await get('/api/v1/contacts?q=hana%20berg', { requestLog })).status).toBe(200);
    expect((await get(`/calendar/${token}.ics`, { requestLog })).status).toBe(200);
    expect((await get('/api/v1/contacts/nobody', { requestLog })).status).toBe(404);
    expect((await get('/api/v1/no/such/thing', { requestLog })).status).toBe(404);

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map((e) => [e.method, e.route, e.status, e.level])).toEqual([
      ['GET', '/api/v1/contacts/:id', 200, 'info'],
      ['GET', '/api/v1/contacts', 200, 'info'],
      ['GET', '/calendar/:file', 200, 'info'],
      ['GET', '/api/v1/contacts/:id', 404, 'warn'],
      ['GET', '(no such route)', 404, 'warn'],
    ]);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status', 'time']);
      expect(typeof e.ms).toBe('number');
    }
    const all = lines.join('\n').toLowerCase();
    for (const secret of [c.id, 'hana', 's3cret', token.toLowerCase(), 'nobody']) expect(all).not.toContain(secret);
  });
});

// Issue 7, part 5: with accounts on PostgreSQL, `serve` will not run as a superuser role (one
// bypasses every permission, on every database of the server), and the tests themselves connect as
// an ordinary role. The refusal needs a superuser to try: CI's throwaway cluster has one
// (COFFEECHAT_TEST_PG_SUPERUSER_URL); elsewhere it is given when at hand.
const SUPERUSER_URL = process.env.COFFEECHAT_TEST_PG_SUPERUSER_URL;

async function isSuperuser(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // Asked differently from serve's own check, so the two cannot share a mistake.
    return (await c.query<{ is_superuser: string }>('show is_superuser')).rows[0]?.is_superuser === 'on';
  } finally {
    await c.end();
  }
}

/**
 * Runs `serve --accounts` on `db` until it says where it runs (then `check`s it and stops it) or
 * exits. Patient: migrating a fresh schema on a shared, busy PostgreSQL can take a while.
 */
function serveUntil(db: string, env: Record<string, string>, check: (base: string) => Promise<void>) {
  const child = spawn(process.execPath, [BIN, 'serve', '--accounts', '--port', '0', '--db', db], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<{ started: boolean; code: number | null; output: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve neither started nor exited within 90 s: ${output}`));
    }, 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (!m) return;
      child.stdout.off('data', onData);
      check(m[1]!).then(
        () => child.kill('SIGTERM'),
        (e: unknown) => {
          child.kill('SIGTERM');
          reject(e as Error);
        },
      );
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ started: /running at/.test(output), code, output });
    });
  });
}

describe.skipIf(!PG_URL && !IN_CI)('serve --accounts and the PostgreSQL role', () => {
  /** serve --accounts on a fresh schema of `url`, in a throwaway data folder. */
  async function tryServe(url: string, check: (base: string) => Promise<void>) {
    const schema = await freshPgSchema(url);
    const dataDir = mkdtempSync(join(tmpdir(), 'coffeechat-ops-'));
    try {
      return await serveUntil(schema.url, { COFFEECHAT_DATA_DIR: dataDir }, check);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await schema.drop();
    }
  }

  it('starts as the ordinary role the tests use, with accounts', async () => {
    if (!PG_URL) throw new Error('CI=true but COFFEECHAT_TEST_PG_URL is not set: the PostgreSQL suite must run in CI.');
    expect(await isSuperuser(PG_URL), 'the tests must connect to PostgreSQL as an ordinary role, not a superuser').toBe(false);
    const r = await tryServe(PG_URL, async (base) => {
      expect(((await (await fetch(`${base}/api/v1/session`)).json()) as { accounts: boolean }).accounts).toBe(true);
      expect((await fetch(`${base}/api/v1/contacts`)).status).toBe(401);
    });
    expect(r.started, r.output).toBe(true);
  }, 120_000);

  (SUPERUSER_URL || IN_CI ? it : it.skip)(
    'refuses to start as a superuser, saying why and how to fix it',
    async () => {
      if (!SUPERUSER_URL)
        throw new Error('CI=true but COFFEECHAT_TEST_PG_SUPERUSER_URL is not set: the superuser refusal must be tried in CI.');
      expect(await isSuperuser(SUPERUSER_URL), 'COFFEECHAT_TEST_PG_SUPERUSER_URL must connect as a superuser').toBe(true);
      const r = await tryServe(SUPERUSER_URL, async () => undefined);
      expect(r.started).toBe(false);
      // Exit 2 (invalid_input), the reason and the remedy; and no setup token was minted on the way.
      expect(r.code).toBe(2);
      expect(r.output).toContain('refuses to run as a PostgreSQL superuser');
      expect(r.output).toContain('ordinary role');
      expect(r.output).not.toMatch(/setup token/i);
      expect(r.output).not.toMatch(/\n\s+at /); // no stack trace
    },
    120_000,
  );
});
