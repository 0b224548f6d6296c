// Crash tests (`npm run crash`; test/crash.test.ts runs a few of the same kill points in CI). A
// child process imports a 30,000-row file, serves touches to a client that keeps the ids it was
// answered with, or migrates a database, and is killed with SIGKILL at a random point. After each
// kill the database must open with `integrity_check` ok, hold all of an import or none of it, hold
// every write the client was answered for, take the same import again without duplicates, let the
// next `serve` start despite the lock file the dead one left, and show the schema of a whole number
// of migrations (never a migration half applied).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { migrate } from '../src/store/migrate.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { openDatabase, type Database as Schema } from '../src/store/index.js';
import type { DialectName } from '../src/store/dialect.js';
import { mulberry32, type Rng } from './prng.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const CHILD = join(ROOT, 'bench/crash-child.ts');
export const IMPORT_ROWS = 30_000;

export interface KillPoint {
  scenario: 'import' | 'touches' | 'migrate-sqlite' | 'migrate-postgres';
  /** Where the child died (or "finished first" when it beat the kill). */
  point: string;
  /** What the database held afterwards, in a few words. */
  found: string;
}

export interface CrashRun {
  dir: string;
  rng: Rng;
  log: (line: string) => void;
}

export function crashRun(seed: number, log: (line: string) => void = () => undefined): CrashRun & { cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coffeechat-crash-'));
  return { dir, rng: mulberry32(seed), log, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

class Violation extends Error {}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function expect(ok: boolean, what: string): void {
  if (!ok) throw new Violation(what);
}

// ---------------------------------------------------------------------------------------------
// Child processes

function childEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, COFFEECHAT_DATA_DIR: join(dir, 'data') };
  delete env.COFFEECHAT_DB;
  delete env.DATABASE_URL;
  delete env.COFFEECHAT_SERVER;
  delete env.COFFEECHAT_TOKEN;
  return env;
}

function tsx(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Waits for a child to end; with `killAfterMs`, SIGKILLs it that long after the start. */
function ended(child: ChildProcess, killAfterMs?: number): Promise<Ended> {
  const t = performance.now();
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t });
    });
  });
}

const cli = (dir: string, args: string[]) => tsx(MAIN, args, childEnv(dir));

// ---------------------------------------------------------------------------------------------
// SQLite checks

/** Opens the file as the next run would, checks it is sound, and counts the rows of every table. */
function soundSqlite(file: string): Record<string, number> {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    expect(integrity.length === 1 && integrity[0]!.integrity_check === 'ok', `integrity_check of ${file}: ${JSON.stringify(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    expect(fk.length === 0, `foreign_key_check of ${file} found ${fk.length} dangling reference(s)`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[];
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    return counts;
  } finally {
    db.close();
  }
}

const same = (a: Record<string, number>, b: Record<string, number>) => JSON.stringify(a) === JSON.stringify(b);
const diff = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k} ${a[k]}→${b[k]}`)
    .join(', ');

// ---------------------------------------------------------------------------------------------
// Import: all or nothing, and no duplicates when run again

const GIVEN = ['Maya', 'Tom', 'Priya', 'Daniel', 'Aisha', 'Liam', 'Sofia', 'Omar', 'Kenji', 'Elena', 'Wei', 'Fatima'];
const FAMILY = ['Okafor', 'Lindqvist', 'Raman', 'Ferreira', 'Bello', 'Chen', 'Kim', 'Haddad', 'Weiss', 'Rossi', 'Nguyen'];

export function linkedinFile(dir: string, rows = IMPORT_ROWS): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < rows; i++) {
    const g = GIVEN[i % GIVEN.length]!;
    const f = FAMILY[(i * 5) % FAMILY.length]!;
    const email = i % 4 === 0 ? `${g.toLowerCase()}.${i}@example.org` : '';
    lines.push(
      `${g},${f},https://www.linkedin.com/in/${g.toLowerCase()}-${f.toLowerCase()}-${i},${email},Company ${i % 1500},Title ${i % 40},12 Mar 2024`,
    );
  }
  const file = join(dir, `linkedin-${rows}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function importOnce(run: CrashRun, db: string, file: string): Promise<{ created: number; unchanged: number; ms: number }> {
  const r = await ended(cli(run.dir, ['import', file, '--db', db, '--json']));
  expect(r.code === 0, `import into ${db} failed (${r.code}): ${r.stderr.slice(0, 400)}`);
  const report = JSON.parse(r.stdout) as { created: number; unchanged: number };
  return { created: report.created, unchanged: report.unchanged, ms: r.ms };
}

export async function importKills(run: CrashRun, points: number): Promise<KillPoint[]> {
  const file = linkedinFile(run.dir);
  const base = join(run.dir, 'import-base.db');
  // Made by the CLI, so it holds what any first command writes (the local owner, the settings):
  // the state a killed import must fall back to.
  const made = await ended(cli(run.dir, ['contacts', 'list', '--db', base, '--json']));
  expect(made.code === 0, `preparing ${base} failed: ${made.stderr.slice(0, 400)}`);
  const empty = soundSqlite(base);

  // The reference: the whole import, then the same file again (nothing new, nothing doubled).
  const ref = join(run.dir, 'import-ref.db');
  copyFileSync(base, ref);
  const first = await importOnce(run, ref, file);
  expect(first.created === IMPORT_ROWS, `the reference import created ${first.created} of ${IMPORT_ROWS} contacts`);
  const full = soundSqlite(ref);
  const again = await importOnce(run, ref, file);
  expect(again.created === 0 && same(soundSqlite(ref), full), `importing the same file twice changed the database`);
  run.log(`  import: ${IMPORT_ROWS} rows take ${Math.round(first.ms)} ms in a fresh process`);

  const out: KillPoint[] = [];
  for (let i = 0; i < points; i++) {
    const db = join(run.dir, `import-${i}.db`);
    copyFileSync(base, db);
    // From the start of the process to the end of the import, most of it inside the transaction.
    const at = Math.round(first.ms * (0.15 + run.rng.next()));
    const r = await ended(cli(run.dir, ['import', file, '--db', db, '--json']), at);
    const after = soundSqlite(db);
    const none = same(after, empty);
    const all = same(after, full);
    expect(none || all, `import killed at ${at} ms left part of the file: ${diff(empty, after)}`);
    const redo = await importOnce(run, db, file);
    expect(redo.created === (all ? 0 : IMPORT_ROWS), `importing again after the kill created ${redo.created} contacts`);
    expect(same(soundSqlite(db), full), `importing again after the kill left ${diff(full, soundSqlite(db))}`);
    rmSync(db, { force: true });
    const point = r.signal === 'SIGKILL' ? `killed at ${at} ms` : `finished first (${Math.round(r.ms)} ms)`;
    out.push({ scenario: 'import', point, found: all ? 'all rows' : 'no rows' });
    run.log(`  import ${i + 1}/${points}: ${point} → ${all ? 'all' : 'none'} of ${IMPORT_ROWS}; re-import ok`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Touches: every write the server answered for is still there after a SIGKILL

interface Served {
  url: string;
  child: ChildProcess;
  done: Promise<Ended>;
}

async function startServe(run: CrashRun, db: string): Promise<Served> {
  const child = cli(run.dir, ['serve', '--port', '0', '--db', db]);
  const done = ended(child);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void done.then((e) => reject(new Violation(`serve on ${db} did not start (exit ${e.code}): ${out.slice(0, 400)}`)));
  });
  return { url, child, done };
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; json: { id?: string } }> {
  const r = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as { id?: string } };
}

export async function touchKills(run: CrashRun, points: number, writers = 4): Promise<KillPoint[]> {
  const db = join(run.dir, 'touches.db');
  const acked: string[] = [];
  let contactId = '';
  const out: KillPoint[] = [];
  for (let i = 0; i < points; i++) {
    // A lock file from the last server, killed with no chance to remove it, is there to be taken over.
    if (i > 0) expect(existsSync(`${db}.serve.lock`), 'the killed server left no lock file (nothing to test)');
    const s = await startServe(run, db);
    if (!contactId) {
      const c = await post(s.url, '/contacts', { name: 'Crash Test', emails: ['crash@example.org'] });
      expect(c.status === 201 && !!c.json.id, `creating the contact answered ${c.status}`);
      contactId = c.json.id!;
    }
    let stop = false;
    const failures: string[] = [];
    const loop = async () => {
      while (!stop) {
        try {
          const r = await post(s.url, '/touches', { contactId, channel: 'email', purpose: 'follow-up', text: `touch ${acked.length}` });
          if (r.status === 201 && r.json.id) acked.push(r.json.id);
          else failures.push(`answered ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
        } catch {
          return; // the server is gone: this request was never answered
        }
      }
    };
    const before = acked.length;
    const loops = Array.from({ length: writers }, loop);
    // Kill once a random number of writes were answered, plus a little, so others are in flight
    // (a fixed delay would see few writes on a busy machine and many on an idle one).
    const want = run.rng.int(3, 40);
    const extra = run.rng.int(0, 50);
    const t = performance.now();
    while (acked.length - before < want && failures.length === 0 && performance.now() - t < 30_000) await sleep(5);
    await sleep(extra);
    const at = `after ${acked.length - before} answered writes (+${extra} ms)`;
    s.child.kill('SIGKILL');
    const e = await s.done;
    stop = true;
    await Promise.all(loops);
    expect(failures.length === 0, `touch writes failed while serving: ${failures[0]}`);
    expect(e.signal === 'SIGKILL', `serve ended by itself (exit ${e.code}): ${e.stderr.slice(0, 300)}`);
    soundSqlite(db);
    const present = presentTouches(db, acked);
    expect(present === acked.length, `${acked.length - present} of ${acked.length} acknowledged touches are missing`);
    out.push({ scenario: 'touches', point: `killed ${at}`, found: `${acked.length - before} new acknowledged touches, all present` });
    run.log(`  touches ${i + 1}/${points}: killed ${at} → ${acked.length} acknowledged in all, all present`);
  }
  // The next run starts over the last stale lock, and a clean stop removes its own.
  const s = await startServe(run, db);
  s.child.kill('SIGTERM');
  await s.done;
  expect(!existsSync(`${db}.serve.lock`), 'a server stopped cleanly left its lock file behind');
  return out;
}

function presentTouches(file: string, ids: string[]): number {
  const db = new Database(file, { readonly: true });
  try {
    const has = db.prepare('SELECT 1 FROM touches WHERE id = ?');
    return ids.filter((id) => has.get(id)).length;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Migrations: the schema of k whole migrations, never a part of one

const NAMES = Object.keys(MIGRATIONS).sort();

/** Runs the migrator as a build that knows only the first `count` migrations would. */
async function migratePrefix(db: Kysely<Schema>, dialect: DialectName, count: number): Promise<void> {
  const saved = { ...MIGRATIONS };
  for (const name of NAMES.slice(count)) delete MIGRATIONS[name];
  try {
    await migrate(db, dialect);
  } finally {
    Object.assign(MIGRATIONS, saved);
  }
}

/** The schema as text: what a half-run migration would change (tables, columns, indexes, constraints). */
async function schemaOf(db: Kysely<Schema>, dialect: DialectName): Promise<{ schema: string; applied: string[] }> {
  let lines: string[];
  if (dialect === 'sqlite') {
    const r = await sql<{ line: string }>`SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS line FROM sqlite_master
      WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`.execute(db);
    lines = r.rows.map((x) => x.line);
  } else {
    const r = await sql<{ line: string }>`
      SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
        FROM information_schema.columns WHERE table_schema = current_schema()
      UNION ALL SELECT 'index ' || indexname || ' ' || replace(indexdef, current_schema() || '.', '')
        FROM pg_indexes WHERE schemaname = current_schema()
      UNION ALL SELECT 'constraint ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema()
      ORDER BY 1`.execute(db);
    lines = r.rows.map((x) => x.line);
  }
  let applied: string[] = [];
  try {
    const r = await sql<{ name: string }>`SELECT name FROM coffeechat_migrations ORDER BY name`.execute(db);
    applied = r.rows.map((x) => x.name);
  } catch {
    /* killed before the migrations table was made */
  }
  return { schema: lines.join('\n'), applied };
}

/** A fresh PostgreSQL schema to migrate in, reached through search_path. */
async function pgSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `crash_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${name} CASCADE`);
      await c.end();
    },
  };
}

/** A database of either dialect, empty or migrated to its first `count` migrations. */
async function databaseAt(run: CrashRun, pgUrl: string | undefined, count: number, label: string) {
  const pgs = pgUrl ? await pgSchema(pgUrl) : undefined;
  const target = pgs ? pgs.url : join(run.dir, `${label}.db`);
  if (count > 0) {
    const open = await openDatabase(target, { migrate: false });
    await migratePrefix(open.db, open.dialect, count);
    await open.close();
  }
  return { target, drop: async () => (pgs ? pgs.drop() : rmSync(target, { force: true })) };
}

export async function migrationKills(run: CrashRun, points: number, pgUrl?: string): Promise<KillPoint[]> {
  const dialect: DialectName = pgUrl ? 'postgres' : 'sqlite';
  const scenario = pgUrl ? 'migrate-postgres' : 'migrate-sqlite';
  const refs = new Map<number, string>();
  const reference = async (count: number) => {
    if (!refs.has(count)) {
      const d = await databaseAt(run, pgUrl, count, `ref-${count}`);
      const open = await openDatabase(d.target, { migrate: false });
      refs.set(count, (await schemaOf(open.db, dialect)).schema);
      await open.close();
      await d.drop();
    }
    return refs.get(count)!;
  };
  const out: KillPoint[] = [];
  for (let i = 0; i < points; i++) {
    const from = run.rng.int(0, NAMES.length - 1);
    const env: NodeJS.ProcessEnv = childEnv(run.dir);
    let point: string;
    if (run.rng.chance(0.6)) {
      const into = run.rng.int(from, NAMES.length - 1);
      env.CRASH_KILL_IN = NAMES[into];
      env.CRASH_PHASE = run.rng.pick(['start', 'end']);
      point = `at the ${env.CRASH_PHASE} of ${NAMES[into]}`;
    } else {
      env.CRASH_KILL_AFTER_MS = String(run.rng.int(0, pgUrl ? 300 : 60));
      point = `${env.CRASH_KILL_AFTER_MS} ms into migrating`;
    }
    const d = await databaseAt(run, pgUrl, from, `migrate-${i}`);
    try {
      const e = await ended(tsx(CHILD, [d.target], env));
      const killed = e.signal === 'SIGKILL';
      expect(
        killed || (e.code === 0 && e.stdout.includes('migrated')),
        `the migrating child failed (${e.code}): ${e.stderr.slice(0, 400)}`,
      );
      if (!killed) point = `finished first (${point})`;
      if (dialect === 'sqlite') soundSqlite(d.target);
      const open = await openDatabase(d.target, { migrate: false });
      const now = await schemaOf(open.db, dialect);
      await open.close();
      const count = now.applied.length;
      expect(
        JSON.stringify(now.applied) === JSON.stringify(NAMES.slice(0, count)),
        `migrations recorded out of order: ${now.applied.join(', ')}`,
      );
      expect(count >= from, `a migration applied before the crash was undone (${count} < ${from})`);
      if (env.CRASH_KILL_IN) expect(count === NAMES.indexOf(env.CRASH_KILL_IN), `the killed migration was recorded (${count} applied)`);
      expect(now.schema === (await reference(count)), `the schema after the kill (${point}) is not that of ${count} whole migrations`);
      // And the next start finishes the job.
      const next = await openDatabase(d.target);
      const done = await schemaOf(next.db, dialect);
      await next.close();
      expect(
        done.applied.length === NAMES.length && done.schema === (await reference(NAMES.length)),
        'the next start did not finish migrating',
      );
      out.push({ scenario, point, found: `${count} of ${NAMES.length} migrations, schema whole` });
      run.log(`  ${scenario} ${i + 1}/${points}: from ${from}, ${point} → ${count} whole migrations; next start completes`);
    } finally {
      await d.drop();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// npm run crash

async function main(): Promise<void> {
  const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const scale = Number(process.env.CRASH_POINTS ?? 24) / 24;
  const pgUrl = process.env.COFFEECHAT_CRASH_PG_URL ?? process.env.COFFEECHAT_TEST_PG_URL;
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  console.log(`crash tests, seed ${seed} (CRASH_SEED=${seed} repeats this run)${pgUrl ? '' : ' — no PostgreSQL URL, SQLite only'}`);
  const run = crashRun(seed, (l) => console.log(l));
  const results: KillPoint[] = [];
  try {
    results.push(...(await importKills(run, n(8))));
    results.push(...(await touchKills(run, n(6))));
    results.push(...(await migrationKills(run, n(pgUrl ? 5 : 10))));
    if (pgUrl) results.push(...(await migrationKills(run, n(5), pgUrl)));
  } catch (e) {
    console.error(`\nFAILED after ${results.length} good kill point(s), seed ${seed}: ${(e as Error).message}`);
    process.exitCode = 1;
    return;
  } finally {
    run.cleanup();
  }
  const killed = results.filter((r) => !r.point.startsWith('finished')).length;
  console.log(
    `\n${results.length} kill points (${killed} killed mid-way, ${results.length - killed} finished first): 0 corrupt, 0 partial, 0 lost acknowledged writes.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
