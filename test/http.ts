// The API as a test calls it: in process through Hono's `request`, with a loopback Host, JSON in
// and out (an empty body, as from a 204, comes back as null).
import { createServerApp } from '../src/server/app.js';
import type { TestCtx } from './harness.js';

export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export function apiOf(ctx: TestCtx) {
  const app = createServerApp({ deps: ctx, userId: ctx.userId });
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> => {
    const res = await app.request(`http://127.0.0.1:5454/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}
