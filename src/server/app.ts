// The Hono application: security middleware, /api/v1 from the route list, errors in one place,
// and the built web app (with client-side routes falling back to index.html).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { feedCalendar } from '../app/calendar-feed.js';
import { bearerToken, tokenCaller, type TokenScope } from '../app/tokens.js';
import type { Ctx, Deps } from '../app/context.js';
import { AppError } from '../domain/errors.js';
import type { UserRole } from '../domain/types.js';
import type { AccountsApi } from './auth/api.js';
import type { RouteDef } from './route.js';
import { openApiDocument } from './openapi.js';
import { ROUTES } from './routes.js';
import { csrfGuard, hostGuard, linkOrigin, sameOriginWrites, securityHeaders } from './security.js';
import { httpStatus, toAppError } from './http-errors.js';
import { requestLogger } from './logging.js';
import { clientAddress as addressOf, type TrustedProxies } from './client-address.js';
import { readiness } from './ready.js';

/** The signed-in user behind a request. */
export interface Principal {
  userId: string;
  role: UserRole;
  /** How the caller proved it: a browser session (also when absent) or an API token (`Authorization: Bearer`). */
  via?: 'session' | 'token';
  /** An API token's scope: `read` may only call GET routes. */
  scope?: TokenScope;
}

export interface ServerAuth {
  /** The signed-in user behind this request (session cookie), or null. */
  principal(req: Request): Promise<Principal | null>;
  /** True when the admin requires a second factor of this caller, who has none yet (second-factor.ts). */
  mustEnrol?(p: Principal): Promise<boolean>;
  /** The accounts routes' service (login, setup…) when this is the real accounts service. */
  accounts?: AccountsApi;
}

export interface ServerOptions {
  deps: Deps;
  /** The user every request acts for when `auth` is absent (the local owner). */
  userId: string;
  /** That user's role when `auth` is absent (tests); default: the local owner. */
  role?: UserRole;
  /** Accounts: every /api/v1 route but the public ones needs a signed-in user, and acts for them. */
  auth?: ServerAuth;
  /** Folder of the built web app; without it only the API is served. */
  webRoot?: string;
  /** Host names besides loopback that may be served (from --base-url or --host). */
  extraHosts?: string[];
  /** The public address of this server (--base-url), used in the calendar feed's address. */
  baseUrl?: string;
  version?: string;
  log?: (line: string) => void;
  /** Where one JSON line per answered request goes (`serve --log json`): method, route pattern, status, ms. */
  requestLog?: (line: string) => void;
  /** Reverse proxies whose `X-Forwarded-For` names the client (`serve --trust-proxy`); none when absent. */
  trustProxy?: TrustedProxies;
}

const MAX_BODY = 1024 * 1024;
/** The requests web/src/pages/Today.tsx (and the session gate) make first, exactly as fetch() makes them. */
const TODAY_PRELOAD = ['/api/v1/session', '/api/v1/overview', '/api/v1/today']
  .map((u) => `<${u}>; rel=preload; as=fetch; crossorigin`)
  .join(', ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function createServerApp(opts: ServerOptions): Hono {
  const app = new Hono();
  const log = opts.log ?? (() => undefined);
  const local: Ctx = { ...opts.deps, userId: opts.userId, ...(opts.role ? { role: opts.role } : {}) };
  const auth = opts.auth;
  // An `Authorization: Bearer` token speaks for its account instead of a session cookie; a wrong,
  // revoked or expired one is refused outright rather than falling back to the cookie.
  const callerOf = async (req: Request, a: ServerAuth): Promise<Principal | null> => {
    const token = bearerToken(req.headers.get('authorization'));
    if (token === undefined) return a.principal(req);
    const t = await tokenCaller(opts.deps, token);
    if (!t) throw new AppError('unauthenticated', 'This API token is not valid: it may be mistyped, revoked or expired.');
    return { userId: t.userId, role: t.role, via: 'token', scope: t.scope };
  };
  // Who the request acts for: the fixed local user, or the signed-in account (401 without one,
  // except on public routes, which get an empty user id and must not read anyone's rows).
  const ctxFor = async (r: RouteDef, req: Request): Promise<Ctx> => {
    let found = local;
    if (auth) {
      const p = await callerOf(req, auth);
      if (!p && r.auth !== 'public') throw new AppError('unauthenticated', 'Sign in first: this needs an account.');
      if (p?.via === 'token' && r.auth !== 'public') tokenMayCall(r, p);
      if (p && r.auth !== 'public' && !r.beforeSecondFactor && (await auth.mustEnrol?.(p)))
        throw new AppError(
          'forbidden',
          'Set up a second factor first: this server requires one for advisers and admins (Your account page).',
        );
      found = { ...opts.deps, userId: p?.userId ?? '', ...(p ? { role: p.role } : {}) };
    }
    if (r.roles && r.auth !== 'public' && !r.roles.includes(found.role ?? 'owner'))
      throw new AppError('forbidden', `Only ${r.roles.join(' or ')} accounts may do this.`);
    return found;
  };

  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.code === 'internal')
      log(`error ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.json(e.toJSON(), httpStatus(e) as 400);
  });

  // Outermost, so that refused requests are logged too.
  if (opts.requestLog) app.use('*', requestLogger(opts.requestLog));
  // Headers first, so that even a refused request's answer carries them.
  app.use('*', securityHeaders({ secureCookies: opts.baseUrl?.startsWith('https:') ?? false }));
  app.use('*', hostGuard(opts.extraHosts ?? []));
  // Uploads stream to their operation, which enforces its own (larger) limit as it reads.
  const uploads = ROUTES.filter((r) => r.upload).map((r) => `/api/v1${r.path}`);
  app.use('/api/*', sameOriginWrites(uploads));
  app.use('/api/*', csrfGuard());
  const limit = bodyLimit({
    maxSize: MAX_BODY,
    onError: () => {
      throw new AppError('payload_too_large', `The request body is larger than ${MAX_BODY / 1024} KiB.`);
    },
  });
  app.use('/api/*', (c, next) => (uploads.includes(c.req.path) ? next() : limit(c, next)));

  const api = new Hono();
  const doc = openApiDocument(ROUTES, opts.version ?? '0');
  api.get('/openapi.json', (c) => c.json(doc));
  for (const r of ROUTES) {
    api.on(r.method.toUpperCase(), r.path, async (c) => {
      const ctx = await ctxFor(r, c.req.raw); // before reading the body: strangers get 401 at once
      const body = r.upload
        ? (c.req.raw.body ?? new Uint8Array())
        : r.method !== 'get' // DELETE may carry a body too (DELETE /account asks for the password)
          ? await readJson(c)
          : undefined;
      const origin = linkOrigin(c, opts.baseUrl); // never from Host / X-Forwarded-Host
      const reply = new Headers();
      const result = await r.run(ctx, {
        params: c.req.param() as Record<string, string>,
        query: c.req.query(),
        body,
        origin,
        raw: c.req.raw,
        address: clientAddress(c, opts.trustProxy),
        accounts: auth?.accounts,
        reply,
      });
      for (const cookie of reply.getSetCookie()) c.header('Set-Cookie', cookie, { append: true });
      reply.forEach((value, name) => {
        if (name !== 'set-cookie') c.header(name, value);
      });
      if (r.download) {
        const chunks = result as AsyncGenerator<string | Uint8Array>;
        const first = await chunks.next(); // let a bad request fail as JSON before the file starts
        const { type, filename } = r.download({ params: c.req.param() as Record<string, string>, query: c.req.query(), body });
        const encoder = new TextEncoder();
        const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? encoder.encode(v) : v); // a PDF is bytes
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            if (!first.done) controller.enqueue(bytes(first.value));
          },
          async pull(controller) {
            const next = await chunks.next();
            if (next.done) controller.close();
            else controller.enqueue(bytes(next.value));
          },
        });
        return c.body(stream, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` });
      }
      if (r.status === 204) return c.body(null, 204);
      return c.json(result as object, (r.status ?? 200) as 200);
    });
  }
  api.all('*', (c) => {
    throw new AppError('not_found', `No API route ${c.req.method} ${c.req.path}.`);
  });
  // Readiness for load balancers: public, outside the route list (no user, no account), 503 until
  // the database answers with the schema this build expects.
  app.get('/api/v1/ready', async (c) => {
    const r = await readiness(opts.deps.store);
    if (r.error) log(`not ready: ${r.error}`);
    return c.json({ ready: r.ready, ...(r.reason ? { reason: r.reason } : {}) }, r.ready ? 200 : 503, { 'Cache-Control': 'no-store' });
  });
  app.route('/api/v1', api);
  app.all('/api/*', (c) => {
    throw new AppError('not_found', `No API route ${c.req.method} ${c.req.path}; the API lives under /api/v1.`);
  });

  // The private calendar feed: outside /api/v1 because calendar apps send no cookie or header, so
  // the token in the path is the credential (the Host check above still applies). A bad, unknown
  // or revoked token falls through to whatever answers an unknown path, so the 404 says nothing.
  app.get('/calendar/:file', async (c, next) => {
    const file = c.req.param('file');
    const text = file.endsWith('.ics') ? await feedCalendar(opts.deps, file.slice(0, -'.ics'.length)) : null;
    if (text === null) return next();
    return c.body(text, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-cache' });
  });

  // Today is the home page: its three requests can start while the browser is still fetching and
  // running the script, instead of one after another once it has run (`Link: rel=preload`, which
  // the page's own fetch() then takes from the browser's cache). Only for someone who will see
  // Today: the local app, or a signed-in member; anyone else would just make the server work.
  const todayPreload = async (req: Request): Promise<string | null> => {
    if (auth) {
      const p = await auth.principal(req).catch(() => null);
      if (p?.role !== 'member' || (await auth.mustEnrol?.(p))) return null;
    }
    return TODAY_PRELOAD;
  };

  if (opts.webRoot) {
    const root = normalize(opts.webRoot);
    app.get('*', async (c) => {
      const wanted = normalize(join(root, decodeURIComponent(c.req.path)));
      const inside = wanted.startsWith(root + sep);
      const file = inside && extname(wanted) ? wanted : join(root, 'index.html');
      try {
        const data = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const immutable = file.includes(`${sep}assets${sep}`);
        const headers: Record<string, string> = {
          'Content-Type': type,
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        };
        if (c.req.path === '/') {
          const preload = await todayPreload(c.req.raw);
          if (preload) headers.Link = preload;
        }
        return c.body(data, 200, headers);
      } catch {
        if (extname(wanted)) throw new AppError('not_found', `No file ${c.req.path}.`);
        return c.text('The web app is not built. Run: npm run build', 503);
      }
    });
  }
  return app;
}

/**
 * What an API token may not do, whatever its account's role: write with a `read` scope, reach an
 * admin route, or use a route kept for a signed-in session (managing tokens, deleting the account),
 * so that a leaked token cannot make itself more tokens or outlive a revocation.
 */
function tokenMayCall(r: RouteDef, p: Principal): void {
  if (r.sessionOnly) throw new AppError('forbidden', 'An API token cannot do this: sign in to the web app instead.');
  if (r.roles?.includes('admin')) throw new AppError('forbidden', 'API tokens cannot use admin routes: sign in to the web app instead.');
  if (p.scope !== 'write' && r.method !== 'get') throw new AppError('forbidden', 'This token may only read.');
}

/**
 * The client's address for login throttling: the peer's from the Node server (tests pass it as the
 * env's `incoming`), or the one a trusted proxy forwarded for (client-address.ts).
 */
function clientAddress(c: Context, trusted: TrustedProxies | undefined): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return addressOf(env?.incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), trusted);
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('invalid_input', `The request body is not valid JSON: ${(e as Error).message}`);
  }
}
