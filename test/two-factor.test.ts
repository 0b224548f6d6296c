// The optional TOTP second factor (issue 7, part 2): the RFCs' own test vectors, then, through the
// in-process server with real cookies on both databases, setting it up, the code step of signing
// in, replays and throttling, recovery codes, turning it off, and the admin's rule for advisers
// and admins (every other route answers 403 until they set one up, API tokens included).
import { describe, expect, it } from 'vitest';
import { createToken } from '../src/app/tokens.js';
import { createServerApp } from '../src/server/app.js';
import { createAccounts, newSetupToken, THROTTLE as DEFAULTS } from '../src/server/auth/service.js';
import { base32Decode, base32Encode, hotp, matchStep, totpAt } from '../src/server/auth/totp.js';
import { eachDialect, type TestCtx } from './harness.js';

const ORIGIN = 'http://127.0.0.1:5454';
const GOOD = 'correct horse battery staple';
const THROTTLE = { ...DEFAULTS, perAccount: 3, perAddress: 50 };

describe('TOTP (RFC 6238) and HOTP (RFC 4226)', () => {
  const ascii = (s: string) => Buffer.from(s, 'ascii');

  it('gives the HOTP values of RFC 4226 appendix D', () => {
    const key = ascii('12345678901234567890');
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(key, i))).toEqual(expected);
  });

  it('gives the TOTP values of RFC 6238 appendix B for SHA-1, SHA-256 and SHA-512', () => {
    const keys = {
      sha1: ascii('12345678901234567890'),
      sha256: ascii('12345678901234567890123456789012'),
      sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
    } as const;
    const table: [number, string, string, string][] = [
      [59, '94287082', '46119246', '90693936'],
      [1111111109, '07081804', '68084774', '25091201'],
      [1111111111, '14050471', '67062674', '99943326'],
      [1234567890, '89005924', '91819424', '93441116'],
      [2000000000, '69279037', '90698825', '38618901'],
      [20000000000, '65353130', '77737706', '47863826'],
    ];
    for (const [seconds, sha1, sha256, sha512] of table) {
      const step = Math.floor(seconds / 30);
      expect([hotp(keys.sha1, step, 8, 'sha1'), hotp(keys.sha256, step, 8, 'sha256'), hotp(keys.sha512, step, 8, 'sha512')]).toEqual([
        sha1,
        sha256,
        sha512,
      ]);
    }
  });

  it('reads and writes base32 secrets as authenticator apps do, and accepts one step of drift', () => {
    expect(base32Encode(ascii('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv-gy3t qojq gezd gnbv gy3t qojq').toString('ascii')).toBe('12345678901234567890');
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const at = new Date(59_000);
    expect(totpAt(secret, at)).toBe('287082'); // the 6-digit form of 94287082
    expect(matchStep(secret, '287082', new Date(59_000 + 30_000))).toBe(1);
    expect(matchStep(secret, '287082', new Date(59_000 + 60_000))).toBeNull();
    expect(matchStep(secret, '28708', at)).toBeNull();
    expect(matchStep(secret, 'abcdef', at)).toBeNull();
  });
});

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A browser: keeps the cookies the server sets and sends them back, with the CSRF header. */
function browserOf(app: ReturnType<typeof createServerApp>, address = '192.0.2.10') {
  const jar = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = jar.get('coffeechat_csrf');
    if (csrf) headers['x-coffeechat-csrf'] = csrf;
    const res = await app.request(
      `${ORIGIN}/api/v1${path}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: address } } },
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
}
type Browser = ReturnType<typeof browserOf>;

async function server(t: TestCtx) {
  const deps = { store: t.store, clock: t.clock, ids: t.ids };
  const auth = await createAccounts({ db: t.db.db, deps, baseUrl: ORIGIN, throttle: THROTTLE });
  const app = createServerApp({ deps, userId: t.userId, auth });
  const browser = (address?: string) => browserOf(app, address);
  const admin = browser();
  await admin.call('GET', '/session');
  const setup = await admin.call('POST', '/auth/setup', {
    token: await newSetupToken(t.store),
    email: 'ada@example.org',
    name: 'Ada',
    password: GOOD,
  });
  expect(setup.status).toBe(201);
  const invite = async (email: string, role: string) => {
    const inv = await admin.call('POST', '/admin/invitations', { email, role });
    const b = browser();
    await b.call('GET', '/session');
    const r = await b.call('POST', '/auth/register', {
      invitation: new URL(inv.body.url).searchParams.get('invitation'),
      email,
      name: email.split('@')[0],
      password: GOOD,
    });
    expect(r.status).toBe(201);
    return { b, id: r.body.user.id as string, email };
  };
  return { app, browser, admin, adminId: setup.body.user.id as string, invite };
}

/** Sets up a second factor in a signed-in browser: the secret and the recovery codes. */
async function enrol(t: TestCtx, b: Browser) {
  const started = await b.call('POST', '/account/two-factor/start');
  expect(started.status).toBe(200);
  const secret = started.body.secret as string;
  const ok = await b.call('POST', '/account/two-factor/confirm', { code: totpAt(secret, t.clock.now()) });
  expect(ok.status).toBe(200);
  return { secret, recoveryCodes: ok.body.recoveryCodes as string[] };
}

/** The next 30-second step, so that a fresh code is not a replay of the one just used. */
const nextStep = (t: TestCtx) => t.clock.advance(30_000);

eachDialect('the TOTP second factor', (t) => {
  it('is set up with a QR code and a first code, and answers ten recovery codes once', async () => {
    const s = await server(t());
    const m = await s.invite('mo@example.org', 'member');
    expect((await m.b.call('GET', '/account/two-factor')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    const started = await m.b.call('POST', '/account/two-factor/start');
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.uri).toBe(
      `otpauth://totp/coffeechat:mo%40example.org?secret=${started.body.secret}&issuer=coffeechat&algorithm=SHA1&digits=6&period=30`,
    );
    const qr = started.body.qr as string[];
    expect(qr.length).toBeGreaterThanOrEqual(21);
    expect(qr.every((row) => row.length === qr.length && /^[01]+$/.test(row))).toBe(true);
    expect(qr[0]!.slice(0, 7)).toBe('1111111'); // a finder pattern's top edge

    const wrong = await m.b.call('POST', '/account/two-factor/confirm', {
      code: '000000' === totpAt(started.body.secret, t().clock.now()) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0].field).toBe('code');
    expect((await m.b.call('GET', '/account/two-factor')).body.enabled).toBe(false);

    const ok = await m.b.call('POST', '/account/two-factor/confirm', { code: totpAt(started.body.secret, t().clock.now()) });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    expect((await m.b.call('GET', '/account/two-factor')).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    // Kept as hashes only.
    const stored = await t().db.db.selectFrom('auth_recovery_codes').select('code_hash').where('user_id', '=', m.id).execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(ok.body.recoveryCodes[0]);
    expect((await m.b.call('POST', '/account/two-factor/start')).status).toBe(409);
  });

  it('asks for the code after a right password, starts no session before it, and refuses a replayed code', async () => {
    const s = await server(t());
    const m = await s.invite('mo@example.org', 'member');
    const { secret } = await enrol(t(), m.b);

    const b = s.browser();
    await b.call('GET', '/session');
    const first = await b.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ codeNeeded: true });
    expect(b.jar.has('coffeechat.session_token')).toBe(false);
    expect((await b.call('GET', '/session')).body.user).toBeNull();
    expect((await b.call('GET', '/contacts')).status).toBe(401);

    const wrongCode = await b.call('POST', '/auth/login/code', {
      code: '123456' === totpAt(secret, t().clock.now()) ? '654321' : '123456',
    });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.error.message).toBe('Wrong code.');

    nextStep(t());
    const code = totpAt(secret, t().clock.now());
    const ok = await b.call('POST', '/auth/login/code', { code });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ email: 'mo@example.org', role: 'member' });
    expect((await b.call('GET', '/contacts')).status).toBe(200);
    // The pending sign-in is used up: a second code step has nothing to finish.
    expect((await b.call('POST', '/auth/login/code', { code })).status).toBe(401);

    // Someone who saw the code signs in with it within the same 30 seconds: refused.
    const thief = s.browser('198.51.100.7');
    await thief.call('GET', '/session');
    expect((await thief.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD })).body).toEqual({ codeNeeded: true });
    const replay = await thief.call('POST', '/auth/login/code', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toBe('Wrong code.');
    expect((await thief.call('GET', '/session')).body.user).toBeNull();
  });

  it('answers the same for an unknown account, a wrong password and a pending sign-in that expired', async () => {
    const s = await server(t());
    const m = await s.invite('mo@example.org', 'member');
    const { secret } = await enrol(t(), m.b);
    const b = s.browser();
    await b.call('GET', '/session');
    const unknown = await b.call('POST', '/auth/login', { email: 'nobody@example.org', password: GOOD });
    const wrong = await b.call('POST', '/auth/login', { email: 'mo@example.org', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(b.jar.has('coffeechat_second_factor')).toBe(false);

    // No pending sign-in at all, and one that ran out: the code step sends back to the password.
    const none = await b.call('POST', '/auth/login/code', { code: totpAt(secret, t().clock.now()) });
    expect(none.status).toBe(401);
    expect(none.body.error.message).toMatch(/expired/);
    await b.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    t().clock.advance(6 * 60_000);
    const late = await b.call('POST', '/auth/login/code', { code: totpAt(secret, t().clock.now()) });
    expect(late.status).toBe(401);
    expect(late.body.error.message).toMatch(/expired/);
  });

  it('locks the code step after repeated wrong codes, answering like a wrong code, for the throttle window', async () => {
    const s = await server(t());
    const m = await s.invite('mo@example.org', 'member');
    const { secret } = await enrol(t(), m.b);
    const b = s.browser();
    await b.call('GET', '/session');
    await b.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    nextStep(t());
    const right = totpAt(secret, t().clock.now());
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < THROTTLE.perAccount; i++) expect((await b.call('POST', '/auth/login/code', { code: wrongCode })).status).toBe(401);
    const locked = await b.call('POST', '/auth/login/code', { code: right });
    expect(locked.status).toBe(401);
    expect(locked.body.error.message).toBe('Wrong code.');
    expect((await b.call('GET', '/session')).body.user).toBeNull();

    // A fresh pending sign-in does not reset the count: it is per account.
    t().clock.advance(THROTTLE.windowMinutes * 60_000 + 1000);
    await b.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    const ok = await b.call('POST', '/auth/login/code', { code: totpAt(secret, t().clock.now()) });
    expect(ok.status).toBe(200);
  });

  it('takes each recovery code once, in any case and with or without its dash', async () => {
    const s = await server(t());
    const m = await s.invite('mo@example.org', 'member');
    const { recoveryCodes } = await enrol(t(), m.b);
    const b = s.browser();
    await b.call('GET', '/session');
    await b.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    const ok = await b.call('POST', '/auth/login/code', { code: recoveryCodes[3]!.toUpperCase().replace('-', ' ') });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodesLeft).toBe(9);

    const again = s.browser();
    await again.call('GET', '/session');
    await again.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    expect((await again.call('POST', '/auth/login/code', { code: recoveryCodes[3] })).status).toBe(401);
  });

  it('turns off only with the password and a code, and then signs in with the password alone', async () => {
    const s = await server(t());
    const m = await s.invite('mo@example.org', 'member');
    const { secret } = await enrol(t(), m.b);
    nextStep(t());
    const code = totpAt(secret, t().clock.now());
    const badPassword = await m.b.call('DELETE', '/account/two-factor', { password: 'not the password', code });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.error.details.fields[0].field).toBe('password');
    const badCode = await m.b.call('DELETE', '/account/two-factor', { password: GOOD, code: code === '000000' ? '111111' : '000000' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details.fields[0].field).toBe('code');
    expect((await m.b.call('DELETE', '/account/two-factor', { password: GOOD, code })).status).toBe(204);
    expect((await m.b.call('GET', '/account/two-factor')).body.enabled).toBe(false);

    const b = s.browser();
    await b.call('GET', '/session');
    const login = await b.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    expect(login.body.user).toMatchObject({ email: 'mo@example.org' });
  });

  it('replaces the recovery codes with a code from the authenticator; the old ones stop working', async () => {
    const s = await server(t());
    const m = await s.invite('mo@example.org', 'member');
    const { secret, recoveryCodes } = await enrol(t(), m.b);
    nextStep(t());
    const fresh = await m.b.call('POST', '/account/two-factor/recovery-codes', { code: totpAt(secret, t().clock.now()) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const b = s.browser();
    await b.call('GET', '/session');
    await b.call('POST', '/auth/login', { email: 'mo@example.org', password: GOOD });
    expect((await b.call('POST', '/auth/login/code', { code: recoveryCodes[0] })).status).toBe(401);
    expect((await b.call('POST', '/auth/login/code', { code: fresh.body.recoveryCodes[0] })).status).toBe(200);
  });

  it('lets the admin require a second factor of advisers and admins: until they set one up, only that is open', async () => {
    const s = await server(t());
    const adviser = await s.invite('ravi@example.org', 'adviser');
    const member = await s.invite('mo@example.org', 'member');

    const tooSoon = await s.admin.call('PUT', '/admin/two-factor', { required: true });
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.error.message).toMatch(/your own second factor first/);
    await enrol(t(), s.admin);
    const on = await s.admin.call('PUT', '/admin/two-factor', { required: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ required: true, enabled: [s.adminId] });
    expect((await s.admin.call('GET', '/admin/users')).status).toBe(200);

    // The adviser is still signed in, but every route other than setting up answers 403.
    const session = await adviser.b.call('GET', '/session');
    expect(session.body).toMatchObject({ enrolSecondFactor: true, user: { email: 'ravi@example.org' } });
    const blocked = await adviser.b.call('GET', '/adviser/cohort');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/^Set up a second factor first/);
    expect((await adviser.b.call('GET', '/contacts')).status).toBe(403);
    // An API token made before the rule does not get around it.
    const token = await createToken({ ...t(), userId: adviser.id, role: 'adviser' }, { name: 'script', scope: 'read' });
    const bearer = await s.browser().call('GET', '/contacts', undefined, { authorization: `Bearer ${token.token}` });
    expect(bearer.status).toBe(403);
    expect((await adviser.b.call('GET', '/account/two-factor')).body).toMatchObject({ enabled: false, required: true });
    // Members are not concerned.
    expect((await member.b.call('GET', '/contacts')).status).toBe(200);
    expect((await member.b.call('GET', '/session')).body.enrolSecondFactor).toBeUndefined();

    await enrol(t(), adviser.b);
    expect((await adviser.b.call('GET', '/adviser/cohort')).status).toBe(200);
    expect((await adviser.b.call('GET', '/session')).body.enrolSecondFactor).toBeUndefined();
    expect((await s.admin.call('GET', '/admin/two-factor')).body.enabled.sort()).toEqual([s.adminId, adviser.id].sort());

    // Members cannot see or change the rule, nor turn anyone's second factor off.
    expect((await member.b.call('PUT', '/admin/two-factor', { required: false })).status).toBe(403);
    expect((await member.b.call('DELETE', `/admin/users/${adviser.id}/two-factor`)).status).toBe(403);
    // An adviser who lost their phone and codes: the admin turns it off, and they must set it up again.
    expect((await s.admin.call('DELETE', `/admin/users/${s.adminId}/two-factor`)).status).toBe(400);
    expect((await s.admin.call('DELETE', `/admin/users/${adviser.id}/two-factor`)).status).toBe(204);
    expect((await s.admin.call('DELETE', `/admin/users/${adviser.id}/two-factor`)).status).toBe(404);
    const fresh = s.browser();
    await fresh.call('GET', '/session');
    expect((await fresh.call('POST', '/auth/login', { email: 'ravi@example.org', password: GOOD })).body.user).toBeTruthy();
    expect((await fresh.call('GET', '/session')).body.enrolSecondFactor).toBe(true);
    expect((await s.admin.call('PUT', '/admin/two-factor', { required: false })).body.required).toBe(false);
  });
});
