// A route is declared once, as data: method, path, the schemas of what it takes, and the one
// operation it calls. The Hono handlers and the OpenAPI document are both made from this list.
import type { z } from 'zod';
import type { Ctx } from '../app/context.js';
import type { UserRole } from '../domain/types.js';
import type { AccountsApi } from './auth/api.js';

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** Where the client reaches this server (the public base URL when set), for addresses the API hands out. */
  origin?: string;
  /** The HTTP request itself, for the accounts routes (session cookie). */
  raw?: Request;
  /** The client's network address, for throttling failed logins. */
  address?: string;
  /** The accounts service when the server runs with accounts; absent in local single-user mode. */
  accounts?: AccountsApi;
  /** Headers added to the answer: the accounts routes set and clear the session cookie here. */
  reply?: Headers;
}

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style path below /api/v1, e.g. `/contacts/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** For the OpenAPI document; the operation validates its own input. */
  body?: z.ZodType;
  query?: z.ZodObject;
  status?: 200 | 201 | 204;
  /** Takes a file as the raw request body (streamed to the operation), not JSON. */
  upload?: boolean;
  /** Answers with a file: the operation yields text (or byte) chunks, sent as this type and file name. */
  download?: (req: RouteRequest) => { type: string; filename: string };
  /** `'public'`: callable without signing in (login, setup, session, health). */
  auth?: 'public';
  /**
   * Who may call it. Absent: any signed-in user, acting on their own data. A caller whose role is
   * not listed gets `forbidden`; the local owner (no accounts) counts as `'owner'`.
   */
  roles?: UserRole[];
  /** Only for a signed-in session, never for an API token (managing tokens, deleting the account). */
  sessionOnly?: true;
  /** Open to a user the admin requires to set up a second factor who has none yet (the rest answer 403). */
  beforeSecondFactor?: true;
  run(ctx: Ctx, req: RouteRequest): Promise<unknown>;
}

export const route = (def: RouteDef): RouteDef => def;

/** Lists are wrapped as `{ items }` so that fields can be added later without breaking clients. */
export const items = async <T>(p: Promise<T[]>): Promise<{ items: T[] }> => ({ items: await p });
