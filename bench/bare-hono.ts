// The load scenario's baseline: one JSON route on Hono and its Node adapter, the same stack as
// `coffeechat serve` with nothing of ours behind it (no middleware, no session, no database).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/json', (c) => c.json({ ok: true, at: new Date().toISOString() }));

const server = serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 0), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on ${info.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
