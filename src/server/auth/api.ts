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
  login(body: unknown, x: AuthExchange): Promise<{ user: AccountUser }>;
  logout(x: AuthExchange): Promise<void>;
  register(body: unknown, x: AuthExchange): Promise<{ user: AccountUser }>;
  requestReset(body: unknown, x: AuthExchange): Promise<{ message: string }>;
  confirmReset(body: unknown): Promise<void>;
  /** An admin's one-time link for a user to choose a new password. */
  resetLink(ctx: Ctx, userId: string, origin: string): Promise<{ url: string }>;
  deleteAccount(ctx: Ctx, body: unknown, x: AuthExchange): Promise<void>;
}
