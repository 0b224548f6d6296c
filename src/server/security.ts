// Local safety (issue: foundation, PRODUCT.md "Private by default"): only local Host names are
// served, so a web page on another site cannot reach the app through DNS rebinding; writes from
// another origin are refused, so a page cannot post into the user's data; bodies are JSON and
// small.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../domain/errors.js';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

/** Refuses requests whose Host is neither a loopback name nor one of `extraHosts`. */
export function hostGuard(extraHosts: string[]): MiddlewareHandler {
  const allowed = new Set([...LOCAL_NAMES, ...extraHosts.map((h) => h.toLowerCase())]);
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!host || !allowed.has(hostName(host))) {
      throw new AppError('forbidden', `Requests for host "${host}" are refused: coffeechat answers only to ${[...allowed].join(', ')}.`);
    }
    await next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes that a browser says come from another site or origin. Bodies must be JSON, except
 * on `uploadPaths`, which take a file as it is (the origin checks still apply there).
 */
export function sameOriginWrites(uploadPaths: string[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') {
        throw new AppError('forbidden', 'Cross-site writes are refused.');
      }
      const origin = c.req.header('origin');
      if (origin && origin !== 'null') {
        let originHost = '';
        try {
          originHost = new URL(origin).host.toLowerCase();
        } catch {
          /* malformed origin: refused below */
        }
        if (originHost !== (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase()) {
          throw new AppError('forbidden', `Writes from ${origin} are refused: only the app's own pages may change data.`);
        }
      } else if (origin === 'null') {
        throw new AppError('forbidden', 'Writes from an opaque origin are refused.');
      }
      const type = c.req.header('content-type') ?? '';
      const length = Number(c.req.header('content-length') ?? '0');
      const upload = uploadPaths.includes(c.req.path);
      if (!upload && (length > 0 || c.req.header('transfer-encoding')) && !type.toLowerCase().startsWith('application/json')) {
        throw new AppError('invalid_input', 'Send the request body as JSON (Content-Type: application/json).');
      }
    }
    await next();
  };
}

/**
 * The pages' policy: scripts, styles and everything else only from this server (the built app has
 * no inline script or style attribute; React's `style` props set the CSSOM, which CSP allows), no
 * plugins, no <base>, never framed, forms post only here. A text the app shows as text cannot run
 * even if a bug ever put it into the page as markup.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
/** JSON and file downloads are never a page: they may load nothing at all. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** The cookie holding the CSRF token, and the header the web app copies it into on every write. */
export const CSRF_COOKIE = 'coffeechat_csrf';
export const CSRF_HEADER = 'x-coffeechat-csrf';

/**
 * Security headers on every response (errors included), and the CSRF cookie for a browser that
 * has none yet (on pages and API answers; not on immutable assets, which shared caches may keep).
 */
export function securityHeaders(opts: { secureCookies: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const api = c.req.path.startsWith('/api/') || c.req.path.startsWith('/calendar/');
    c.header('Content-Security-Policy', api ? API_CSP : APP_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    // Browsers apply COOP only on a trustworthy origin (https or loopback). Over plain http to a
    // network address (a phone on the Wi-Fi) Chromium ignores it and logs a console error, so it is
    // sent only where it takes effect.
    if (opts.secureCookies || LOCAL_NAMES.has(hostName((c.req.header('host') ?? new URL(c.req.url).host).toLowerCase())))
      c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    const html = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
    if ((html || c.req.path.startsWith('/api/')) && !validToken(getCookie(c, CSRF_COOKIE))) {
      setCookie(c, CSRF_COOKIE, randomBytes(32).toString('base64url'), {
        path: '/',
        sameSite: 'Strict',
        secure: opts.secureCookies,
        // Not HttpOnly: the app's own script reads it to send it back in the header.
      });
    }
  };
}

const validToken = (t: string | undefined): t is string => !!t && /^[A-Za-z0-9_-]{43}$/.test(t);

/**
 * Double-submit CSRF token for cookie-carrying writes: a request that brings cookies (a session,
 * or the token cookie itself) must repeat the token cookie's value in `X-Coffeechat-CSRF`. Another
 * site can make a browser send cookies but can neither read them nor add a custom header without a
 * CORS preflight we never grant. Requests without cookies (scripts, tests, the CLI) are not at
 * risk from CSRF, so they need no token; the origin checks above still apply to them.
 */
export function csrfGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method) && c.req.header('cookie')) {
      const cookie = getCookie(c, CSRF_COOKIE);
      const header = c.req.header(CSRF_HEADER);
      const same =
        validToken(cookie) && !!header && header.length === cookie.length && timingSafeEqual(Buffer.from(header), Buffer.from(cookie));
      if (!same) {
        throw new AppError(
          'forbidden',
          `This write carries cookies but not the matching ${CSRF_HEADER} header, so it may come from another site; reload the page and try again.`,
        );
      }
    }
    await next();
  };
}

/**
 * Where links the server hands out (the calendar feed, invitation and reset links) start: the
 * configured public base URL, else the address of the socket this server accepted the request on.
 * Never the request's Host or X-Forwarded-Host, which the client chooses.
 */
export function linkOrigin(c: Context, baseUrl: string | undefined): string {
  if (baseUrl) return baseUrl; // may carry a path prefix behind a reverse proxy
  const socket = (c.env as { incoming?: { socket?: { localAddress?: string; localPort?: number } } } | undefined)?.incoming?.socket;
  const address = socket?.localAddress?.replace(/^::ffff:/, '');
  if (!address || !socket?.localPort) return FALLBACK_ORIGIN;
  return `http://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
}

/** In-process requests (tests) have no socket: the default listen address. */
export const FALLBACK_ORIGIN = 'http://127.0.0.1:5454';
