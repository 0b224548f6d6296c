// API figures: `coffeechat serve` on the large database, each endpoint timed over one kept-alive
// connection and interleaved with `GET /api/v1/health` on the same server, the baseline: what a
// bare JSON route costs there, so the figure shows what the endpoint adds.
import { request, Agent } from 'node:http';
import { freePort, start } from './procs.js';
import { figure, type Figure, type Goal } from './report.js';
import { overRounds } from './stats.js';

const ms = (x: number) => `${x.toFixed(2)} ms`;

export interface Endpoint {
  /** Under /api/v1, e.g. `/today`. */
  path: string;
  name: string;
  goal: Goal;
  /** Rounds × requests per round, after `warmup` requests (full run; a quick run does a fifth). */
  rounds: number;
  perRound: number;
  warmup: number;
}

function get(url: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Each endpoint's p99 beside the health route's, from one server. */
export async function apiFigures(
  bin: string,
  db: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  quick: boolean,
  log: (s: string) => void,
  endpoints: readonly Endpoint[],
): Promise<Figure[]> {
  const port = await freePort();
  const server = start(process.execPath, [bin, 'serve', '--port', String(port), '--db', db], env, cwd);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const timed = async (path: string) => {
    const t = performance.now();
    await get(base + path, agent);
    return performance.now() - t;
  };
  try {
    for (let i = 0; ; i++) {
      const ok = await get(`${base}/health`, agent).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (i > 400) throw new Error(`coffeechat serve was not ready: ${server.stderr()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const figures: Figure[] = [];
    for (const e of endpoints) {
      const first = await get(base + e.path, agent);
      if (first.status !== 200) throw new Error(`GET /api/v1${e.path} answered ${first.status}: ${first.body.slice(0, 300)}`);
      const [warmup, rounds, perRound] = quick
        ? [Math.ceil(e.warmup / 5), Math.min(3, e.rounds), Math.ceil(e.perRound / 5)]
        : [e.warmup, e.rounds, e.perRound];
      for (let i = 0; i < warmup; i++) await timed(e.path);
      const subject: number[][] = [];
      const baseline: number[][] = [];
      for (let r = 0; r < rounds; r++) {
        const s: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < perRound; i++) {
          s.push(await timed(e.path));
          b.push(await timed('/health'));
        }
        subject.push(s);
        baseline.push(b);
      }
      const sub = overRounds(subject);
      const bas = overRounds(baseline);
      log(`  GET /api/v1${e.path} p50 ${ms(sub.p50)} p99 ${ms(sub.p99)} · GET /api/v1/health p99 ${ms(bas.p99)} (${sub.samples} requests)`);
      figures.push(
        figure({
          name: e.name,
          value: sub.p99,
          unit: 'ms',
          better: 'lower',
          baseline: { name: 'GET /api/v1/health on the same server p99', value: bas.p99 },
          goal: e.goal,
        }),
      );
    }
    return figures;
  } finally {
    agent.destroy();
    server.child.kill('SIGTERM');
    await server.exited.catch(() => undefined);
  }
}

export const TODAY_ENDPOINT: Endpoint = { path: '/today', name: 'today.http.p99', goal: { max: 10 }, rounds: 7, perRound: 100, warmup: 50 };
