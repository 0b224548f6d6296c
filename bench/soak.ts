// `npm run soak` (issue 8, item 5): `coffeechat serve` on a copy of the small bench database under
// a steady, moderate mixed load for SOAK_MINUTES (default 10), after an uncounted warm-up
// (SOAK_WARMUP_SECONDS, default 30). Every request is checked; the server's RSS and open file
// descriptors are sampled from /proc every few seconds. Passes with no error, RSS growth under 10%
// from the first minute to the last, and no more descriptors at the end than in the first minute.
// A leak shows as a slope over minutes, which the bench's short runs miss.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { NOW } from './fake.js';
import { mulberry32, type Rng } from './prng.js';
import { freePort, start } from './procs.js';
import { figure, printTable, writeResults, type Figure } from './report.js';
import { ensureDatabase, SMALL } from './seed.js';
import { memoryProbe } from './server-memory.js';
import { median, quantile } from './stats.js';
import { FAMILY_NAMES, GIVEN_NAMES, NOTE_WORDS } from './words.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'bench', '.data');
const SMALL_DB = join(DATA, 'small.db');
const SOAK_DB = join(DATA, 'soak.db');
// SOAK_BIN: another build of the CLI (e.g. a copy made before others rebuild dist/ mid-run).
const BIN = process.env.SOAK_BIN ?? join(ROOT, 'bin', 'coffeechat.js');
const RESULTS = join(ROOT, 'bench', 'results', 'soak.json');

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
// Moderate: a few people using the app at once, well below what the server holds (bench -- load).
const RATE = Number(process.env.SOAK_RATE ?? 40);
const CONNECTIONS = 8;
const SAMPLE_MS = 5000;
/** Seconds of load before minute 1, not counted (SOAK_WARMUP_SECONDS). */
const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? 30);

const log = (s = '') => process.stdout.write(s + '\n');

type Kind = 'today' | 'contacts' | 'search' | 'contact' | 'touch' | 'note';
// Mostly reads, as people use it; writes make the database and its caches grow as they would.
const MIX: [Kind, number][] = [
  ['today', 30],
  ['contacts', 20],
  ['search', 20],
  ['contact', 15],
  ['touch', 8],
  ['note', 7],
];
const TOTAL_WEIGHT = MIX.reduce((s, [, w]) => s + w, 0);

interface Req {
  kind: Kind;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

function pickKind(rng: Rng): Kind {
  let x = rng.next() * TOTAL_WEIGHT;
  for (const [k, w] of MIX) if ((x -= w) < 0) return k;
  return 'today';
}

function requestFor(kind: Kind, contactIds: string[], rng: Rng): Req {
  const contactId = rng.pick(contactIds);
  switch (kind) {
    case 'today':
      return { kind, method: 'GET', path: '/today' };
    case 'contacts':
      return { kind, method: 'GET', path: `/contacts?limit=50&offset=${50 * rng.int(0, Math.floor((contactIds.length - 1) / 50))}` };
    case 'search': {
      const word = rng.pick(rng.next() < 0.5 ? GIVEN_NAMES : FAMILY_NAMES);
      return { kind, method: 'GET', path: `/search?q=${encodeURIComponent(word.slice(0, rng.int(3, Math.max(3, word.length))))}` };
    }
    case 'contact':
      return { kind, method: 'GET', path: `/contacts/${contactId}` };
    case 'touch':
      return {
        kind,
        method: 'POST',
        path: '/touches',
        body: JSON.stringify({ contactId, channel: 'email', purpose: 'follow-up', text: 'Checking in after our conversation.' }),
      };
    case 'note':
      return {
        kind,
        method: 'POST',
        path: '/notes',
        body: JSON.stringify({ contactId, text: Array.from({ length: 30 }, () => rng.pick(NOTE_WORDS)).join(' ') }),
      };
  }
}

function send(base: string, agent: Agent, r: Req): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      base + r.path,
      { method: r.method, agent, timeout: 10_000, headers: r.body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** The server's resident memory (MB) and open file descriptors, from /proc. */
function sample(pid: number): { rssMb: number; fds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return { rssMb: kb / 1024, fds: readdirSync(`/proc/${pid}/fd`).length };
}

interface Minute {
  requests: number;
  errors: number;
  latencies: number[];
  rss: number[];
  /** The server's heap in use at its low points (bench/server-memory.ts), MiB. */
  heap: number[];
  fds: number[];
}

/** A copy the soak may write to: the bench database stays as seeded (VACUUM INTO, never a file copy). */
function freshCopy(): string[] {
  rmSync(SOAK_DB, { force: true });
  for (const ext of ['-wal', '-shm']) rmSync(SOAK_DB + ext, { force: true });
  const db = new Database(SMALL_DB, { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(SOAK_DB);
    const owner = db.prepare("SELECT id FROM users WHERE role = 'owner' LIMIT 1").get() as { id: string } | undefined;
    const rows = db.prepare('SELECT id FROM contacts WHERE user_id = ?').all(owner?.id ?? '') as { id: string }[];
    return rows.map((r) => r.id);
  } finally {
    db.close();
  }
}

async function main() {
  if (!(MINUTES > 0)) throw new Error(`SOAK_MINUTES must be a positive number, not ${process.env.SOAK_MINUTES}.`);
  log(`Load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores at start.`);
  await ensureDatabase(SMALL_DB, SMALL, log);
  const contactIds = freshCopy();
  if (!contactIds.length) throw new Error(`${SMALL_DB} has no contacts of the local owner to soak with.`);

  const home = mkdtempSync(join(tmpdir(), 'coffeechat-soak-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('COFFEECHAT_') && k !== 'DATABASE_URL' && k !== 'NODE_OPTIONS') env[k] = v;
  Object.assign(env, { COFFEECHAT_NOW: NOW, HOME: home, XDG_DATA_HOME: join(home, 'share') });

  const port = await freePort();
  const probe = memoryProbe(ROOT);
  const server = start(
    process.execPath,
    [...probe.nodeArgs, BIN, 'serve', '--port', String(port), '--db', SOAK_DB],
    { ...env, ...probe.env },
    ROOT,
  );
  const base = `http://127.0.0.1:${port}/api/v1`;
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const rng = mulberry32(11);
  const minutes: Minute[] = Array.from({ length: Math.ceil(MINUTES) }, () => ({
    requests: 0,
    errors: 0,
    latencies: [],
    rss: [],
    heap: [],
    fds: [],
  }));
  const firstErrors: string[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    for (let i = 0; ; i++) {
      const up = await send(base, agent, { kind: 'today', method: 'GET', path: '/health' }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) break;
      if (i > 400) throw new Error(`coffeechat serve was not ready: ${server.stderr()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    // Every kind once before the clock starts: a wrong request fails here, clearly.
    for (const [kind] of MIX) {
      const r = requestFor(kind, contactIds, rng);
      const res = await send(base, agent, r);
      if (res.status >= 300) throw new Error(`${r.method} /api/v1${r.path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    }

    // Open-loop pacing: request n is due at start + n / RATE, whichever connection is free sends it.
    let next = 0;
    const worker = async (start: number, durationMs: number, bucket: (t: number) => Minute) => {
      for (;;) {
        const n = next++;
        const due = start + (n * 1000) / RATE;
        if (due - start >= durationMs) return;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const r = requestFor(pickKind(rng), contactIds, rng);
        const t = performance.now();
        const m = bucket(t);
        m.requests++;
        try {
          const res = await send(base, agent, r);
          m.latencies.push(performance.now() - t);
          if (res.status >= 300) {
            m.errors++;
            if (firstErrors.length < 5) firstErrors.push(`${r.method} ${r.path} → ${res.status} ${res.body.slice(0, 200)}`);
          }
        } catch (e) {
          m.errors++;
          if (firstErrors.length < 5) firstErrors.push(`${r.method} ${r.path} → ${(e as Error).message}`);
        }
      }
    };
    // Warm-up at the same rate, not counted: minute 1 then starts from a server whose JIT, caches
    // and heap have settled, so the growth from minute 1 to the last is what a leak would add.
    log(`Warming up for ${WARMUP_S} s at ${RATE} req/s…`);
    const warm: Minute = { requests: 0, errors: 0, latencies: [], rss: [], heap: [], fds: [] };
    const w0 = performance.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, () => worker(w0, WARMUP_S * 1000, () => warm)));
    if (warm.errors) throw new Error(`${warm.errors} errors while warming up: ${firstErrors.join('; ')}`);
    next = 0;

    const pid = server.child.pid!;
    probe.sample(pid, 0); // the heap's low points count from here, not from the server's start
    const t0 = performance.now();
    const durationMs = MINUTES * 60_000;
    const minuteOf = (t: number) => Math.min(minutes.length - 1, Math.floor((t - t0) / 60_000));
    const takeSample = () => {
      const s = sample(pid);
      const m = minutes[minuteOf(performance.now())]!;
      m.rss.push(s.rssMb);
      m.heap.push(probe.sample(pid, 0).heapFloor);
      m.fds.push(s.fds);
    };
    takeSample();
    sampler = setInterval(takeSample, SAMPLE_MS);
    log(`Soaking for ${MINUTES} min at ${RATE} req/s over ${CONNECTIONS} connections (server pid ${pid})…`);

    let lastReport = 0;
    const progress = setInterval(() => {
      const done = minuteOf(performance.now());
      if (done > lastReport) {
        const m = minutes[done - 1]!;
        log(
          `  minute ${done}: ${m.requests} requests, ${m.errors} errors, p99 ${quantile(m.latencies, 0.99).toFixed(1)} ms, RSS ${median(m.rss).toFixed(1)} MB, heap in use ≥ ${Math.min(...m.heap).toFixed(1)} MiB, ${Math.max(...m.fds)} fds`,
        );
        lastReport = done;
      }
    }, 1000);
    await Promise.all(Array.from({ length: CONNECTIONS }, () => worker(t0, durationMs, (t) => minutes[minuteOf(t)]!)));
    clearInterval(progress);
    clearInterval(sampler);
    takeSample();
  } finally {
    if (sampler) clearInterval(sampler);
    agent.destroy();
    server.child.kill('SIGTERM');
    await server.exited.catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
    probe.dispose();
  }

  const last = minutes[minutes.length - 1]!;
  const first = minutes[0]!;
  log(`  minute ${minutes.length}: ${last.requests} requests, ${last.errors} errors, p99 ${quantile(last.latencies, 0.99).toFixed(1)} ms`);
  if (firstErrors.length) log(`First errors:\n  ${firstErrors.join('\n  ')}`);
  const all = minutes.flatMap((m) => m.latencies);
  const errors = minutes.reduce((s, m) => s + m.errors, 0);
  const requests = minutes.reduce((s, m) => s + m.requests, 0);
  // Minute 1's median (after start-up allocations settle) against the last minute's.
  const rss1 = median(first.rss);
  const rssN = median(last.rss);
  const fds1 = Math.max(...first.fds);
  const fdsN = Math.max(...last.fds);
  log(`${requests} requests in ${MINUTES} min; RSS ${rss1.toFixed(1)} → ${rssN.toFixed(1)} MB; fds ${fds1} → ${fdsN}.`);
  // What stays alive, unlike RSS, does not depend on how far V8 and malloc have grown their pools.
  log(
    `Heap in use at its low points: ${Math.min(...first.heap).toFixed(1)} MiB in minute 1, ${Math.min(...last.heap).toFixed(1)} MiB in the last.`,
  );

  const figures: Figure[] = [
    figure({ name: 'soak.errors', value: errors, unit: 'requests', better: 'lower', baseline: null, goal: { max: 0 } }),
    figure({
      name: 'soak.rss.last-minute',
      value: rssN,
      unit: 'MB',
      better: 'lower',
      baseline: { name: 'RSS in minute 1 (median)', value: rss1 },
      goal: { ratioMax: 1.1 },
    }),
    figure({
      name: 'soak.fds.last-minute',
      value: fdsN,
      unit: 'fds',
      better: 'lower',
      baseline: { name: 'open fds in minute 1 (max)', value: fds1 },
      goal: { ratioMax: 1 },
    }),
    figure({ name: 'soak.http.p99', value: quantile(all, 0.99), unit: 'ms', better: 'lower', baseline: null, goal: { max: 100 } }),
  ];
  log('');
  printTable(figures, log);
  writeResults(RESULTS, figures);
  log(`\nWrote ${RESULTS}.`);
}

main().catch((e: unknown) => {
  process.stderr.write(`soak failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
