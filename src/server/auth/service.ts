// The accounts service of `serve --accounts`: better-auth on our own Kysely (its tables come from
// migration 11) for password hashing, sign-in, session cookies and sign-out; our own code for the
// first admin, invitations, throttling and admin-issued reset links. Loaded only by serve (and
// tests), so the CLI's other commands never pay for the library.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import * as z from 'zod';
import type { Kysely } from 'kysely';
import type { Ctx, Deps } from '../../app/context.js';
import { machineTimeZone } from '../../app/context.js';
import { parse } from '../../app/validate.js';
import { AppError } from '../../domain/errors.js';
import type { UserRole } from '../../domain/types.js';
import type { Database } from '../../store/schema.js';
import type { Store } from '../../store/index.js';
import type { Principal, ServerAuth } from '../app.js';
import type { AccountUser, AccountsApi, AuthExchange, SessionAnswer } from './api.js';
import { checkPassword } from './passwords.js';
import { confirmInput, deleteInput, loginInput, registerInput, resetInput, setupInput } from './schemas.js';
import { tokenHash } from '../../app/accounts.js';
import { createSecondFactor } from './second-factor.js';

export interface AccountsOptions {
  db: Kysely<Database>;
  deps: Deps;
  /** Where the browser reaches the server; https makes the session cookie Secure. */
  baseUrl: string;
  /** Lower limits for tests (each failed login costs a password hash). */
  throttle?: Partial<typeof THROTTLE>;
}

const WRONG = 'Wrong e-mail or password.';
const SESSION_DAYS = 14;
/** Failed logins: this many per e-mail, or per client address, within the window lock it for the window. */
export const THROTTLE = { perAccount: 5, perAddress: 20, windowMinutes: 15 };

/**
 * A session for an account whose second factor was just checked: the library's own session row and
 * cookie, without a password. Server-only, and our routes never mount the library's handler anyway.
 */
const secondFactorSession = {
  id: 'coffeechat-second-factor',
  endpoints: {
    sessionAfterSecondFactor: createAuthEndpoint.serverOnly({ method: 'POST', body: z.object({ userId: z.string() }) }, async (ctx) => {
      const user = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
      if (!user) throw new AppError('unauthenticated', 'This account is gone.');
      const session = await ctx.context.internalAdapter.createSession(user.id);
      await setSessionCookie(ctx, { session, user });
      return ctx.json({ ok: true });
    }),
  },
} satisfies BetterAuthPlugin;

export async function createAccounts(opts: AccountsOptions): Promise<ServerAuth & { accounts: AccountsApi }> {
  const { deps } = opts;
  const limits = { ...THROTTLE, ...opts.throttle };
  const store = deps.store;
  const secret = await store.auth.settingOnce('secret', randomBytes(32).toString('base64url'));
  // Our promise is that nothing leaves the machine: the library's env switch must not turn
  // telemetry on behind the option below.
  delete process.env.BETTER_AUTH_TELEMETRY;
  const auth = betterAuth({
    appName: 'coffeechat',
    baseURL: opts.baseUrl,
    secret,
    telemetry: { enabled: false },
    logger: { disabled: true },
    // 'sqlite' here only means how values are written: dates as ISO text and flags as 0/1, which
    // is our convention on PostgreSQL too. Our migrations own the schema, so no schema check.
    database: { db: opts.db, type: 'sqlite' },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    rateLimit: { enabled: false }, // our own throttle below counts failures in the database
    user: { modelName: 'users', fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' } },
    session: {
      modelName: 'auth_sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      expiresIn: SESSION_DAYS * 24 * 3600,
      // A session is checked against the database on every request (no cookie cache), so that
      // logout and disabling an account take effect at once; it is not extended silently.
      disableSessionRefresh: true,
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    advanced: {
      cookiePrefix: 'coffeechat',
      useSecureCookies: opts.baseUrl.startsWith('https:'),
      database: { generateId: () => deps.ids(), validateSchema: false },
    },
    plugins: [secondFactorSession],
  });
  const context = await auth.$context;

  const now = () => deps.clock.now();
  const view = (u: { id: string; email: string | null; name: string | null; role: string }): AccountUser => ({
    id: u.id,
    email: u.email ?? '',
    name: u.name ?? '',
    role: u.role as UserRole,
  });

  /** Only the headers the library may use; never the caller's cookies unless asked. */
  const bare = (x: AuthExchange) => {
    const h = new Headers();
    const ua = x.raw.headers.get('user-agent');
    if (ua) h.set('user-agent', ua);
    return h;
  };
  const copyCookies = (from: Headers, x: AuthExchange) => {
    for (const c of from.getSetCookie()) x.reply.append('Set-Cookie', c);
  };

  // Rotation: a session the browser already holds ends before a new one starts.
  async function endHeldSession(x: AuthExchange): Promise<void> {
    if (!x.raw.headers.get('cookie')) return;
    const old = await auth.api.getSession({ headers: x.raw.headers }).catch(() => null);
    if (old) await auth.api.signOut({ headers: x.raw.headers }).catch(() => undefined);
  }

  async function signIn(emailAddress: string, pw: string, x: AuthExchange): Promise<boolean> {
    await endHeldSession(x);
    try {
      const r = await auth.api.signInEmail({ body: { email: emailAddress, password: pw }, headers: bare(x), returnHeaders: true });
      copyCookies(r.headers, x);
      return true;
    } catch {
      return false;
    }
  }

  // Throttling: counted per e-mail (whether or not an account has it, so a lock says nothing) and
  // per client address; a lock answers exactly like a wrong password.
  const throttleKeys = (emailAddress: string, x: AuthExchange) => [
    { key: `email:${emailAddress}`, max: limits.perAccount },
    { key: `addr:${x.address}`, max: limits.perAddress },
  ];
  async function locked(keys: { key: string }[]): Promise<boolean> {
    for (const { key } of keys) {
      const t = await store.auth.throttle(key);
      if (t?.lockedUntil && t.lockedUntil > now().toISOString()) return true;
    }
    return false;
  }
  async function fail(keys: { key: string; max: number }[]): Promise<never> {
    await countFailure(keys);
    throw new AppError('unauthenticated', WRONG);
  }
  async function countFailure(keys: { key: string; max: number }[]): Promise<void> {
    const at = now();
    const windowMs = limits.windowMinutes * 60_000;
    for (const { key, max } of keys) {
      const t = await store.auth.throttle(key);
      const fresh = !t || at.getTime() - new Date(t.windowStart).getTime() > windowMs;
      const failures = fresh ? 1 : t.failures + 1;
      await store.auth.putThrottle(key, {
        failures,
        windowStart: fresh ? at.toISOString() : t.windowStart,
        lockedUntil: failures >= max ? new Date(at.getTime() + windowMs).toISOString() : null,
      });
    }
  }

  async function passwordRight(userId: string, password: string): Promise<boolean> {
    const hash = await store.auth.passwordHash(userId);
    return !!hash && (await context.password.verify({ hash, password }));
  }
  const twoFactor = createSecondFactor({
    store,
    now,
    secureCookies: opts.baseUrl.startsWith('https:'),
    perAccount: limits.perAccount,
    perAddress: limits.perAddress,
    locked,
    countFailure,
    passwordRight,
    startSession: async (userId, x) => {
      await endHeldSession(x);
      const r = await auth.api.sessionAfterSecondFactor({ body: { userId }, headers: bare(x), returnHeaders: true });
      copyCookies(r.headers, x);
    },
    view,
  });

  const principal = async (req: Request): Promise<Principal | null> => {
    if (!req.headers.get('cookie')) return null;
    const s = await auth.api.getSession({ headers: req.headers }).catch(() => null);
    if (!s) return null;
    const u = await store.auth.user(s.user.id);
    if (!u || u.disabled || u.role === 'owner') return null;
    return { userId: u.id, role: u.role as UserRole };
  };

  const accounts: AccountsApi = {
    async session(ctx: Ctx): Promise<SessionAnswer> {
      const u = ctx.userId ? await store.auth.user(ctx.userId) : undefined;
      const enrol = !!u && (await twoFactor.mustEnrol(u.id, u.role as UserRole));
      return {
        accounts: true,
        setupNeeded: !(await store.auth.hasAdmin()),
        user: u ? view(u) : null,
        ...(enrol ? { enrolSecondFactor: true as const } : {}),
      };
    },

    async setup(body, x) {
      const input = parse(setupInput, body, 'setup');
      const stored = await store.auth.setting('setup_token_hash');
      if (!stored || (await store.auth.hasAdmin())) throw new AppError('forbidden', 'This server is set up already: sign in instead.');
      const given = Buffer.from(tokenHash(input.token));
      if (given.length !== stored.length || !timingSafeEqual(given, Buffer.from(stored)))
        throw new AppError('forbidden', 'That setup token is not the one this server printed when it started.');
      checkPassword(input.password);
      const hash = await context.password.hash(input.password);
      const at = now().toISOString();
      const userId = await store.transaction(async (tx) => {
        if (!(await tx.auth.removeSetting('setup_token_hash')))
          throw new AppError('forbidden', 'This server is set up already: sign in instead.');
        // The local owner's data becomes the admin's: a personal install keeps everything.
        const owner = await tx.users.localOwner();
        const id = owner?.id ?? deps.ids();
        if (owner) await tx.auth.makeAccount(id, { email: input.email, name: input.name, role: 'admin', at });
        else await newUser(tx, { id, email: input.email, name: input.name, role: 'admin', at });
        await tx.auth.setPassword({ id: deps.ids(), userId: id, hash, at });
        return id;
      });
      await signIn(input.email, input.password, x);
      return { user: view({ id: userId, email: input.email, name: input.name, role: 'admin' }) };
    },

    async login(body, x) {
      const input = parse(loginInput, body, 'login');
      const keys = throttleKeys(input.email, x);
      if (await locked(keys)) throw new AppError('unauthenticated', WRONG);
      const u = await store.auth.userByEmail(input.email);
      if (u?.disabled) {
        await context.password.hash(input.password); // same work as any other failure
        return fail(keys);
      }
      // With a second factor the right password only opens the code step (second-factor.ts).
      if (u && (await store.twoFactor.enabled(u.id))) {
        if (!(await passwordRight(u.id, input.password))) return fail(keys);
        return twoFactor.pendingLogin(u.id, x);
      }
      if (!(await signIn(input.email, input.password, x)) || !u) return fail(keys);
      await store.auth.clearThrottle(`email:${input.email}`);
      return { user: view(u) };
    },

    async logout(x) {
      const r = await auth.api.signOut({ headers: x.raw.headers, returnHeaders: true });
      copyCookies(r.headers, x);
    },

    async register(body, x) {
      const input = parse(registerInput, body, 'registration');
      checkPassword(input.password);
      const refused = new AppError(
        'invalid_input',
        'This invitation cannot be used with this e-mail address: it may be used, expired or for another address. Ask for a new invitation.',
      );
      const inv = await store.auth.invitationByHash(tokenHash(input.invitation));
      if (!inv || inv.usedAt || inv.expiresAt <= now().toISOString() || inv.email !== input.email) throw refused;
      const hash = await context.password.hash(input.password);
      const at = now().toISOString();
      const id = deps.ids();
      await store.transaction(async (tx) => {
        if ((await tx.auth.userByEmail(input.email)) || !(await tx.auth.useInvitation(inv.id, at))) throw refused;
        await newUser(tx, { id, email: input.email, name: input.name, role: inv.role, at });
        await tx.auth.setPassword({ id: deps.ids(), userId: id, hash, at });
      });
      await signIn(input.email, input.password, x);
      return { user: view({ id, email: input.email, name: input.name, role: inv.role }) };
    },

    async requestReset(body) {
      parse(resetInput, body, 'password reset');
      // No e-mail is sent from here: the administrator issues reset links. The answer is the same
      // for every address, so it tells nobody which addresses have accounts.
      return { message: 'If an account uses this address, ask your administrator for a reset link; it works once, for 24 hours.' };
    },

    async confirmReset(body) {
      const input = parse(confirmInput, body, 'password reset');
      checkPassword(input.password);
      const taken = await store.auth.takeReset(tokenHash(input.token));
      if (!taken || taken.expiresAt <= now().toISOString())
        throw new AppError(
          'invalid_input',
          'This reset link is not valid (used, expired or mistyped); ask your administrator for a new one.',
        );
      const at = now().toISOString();
      await store.auth.setPassword({ id: deps.ids(), userId: taken.userId, hash: await context.password.hash(input.password), at });
      await store.auth.endSessions(taken.userId); // whoever knew the old password is signed out
    },

    async resetLink(ctx, userId, origin) {
      const u = await store.auth.user(userId);
      if (!u || u.role === 'owner') throw new AppError('not_found', `No account with id ${userId}.`, { id: userId });
      const token = randomBytes(32).toString('base64url');
      const at = now();
      await store.auth.insertReset({
        tokenHash: tokenHash(token),
        userId,
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + 24 * 3600_000).toISOString(),
      });
      return { url: `${origin.replace(/\/$/, '')}/reset?token=${token}` };
    },

    async deleteAccount(ctx, body, x) {
      const input = parse(deleteInput, body, 'account deletion');
      const hash = await store.auth.passwordHash(ctx.userId);
      if (!hash || !(await context.password.verify({ hash, password: input.password })))
        throw new AppError('invalid_input', 'Invalid input: password: the password is not right.', {
          fields: [{ field: 'password', message: 'The password is not right.' }],
        });
      const admins = (await store.auth.users()).filter((u) => u.role === 'admin' && !u.disabled);
      if (ctx.role === 'admin' && admins.length <= 1)
        throw new AppError('invalid_input', 'You are the only admin: make another account admin before deleting yours.');
      await accounts.logout(x);
      await store.auth.deleteUser(ctx.userId); // every row the user owns goes with it (foreign keys cascade)
    },

    twoFactor,
  };

  return { principal, accounts, mustEnrol: (p) => twoFactor.mustEnrol(p.userId, p.role) };
}

async function newUser(tx: Store, u: { id: string; email: string; name: string; role: string; at: string }): Promise<void> {
  await tx.auth.insertUser(u);
  await tx.users.setSetting(u.id, 'timezone', machineTimeZone());
}

/**
 * While no admin exists, a fresh one-time setup token: its hash is stored (any earlier token stops
 * working) and the token itself is returned once, for the console. Null when setup is done.
 */
export async function newSetupToken(store: Store): Promise<string | null> {
  if (await store.auth.hasAdmin()) return null;
  const token = randomBytes(24).toString('base64url');
  await store.transaction(async (tx) => {
    await tx.auth.removeSetting('setup_token_hash');
    await tx.auth.settingOnce('setup_token_hash', tokenHash(token));
  });
  return token;
}
