// API tokens (issue 7, part 7): an account's credentials for scripts and for the CLI talking to a
// server (`coffeechat --server URL --token T`, which sends `Authorization: Bearer <token>`). A
// token is shown once, when it is made; only its SHA-256 and a short prefix are kept. It carries a
// scope — `read` may only call GET routes, `write` may call the rest — and may expire. Revoking
// deletes it, so the next request with it is refused. Tokens are made, listed and revoked from a
// signed-in session only (server/app.ts refuses these routes to a token), or by an operator on the
// database (`coffeechat --user EMAIL tokens …`).
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import type { UserRole } from '../domain/types.js';
import type { ApiToken } from '../store/tokens.store.js';
import type { Ctx, Deps } from './context.js';
import { parse, requiredText } from './validate.js';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What every token starts with, so that a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'cc_';
/** `cc_` and 32 random bytes as base64url (43 characters). */
const TOKEN_PATTERN = /^cc_[A-Za-z0-9_-]{43}$/;
/** How much of a token is kept in clear to tell tokens apart: `cc_` and six characters. */
const SHOWN = TOKEN_PREFIX.length + 6;
const MAX_DAYS = 3650;
/** Last use is recorded at most once a minute per token, so a busy script does not write on every request. */
const LAST_USED_EVERY_MS = 60_000;

export interface TokenView {
  id: string;
  name: string;
  scope: TokenScope;
  /** The token's first characters, for telling tokens apart; never enough to use it. */
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  expired: boolean;
}

/** The answer to making a token: the only time the token itself is shown. */
export type NewToken = TokenView & { token: string };

/** Who a valid token speaks for. */
export interface TokenCaller {
  userId: string;
  role: UserRole;
  scope: TokenScope;
  tokenId: string;
}

export const tokenInput = z
  .object({
    name: requiredText(80),
    scope: z.enum(TOKEN_SCOPES, { message: "must be 'read' or 'write'" }).default('read'),
    expiresInDays: z
      .number({ message: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(MAX_DAYS, `must be at most ${MAX_DAYS} (ten years)`)
      .nullish(),
  })
  .strict();

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const viewOf = (t: ApiToken, now: Date): TokenView => ({
  id: t.id,
  name: t.name,
  scope: t.scope as TokenScope,
  prefix: t.prefix,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  expired: t.expiresAt !== null && t.expiresAt <= now.toISOString(),
});

export async function listTokens(ctx: Ctx): Promise<TokenView[]> {
  const now = ctx.clock.now();
  return (await ctx.store.tokens.list(ctx.userId)).map((t) => viewOf(t, now));
}

export async function createToken(ctx: Ctx, body: unknown): Promise<NewToken> {
  const input = parse(tokenInput, body, 'API token');
  if (!ctx.role || ctx.role === 'owner')
    throw new AppError(
      'invalid_input',
      'API tokens belong to accounts: they work only on a server with accounts (coffeechat serve --accounts).',
    );
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const at = ctx.clock.now();
  const row: ApiToken = {
    id: ctx.ids(),
    userId: ctx.userId,
    name: input.name,
    scope: input.scope,
    prefix: token.slice(0, SHOWN),
    createdAt: at.toISOString(),
    expiresAt: input.expiresInDays ? new Date(at.getTime() + input.expiresInDays * 24 * 3600_000).toISOString() : null,
    lastUsedAt: null,
  };
  await ctx.store.tokens.insert(row, hashOf(token));
  return { ...viewOf(row, at), token };
}

/** Revokes one of the caller's tokens: requests carrying it are refused from now on. */
export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.tokens.remove(ctx.userId, id))) throw notFound('API token', id);
}

/**
 * The caller behind an `Authorization` header's token, or null when the token is malformed,
 * unknown, revoked or expired, or its account is disabled (every case gets the same 401, so the
 * answer tells a guesser nothing). Records when the token was last used.
 */
export async function tokenCaller(deps: Deps, token: string): Promise<TokenCaller | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const found = await deps.store.tokens.byHash(hashOf(token));
  const now = deps.clock.now();
  if (!found || found.disabled || found.role === 'owner') return null;
  if (found.expiresAt !== null && found.expiresAt <= now.toISOString()) return null;
  if (!found.lastUsedAt || now.getTime() - new Date(found.lastUsedAt).getTime() >= LAST_USED_EVERY_MS)
    await deps.store.tokens.markUsed(found.id, now.toISOString());
  return { userId: found.userId, role: found.role as UserRole, scope: found.scope as TokenScope, tokenId: found.id };
}

/** The token in an `Authorization: Bearer <token>` header; undefined for no header or another scheme (say, a proxy's Basic). */
export function bearerToken(header: string | null | undefined): string | undefined {
  const m = /^Bearer[ \t]+(\S*)[ \t]*$/i.exec(header ?? '');
  return m ? m[1] : undefined;
}
