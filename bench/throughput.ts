// `GET /api/v1/today` throughput beside a bare Hono JSON route (bench/bare-hono.ts: the same HTTP
// stack with nothing of ours behind it), both driven by autocannon in the same run, alternating so
// that whatever else the machine does falls on both; then the server's RSS with the large data set
// loaded and Today served (issue 8: "RSS of the server with the data set loaded").
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, start, type Spawned } from './procs.js';
import { figure, type Figure } from './report.js';
import { rssMiB } from './server-memory.js';
import { median } from './stats.js';

async function ready(url: string, p: Spawned): Promise<void> {
  for (let i = 0; ; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (i > 800) throw new Error(`${url} never answered: ${p.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Requests per second over `seconds` with 10 connections, and how many answers were not 200. */
async function rate(url: string, seconds: number): Promise<{ rps: number; bad: number }> {
  const r = await autocannon({ url, connections: 10, duration: seconds });
  return { rps: r.requests.average, bad: r.non2xx + r.errors + r.timeouts };
}

async function stop(p: Spawned): Promise<void> {
  p.child.kill('SIGTERM');
  await p.exited.catch(() => undefined);
}

export async function throughputFigures(
  bin: string,
  db: string,
  env: NodeJS.ProcessEnv,
  root: string,
  quick: boolean,
  log: (s: string) => void,
): Promise<Figure[]> {
  const [appPort, barePort] = [await freePort(), await freePort()];
  const server = start(process.execPath, [bin, 'serve', '--port', String(appPort), '--db', db], env, root);
  const bare = start(process.execPath, ['--import', 'tsx', join(root, 'bench', 'bare-hono.ts'), String(barePort)], env, root);
  try {
    const today = `http://127.0.0.1:${appPort}/api/v1/today`;
    const json = `http://127.0.0.1:${barePort}/json`;
    await Promise.all([ready(today, server), ready(json, bare)]);
    const [rounds, seconds] = quick ? [1, 2] : [3, 8];
    log(`Measuring GET /api/v1/today throughput beside a bare Hono route (${rounds} × ${seconds} s each, 10 connections)…`);
    await rate(today, 2); // warm-up: JIT, the page cache, the prepared statements
    await rate(json, 2);
    const app: number[] = [];
    const base: number[] = [];
    let bad = 0;
    for (let i = 0; i < rounds; i++) {
      const a = await rate(today, seconds);
      const b = await rate(json, seconds);
      app.push(a.rps);
      base.push(b.rps);
      bad += a.bad + b.bad;
    }
    if (bad) throw new Error(`${bad} requests failed during the throughput runs.`);
    const rss = rssMiB(server.child.pid!);
    log(`  today ${median(app).toFixed(0)} req/s · bare Hono ${median(base).toFixed(0)} req/s · server RSS ${rss.toFixed(0)} MiB`);
    return [
      figure({
        name: 'today.http.throughput',
        value: median(app),
        unit: 'req/s',
        better: 'higher',
        baseline: { name: 'bare Hono JSON route, same machine, same run', value: median(base) },
        goal: { ratioMin: 0.3 },
      }),
      figure({ name: 'serve.rss.loaded', value: rss, unit: 'MiB', better: 'lower', baseline: null, goal: { max: 200 } }),
    ];
  } finally {
    await Promise.all([stop(server), stop(bare)]);
  }
}
