// The CLI as a client of a coffeechat server: each call goes to the operation's route under
// /api/v1 with the API token, and the server's answer (or its error) comes back as if the
// operation had run here. Loaded only with --server, so local commands never pay for it.
import { AppError, ERROR_CODES, type ErrorCode } from '../domain/errors.js';
import type { CallRequest, Chunks, Client, HttpMethod } from './runtime.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Errors from the TLS layer: the server did not prove who it is. */
const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

export function remoteClient(server: string, token?: string): Client {
  const base = serverUrl(server, token);
  // Said in messages: the address without any user:password and never the token.
  const where = base.origin + base.pathname.replace(/\/api\/v1$/, '');

  async function send(method: HttpMethod, path: string, req: CallRequest, upload = false): Promise<Response> {
    const url = new URL(base.href + fillPath(path, req.params ?? {}));
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: RequestInit['body'];
    if (upload) {
      headers['Content-Type'] = 'application/octet-stream';
      body = req.body as RequestInit['body'];
    } else if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    let res: Response;
    try {
      // `duplex` is what Node's fetch needs to stream a request body (an upload).
      res = await fetch(url, { method: method.toUpperCase(), headers, body, redirect: 'manual', ...(upload ? { duplex: 'half' } : {}) });
    } catch (e) {
      throw connectionError(where, e);
    }
    if (!res.ok) throw await answerError(where, res);
    return res;
  }

  return {
    remote: true,
    async call<T>(method: HttpMethod, path: string, req: CallRequest): Promise<T> {
      const upload = req.body !== undefined && isStream(req.body);
      const res = await send(method, path, req, upload);
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new AppError('internal', `The server at ${where} answered ${method.toUpperCase()} ${path} with something that is not JSON.`);
      }
    },
    async download(path: string, req: CallRequest): Promise<Chunks> {
      const res = await send('get', path, req);
      return chunks(res);
    },
  };
}

/** The API's root: `--server` may be the app's address (with or without a path prefix) or already end in /api/v1. */
function serverUrl(server: string, token: string | undefined): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new AppError('invalid_input', `--server must be an address like https://coffeechat.example.org (got "${server}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('invalid_input', `--server must start with https:// or http:// (got "${url.protocol}").`);
  // A token is a password: it must not cross the network in clear (loopback never leaves the machine).
  if (token && url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
    throw new AppError('invalid_input', `Use https:// for ${url.host}: over http:// the token would cross the network in clear.`);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '') + '/api/v1';
  return url;
}

/** `/contacts/:id` with `{ id }` → `/contacts/0190…` (each value escaped). */
function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`remote call to ${path} is missing the parameter ${name}`);
    return encodeURIComponent(value);
  });
}

function isStream(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (Symbol.asyncIterator in v || v instanceof ReadableStream);
}

async function* chunks(res: Response): Chunks {
  if (!res.body) return;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) yield chunk;
}

/** fetch failed before any answer: say why in words (refused, no such host, TLS), never a stack. */
function connectionError(where: string, e: unknown): AppError {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const detail = cause?.message ?? (e as Error).message;
  if (code === 'ECONNREFUSED') return new AppError('internal', `Cannot reach the server at ${where}: connection refused (is it running?).`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new AppError('internal', `Cannot reach the server at ${where}: no such host.`);
  if (TLS_CODES.test(code) || /certificate|tls|ssl/i.test(detail))
    return new AppError('internal', `The server at ${where} failed the TLS check, so nothing was sent: ${detail}`);
  return new AppError('internal', `Cannot reach the server at ${where}: ${detail}`);
}

/** A non-2xx answer: the server's own AppError when it sent one, else a plain account of the status. */
async function answerError(where: string, res: Response): Promise<AppError> {
  let error: { code?: string; message?: string; details?: unknown } | undefined;
  try {
    error = ((await res.json()) as { error?: typeof error }).error;
  } catch {
    /* not our JSON: a proxy's page, say */
  }
  if (res.status >= 300 && res.status < 400)
    return new AppError(
      'internal',
      `The server at ${where} redirected to ${res.headers.get('location') ?? 'elsewhere'}; give that address as --server.`,
    );
  const code = error?.code && Object.hasOwn(ERROR_CODES, error.code) ? (error.code as ErrorCode) : undefined;
  if (res.status === 401)
    return new AppError(
      'unauthenticated',
      `The server at ${where} did not accept the request: ${error?.message ?? 'not signed in.'} Give an API token with --token or COFFEECHAT_TOKEN (make one on the Account page).`,
      error?.details,
    );
  if (code && error?.message) return new AppError(code, error.message, error.details);
  return new AppError('internal', `The server at ${where} answered HTTP ${res.status} ${res.statusText}.`);
}
