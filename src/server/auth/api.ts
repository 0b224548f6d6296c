// What the accounts routes (routes.ts) ask of the accounts service. Only types live here, so the
// route list (and the CLI, which reads it for nothing) never loads the authentication library.
import type { Ctx } from '../../app/context.js';
import type { UserRole } from '../../domain/types.js';

export interface AccountUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export interface SessionAnswer {
  accounts: boolean;
  setupNeeded: boolean;
  user: AccountUser | null;
  /** Present (true) when the signed-in user must set up a second factor before anything else. */
  enrolSecondFactor?: true;
}

/** The HTTP side of one accounts call: the request in, headers (cookies) out. */
export interface AuthExchange {
  raw: Request;
  address: string;
  reply: Headers;
}

export interface AccountsApi {
  /** Who is signed in (the route's ctx carries the session's user, if any). */
  session(ctx: Ctx): Promise<SessionAnswer>;
  setup(body: unknown, x: AuthExchange): Promise<{ user: AccountUser }>;
  /** A right password for an account with a second factor answers `codeNeeded` (no session yet). */
  login(body: unknown, x: AuthExchange): Promise<{ user: AccountUser } | { codeNeeded: true }>;
  logout(x: AuthExchange): Promise<void>;
  register(body: unknown, x: AuthExchange): Promise<{ user: AccountUser }>;
  requestReset(body: unknown, x: AuthExchange): Promise<{ message: string }>;
  confirmReset(body: unknown): Promise<void>;
  /** An admin's one-time link for a user to choose a new password. */
  resetLink(ctx: Ctx, userId: string, origin: string): Promise<{ url: string }>;
  deleteAccount(ctx: Ctx, body: unknown, x: AuthExchange): Promise<void>;
  /** The TOTP second factor (second-factor.ts). */
  twoFactor: SecondFactorApi;
}

export interface TwoFactorStatus {
  enabled: boolean;
  /** The admin requires one for this account's role. */
  required: boolean;
  recoveryCodesLeft: number;
}

export interface SecondFactorApi {
  /** The code step of a sign-in: a TOTP or recovery code, with the pending cookie of the password step. */
  loginCode(body: unknown, x: AuthExchange): Promise<{ user: AccountUser; recoveryCodesLeft?: number }>;
  status(ctx: Ctx): Promise<TwoFactorStatus>;
  /** A new secret to scan: base32, the otpauth URI, and the QR code's modules as rows of 0/1. */
  start(ctx: Ctx): Promise<{ secret: string; uri: string; qr: string[] }>;
  confirm(ctx: Ctx, body: unknown): Promise<{ recoveryCodes: string[] }>;
  recoveryCodes(ctx: Ctx, body: unknown): Promise<{ recoveryCodes: string[] }>;
  disable(ctx: Ctx, body: unknown): Promise<void>;
  /** An admin turns someone's second factor off (phone and recovery codes lost). */
  resetFor(ctx: Ctx, userId: string): Promise<void>;
  /** The admin's rule, and which accounts have a second factor on. */
  policy(ctx: Ctx): Promise<{ required: boolean; enabled: string[] }>;
  setPolicy(ctx: Ctx, body: unknown): Promise<{ required: boolean; enabled: string[] }>;
}
