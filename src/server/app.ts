// The Hono application: security middleware, /api/v1 from the route list, errors in one place,
// and the built web app (with client-side routes falling back to index.html).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { feedCalendar } from '../app/calendar-feed.js';
import type { Deps } from '../app/context.js';
import { AppError } from '../domain/errors.js';
import { openApiDocument } from './openapi.js';
import { ROUTES } from './routes.js';
import { hostGuard, sameOriginWrites } from './security.js';
import { httpStatus, toAppError } from './http-errors.js';

export interface ServerOptions {
  deps: Deps;
  userId: string;
  /** Folder of the built web app; without it only the API is served. */
  webRoot?: string;
  /** Host names besides loopback that may be served (from --base-url or --host). */
  extraHosts?: string[];
  /** The public address of this server (--base-url), used in the calendar feed's address. */
  baseUrl?: string;
  version?: string;
  log?: (line: string) => void;
}

const MAX_BODY = 1024 * 1024;

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
  const ctx = { ...opts.deps, userId: opts.userId };

  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.code === 'internal')
      log(`error ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.json(e.toJSON(), httpStatus(e) as 400);
  });

  app.use('*', hostGuard(opts.extraHosts ?? []));
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
  // Uploads stream to their operation, which enforces its own (larger) limit as it reads.
  const uploads = ROUTES.filter((r) => r.upload).map((r) => `/api/v1${r.path}`);
  app.use('/api/*', sameOriginWrites(uploads));
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
      const body = r.upload
        ? (c.req.raw.body ?? new Uint8Array())
        : r.method === 'post' || r.method === 'put' || r.method === 'patch'
          ? await readJson(c)
          : undefined;
      const origin = opts.baseUrl ?? new URL(c.req.url).origin;
      const result = await r.run(ctx, { params: c.req.param() as Record<string, string>, query: c.req.query(), body, origin });
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
        return c.body(data, 200, { 'Content-Type': type, 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
      } catch {
        if (extname(wanted)) throw new AppError('not_found', `No file ${c.req.path}.`);
        return c.text('The web app is not built. Run: npm run build', 503);
      }
    });
  }
  return app;
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
