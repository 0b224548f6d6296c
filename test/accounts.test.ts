// Accounts in server mode (issue 7): the first admin, sign-in and sign-out with real cookies, the
// generic answers that reveal no account, throttling, roles, invitations, resets and deletion —
// through the in-process app, on both databases.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServerApp } from '../src/server/app.js';
import { createAccounts, newSetupToken, THROTTLE as DEFAULTS } from '../src/server/auth/service.js';
import { checkPassword } from '../src/server/auth/passwords.js';
import { createCampaign } from '../src/app/campaigns.js';
import { createContact } from '../src/app/contacts.js';
import { eachDialect, START, type TestCtx } from './harness.js';

const ORIGIN = 'http://127.0.0.1:5454';
const GOOD = 'correct horse battery staple';
// Lower limits than a real server's, since every failed login costs a password hash.
const THROTTLE = { ...DEFAULTS, perAccount: 3, perAddress: 6 };

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  cookies: string[];
}

/** A browser: keeps the cookies the server sets and sends them back, with the CSRF header. */
class Browser {
  jar = new Map<string, string>();
  constructor(
    private app: ReturnType<typeof createServerApp>,
    private address = '192.0.2.10',
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.jar.get('coffeechat_csrf');
    if (csrf) headers['x-coffeechat-csrf'] = csrf;
    const res = await this.app.request(
      `${ORIGIN}/api/v1${path}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: this.address } } },
    );
    const cookies = res.headers.getSetCookie();
    for (const c of cookies) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (!value || /max-age=0/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, cookies };
  }

  /** A page of the web app (not the API), with this browser's cookies. */
  async page(path: string): Promise<Response> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return this.app.request(
      `${ORIGIN}${path}`,
      { headers: cookie ? { cookie } : {} },
      { incoming: { socket: { remoteAddress: this.address } } },
    );
  }
}

async function serverFor(t: TestCtx, baseUrl = ORIGIN, webRoot?: string) {
  const deps = { store: t.store, clock: t.clock, ids: t.ids };
  const auth = await createAccounts({ db: t.db.db, deps, baseUrl, throttle: THROTTLE });
  const app = createServerApp({
    deps,
    userId: t.userId,
    auth,
    ...(webRoot ? { webRoot } : {}),
    ...(baseUrl === ORIGIN ? {} : { baseUrl, extraHosts: [new URL(baseUrl).hostname] }),
  });
  return { app, browser: (address?: string) => new Browser(app, address) };
}

async function setUp(t: TestCtx, webRoot?: string) {
  const s = await serverFor(t, ORIGIN, webRoot);
  const token = (await newSetupToken(t.store))!;
  const admin = s.browser();
  const r = await admin.call('POST', '/auth/setup', { token, email: 'Ada@Example.org', name: 'Ada', password: GOOD });
  expect(r.status).toBe(201);
  return { ...s, admin, token };
}

/** An admin invites, the invitee registers in their own browser. */
async function invite(s: Awaited<ReturnType<typeof setUp>>, email: string, role: string) {
  const inv = await s.admin.call('POST', '/admin/invitations', { email, role });
  expect(inv.status).toBe(201);
  const invitation = new URL(inv.body.url).searchParams.get('invitation');
  const b = s.browser('192.0.2.' + (20 + Math.floor(Math.random() * 200)));
  const r = await b.call('POST', '/auth/register', { invitation, email, name: email.split('@')[0], password: GOOD });
  expect(r.status).toBe(201);
  return { browser: b, user: r.body.user, invitation };
}

describe('the password rule', () => {
  it('takes 8 to 128 characters of anything, and refuses the common passwords', () => {
    expect(() => checkPassword('short')).toThrow(/at least 8/);
    expect(() => checkPassword('x'.repeat(129))).toThrow(/at most 128/);
    expect(() => checkPassword('Password123')).toThrow(/most common/);
    expect(() => checkPassword('qwertyuiop')).toThrow(/most common/);
    expect(() => checkPassword('12345678')).toThrow(/most common/);
    expect(() => checkPassword('all lower case words')).not.toThrow();
  });
});

eachDialect('accounts', (t) => {
  it('sets up the first admin once, with the printed token only, keeping the local owner’s data', async () => {
    const mine = await createCampaign(t(), { field: 'UX research', situation: 'career-change' });
    const s = await serverFor(t());
    const before = await s.browser().call('GET', '/session');
    expect(before.body).toEqual({ accounts: true, setupNeeded: true, user: null });

    const token = (await newSetupToken(t().store))!;
    const stranger = s.browser();
    const wrong = await stranger.call('POST', '/auth/setup', { token: 'guess', email: 'eve@example.org', name: 'Eve', password: GOOD });
    expect(wrong.status).toBe(403);

    const admin = s.browser();
    const ok = await admin.call('POST', '/auth/setup', { token, email: 'ada@example.org', name: 'Ada', password: GOOD });
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ id: t().userId, email: 'ada@example.org', role: 'admin' });
    const again = await stranger.call('POST', '/auth/setup', { token, email: 'eve@example.org', name: 'Eve', password: GOOD });
    expect(again.status).toBe(403);
    expect(await newSetupToken(t().store)).toBeNull();

    const session = await admin.call('GET', '/session');
    expect(session.body).toMatchObject({ accounts: true, setupNeeded: false, user: { email: 'ada@example.org', role: 'admin' } });
    const campaigns = await admin.call('GET', '/campaigns');
    expect(campaigns.body.items.map((c: { id: string }) => c.id)).toContain(mine.id);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, Secure behind https', async () => {
    const s = await setUp(t());
    const login = await s.browser().call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD });
    expect(login.status).toBe(200);
    const session = login.cookies.find((c) => c.includes('session_token='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);

    const secure = await serverFor(t(), 'https://coffeechat.example.org');
    const r = await secure.app.request(
      'http://coffeechat.example.org/api/v1/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ada@example.org', password: GOOD }),
      },
      { incoming: { socket: { remoteAddress: '192.0.2.99' } } },
    );
    expect(r.status).toBe(200);
    expect(r.headers.getSetCookie().find((c) => c.includes('session_token='))).toMatch(/; Secure/i);
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    await setUp(t());
    const s = await serverFor(t());
    const wrong = await s.browser('192.0.2.50').call('POST', '/auth/login', { email: 'ada@example.org', password: 'not the password' });
    const unknown = await s
      .browser('192.0.2.51')
      .call('POST', '/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({ code: 'unauthenticated', message: 'Wrong e-mail or password.' });
    expect(wrong.cookies.some((c) => c.includes('session_token='))).toBe(false);
  });

  it('locks an e-mail after repeated failures, known or not, even for the right password', async () => {
    const s = await setUp(t());
    for (const email of ['ada@example.org', 'nobody@example.org']) {
      for (let i = 0; i < THROTTLE.perAccount; i++) {
        const r = await s.browser(`198.51.100.${i}`).call('POST', '/auth/login', { email, password: 'not the password' });
        expect(r.status).toBe(401);
      }
    }
    const locked = await s.browser('198.51.100.200').call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD });
    const lockedUnknown = await s.browser('198.51.100.201').call('POST', '/auth/login', { email: 'nobody@example.org', password: GOOD });
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual(lockedUnknown.body);
    t().clock.advance((THROTTLE.windowMinutes + 1) * 60_000);
    const later = await s.browser('198.51.100.202').call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD });
    expect(later.status).toBe(200);
  });

  it('locks an address that tries many e-mails', async () => {
    const s = await setUp(t());
    const attacker = s.browser('203.0.113.9');
    for (let i = 0; i < THROTTLE.perAddress; i++)
      await attacker.call('POST', '/auth/login', { email: `guess${i}@example.org`, password: 'nope nope' });
    expect((await attacker.call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD })).status).toBe(401);
    expect((await s.browser('203.0.113.10').call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD })).status).toBe(200);
  });

  it('ends the session at once on logout, and a new login gets a new session', async () => {
    const s = await setUp(t());
    const oldCookie = s.admin.jar.get('coffeechat.session_token')!;
    expect(oldCookie).toBeTruthy();
    expect((await s.admin.call('GET', '/contacts')).status).toBe(200);
    const copy = new Browser(s.app);
    copy.jar = new Map(s.admin.jar);
    expect((await s.admin.call('POST', '/auth/logout')).status).toBe(204);
    expect(s.admin.jar.has('coffeechat.session_token')).toBe(false);
    const replay = await copy.call('GET', '/contacts');
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('unauthenticated');

    const again = await copy.call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD });
    expect(again.status).toBe(200);
    expect(copy.jar.get('coffeechat.session_token')).not.toBe(oldCookie);
  });

  it('rotates the session at login: the session the browser held before ends', async () => {
    const s = await setUp(t());
    const before = new Browser(s.app);
    before.jar = new Map(s.admin.jar);
    expect((await s.admin.call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD })).status).toBe(200);
    expect(s.admin.jar.get('coffeechat.session_token')).not.toBe(before.jar.get('coffeechat.session_token'));
    expect((await before.call('GET', '/contacts')).status).toBe(401);
    expect((await s.admin.call('GET', '/contacts')).status).toBe(200);
  });

  it('answers 401 without a session and 403 to a member on an admin route', async () => {
    const s = await setUp(t());
    const nobody = s.browser();
    expect((await nobody.call('GET', '/contacts')).status).toBe(401);
    expect((await nobody.call('GET', '/admin/users')).status).toBe(401);
    expect((await nobody.call('GET', '/health')).status).toBe(200);

    const member = await invite(s, 'mo@example.org', 'member');
    const forbidden = await member.browser.call('GET', '/admin/users');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect((await member.browser.call('GET', '/contacts')).status).toBe(200);
  });

  it('registers by invitation only, once, and keeps each user to their own data', async () => {
    const s = await setUp(t());
    const member = await invite(s, 'mo@example.org', 'member');
    expect(member.user.role).toBe('member');
    const created = await member.browser.call('POST', '/contacts', { name: 'Grace Hopper' });
    expect(created.status).toBe(201);
    await createContact(t(), { name: 'The admin’s own contact' });

    const theirs = await member.browser.call('GET', '/contacts');
    expect(theirs.body.items.map((c: { name: string }) => c.name)).toEqual(['Grace Hopper']);
    expect((await s.admin.call('GET', `/contacts/${created.body.id}`)).status).toBe(404);

    const reuse = await s
      .browser()
      .call('POST', '/auth/register', { invitation: member.invitation, email: 'mo@example.org', name: 'Mo', password: GOOD });
    const unknown = await s
      .browser()
      .call('POST', '/auth/register', { invitation: 'made-up', email: 'x@example.org', name: 'X', password: GOOD });
    expect(reuse.status).toBe(400);
    expect(reuse.body).toEqual(unknown.body);
    const users = await s.admin.call('GET', '/admin/users');
    expect(users.body.items.map((u: { email: string }) => u.email).sort()).toEqual(['ada@example.org', 'mo@example.org']);
  });

  it('disables an account (its sessions end at once) and changes roles', async () => {
    const s = await setUp(t());
    const adv = await invite(s, 'ann@example.org', 'member');
    const promoted = await s.admin.call('PATCH', `/admin/users/${adv.user.id}`, { role: 'adviser' });
    expect(promoted.body.role).toBe('adviser');
    expect((await adv.browser.call('GET', '/session')).body.user.role).toBe('adviser');
    expect((await s.admin.call('PATCH', `/admin/users/${adv.user.id}`, { disabled: true })).status).toBe(200);
    expect((await adv.browser.call('GET', '/contacts')).status).toBe(401);
    const login = await s.browser('192.0.2.77').call('POST', '/auth/login', { email: 'ann@example.org', password: GOOD });
    expect(login.status).toBe(401);
  });

  it('resets a password with an admin’s link, once; the reset request says the same for any address', async () => {
    const s = await setUp(t());
    const m = await invite(s, 'mo@example.org', 'member');
    const known = await s.browser().call('POST', '/auth/password-reset', { email: 'mo@example.org' });
    const unknown = await s.browser().call('POST', '/auth/password-reset', { email: 'nobody@example.org' });
    expect(known.status).toBe(200);
    expect(known.body).toEqual(unknown.body);

    const link = await s.admin.call('POST', `/admin/users/${m.user.id}/reset-link`);
    const token = new URL(link.body.url).searchParams.get('token');
    const next = 'a brand new passphrase';
    expect((await s.browser().call('POST', '/auth/password-reset/confirm', { token, password: next })).status).toBe(204);
    expect((await s.browser().call('POST', '/auth/password-reset/confirm', { token, password: next })).status).toBe(400);
    expect((await m.browser.call('GET', '/contacts')).status).toBe(401);
    expect((await s.browser('192.0.2.88').call('POST', '/auth/login', { email: 'mo@example.org', password: next })).status).toBe(200);
  });

  it('starts Today’s requests with the page for a signed-in member only, never for anyone else', async () => {
    const web = mkdtempSync(join(tmpdir(), 'coffeechat-web-'));
    try {
      writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
      const s = await setUp(t(), web);
      const member = await invite(s, 'mia@example.org', 'member');
      const preload = async (b: Browser, path = '/') => (await b.page(path)).headers.get('link');
      const links = (await preload(member.browser))?.split(', ');
      expect(links).toEqual(['/session', '/overview', '/today'].map((p) => `</api/v1${p}>; rel=preload; as=fetch; crossorigin`));
      expect(await preload(member.browser, '/contacts')).toBeNull();
      expect(await preload(s.admin)).toBeNull(); // an admin starts on /admin, not Today
      expect(await preload(s.browser())).toBeNull(); // signed out: those requests would only be refused
    } finally {
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('deletes an account with its password, and every row it owns', async () => {
    const s = await setUp(t());
    const m = await invite(s, 'mo@example.org', 'member');
    const c = await m.browser.call('POST', '/contacts', { name: 'Grace Hopper' });
    expect(c.status).toBe(201);
    expect((await m.browser.call('DELETE', '/account', { password: 'not it at all' })).status).toBe(400);
    const gone = await m.browser.call('DELETE', '/account', { password: GOOD });
    expect(gone.body).toBeNull();
    expect(gone.status).toBe(204);
    expect((await m.browser.call('GET', '/contacts')).status).toBe(401);
    expect(await t().store.auth.userByEmail('mo@example.org')).toBeUndefined();
    const left = await t().db.db.selectFrom('contacts').select('id').where('user_id', '=', m.user.id).execute();
    expect(left).toEqual([]);
    const users = await s.admin.call('GET', '/admin/users');
    expect(users.body.items.map((u: { email: string }) => u.email)).toEqual(['ada@example.org']);
  });
});

describe('telemetry', () => {
  let calls: string[] = [];
  beforeEach(() => {
    calls = [];
    vi.stubGlobal('fetch', (url: unknown) => {
      calls.push(String(url));
      return Promise.reject(new Error('no network in this test'));
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  eachDialect('the authentication library', (t) => {
    it('sends nothing anywhere, even with its telemetry environment switch on', async () => {
      process.env.BETTER_AUTH_TELEMETRY = '1';
      const s = await setUp(t());
      await s.browser().call('POST', '/auth/login', { email: 'ada@example.org', password: GOOD });
      await new Promise((r) => setTimeout(r, 50));
      expect(calls).toEqual([]);
    });
  });
});

describe('the CLI acting for a named account', () => {
  it('opens the session of the account with --user, and refuses an unknown e-mail', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openSession } = await import('../src/cli/runtime.js');
    const file = join(mkdtempSync(join(tmpdir(), 'coffeechat-user-')), 'c.db');
    const first = await openSession({ db: file });
    await first.deps.store.auth.insertUser({ id: 'u-adviser', email: 'ann@example.org', name: 'Ann', role: 'adviser', at: START });
    await first.close();

    const ann = await openSession({ db: file, user: 'Ann@Example.org' });
    expect(ann.ctx).toMatchObject({ userId: 'u-adviser', role: 'adviser' });
    await ann.close();
    await expect(openSession({ db: file, user: 'nobody@example.org' })).rejects.toMatchObject({ code: 'not_found' });

    // The built program: an operator changes a role, then acts for the account.
    const { cli } = await import('./cli.js');
    expect(cli(['--db', file, 'users', 'role', 'ann@example.org', 'member', '--json']).json()).toMatchObject({ role: 'member' });
    const added = cli(['--db', file, '--user', 'ann@example.org', 'contacts', 'add', '--name', 'Grace Hopper', '--json']);
    expect(added.code).toBe(0);
    const check = await openSession({ db: file, user: 'ann@example.org' });
    const owners = await check.db.db.selectFrom('contacts').select('user_id').execute();
    await check.close();
    expect(owners).toEqual([{ user_id: 'u-adviser' }]);
    expect(cli(['--db', file, '--user', 'eve@example.org', 'contacts', 'list']).code).toBe(1);
  });
});
