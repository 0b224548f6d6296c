// The optional TOTP second factor of `serve --accounts` (issue 7, part 2): setting it up (a secret
// shown as a QR code, confirmed with a first code, answered with ten recovery codes), the code
// step of a sign-in whose password was right, turning it off, and the admin's rule that advisers
// and admins must have one. The accounts service (service.ts) owns the password step, the
// throttle and starting sessions, and hands those in.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../app/context.js';
import { parse } from '../../app/validate.js';
import { tokenHash } from '../../app/accounts.js';
import { AppError } from '../../domain/errors.js';
import type { UserRole } from '../../domain/types.js';
import type { Store } from '../../store/index.js';
import type { AccountUser, AuthExchange, SecondFactorApi } from './api.js';
import { codeInput, disableInput, policyInput } from './schemas.js';
import { matchStep, newSecret, otpauthUri } from './totp.js';

/** The cookie that carries a sign-in from the password step to the code step. */
export const PENDING_COOKIE = 'coffeechat_second_factor';
const PENDING_MINUTES = 5;
const RECOVERY_CODES = 10;
const POLICY_KEY = 'require_second_factor';
/** The roles the admin's rule applies to. */
const REQUIRED_ROLES: readonly string[] = ['adviser', 'admin'];

export const WRONG_CODE = 'Wrong code.';
/** Signed in already, so saying so tells nothing new; the sign-in step answers like a wrong code instead. */
const LOCKED = 'Too many wrong codes: wait 15 minutes, then try again.';
const EXPIRED = 'This sign-in has expired: enter your e-mail and password again.';

type Key = { key: string; max: number };

export interface SecondFactorDeps {
  store: Store;
  now(): Date;
  secureCookies: boolean;
  perAccount: number;
  perAddress: number;
  locked(keys: Key[]): Promise<boolean>;
  /** Counts a failure against each key (locking it at its limit). */
  countFailure(keys: Key[]): Promise<void>;
  passwordRight(userId: string, password: string): Promise<boolean>;
  /** Ends any session the browser holds and starts one for the user (the session cookie goes in x.reply). */
  startSession(userId: string, x: AuthExchange): Promise<void>;
  view(u: { id: string; email: string | null; name: string | null; role: string }): AccountUser;
}

/** `xxxxx-xxxxx` from an alphabet without look-alikes; typed back in any case, with or without the dash. */
function recoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const normalRecovery = (c: string) => c.toLowerCase().replace(/[\s-]/g, '');
const recoveryHash = (c: string) => tokenHash(normalRecovery(c));

function cookieValue(raw: Request, name: string): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(raw.headers.get('cookie') ?? '');
  return m?.[1];
}

export function createSecondFactor(d: SecondFactorDeps): SecondFactorApi & {
  /** Password step of a sign-in for an account with a second factor: no session yet, a pending cookie. */
  pendingLogin(userId: string, x: AuthExchange): Promise<{ codeNeeded: true }>;
  mustEnrol(userId: string, role: UserRole): Promise<boolean>;
} {
  const { store } = d;
  const codeKeys = (userId: string, x?: AuthExchange): Key[] => [
    { key: `code:${userId}`, max: d.perAccount },
    ...(x ? [{ key: `addr:${x.address}`, max: d.perAddress }] : []),
  ];
  const pendingCookie = (value: string, maxAge: number) =>
    `${PENDING_COOKIE}=${value}; Path=/api/v1/auth; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${d.secureCookies ? '; Secure' : ''}`;

  /**
   * Whether `given` is a right code for the account: a TOTP code of a step not used before (the
   * step is then recorded), or one of its unused recovery codes (then used up).
   */
  async function codeRight(userId: string, given: string): Promise<'totp' | 'recovery' | null> {
    const tf = await store.twoFactor.get(userId);
    if (!tf?.enabledAt) return null;
    if (/^\d{6}$/.test(given.replace(/\s/g, ''))) {
      const step = matchStep(tf.secret, given, d.now());
      return step !== null && (await store.twoFactor.acceptStep(userId, step)) ? 'totp' : null;
    }
    return (await store.twoFactor.useRecoveryCode(userId, recoveryHash(given))) ? 'recovery' : null;
  }

  async function required(role: string): Promise<boolean> {
    return REQUIRED_ROLES.includes(role) && (await store.auth.setting(POLICY_KEY)) === 'on';
  }

  async function freshRecoveryCodes(tx: Store, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await tx.twoFactor.replaceRecoveryCodes(userId, codes.map(recoveryHash));
    return codes;
  }

  const codeField = (message: string) =>
    new AppError('invalid_input', `Invalid input: code: ${message}`, { fields: [{ field: 'code', message }] });

  return {
    async pendingLogin(userId, x) {
      const token = randomBytes(32).toString('base64url');
      const at = d.now();
      await store.twoFactor.dropExpiredPending(at.toISOString());
      await store.twoFactor.insertPending({
        tokenHash: tokenHash(token),
        userId,
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + PENDING_MINUTES * 60_000).toISOString(),
      });
      x.reply.append('Set-Cookie', pendingCookie(token, PENDING_MINUTES * 60));
      return { codeNeeded: true };
    },

    async mustEnrol(userId, role) {
      return (await required(role)) && !(await store.twoFactor.enabled(userId));
    },

    async loginCode(body, x) {
      const input = parse(codeInput, body, 'sign-in code');
      const token = cookieValue(x.raw, PENDING_COOKIE);
      const pending = token ? await store.twoFactor.pending(tokenHash(token)) : undefined;
      if (!token || !pending || pending.expiresAt <= d.now().toISOString()) throw new AppError('unauthenticated', EXPIRED);
      const keys = codeKeys(pending.userId, x);
      // A lock answers like a wrong code, so guessing on cannot tell the two apart.
      if (await d.locked(keys)) throw new AppError('unauthenticated', WRONG_CODE);
      const used = await codeRight(pending.userId, input.code);
      if (!used) {
        await d.countFailure(keys);
        throw new AppError('unauthenticated', WRONG_CODE);
      }
      if (!(await store.twoFactor.takePending(tokenHash(token)))) throw new AppError('unauthenticated', EXPIRED);
      const u = await store.auth.user(pending.userId);
      if (!u || u.disabled) throw new AppError('unauthenticated', EXPIRED);
      await store.auth.clearThrottle(`code:${u.id}`);
      if (u.email) await store.auth.clearThrottle(`email:${u.email}`);
      x.reply.append('Set-Cookie', pendingCookie('', 0));
      await d.startSession(u.id, x);
      return {
        user: d.view(u),
        ...(used === 'recovery' ? { recoveryCodesLeft: await store.twoFactor.recoveryCodesLeft(u.id) } : {}),
      };
    },

    async status(ctx) {
      const tf = await store.twoFactor.get(ctx.userId);
      return {
        enabled: !!tf?.enabledAt,
        required: await required(ctx.role ?? 'owner'),
        recoveryCodesLeft: tf?.enabledAt ? await store.twoFactor.recoveryCodesLeft(ctx.userId) : 0,
      };
    },

    async start(ctx) {
      const u = await store.auth.user(ctx.userId);
      if (!u || u.role === 'owner') throw new AppError('not_found', 'A second factor needs an account on a server with accounts.');
      const secret = newSecret();
      if (!(await store.twoFactor.start(ctx.userId, secret, d.now().toISOString())))
        throw new AppError('conflict', 'Your second factor is on already: turn it off first to set up another authenticator.');
      const uri = otpauthUri(secret, u.email ?? u.id);
      // Loaded here only: nothing else needs the QR encoder.
      const { default: QRCode } = await import('qrcode');
      const qr = QRCode.create(uri, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const rows = Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => (qr.modules.get(y, x) ? '1' : '0')).join(''));
      return { secret, uri, qr: rows };
    },

    async confirm(ctx, body) {
      const input = parse(codeInput, body, 'second factor');
      const tf = await store.twoFactor.get(ctx.userId);
      if (!tf) throw new AppError('invalid_input', 'Start setting up the second factor first: there is no secret to confirm.');
      if (tf.enabledAt) throw new AppError('conflict', 'Your second factor is on already.');
      const step = matchStep(tf.secret, input.code, d.now());
      if (step === null)
        throw codeField(
          'That is not the code your authenticator shows now: check it was set up with this QR code, then try the next code.',
        );
      const at = d.now().toISOString();
      const codes = await store.transaction(async (tx) => {
        if (!(await tx.twoFactor.enable(ctx.userId, step, at))) throw new AppError('conflict', 'Your second factor is on already.');
        return freshRecoveryCodes(tx, ctx.userId);
      });
      return { recoveryCodes: codes };
    },

    async recoveryCodes(ctx, body) {
      const input = parse(codeInput, body, 'recovery codes');
      const keys = codeKeys(ctx.userId);
      const tf = await store.twoFactor.get(ctx.userId);
      if (!tf?.enabledAt) throw new AppError('invalid_input', 'Your second factor is off: there are no recovery codes to replace.');
      if (await d.locked(keys)) throw codeField(LOCKED);
      const step = matchStep(tf.secret, input.code, d.now());
      if (step === null || !(await store.twoFactor.acceptStep(ctx.userId, step))) {
        await d.countFailure(keys);
        throw codeField('The code is not right (a code from your authenticator, not a recovery code).');
      }
      return { recoveryCodes: await store.transaction((tx) => freshRecoveryCodes(tx, ctx.userId)) };
    },

    async disable(ctx, body) {
      const input = parse(disableInput, body, 'turning the second factor off');
      const keys = codeKeys(ctx.userId);
      if (!(await store.twoFactor.enabled(ctx.userId))) throw new AppError('invalid_input', 'Your second factor is off already.');
      if (await d.locked(keys)) throw codeField(LOCKED);
      if (!(await d.passwordRight(ctx.userId, input.password))) {
        await d.countFailure(keys);
        throw new AppError('invalid_input', 'Invalid input: password: the password is not right.', {
          fields: [{ field: 'password', message: 'The password is not right.' }],
        });
      }
      if (!(await codeRight(ctx.userId, input.code))) {
        await d.countFailure(keys);
        throw codeField('The code is not right.');
      }
      await store.auth.clearThrottle(`code:${ctx.userId}`);
      await store.twoFactor.remove(ctx.userId);
    },

    async resetFor(ctx, userId) {
      // Your own goes off from the Account page, with your password and a code.
      if (userId === ctx.userId) throw new AppError('invalid_input', 'Turn your own second factor off from Your account page.');
      const u = await store.auth.user(userId);
      if (!u || u.role === 'owner') throw new AppError('not_found', `No account with id ${userId}.`, { id: userId });
      if (!(await store.twoFactor.get(userId)))
        throw new AppError('not_found', `${u.name ?? 'This account'} has no second factor.`, { id: userId });
      // A lost phone and lost recovery codes: the admin turns it off; the user signs in with the password and sets up a new one.
      await store.twoFactor.remove(userId);
      await store.auth.clearThrottle(`code:${userId}`);
    },

    async policy() {
      return { required: (await store.auth.setting(POLICY_KEY)) === 'on', enabled: await store.twoFactor.enabledUsers() };
    },

    async setPolicy(ctx: Ctx, body) {
      const input = parse(policyInput, body, 'second factor rule');
      // Turning the rule on without a second factor of one's own would lock the admin out of this page.
      if (input.required && !(await store.twoFactor.enabled(ctx.userId)))
        throw new AppError(
          'invalid_input',
          'Set up your own second factor first (Your account page): the rule would apply to you at once.',
        );
      await store.auth.removeSetting(POLICY_KEY);
      if (input.required) await store.auth.settingOnce(POLICY_KEY, 'on');
      return { required: input.required, enabled: await store.twoFactor.enabledUsers() };
    },
  };
}
