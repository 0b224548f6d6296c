// Isolation between users (issue 7, part 5). One database holds several users; user A has a bit of
// everything. Every route of the OpenAPI document (not a hand list: a new route is picked up by
// itself) is called by other users with A's ids put into each id slot in turn — path parameters,
// id fields of the JSON body, id filters of the query — while the other slots hold the caller's own
// ids. Each call must answer 404 or 403 (a route the caller's role may not use: 403), no answer may
// carry A's ids or A's words, and A's rows must be exactly as they were after every route.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { UserRole } from '../src/domain/types.js';
import { createServerApp, type Principal } from '../src/server/app.js';
import { createAccounts, newSetupToken } from '../src/server/auth/service.js';
import { openApiDocument } from '../src/server/openapi.js';
import type { RouteDef } from '../src/server/route.js';
import { ROUTES } from '../src/server/routes.js';
import { eachDialect, type TestCtx } from './harness.js';
import { A_MARK, foreignVariants, mapRoute, type Ids, type Kind, type RouteCase, type Variant } from './isolation/routes.js';
import { seedUser } from './isolation/seed.js';

/**
 * Routes added this session by other helpers whose ids this test cannot map yet. The lead resolves
 * each one at integration (add its kind to test/isolation/routes.ts) and empties this list.
 */
const PENDING = new Set<string>([]);

interface Answer {
  status: number;
  text: string;
  code: string | null;
}

eachDialect('isolation between users', (t) => {
  it('no route lets another user read, change or learn about A’s data', async () => {
    const ctx = t();
    const { users, call, signIn } = await signedInUsers(ctx);

    const ids: Record<string, Ids> = {};
    ids.a = await seedUser(call(users.a), { mark: A_MARK, shareWith: users.advisorOfA.email, clock: ctx.clock });
    // The adviser A shared with leaves a comment, so A's campaign has one.
    const comment = await call(users.advisorOfA)('POST', `/adviser/campaigns/${ids.a.campaign![0]}/comments`, {
      text: `${A_MARK} keep going`,
    });
    expect(comment.status).toBe(201);
    ids.a.comment = [JSON.parse(comment.text).id];
    for (const who of ['b', 'c', 'd'] as const) {
      ids[who] = await seedUser(call(users[who]), { mark: `qzx${who}${who}`, shareWith: users.advisorOfA.email, clock: ctx.clock });
    }
    ids.a.user = [users.a.userId];

    const before = await dumpOf(ctx, users.a.userId);
    const others = new Set(
      Object.values(users)
        .filter((u) => u !== users.a)
        .map((u) => u.userId),
    );
    const secrets = secretsOf(before).filter((s) => !others.has(s));
    expect(secrets.length).toBeGreaterThan(30); // the data set is rich enough to be worth guarding

    const doc = openApiDocument(ROUTES, 'test') as OpenApi;
    const cases = routeCases(doc);
    expect(cases.length).toBe(ROUTES.length);

    const problems: string[] = [];
    const unmapped = new Set<string>();
    let calls = 0;
    for (const [who, principal] of [
      ['b', users.b],
      ['c', users.c],
      ['d', users.d],
    ] as const) {
      const as = call(principal);
      for (const rc of cases) {
        const key = `${rc.method.toUpperCase()} ${rc.path}`;
        const excluded = !!rc.def.roles && rc.def.auth !== 'public' && !rc.def.roles.includes(principal.role);
        // An admin managing accounts acts on other users by design; those routes have their own tests.
        if (rc.def.roles?.includes('admin') && principal.role === 'admin' && rc.method !== 'get') continue;
        const mapped = mapRoute(rc, ids.a, ids[who]!);
        if ('unmapped' in mapped && !excluded) {
          if (!PENDING.has(key)) unmapped.add(`${key}: ${mapped.unmapped}`);
          continue;
        }
        const variants: Variant[] =
          'unmapped' in mapped ? [{ slot: null, path: rc.path, query: {}, body: undefined }] : foreignVariants(mapped);
        for (const v of variants) {
          const answer = await as(rc.method.toUpperCase(), v.path + queryText(v.query), v.body, rc.def.upload);
          calls++;
          if (process.env.ISOLATION_TRACE)
            console.log(
              `${principal.role} ${answer.status} ${rc.method.toUpperCase()} ${v.path}${queryText(v.query)} ${v.slot ? v.slot.in + ':' + v.slot.field : '-'}`,
            );
          const where = `${principal.role} ${rc.method.toUpperCase()} ${v.path}${queryText(v.query)}${v.body === undefined ? '' : ' ' + JSON.stringify(v.body)}`;
          const wrong = judge(rc.def, excluded, v, answer);
          if (wrong) problems.push(`${where} → ${answer.status} ${answer.text.slice(0, 200)}: ${wrong}`);
          // An admin sees accounts (ids, e-mails) but never their content: only A's words count there.
          const accountsView = !!rc.def.roles?.includes('admin') && principal.role === 'admin';
          const leak = leakIn(answer.text, accountsView ? [] : secrets, JSON.stringify([v.path, v.query, v.body]));
          if (leak) problems.push(`${where} → ${answer.status}: the answer carries A's ${leak}`);
        }
        // The accounts routes may end the caller's session (logout): sign in again.
        if (rc.path.startsWith('/auth/') || rc.path === '/account') await signIn(principal);
        // Reads are checked together at the end of each caller's pass (a changing GET is named there).
        if (rc.method !== 'get') {
          const changed = diff(before, await dumpOf(ctx, users.a.userId));
          if (changed) return expect.fail([...problems, `${principal.role} ${key} changed A's data: ${changed}`].join('\n'));
        }
      }
      const changed = diff(before, await dumpOf(ctx, users.a.userId));
      if (changed) return expect.fail([...problems, `a GET route called by ${principal.role} changed A's data: ${changed}`].join('\n'));
    }
    expect([...unmapped], 'routes whose ids this test cannot fill: map their kinds in test/isolation/routes.ts').toEqual([]);
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(cases.length);

    // A positive control: the same ids, asked for by A, are found, so the 404s above are not a
    // mistake of the test's own (an id of the wrong kind would be refused for A too).
    for (const rc of cases.filter((r) => r.method === 'get' && !r.def.roles && !r.def.download && r.path.includes(':'))) {
      const mapped = mapRoute(rc, ids.a, ids.a);
      if ('unmapped' in mapped) continue;
      const own = mapped.path.replace(/:(\w+)/g, (_, name: string) => mapped.params[name]!.own);
      const answer = await call(users.a)('GET', own + queryText(mapped.defaultQuery), undefined, false);
      expect.soft(answer.status, `A's own GET ${own}`).toBe(200);
    }
  }, 900_000);

  it('the calendar feed of one user never shows another’s meetings', async () => {
    const ctx = t();
    const { users, call } = await signedInUsers(ctx);
    await seedUser(call(users.a), { mark: A_MARK, shareWith: users.advisorOfA.email, clock: ctx.clock });
    await seedUser(call(users.b), { mark: 'qzxbb', shareWith: users.advisorOfA.email, clock: ctx.clock });
    const feed = JSON.parse((await call(users.b)('POST', '/calendar/feed/rotate', undefined, false)).text) as { url: string };
    const app = createServerApp({ deps: ctx, userId: users.b.userId });
    const res = await app.request(`http://127.0.0.1:5454${new URL(feed.url).pathname}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('qzxbb');
    expect(text.toLowerCase()).not.toContain(A_MARK);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------

interface User extends Principal {
  email: string;
}

const ORIGIN = 'http://127.0.0.1:5454';
const PASSWORD = 'isolation is not optional';

/**
 * Real accounts, as a server with `--accounts` runs them: the first admin (D) through the setup
 * token, everyone else invited by D and registered, each with their own session cookie (and the
 * CSRF token a browser sends back). Calls go through the in-process app like a browser's.
 */
async function signedInUsers(ctx: TestCtx) {
  const deps = { store: ctx.store, clock: ctx.clock, ids: ctx.ids };
  const auth = await createAccounts({ db: ctx.db.db, deps, baseUrl: ORIGIN });
  const app = createServerApp({ deps, userId: ctx.userId, auth });
  const jars = new Map<string, Map<string, string>>();

  const request = async (jar: Map<string, string>, method: string, path: string, body?: unknown, upload?: boolean): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = upload ? 'text/csv' : 'application/json';
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = jar.get('coffeechat_csrf');
    if (csrf) headers['x-coffeechat-csrf'] = csrf;
    const res = await app.request(
      `${ORIGIN}/api/v1${path}`,
      { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: '192.0.2.10' } } },
    );
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (!value || /max-age=0/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
    let code: string | null = null;
    if (res.status >= 400) {
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = null;
      }
    }
    return { status: res.status, text, code };
  };
  const must = async (jar: Map<string, string>, method: string, path: string, body: unknown) => {
    const r = await request(jar, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status} ${r.text}`);
    return JSON.parse(r.text) as { user: { id: string; role: UserRole }; url: string };
  };

  const adminJar = new Map<string, string>();
  await request(adminJar, 'GET', '/session'); // the CSRF cookie, as a browser's first page load gets it
  const token = await newSetupToken(ctx.store);
  const admin = await must(adminJar, 'POST', '/auth/setup', {
    token,
    email: 'admin-d@example.org',
    name: 'Dana Admin',
    password: PASSWORD,
  });
  const d: User = { userId: admin.user.id, role: 'admin', email: 'admin-d@example.org' };
  jars.set(d.userId, adminJar);
  const invite = async (email: string, role: UserRole): Promise<User> => {
    const inv = await must(adminJar, 'POST', '/admin/invitations', { email, role });
    const jar = new Map<string, string>();
    await request(jar, 'GET', '/session');
    const invitation = new URL(inv.url).searchParams.get('invitation');
    const r = await must(jar, 'POST', '/auth/register', { invitation, email, name: email.split('@')[0], password: PASSWORD });
    expect(r.user.role).toBe(role);
    jars.set(r.user.id, jar);
    return { userId: r.user.id, role, email };
  };
  const users = {
    a: await invite('member-a@example.org', 'member'),
    b: await invite('member-b@example.org', 'member'),
    c: await invite('adviser-c@example.org', 'adviser'), // an adviser nobody shared with
    d,
    advisorOfA: await invite('adviser-e@example.org', 'adviser'),
  };
  for (const u of Object.values(users)) await ctx.store.users.setSetting(u.userId, 'timezone', 'Europe/London');

  const call = (who: User) => (method: string, path: string, body?: unknown, upload?: boolean) =>
    request(jars.get(who.userId)!, method, path, body, upload);
  const signIn = async (who: User) => {
    const jar = jars.get(who.userId)!;
    if ((await request(jar, 'GET', '/session')).text.includes(who.userId)) return;
    await must(jar, 'POST', '/auth/login', { email: who.email, password: PASSWORD });
  };
  return { users, call, signIn };
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string; schema: JsonSchema }[];
        requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
      }
    >
  >;
}
export type JsonSchema = Record<string, unknown>;

/** The OpenAPI document's operations, each with the route definition it was made from. */
function routeCases(doc: OpenApi): RouteCase[] {
  const cases: RouteCase[] = [];
  for (const [docPath, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const path = docPath.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1');
      const def = ROUTES.find((r) => r.method === method && r.path === path);
      if (!def) throw new Error(`The OpenAPI document lists ${method} ${path}, which no route serves.`);
      cases.push({
        method: method as RouteDef['method'],
        path,
        def,
        query: op.parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json'].schema,
      });
    }
  }
  return cases;
}

function queryText(q: Record<string, string>): string {
  const s = new URLSearchParams(q).toString();
  return s ? `?${s}` : '';
}

/** What is wrong with an answer, or null. */
function judge(def: RouteDef, excluded: boolean, v: Variant, a: Answer): string | null {
  if (a.status >= 500) return 'a server error';
  if (a.status === 401 && def.auth !== 'public') return 'the caller was not signed in (the test lost its session)';
  if (a.text.includes('x-coffeechat-csrf') || a.text.includes('X-Coffeechat-CSRF')) return 'refused for CSRF (the test sent no token)';
  if (excluded) return a.status === 403 ? null : 'expected 403: the role may not call this route';
  if (v.slot === null) return null; // nothing of A's was asked for: only leaks and changes count
  if (a.status === 404 || a.status === 403) return null;
  // A filter on a list may instead answer an empty list (checked for leaks like every answer).
  if (v.slot.in === 'query' && def.method === 'get' && a.status === 200) return null;
  // An id in the body may be refused as bad input, provided the refusal names that field.
  if (v.slot.in === 'body' && a.status === 400 && a.code === 'invalid_input' && a.text.includes(v.slot.field)) return null;
  return `expected 404 or 403 with A's ${v.slot.kind} in ${v.slot.in} ${v.slot.field}`;
}

// ---------------------------------------------------------------------------------------------------
// A's rows, table by table.

type Dump = Record<string, string[]>;

/** Every row that belongs to the user, per table, as sorted JSON: owned rows, and rows hanging off their campaigns. */
async function dumpOf(ctx: TestCtx, userId: string): Promise<Dump> {
  const db = ctx.db.db;
  // On PostgreSQL the introspection lists every schema of the cluster, where other suites create
  // and drop their own copies of our tables meanwhile: keep only this test's schema.
  const schema = ctx.db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s : null;
  const tables = (await db.introspection.getTables()).filter((t) => schema === null || t.schema === schema);
  const dump: Dump = {};
  const campaignIds = (await db.selectFrom('campaigns').select('id').where('user_id', '=', userId).execute()).map((r) => r.id);
  for (const table of tables) {
    const cols = new Set(table.columns.map((c) => c.name));
    let where: ReturnType<typeof sql> | null = null;
    if (table.name === 'users') where = sql`id = ${userId}`;
    else if (cols.has('user_id')) where = sql`user_id = ${userId}`;
    else if (cols.has('owner_id')) where = sql`owner_id = ${userId}`;
    else if (cols.has('campaign_id') && campaignIds.length) where = sql`campaign_id in (${sql.join(campaignIds)})`;
    if (!where) continue;
    // Search index columns (tsvector) are derived; the rows' own columns are compared.
    const columns = table.columns.filter((c) => c.dataType !== 'tsvector').map((c) => sql.ref(c.name));
    const rows = await sql<Record<string, unknown>>`select ${sql.join(columns)} from ${sql.table(table.name)} where ${where}`.execute(db);
    dump[table.name] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return dump;
}

function diff(before: Dump, after: Dump): string | null {
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[table] ?? [];
    const a = after[table] ?? [];
    const gone = b.filter((r) => !a.includes(r));
    const added = a.filter((r) => !b.includes(r));
    if (gone.length || added.length) return `${table}: -${JSON.stringify(gone.slice(0, 2))} +${JSON.stringify(added.slice(0, 2))}`;
  }
  return null;
}

/** What must never show in another user's answer: A's ids and tokens (A's words carry A_MARK). */
function secretsOf(dump: Dump): string[] {
  const found = new Set<string>();
  for (const rows of Object.values(dump)) {
    for (const row of rows) {
      for (const [col, value] of Object.entries(JSON.parse(row) as Record<string, unknown>)) {
        if (typeof value !== 'string') continue;
        if ((col === 'id' || col.endsWith('_id') || col.includes('token')) && /^[0-9a-f-]{32,}$|^[\w-]{40,}$/i.test(value))
          found.add(value);
      }
    }
  }
  return [...found];
}

function leakIn(text: string, secrets: string[], request: string): string | null {
  const lower = text.toLowerCase();
  if (lower.includes(A_MARK) && !request.toLowerCase().includes(A_MARK)) return `words ("${A_MARK}")`;
  const id = secrets.find((s) => text.includes(s) && !request.includes(s));
  return id ? `id or token ${id}` : null;
}

export type { Kind };
