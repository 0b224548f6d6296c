// The OpenAPI 3.1 document, made from the same route list the server runs.
import * as z from 'zod';
import { ERROR_CODES } from '../domain/errors.js';
import type { RouteDef } from './route.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: Object.keys(ERROR_CODES),
        },
        message: { type: 'string' },
        details: {},
      },
    },
  },
};

/**
 * How a caller proves who they are on a server with accounts (without accounts, on loopback, every
 * request is the local owner's and neither is needed).
 */
const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'coffeechat.session_token',
    description:
      'The session cookie set by POST /api/v1/auth/login (named __Secure-coffeechat.session_token behind https). Writes carrying cookies must repeat the coffeechat_csrf cookie in the X-Coffeechat-CSRF header.',
  },
  token: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token made on the Account page (POST /api/v1/account/tokens), sent as `Authorization: Bearer cc_…`. A token with the `read` scope may call GET routes only; `write` may call the others. No token reaches admin routes or the session-only ones.',
  },
};

/** Per operation: none for public routes, the session only where a token is refused, else either (with the scope a token needs). */
function securityOf(r: RouteDef): Record<string, string[]>[] {
  if (r.auth === 'public') return [];
  if (r.sessionOnly || r.roles?.includes('admin')) return [{ session: [] }];
  return [{ session: [] }, { token: [r.method === 'get' ? 'read' : 'write'] }];
}

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(routes: RouteDef[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const path = '/api/v1' + r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = r.query
      ? Object.entries(r.query.shape).map(([name, s]) => ({ name, in: 'query', required: false, schema: jsonSchema(s as z.ZodType) }))
      : [];
    const status = String(r.status ?? 200);
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: securityOf(r),
      parameters: [...params, ...query],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
      responses: {
        [status]: status === '204' ? { description: 'Done' } : { description: 'OK', content: { 'application/json': { schema: {} } } },
        default: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'coffeechat API', version, description: 'The local coffeechat API. Errors are { error: { code, message, details? } }.' },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: { Error: errorSchema }, securitySchemes: SECURITY_SCHEMES },
  };
}
