// Operations (issue 7, part 8): readiness follows the database and its schema; request logs say
// what was asked and how it went, never who or what about.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { rotateFeed } from '../src/app/calendar-feed.js';
import { AppError } from '../src/domain/errors.js';
import { createServerApp } from '../src/server/app.js';
import { createAccounts, newSetupToken, THROTTLE } from '../src/server/auth/service.js';
import { clientAddress, trustedProxies, type TrustedProxies } from '../src/server/client-address.js';
import { spawn } from 'node:child_process';
import { BIN, cli, serve } from './cli.js';
import { buildContact } from './factories.js';
import { eachDialect, freshPgSchema, IN_CI, PG_URL, type TestCtx } from './harness.js';

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

// Behind a reverse proxy (serve --trust-proxy) the peer is the proxy: the client's address comes
// from X-Forwarded-For, but only when a named proxy sent it, since anyone can write that header.
describe('--trust-proxy: which X-Forwarded-For to believe', () => {
  const error = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof AppError ? { code: e.code, message: e.message } : e;
    }
    return null;
  };

  it('reads addresses, ranges and loopback, and refuses anything else by name', () => {
    const trusted = trustedProxies(' loopback, 10.1.0.0/16 ,2001:db8::7,::ffff:192.0.2.5');
    for (const a of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1', '10.1.200.3', '2001:db8::7', '[2001:db8::7]:443', '192.0.2.5'])
      expect(trusted(a), a).toBe(true);
    for (const a of ['10.2.0.1', '2001:db8::8', '192.0.2.6', 'localhost', '', 'garbage']) expect(trusted(a), a).toBe(false);

    for (const bad of ['proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1', '10.0.0.0/x', '::1/129', 'loopback,nope']) {
      const e = error(() => trustedProxies(bad));
      expect(e, bad).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--trust-proxy takes IP addresses') });
      expect((e as { message: string }).message, bad).toContain(bad.split(',').pop()!);
    }
    expect(error(() => trustedProxies(' , '))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('empty') });
    expect(error(() => trustedProxies('x', 'COFFEECHAT_TRUST_PROXY'))).toMatchObject({
      message: expect.stringMatching(/^COFFEECHAT_TRUST_PROXY takes/),
    });
  });

  it('takes the right-most address no trusted proxy vouches for, and only from a trusted peer', () => {
    const trusted = trustedProxies('10.0.0.5,10.0.0.6');
    // No trust configured, or a peer that is not a named proxy: the header counts for nothing.
    expect(clientAddress('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9');
    // A trusted proxy without the header, and the peer's own form normalised.
    expect(clientAddress('10.0.0.5', null, trusted)).toBe('10.0.0.5');
    expect(clientAddress('::ffff:203.0.113.9', null, trusted)).toBe('203.0.113.9');
    expect(clientAddress(undefined, '198.51.100.1', trusted)).toBe('unknown');
    // What the client itself wrote (left of the address our proxy saw) is never believed.
    expect(clientAddress('10.0.0.5', '1.2.3.4, 198.51.100.7', trusted)).toBe('198.51.100.7');
    // Two proxies in a row: the outer one's report is believed too.
    expect(clientAddress('10.0.0.5', '1.2.3.4, 198.51.100.7, 10.0.0.6', trusted)).toBe('198.51.100.7');
    // Two header lines arrive joined by a comma; ports and brackets are not part of the address.
    expect(clientAddress('10.0.0.5', '198.51.100.7:5123, [2001:db8::1]:443', trusted)).toBe('2001:db8::1');
    // Only trusted hops: the left-most. A hop that is no address: the walk stops before it.
    expect(clientAddress('10.0.0.5', '10.0.0.6', trusted)).toBe('10.0.0.6');
    expect(clientAddress('10.0.0.5', '198.51.100.7, not-an-address', trusted)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'unknown, 10.0.0.6', trusted)).toBe('10.0.0.6');
  });
});

const ORIGIN = 'http://127.0.0.1:5454';
const GOOD = 'correct horse battery staple';
const LIMITS = { ...THROTTLE, perAccount: 3, perAddress: 4 };

/** An accounts server with its first admin (ada), and a login as sent by `peer` with an X-Forwarded-For. */
async function behindProxy(t: TestCtx, trustProxy?: TrustedProxies) {
  const deps = { store: t.store, clock: t.clock, ids: t.ids };
  const auth = await createAccounts({ db: t.db.db, deps, baseUrl: ORIGIN, throttle: LIMITS });
  const app = createServerApp({ deps, userId: t.userId, auth, ...(trustProxy ? { trustProxy } : {}) });
  const post = (path: string, body: unknown, peer: string, forwardedFor?: string) =>
    app.request(
      `${ORIGIN}/api/v1${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: peer } } },
    );
  const token = await newSetupToken(t.store);
  expect((await post('/auth/setup', { token, email: 'ada@example.org', name: 'Ada', password: GOOD }, '10.0.0.5')).status).toBe(201);
  return {
    /** Fails as many times as the per-address limit allows, each time for another e-mail. */
    async failMany(peer: string, forwardedFor: (i: number) => string | undefined) {
      for (let i = 0; i < LIMITS.perAddress; i++)
        expect(
          (await post('/auth/login', { email: `guess${i}@example.org`, password: 'not it at all' }, peer, forwardedFor(i))).status,
        ).toBe(401);
    },
    login: async (peer: string, forwardedFor?: string) =>
      (await post('/auth/login', { email: 'ada@example.org', password: GOOD }, peer, forwardedFor)).status,
  };
}

eachDialect('login throttling behind a reverse proxy', (t) => {
  it('counts failures per forwarded client when the peer is a trusted proxy', async () => {
    const s = await behindProxy(t(), trustedProxies('10.0.0.5,10.0.0.6'));
    // One client through two proxies, writing a new address of its own into the header each time.
    await s.failMany('10.0.0.5', (i) => `203.0.113.${i}, 198.51.100.7, 10.0.0.6`);
    expect(await s.login('10.0.0.5', '198.51.100.7')).toBe(401); // locked, even with the right password
    expect(await s.login('10.0.0.5', '198.51.100.8')).toBe(200); // everyone else behind the proxy is not
  });

  it('ignores the header from a peer that is not a trusted proxy: it can neither escape nor frame', async () => {
    const s = await behindProxy(t(), trustedProxies('10.0.0.5'));
    await s.failMany('203.0.113.9', (i) => `198.51.100.${i}`);
    expect(await s.login('203.0.113.9', '198.51.100.200')).toBe(401); // a fresh forged address changes nothing
    expect(await s.login('10.0.0.5', '198.51.100.0')).toBe(200); // the address it named is not locked
  });

  it('without --trust-proxy, believes no header, not even from loopback', async () => {
    const s = await behindProxy(t());
    await s.failMany('127.0.0.1', (i) => `198.51.100.${i}`);
    expect(await s.login('127.0.0.1', '198.51.100.99')).toBe(401);
    expect(await s.login('192.0.2.1', '198.51.100.0')).toBe(200);
  });
});

describe('serve --trust-proxy', () => {
  it('refuses a value that is not an address, range or loopback, from the flag or the environment', () => {
    const flag = cli(['serve', '--port', '0', '--db', ':memory:', '--trust-proxy', 'proxy.example.org']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--trust-proxy takes IP addresses');
    expect(flag.stderr).toContain('"proxy.example.org"');
    const env = cli(['serve', '--port', '0', '--db', ':memory:'], { COFFEECHAT_TRUST_PROXY: '10.0.0.0/40' });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^coffeechat: COFFEECHAT_TRUST_PROXY takes .*"10\.0\.0\.0\/40"/);
    const help = cli(['serve', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--trust-proxy <addrs>.*env COFFEECHAT_TRUST_PROXY/);
  });

  it('throttles the client a loopback proxy forwards for, in the real server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-proxy-'));
    const server = await serve(['--accounts', '--trust-proxy', 'loopback', '--db', join(dir, 'cc.db')], { COFFEECHAT_AUTO_BACKUP: 'off' });
    try {
      const token = (await server.waitFor(/Setup token: (\S+)/))[1];
      const post = (path: string, body: unknown, forwardedFor: string) =>
        fetch(`${server.url}/api/v1${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify(body),
        });
      expect((await post('/auth/setup', { token, email: 'ada@example.org', name: 'Ada', password: GOOD }, '198.51.100.1')).status).toBe(
        201,
      );
      for (let i = 0; i < THROTTLE.perAddress; i++)
        expect((await post('/auth/login', { email: `guess${i}@example.org`, password: 'not it at all' }, '198.51.100.1')).status).toBe(401);
      const ada = { email: 'ada@example.org', password: GOOD };
      expect((await post('/auth/login', ada, '198.51.100.1')).status).toBe(401);
      expect((await post('/auth/login', ada, '198.51.100.2')).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

// Issue 7, part 5: with accounts on PostgreSQL, `serve` will not run as a superuser role (one
// bypasses every permission, on every database of the server), and the tests themselves connect as
// an ordinary role. The refusal needs a superuser to try: CI's throwaway cluster has one
// (COFFEECHAT_TEST_PG_SUPERUSER_URL); elsewhere it is given when at hand.
const SUPERUSER_URL = process.env.COFFEECHAT_TEST_PG_SUPERUSER_URL;

/** The tables in the schema a URL's connections use (freshPgSchema sets the search path). */
async function tablesIn(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ name: string }>(
      'select table_name as name from information_schema.tables where table_schema = current_schema() order by 1',
    );
    return r.rows.map((row) => row.name);
  } finally {
    await c.end();
  }
}

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
  /** serve --accounts on a fresh schema of `url`, in a throwaway data folder; with the tables it left there. */
  async function tryServe(url: string, check: (base: string) => Promise<void>) {
    const schema = await freshPgSchema(url);
    const dataDir = mkdtempSync(join(tmpdir(), 'coffeechat-ops-'));
    try {
      const r = await serveUntil(schema.url, { COFFEECHAT_DATA_DIR: dataDir }, check);
      return { ...r, tables: await tablesIn(schema.url) };
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
    expect(r.tables).toContain('coffeechat_migrations');
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
      // Refused before migrating: the schema is as empty as it was, not owned by the superuser's tables.
      expect(r.tables).toEqual([]);
    },
    120_000,
  );
});
