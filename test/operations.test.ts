// Operations (issue 7, part 8): readiness follows the database and its schema; request logs say
// what was asked and how it went, never who or what about.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { rotateFeed } from '../src/app/calendar-feed.js';
import { createServerApp } from '../src/server/app.js';
import { buildContact } from './factories.js';
import { eachDialect } from './harness.js';

eachDialect('operations', (t) => {
  const get = async (path: string, opts: { requestLog?: (l: string) => void; headers?: Record<string, string> } = {}) => {
    const app = createServerApp({ deps: t(), userId: t().userId, ...(opts.requestLog ? { requestLog: opts.requestLog } : {}) });
    const res = await app.request(`http://127.0.0.1:5454${path}`, { headers: opts.headers ?? {} });
    const text = await res.text();
    return { status: res.status, text, type: res.headers.get('content-type') ?? '' };
  };

  it('is ready when the database answers with this build’s schema, and says why not otherwise', async () => {
    const ok = await get('/api/v1/ready');
    expect([ok.status, JSON.parse(ok.text)]).toEqual([200, { ready: true }]);

    // A newer instance migrated the shared database: this one stops taking traffic.
    await sql`insert into coffeechat_migrations (name, applied_at) values ('2099-01-01-99-future', '2099-01-01T00:00:00.000Z')`.execute(
      t().db.db,
    );
    const newer = await get('/api/v1/ready');
    expect(newer.status).toBe(503);
    expect(JSON.parse(newer.text)).toEqual({ ready: false, reason: expect.stringContaining('2099-01-01-99-future') });
    await sql`delete from coffeechat_migrations where name = '2099-01-01-99-future'`.execute(t().db.db);

    // A migration not yet applied (another instance is still migrating).
    const last = (await sql<{ name: string }>`select name from coffeechat_migrations order by name desc`.execute(t().db.db)).rows[0]!.name;
    await sql`delete from coffeechat_migrations where name = ${last}`.execute(t().db.db);
    const pending = await get('/api/v1/ready');
    expect([pending.status, JSON.parse(pending.text).reason]).toEqual([503, '1 migration(s) not applied yet']);

    // Liveness does not depend on the database.
    expect((await get('/api/v1/health')).status).toBe(200);
  });

  it('is not ready when the database is gone, without telling the caller the database’s error', async () => {
    const app = createServerApp({ deps: t(), userId: t().userId });
    await t().db.close();
    const res = await app.request('http://127.0.0.1:5454/api/v1/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, reason: 'the database is not answering' });
  });

  it('logs one JSON line per request: method, route pattern, status, ms — no ids, queries, bodies, cookies or tokens', async () => {
    const lines: string[] = [];
    const requestLog = (l: string) => lines.push(l);
    const c = await buildContact(t(), { name: 'Hana Berg', emails: ['hana@example.org'] });
    const feed = await rotateFeed(t(), 'http://127.0.0.1:5454');
    const token = new URL(feed.url!).pathname.split('/').pop()!.replace('.ics', '');

    expect((await get(`/api/v1/contacts/${c.id}`, { requestLog, headers: { cookie: 'coffeechat_session=s3cret' } })).status).toBe(200);
    expect((await get('/api/v1/contacts?q=hana%20berg', { requestLog })).status).toBe(200);
    expect((await get(`/calendar/${token}.ics`, { requestLog })).status).toBe(200);
    expect((await get('/api/v1/contacts/nobody', { requestLog })).status).toBe(404);
    expect((await get('/api/v1/no/such/thing', { requestLog })).status).toBe(404);

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map((e) => [e.method, e.route, e.status, e.level])).toEqual([
      ['GET', '/api/v1/contacts/:id', 200, 'info'],
      ['GET', '/api/v1/contacts', 200, 'info'],
      ['GET', '/calendar/:file', 200, 'info'],
      ['GET', '/api/v1/contacts/:id', 404, 'warn'],
      ['GET', '(no such route)', 404, 'warn'],
    ]);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status', 'time']);
      expect(typeof e.ms).toBe('number');
    }
    const all = lines.join('\n').toLowerCase();
    for (const secret of [c.id, 'hana', 's3cret', token.toLowerCase(), 'nobody']) expect(all).not.toContain(secret);
  });
});
