// `npm run bench`: seeds (or reuses) the bench databases, measures each figure beside its baseline
// in the same run, prints a table and writes bench/results/latest.json. Exits 0 when a goal is
// missed: this is a measurement, the table says what missed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listContacts } from '../src/app/contacts.js';
import { findDuplicates } from '../src/domain/dedupe.js';
import { localOwner, type Ctx, type Deps } from '../src/app/context.js';
import { fixedClock } from '../src/domain/clock.js';
import { uuidv7Generator } from '../src/domain/ids.js';
import { makeStore, openDatabase } from '../src/store/index.js';
import { rawContacts, rawNotes } from './baseline.js';
import { importFigures } from './import.js';
import { lintFigures } from './lint.js';
import { NOW } from './fake.js';
import { mulberry32 } from './prng.js';
import { freePort, timeReady, timeRun } from './procs.js';
import { figure, printTable, writeResults, type Figure } from './report.js';
import { noteSearchFigures, searchFigures } from './search.js';
import { ensureDatabase, LARGE, SMALL, type SeedInfo } from './seed.js';
import { suggestFigure } from './suggest.js';
import { apiFigures, TODAY_ENDPOINT } from './http.js';
import { insightsEndpoint, insightsFigures, largestCampaign } from './insights.js';
import { throughputFigures } from './throughput.js';
import { todayFigures } from './today.js';
import { webFigures } from './web.js';
import { compareInProcess, median, percentileFigures, type InProcessOptions } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'bench', '.data');
const LARGE_DB = join(DATA, 'large.db');
const SMALL_DB = join(DATA, 'small.db');
const RESULTS = join(ROOT, 'bench', 'results', 'latest.json');
const BIN = join(ROOT, 'bin', 'coffeechat.js');
// BENCH_QUICK=1 runs every figure with few iterations: for checking the harness, not for numbers.
const QUICK = process.env.BENCH_QUICK === '1';
const IN_PROCESS: InProcessOptions = QUICK ? { warmup: 10, rounds: 3, perRound: 50 } : { warmup: 100, rounds: 7, perRound: 200 };
const CLI_RUNS = QUICK ? 5 : 21;
const SERVE_RUNS = QUICK ? 3 : 9;

const log = (s = '') => process.stdout.write(s + '\n');
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function inProcessFigures(seed: SeedInfo): Promise<Figure[]> {
  const open = await openDatabase(seed.file);
  const clock = fixedClock(NOW);
  const rng = mulberry32(7);
  const deps: Deps = { store: makeStore(open.db, open.dialect), clock, ids: uuidv7Generator(clock, (b) => rng.fill(b)) };
  const ctx: Ctx = { ...deps, userId: await localOwner(deps) };
  const raw = rawContacts(seed.file, ctx.userId);
  try {
    // Same inputs for subject and baseline; the app asks for limit + 1 rows (to know hasMore), so
    // the baseline reads 51 too.
    const pages = Array.from({ length: 4000 }, () => rng.int(0, Math.floor((LARGE.contacts - 1) / 50)) * 50);

    const a = await listContacts(ctx, { limit: 50, offset: 1000, sort: 'name' });
    const b = raw.page(51, 1000);
    if (
      a.items.map((c) => c.id).join() !==
      b
        .slice(0, 50)
        .map((c) => c.row.id)
        .join()
    )
      log('WARNING: the app and the raw baseline return different pages.');

    log('Query plans (SQLite, through better-sqlite3):');
    log(
      `  list:   ${raw.plan('SELECT * FROM contacts WHERE user_id = ? ORDER BY sort_name, id LIMIT 51 OFFSET 15000', ctx.userId).join(' | ')}`,
    );
    log(
      `  search: ${raw.plan('SELECT * FROM contacts WHERE user_id = ? AND contacts.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?) ORDER BY sort_name, id LIMIT 51', ctx.userId, '"mar"*').join(' | ')}`,
    );

    log('Measuring contacts list (random pages)…');
    const list = await compareInProcess(
      (i) => pages[i % pages.length]!,
      (offset) => listContacts(ctx, { limit: 50, offset, sort: 'name' }),
      (offset) => raw.page(51, offset),
      IN_PROCESS,
    );
    log(
      `  app p50 ${ms(list.subject.p50)} p99 ${ms(list.subject.p99)} · raw p50 ${ms(list.baseline.p50)} p99 ${ms(list.baseline.p99)} (${list.subject.samples} samples each)`,
    );

    // "Load more" in the app follows the list's cursor: the page after a (sort_name, id) position.
    log('Measuring contacts list (next page after a random position, via the cursor)…');
    const positions = raw.positions();
    const starts = Array.from({ length: 4000 }, () => positions[rng.int(0, positions.length - 1)]!);
    const cursorOf = (p: { key: string; id: string }) => Buffer.from(JSON.stringify([p.key, p.id])).toString('base64url');
    const next = await compareInProcess(
      (i) => starts[i % starts.length]!,
      (p) => listContacts(ctx, { limit: 50, cursor: cursorOf(p), sort: 'name' }),
      (p) => raw.after(51, p.key, p.id),
      IN_PROCESS,
    );
    log(
      `  app p50 ${ms(next.subject.p50)} p99 ${ms(next.subject.p99)} · raw p50 ${ms(next.baseline.p50)} p99 ${ms(next.baseline.p99)} (${next.subject.samples} samples each)`,
    );

    const suggested = await suggestFigure(ctx, seed.file, QUICK, log);

    log('Measuring dedupe over the whole network…');
    const everyone = await ctx.store.network.matchInputs(ctx.userId);
    const dedupeRuns: number[] = [];
    const readRuns: number[] = [];
    let candidates = 0;
    for (let i = 0; i < (QUICK ? 2 : 5); i++) {
      let t = performance.now();
      await ctx.store.network.matchInputs(ctx.userId);
      readRuns.push(performance.now() - t);
      t = performance.now();
      candidates = findDuplicates(everyone, { defaultCountry: 'US' }).length;
      dedupeRuns.push(performance.now() - t);
    }
    log(
      `  ${everyone.length} contacts, ${candidates} candidates: matching ${ms(median(dedupeRuns))} · reading them ${ms(median(readRuns))}`,
    );

    const searched = await searchFigures(ctx, raw, rng, IN_PROCESS, QUICK, log);
    const notes = rawNotes(seed.file, ctx.userId);
    const noteSearched = await noteSearchFigures(ctx, notes, rng, IN_PROCESS, log).finally(() => notes.close());
    const todays = await todayFigures(ctx, seed.file, IN_PROCESS, log);
    const insights = await insightsFigures(ctx, seed.file, QUICK, log);

    return [
      ...percentileFigures('contacts.list.page', next, 'raw better-sqlite3 keyset page', { max: 5 }),
      // Jumping to a page by number (OFFSET) steps over every row before it: reported against
      // the same raw query, so the figure says what the app adds, not what OFFSET costs.
      figure({
        name: 'contacts.list.offset-page.p99',
        value: list.subject.p99,
        unit: 'ms',
        better: 'lower',
        baseline: { name: 'raw better-sqlite3 OFFSET page p99', value: list.baseline.p99 },
        goal: { ratioMax: 1.5 },
      }),
      figure({
        name: 'dedupe.30k.median',
        value: median(dedupeRuns),
        unit: 'ms',
        better: 'lower',
        baseline: { name: 'reading the same contacts from the store, median', value: median(readRuns) },
        goal: { max: 2000 },
      }),
      suggested,
      ...searched,
      ...noteSearched,
      ...todays,
      ...insights,
    ];
  } finally {
    raw.close();
    await open.close();
  }
}

/** The children's environment: a fixed clock, a throwaway home, none of the user's settings. */
function childEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('COFFEECHAT_') && k !== 'DATABASE_URL' && k !== 'NODE_OPTIONS') env[k] = v;
  return { ...env, COFFEECHAT_NOW: NOW, HOME: home, XDG_DATA_HOME: join(home, 'share') };
}

async function cliFigure(env: NodeJS.ProcessEnv): Promise<Figure> {
  const node = process.execPath;
  const cliEnv = { ...env, COFFEECHAT_DB: SMALL_DB };
  // `today` is what a person runs first thing (issue 8): it opens the database, reads settings
  // and the actions, and formats times in the user's zone.
  const cli = () => timeRun(node, [BIN, 'today', '--json'], cliEnv, ROOT);
  const bare = () => timeRun(node, ['-e', '0'], env, ROOT);
  // Warm-up (file cache, the lazily built parts of Node) and a check that the command works.
  for (let i = 0; i < 2; i++) await bare();
  const first = await cli();
  const shown = first.code === 0 ? (JSON.parse(first.stdout) as { actions?: unknown[] }) : null;
  if (!Array.isArray(shown?.actions)) throw new Error(`coffeechat today failed (exit ${first.code}): ${first.stderr}`);
  await cli();

  log(`Measuring CLI cold start (${CLI_RUNS} runs each, interleaved)…`);
  const times = { cli: [] as number[], bare: [] as number[] };
  for (let i = 0; i < CLI_RUNS; i++) {
    for (const which of i % 2 ? ['bare', 'cli'] : ['cli', 'bare']) {
      const r = which === 'cli' ? await cli() : await bare();
      if (r.code !== 0) throw new Error(`${which} exited with ${r.code}: ${r.stderr}`);
      (which === 'cli' ? times.cli : times.bare).push(r.ms);
    }
  }
  log(`  coffeechat ${ms(median(times.cli))} · node -e 0 ${ms(median(times.bare))}`);
  return figure({
    name: 'cli.cold.today.median',
    value: median(times.cli),
    unit: 'ms',
    better: 'lower',
    baseline: { name: 'node -e 0 median', value: median(times.bare) },
    goal: { ratioMax: 2.5 },
  });
}

async function serveFigure(env: NodeJS.ProcessEnv): Promise<Figure> {
  const node = process.execPath;
  const serve = async () => {
    const port = await freePort();
    return timeReady(node, [BIN, 'serve', '--port', String(port), '--db', SMALL_DB], env, ROOT, `http://127.0.0.1:${port}/api/v1/health`);
  };
  const bare = async () => {
    const port = await freePort();
    return timeReady(
      node,
      ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port})`],
      env,
      ROOT,
      `http://127.0.0.1:${port}/api/v1/health`,
    );
  };
  await serve();
  await bare();
  log(`Measuring serve readiness (${SERVE_RUNS} runs each, interleaved)…`);
  const times = { serve: [] as number[], bare: [] as number[] };
  for (let i = 0; i < SERVE_RUNS; i++) {
    for (const which of i % 2 ? ['bare', 'serve'] : ['serve', 'bare']) {
      (which === 'serve' ? times.serve : times.bare).push(which === 'serve' ? await serve() : await bare());
    }
  }
  log(`  coffeechat serve ${ms(median(times.serve))} · bare http server ${ms(median(times.bare))}`);
  return figure({
    name: 'serve.ready.median',
    value: median(times.serve),
    unit: 'ms',
    better: 'lower',
    baseline: { name: 'bare node http server median', value: median(times.bare) },
    goal: { max: 1000 },
  });
}

/** Opens the large bench database (seeding it when needed) as the app sees it, for one filter. */
async function withLarge<T>(fn: (ctx: Ctx, file: string) => Promise<T>): Promise<T> {
  const large = await ensureDatabase(LARGE_DB, LARGE, log);
  const open = await openDatabase(large.file);
  try {
    const clock = fixedClock(NOW);
    const rng = mulberry32(7);
    const deps: Deps = { store: makeStore(open.db, open.dialect), clock, ids: uuidv7Generator(clock, (b) => rng.fill(b)) };
    const ctx: Ctx = { ...deps, userId: await localOwner(deps) };
    log(`Load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores at start.`);
    return await fn(ctx, large.file);
  } finally {
    await open.close();
  }
}

/** `npm run bench -- suggest`: that figure alone, printed, without touching latest.json. */
const suggestOnly = () => withLarge(async (ctx, file) => printTable([await suggestFigure(ctx, file, QUICK, log)], log));

/** `npm run bench -- search`: the search figures and the per-query table, without touching latest.json. */
const searchOnly = () =>
  withLarge(async (ctx, file) => {
    const raw = rawContacts(file, ctx.userId);
    try {
      printTable(await searchFigures(ctx, raw, mulberry32(7), IN_PROCESS, QUICK, log), log);
    } finally {
      raw.close();
    }
    const notes = rawNotes(file, ctx.userId);
    try {
      printTable(await noteSearchFigures(ctx, notes, mulberry32(7), IN_PROCESS, log), log);
    } finally {
      notes.close();
    }
  });

/** `npm run bench -- today`: the Today figures (in-process and over HTTP), without touching latest.json. */
async function todayOnly() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
  const figures = await withLarge((ctx, file) => todayFigures(ctx, file, IN_PROCESS, log));
  const home = mkdtempSync(join(tmpdir(), 'coffeechat-bench-'));
  try {
    figures.push(...(await apiFigures(BIN, LARGE_DB, childEnv(home), ROOT, QUICK, log, [TODAY_ENDPOINT])));
    figures.push(...(await throughputFigures(BIN, LARGE_DB, childEnv(home), ROOT, QUICK, log)));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  printTable(figures, log);
}

/** `npm run bench -- insights`: the insights figures (in-process and over HTTP), printed only. */
async function insightsOnly() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
  const figures = await withLarge((ctx, file) => insightsFigures(ctx, file, QUICK, log));
  const home = mkdtempSync(join(tmpdir(), 'coffeechat-bench-'));
  try {
    figures.push(...(await apiFigures(BIN, LARGE_DB, childEnv(home), ROOT, QUICK, log, [insightsEndpoint(largestCampaign(LARGE_DB).id)])));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  printTable(figures, log);
}

/** `npm run bench -- cli`: the CLI cold start alone, printed, without touching latest.json. */
async function cliOnly() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
  log(`Load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores at start.`);
  await ensureDatabase(SMALL_DB, SMALL);
  const home = mkdtempSync(join(tmpdir(), 'coffeechat-bench-'));
  try {
    printTable([await cliFigure(childEnv(home))], log);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** `npm run bench -- web`: the web figures (Chromium on the large database), printed only. */
async function webOnly() {
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
    throw new Error('web/dist is missing: run `npm run build` first (npm run bench does).');
  log(`Load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores at start.`);
  await ensureDatabase(LARGE_DB, LARGE, log);
  const home = mkdtempSync(join(tmpdir(), 'coffeechat-bench-'));
  try {
    printTable(await webFigures(BIN, LARGE_DB, childEnv(home), ROOT, QUICK, log), log);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** `npm run bench -- import`: the import figures alone, printed, without touching latest.json. */
async function importOnly() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
  log(`Load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores at start.`);
  const home = mkdtempSync(join(tmpdir(), 'coffeechat-bench-'));
  try {
    printTable(await importFigures(BIN, childEnv(home), QUICK, log), log);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- load [--quick]`: the PostgreSQL load scenario (bench/load.ts), printed and
 * written to bench/results/load.json (not latest.json: it needs PostgreSQL and takes minutes).
 */
async function loadOnly() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
  const { loadFigures } = await import('./load.js');
  const home = mkdtempSync(join(tmpdir(), 'coffeechat-bench-'));
  try {
    const quick = QUICK || process.argv.includes('--quick');
    const figures = await loadFigures({ bin: BIN, root: ROOT, env: childEnv(home), quick, log });
    log('');
    printTable(figures, log);
    const file = join(ROOT, 'bench', 'results', 'load.json');
    writeResults(file, figures);
    log(`\nWrote ${file}${quick ? ' (quick: a trial run, not for comparison)' : ''}.`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function main() {
  if (process.argv[2] === 'load') return loadOnly();
  if (process.argv[2] === 'suggest') return suggestOnly();
  if (process.argv[2] === 'search') return searchOnly();
  if (process.argv[2] === 'today') return todayOnly();
  if (process.argv[2] === 'insights') return insightsOnly();
  if (process.argv[2] === 'import') return importOnly();
  if (process.argv[2] === 'cli') return cliOnly();
  if (process.argv[2] === 'web') return webOnly();
  if (process.argv[2] === 'backup') return (await import('./backup.js')).backupOnly(ROOT, BIN, log);
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
  // Other work on a 2-core box shows up in every figure: say how busy it was.
  const [load] = loadavg();
  log(
    `Load average ${load!.toFixed(2)} on ${cpus().length} cores at start${load! > cpus().length / 2 ? ' (busy: expect noisy figures)' : ''}.`,
  );
  const large = await ensureDatabase(LARGE_DB, LARGE, log);
  if (large.reused) log(`Reusing ${LARGE_DB} (seeded ${large.seededAt} in ${large.seconds.toFixed(1)} s).`);
  await ensureDatabase(SMALL_DB, SMALL);

  const figures = await inProcessFigures(large);
  figures.push(...(await lintFigures(QUICK, log)));
  const home = mkdtempSync(join(tmpdir(), 'coffeechat-bench-'));
  try {
    const env = childEnv(home);
    figures.push(await cliFigure(env));
    figures.push(await serveFigure(env));
    figures.push(
      ...(await apiFigures(BIN, LARGE_DB, env, ROOT, QUICK, log, [TODAY_ENDPOINT, insightsEndpoint(largestCampaign(LARGE_DB).id)])),
    );
    figures.push(...(await throughputFigures(BIN, LARGE_DB, env, ROOT, QUICK, log)));
    figures.push(...(await webFigures(BIN, LARGE_DB, env, ROOT, QUICK, log)));
    log('Measuring imports…');
    figures.push(...(await importFigures(BIN, env, QUICK, log)));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  figures.push(
    figure({
      name: 'seed.notes.per_s',
      value: large.notesPerSecond,
      unit: 'notes/s',
      better: 'higher',
      baseline: null,
      goal: { min: 1000 },
    }),
  );

  log('');
  printTable(figures, log);
  writeResults(RESULTS, figures);
  log(`\nWrote ${RESULTS}${QUICK ? ' (BENCH_QUICK: few iterations, not for comparison)' : ''}.`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
