// The private calendar feed (issue 5, item 1): an address with a secret in it that calendar apps
// subscribe to, since they can send no cookie or header. One per user; showing it creates it,
// rotating replaces it, revoking deletes it, and the old address then answers like any unknown page.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { Ctx, Deps } from './context.js';
import { calendarIcs } from './schedule.js';

/** 32 random bytes (256 bits) as base64url: 43 characters, safe in a path without escaping. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface FeedView {
  /** Null when the user has no feed (never made, or revoked). */
  url: string | null;
  createdAt: string | null;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const feedPath = (token: string) => `/calendar/${token}.ics`;

/**
 * Where the feed is reached: a public base URL when one is configured (server mode), else this
 * computer's loopback address on the port the server listens on.
 */
export function feedBaseUrl(opts: { baseUrl?: string | undefined; port?: string | undefined }): string {
  if (opts.baseUrl) {
    let u: URL;
    try {
      u = new URL(opts.baseUrl);
    } catch {
      throw new AppError(
        'invalid_input',
        `The base URL must be an address such as https://coffeechat.example.org (got "${opts.baseUrl}").`,
      );
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new AppError('invalid_input', `The base URL must start with http:// or https:// (got "${opts.baseUrl}").`);
    }
    return (u.origin + u.pathname).replace(/\/+$/, '');
  }
  const port = opts.port ?? '5454';
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new AppError('invalid_input', `The port must be a number from 1 to 65535 (got "${port}").`);
  }
  return `http://127.0.0.1:${Number(port)}`;
}

const view = (baseUrl: string, feed: { token: string; createdAt: string } | undefined): FeedView =>
  feed ? { url: baseUrl.replace(/\/+$/, '') + feedPath(feed.token), createdAt: feed.createdAt } : { url: null, createdAt: null };

/** The user's feed address, or nulls when there is none. Changes nothing. */
export async function getFeed(ctx: Ctx, baseUrl: string): Promise<FeedView> {
  return view(baseUrl, await ctx.store.calendarFeeds.get(ctx.userId));
}

/** A new secret for the user; the previous address, if any, stops working at once. */
export async function rotateFeed(ctx: Ctx, baseUrl: string): Promise<FeedView> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const feed = { userId: ctx.userId, token, createdAt: ctx.clock.now().toISOString() };
  await ctx.store.calendarFeeds.put(feed, hashOf(token));
  return view(baseUrl, feed);
}

/** The user's feed address, made on first use (what `coffeechat calendar url` prints). */
export async function ensureFeed(ctx: Ctx, baseUrl: string): Promise<FeedView> {
  return ctx.store.transaction(async (tx) => {
    const c = { ...ctx, store: tx };
    const found = await getFeed(c, baseUrl);
    return found.url ? found : rotateFeed(c, baseUrl);
  });
}

/** Deletes the user's feed; true when there was one. */
export async function revokeFeed(ctx: Ctx): Promise<boolean> {
  return ctx.store.calendarFeeds.remove(ctx.userId);
}

/**
 * The calendar behind a feed token, or null for a token that is malformed, unknown or revoked —
 * the caller answers all of those alike, so nothing is learnt about which tokens exist.
 */
export async function feedCalendar(deps: Deps, token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  // Found by hash, so the database never compares the secret; the match is confirmed in constant time.
  const feed = await deps.store.calendarFeeds.byHash(hashOf(token));
  if (!feed) return null;
  const given = Buffer.from(token);
  const stored = Buffer.from(feed.token);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  return calendarIcs({ ...deps, userId: feed.userId }, {});
}
