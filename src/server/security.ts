// Local safety (issue: foundation, PRODUCT.md "Private by default"): only local Host names are
// served, so a web page on another site cannot reach the app through DNS rebinding; writes from
// another origin are refused, so a page cannot post into the user's data; bodies are JSON and
// small.
import type { MiddlewareHandler } from 'hono';
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
