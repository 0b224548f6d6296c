// Request logs for operators (`serve --log json`): one JSON object per line with what a request
// was — method, the route's pattern, status, milliseconds — and nothing a person wrote or is:
// no bodies, no query strings (a search is someone's name), no cookies, tokens or addresses, and
// the route's pattern instead of the path (a calendar feed's path is its secret token).
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

export type LogFormat = 'text' | 'json';

export interface RequestLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  method: string;
  route: string;
  status: number;
  ms: number;
}

/** Logs each request once it is answered, through `write` (one line each). */
export function requestLogger(write: (line: string) => void, now: () => Date = () => new Date()): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      const entry: RequestLogEntry = {
        time: now().toISOString(),
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        msg: 'request',
        method: c.req.method,
        route: routePattern(c),
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      write(JSON.stringify(entry));
    }
  };
}

/**
 * The pattern of the route that answered (`/api/v1/contacts/:id`), never the path itself. The web
 * app's catch-all and the API's "no such route" answer are logged by their kind only.
 */
export function routePattern(c: Context): string {
  const path = matchedRoutes(c)[c.req.routeIndex]?.path;
  if (!path) return '(none)';
  if (path === '*' || path === '/*') return '(web app)';
  if (path.endsWith('/*')) return '(no such route)';
  return path;
}

/** A log line in the chosen format: JSON lines carry a level and a message, never a stack's data. */
export function logLine(format: LogFormat, level: RequestLogEntry['level'], msg: string, now: () => Date = () => new Date()): string {
  return format === 'json' ? JSON.stringify({ time: now().toISOString(), level, msg }) : msg;
}
