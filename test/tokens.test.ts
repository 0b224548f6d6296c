// API tokens (issue 7, part 7) on both databases, through the in-process app as a script and a
// browser would call it: made from a signed-in session and shown once, kept only as a hash, sent
// as `Authorization: Bearer`, limited by scope, never reaching admin or session-only routes,
// refused at once when revoked, expired or mistyped, and managed by an operator with the CLI.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../src/server/app.js';
import { createAccounts, newSetupToken } from '../src/server/auth/service.js';
import { openApiDocument } from '../src/server/openapi.js';
import { ROUTES } from '../src/server/routes.js';
import { bearerToken } from '../src/app/tokens.js';
import { cli } from './cli.js';
import { eachDialect, openTestCtx, type TestCtx } from './harness.js';

const ORIGIN = 'http://127.0.0.1:5454';
const PASSWORD = 'correct horse battery staple';

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A server with accounts, a signed-in admin and member (browsers with cookie jars), and a script's caller. */
async function server(t: TestCtx) {
  const deps = { store: t.store, clock: t.clock, ids: t.ids };
  const auth = await createAccounts({ db: t.db.db, deps, baseUrl: ORIGIN });
  const app = createServerApp({ deps, userId: t.userId, auth });
  const send = async (method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> => {
    const res = await app.request(
      `${ORIGIN}/api/v1${path}`,
      {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: '192.0.2.10' } } },
    );
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const browser = () => {
    const jar = new Map<string, string>();
    const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> => {
      const headers: Record<string, string> = { ...extra };
      if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      if (jar.has('coffeechat_csrf')) headers['x-coffeechat-csrf'] = jar.get('coffeechat_csrf')!;
      const res = await app.request(
        `${ORIGIN}/api/v1${path}`,
        {
          method,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        { incoming: { socket: { remoteAddress: '192.0.2.11' } } },
      );
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const at = pair!.indexOf('=');
        const value = pair!.slice(at + 1);
        if (!value || /max-age=0/i.test(c)) jar.delete(pair!.slice(0, at));
        else jar.set(pair!.slice(0, at), value);
      }
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    return { jar, call };
  };
  const admin = browser();
  await admin.call('GET', '/session');
  const setup = await admin.call('POST', '/auth/setup', {
    token: await newSetupToken(t.store),
    email: 'ada@example.org',
    name: 'Ada',
    password: PASSWORD,
  });
  expect(setup.status).toBe(201);
  const member = browser();
  const inv = await admin.call('POST', '/admin/invitations', { email: 'mo@example.org', role: 'member' });
  await member.call('GET', '/session');
  const reg = await member.call('POST', '/auth/register', {
    invitation: new URL(inv.body.url).searchParams.get('invitation'),
    email: 'mo@example.org',
    name: 'Mo',
    password: PASSWORD,
  });
  expect(reg.status).toBe(201);
  /** A script: no cookies, just the token. */
  const script = (token: string) => (method: string, path: string, body?: unknown) =>
    send(method, path, { authorization: `Bearer ${token}` }, body);
  return { app, admin, member, memberId: reg.body.user.id as string, script, send };
}

eachDialect('API tokens', (t) => {
  it('shows a new token once and keeps only its hash and a short prefix', async () => {
    const s = await server(t());
    const made = await s.member.call('POST', '/account/tokens', { name: 'Nightly export', scope: 'read', expiresInDays: 30 });
    expect(made.status).toBe(201);
    const token: string = made.body.token;
    expect(token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    expect(made.body).toMatchObject({
      name: 'Nightly export',
      scope: 'read',
      prefix: token.slice(0, 9),
      createdAt: '2026-03-02T09:00:00.000Z',
      expiresAt: '2026-04-01T09:00:00.000Z',
      lastUsedAt: null,
      expired: false,
    });

    const listed = await s.member.call('GET', '/account/tokens');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ id: made.body.id, name: 'Nightly export', prefix: token.slice(0, 9) });
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(9));

    // At rest: the SHA-256 and the prefix, never the token or its secret part.
    const rows = await sql<Record<string, unknown>>`select * from api_tokens`.execute(t().db.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows.rows)).not.toContain(token.slice(9));
    // The admin's list is their own: tokens are per account.
    expect((await s.admin.call('GET', '/account/tokens')).body.items).toEqual([]);
  });

  it('lets a write token act as its account without cookies or CSRF header, and records its last use', async () => {
    const s = await server(t());
    const made = await s.member.call('POST', '/account/tokens', { name: 'Sync', scope: 'write' });
    const api = s.script(made.body.token);
    const created = await api('POST', '/contacts', { name: 'Rosa Lind' });
    expect(created.status).toBe(201);
    const mine = await s.member.call('GET', '/contacts');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect((await api('GET', `/contacts/${created.body.id}`)).body.name).toBe('Rosa Lind');
    expect((await api('GET', '/session')).body.user).toMatchObject({ email: 'mo@example.org', role: 'member' });

    const used = (await s.member.call('GET', '/account/tokens')).body.items[0];
    expect(used.lastUsedAt).toBe('2026-03-02T09:00:00.000Z');
    t().clock.advance(5 * 60_000);
    await api('GET', '/contacts');
    expect((await s.member.call('GET', '/account/tokens')).body.items[0].lastUsedAt).toBe('2026-03-02T09:05:00.000Z');
  });

  it('lets a read token read and nothing else', async () => {
    const s = await server(t());
    const c = await s.member.call('POST', '/contacts', { name: 'Omar Haddad' });
    const api = s.script((await s.member.call('POST', '/account/tokens', { name: 'Report' })).body.token);
    expect((await api('GET', '/contacts')).status).toBe(200);
    expect((await api('GET', '/today')).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/contacts', { name: 'Someone New' }],
      ['PATCH', `/contacts/${c.body.id}`, { title: 'Changed' }],
      ['DELETE', `/contacts/${c.body.id}`, undefined],
      ['POST', '/lint', { text: 'Hello there' }],
    ] as const) {
      const r = await api(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error).toEqual({ code: 'forbidden', message: 'This token may only read.' });
    }
    const still = await s.member.call('GET', `/contacts/${c.body.id}`);
    expect(still.body).toMatchObject({ name: 'Omar Haddad', title: null });
    expect((await s.member.call('GET', '/contacts')).body.items).toHaveLength(1);
  });

  it('keeps tokens away from admin routes, from managing tokens, signing out and deleting the account', async () => {
    const s = await server(t());
    const adminApi = s.script((await s.admin.call('POST', '/account/tokens', { name: 'Admin script', scope: 'write' })).body.token);
    for (const [method, path, body] of [
      ['GET', '/admin/users', undefined],
      ['POST', '/admin/invitations', { email: 'x@example.org' }],
    ] as const) {
      const r = await adminApi(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    expect((await s.admin.call('GET', '/admin/users')).status).toBe(200); // the same admin, signed in

    const made = await s.member.call('POST', '/account/tokens', { name: 'Everything', scope: 'write' });
    const api = s.script(made.body.token);
    for (const [method, path, body] of [
      ['GET', '/account/tokens', undefined],
      ['POST', '/account/tokens', { name: 'Another', scope: 'write' }],
      ['DELETE', `/account/tokens/${made.body.id}`, undefined],
      ['DELETE', '/account', { password: PASSWORD }],
      ['POST', '/auth/logout', undefined],
    ] as const) {
      const r = await api(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    expect((await s.member.call('GET', '/account/tokens')).body.items).toHaveLength(1);
    expect((await s.member.call('GET', '/session')).body.user.email).toBe('mo@example.org');
  });

  it('refuses a revoked, expired, mistyped or disabled account’s token with 401 at once', async () => {
    const s = await server(t());
    const revoked = await s.member.call('POST', '/account/tokens', { name: 'Old', scope: 'write' });
    const expiring = await s.member.call('POST', '/account/tokens', { name: 'Short', scope: 'read', expiresInDays: 1 });
    const kept = await s.member.call('POST', '/account/tokens', { name: 'Kept', scope: 'read' });
    expect((await s.script(revoked.body.token)('GET', '/contacts')).status).toBe(200);

    expect((await s.member.call('DELETE', `/account/tokens/${revoked.body.id}`)).status).toBe(204);
    const after = await s.script(revoked.body.token)('GET', '/contacts');
    expect(after.status).toBe(401);
    expect(after.body.error).toEqual({
      code: 'unauthenticated',
      message: 'This API token is not valid: it may be mistyped, revoked or expired.',
    });

    const wrongs = [`${kept.body.token.slice(0, -1)}${kept.body.token.endsWith('A') ? 'B' : 'A'}`, 'cc_short', 'not-a-token', ''];
    for (const wrong of wrongs) expect((await s.script(wrong)('GET', '/contacts')).status, wrong).toBe(401);

    expect((await s.script(expiring.body.token)('GET', '/contacts')).status).toBe(200);
    t().clock.advance(24 * 3600_000);
    expect((await s.script(expiring.body.token)('GET', '/contacts')).status).toBe(401);
    const listed = (await s.member.call('GET', '/account/tokens')).body.items;
    expect(listed.map((x: { name: string; expired: boolean }) => [x.name, x.expired])).toEqual([
      ['Kept', false],
      ['Short', true],
    ]);

    // Disabling the account stops its tokens; enabling it again lets them work.
    expect((await s.admin.call('PATCH', `/admin/users/${s.memberId}`, { disabled: true })).status).toBe(200);
    expect((await s.script(kept.body.token)('GET', '/contacts')).status).toBe(401);
    await s.admin.call('PATCH', `/admin/users/${s.memberId}`, { disabled: false });
    expect((await s.script(kept.body.token)('GET', '/contacts')).status).toBe(200);
  });

  it('follows the account’s current role, and ignores other schemes such as a proxy’s Basic', async () => {
    const s = await server(t());
    const api = s.script((await s.member.call('POST', '/account/tokens', { name: 'Cohort', scope: 'read' })).body.token);
    expect((await api('GET', '/adviser/cohort')).status).toBe(403);
    await s.admin.call('PATCH', `/admin/users/${s.memberId}`, { role: 'adviser' });
    expect((await api('GET', '/adviser/cohort')).status).toBe(200);

    // A reverse proxy's own Basic authentication may reach us: the session cookie still decides.
    const basic = { authorization: 'Basic ' + Buffer.from('proxy:secret').toString('base64') };
    expect((await s.member.call('GET', '/contacts', undefined, basic)).status).toBe(200);
    expect((await s.send('GET', '/contacts', basic)).status).toBe(401);
  });

  it('keeps each account to its own tokens and data', async () => {
    const s = await server(t());
    const contact = await s.member.call('POST', '/contacts', { name: 'Private Person' });
    const memberToken = await s.member.call('POST', '/account/tokens', { name: 'Mine', scope: 'write' });
    const adminApi = s.script((await s.admin.call('POST', '/account/tokens', { name: 'Admin own', scope: 'write' })).body.token);
    expect((await adminApi('GET', `/contacts/${contact.body.id}`)).status).toBe(404);
    expect((await adminApi('PATCH', `/contacts/${contact.body.id}`, { title: 'x' })).status).toBe(404);
    expect((await s.admin.call('DELETE', `/account/tokens/${memberToken.body.id}`)).status).toBe(404);
    expect((await s.script(memberToken.body.token)('GET', '/contacts')).status).toBe(200);
  });

  it('says what is wrong with a token request, field by field', async () => {
    const s = await server(t());
    for (const [body, field] of [
      [{ scope: 'read' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x', scope: 'admin' }, 'scope'],
      [{ name: 'x', expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'x', expiresInDays: 1.5 }, 'expiresInDays'],
      [{ name: 'x', token: 'cc_mine' }, '(body)'],
    ] as const) {
      const r = await s.member.call('POST', '/account/tokens', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
      expect(r.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await s.member.call('DELETE', '/account/tokens/no-such-token')).status).toBe(404);
  });

  it('has no tokens without accounts: the local owner cannot make one, and a Bearer header changes nothing', async () => {
    const app = createServerApp({ deps: t(), userId: t().userId });
    const post = await app.request(`${ORIGIN}/api/v1/account/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Local' }),
    });
    expect(post.status).toBe(400);
    expect(((await post.json()) as { error: { message: string } }).error.message).toMatch(/server with accounts/);
    const get = await app.request(`${ORIGIN}/api/v1/contacts`, { headers: { authorization: 'Bearer cc_whatever' } });
    expect(get.status).toBe(200);
  });
});

describe('API tokens in the OpenAPI document', () => {
  const doc = openApiDocument(ROUTES, 'test') as {
    components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> };
    paths: Record<string, Record<string, { security: Record<string, string[]>[] }>>;
  };
  it('names the session cookie and the bearer token, and says per operation which one works', () => {
    expect(doc.components.securitySchemes.token).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.paths['/api/v1/health']!.get!.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/login']!.post!.security).toEqual([]);
    expect(doc.paths['/api/v1/contacts']!.get!.security).toEqual([{ session: [] }, { token: ['read'] }]);
    expect(doc.paths['/api/v1/contacts']!.post!.security).toEqual([{ session: [] }, { token: ['write'] }]);
    expect(doc.paths['/api/v1/account/tokens']!.post!.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/admin/users']!.get!.security).toEqual([{ session: [] }]);
  });

  it('reads only the Bearer scheme from the Authorization header', () => {
    expect(bearerToken('Bearer cc_abc')).toBe('cc_abc');
    expect(bearerToken('bearer   cc_abc  ')).toBe('cc_abc');
    expect(bearerToken('Basic cHJveHk6c2VjcmV0')).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });
});

describe('coffeechat tokens (the operator CLI, on SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coffeechat-tokens-'));
  const db = join(dir, 'server.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds, lists and removes an account’s tokens with --user, and the token works on the server', async () => {
    // The server's database (held open, as a running server would), with the admin and the member Mo.
    const t = await openTestCtx(db);
    afterAll(() => t.db.close());
    const s = await server(t);
    const add = cli([
      '--db',
      db,
      '--user',
      'Mo@example.org',
      'tokens',
      'add',
      '--name',
      'Backup job',
      '--scope',
      'write',
      '--days',
      '7',
      '--json',
    ]);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const made = add.json();
    expect(made).toMatchObject({ name: 'Backup job', scope: 'write', expiresAt: expect.stringMatching(/^2026-03-09T09:00/) }); // the CLI's clock runs on from COFFEECHAT_NOW
    expect(made.token).toMatch(/^cc_/);

    const text = cli(['--db', db, '--user', 'mo@example.org', 'tokens', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Backup job');
    expect(text.stdout).toContain(made.prefix);
    expect(text.stdout).not.toContain(made.token);

    // The server sees the token the operator made.
    const r = await s.script(made.token)('GET', '/session');
    expect(r.body.user.email).toBe('mo@example.org');
    const after = await s.member.call('GET', '/account/tokens');
    expect(after.body.items.map((x: { name: string }) => x.name)).toEqual(['Backup job']);

    const rm = cli(['--db', db, '--user', 'mo@example.org', 'tokens', 'rm', made.id]);
    expect(rm.code).toBe(0);
    expect(cli(['--db', db, '--user', 'mo@example.org', 'tokens', 'list', '--json']).json()).toEqual([]);
    const again = cli(['--db', db, '--user', 'mo@example.org', 'tokens', 'rm', made.id, '--json']);
    expect(again.code).toBe(1);
    expect(again.error().code).toBe('not_found');

    const nobody = cli(['--db', db, 'tokens', 'list', '--json']);
    expect(nobody.code).toBe(2);
    expect(nobody.error().message).toMatch(/--user/);
    const badScope = cli(['--db', db, '--user', 'mo@example.org', 'tokens', 'add', '--name', 'x', '--scope', 'all', '--json']);
    expect(badScope.code).toBe(2);
    expect(badScope.error().code).toBe('invalid_input');
  }, 60_000);
});
