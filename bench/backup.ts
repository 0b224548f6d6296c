// `npm run bench -- backup`: the round trip of the bench data set (issue 8): back the large
// database up, restore it into an empty database (the "wipe"), and compare every table's content
// hash with the original — through the SQLite online copy (VACUUM INTO) and through the JSON
// backup, on SQLite and, when a PostgreSQL URL is given, into PostgreSQL and back out to SQLite.
// Each step runs the real CLI in a child process so its time and peak RSS are its own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { BACKUP_TABLES } from '../src/store/backup.store.js';
import { makeStore, openDatabase } from '../src/store/index.js';
import { figure, type Figure } from './report.js';

const MAXRSS_HOOK = "data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";

export interface Step {
  name: string;
  ms: number;
  rssMiB: number;
}

/** Runs one CLI command on `db`, returning its wall time and peak RSS (or throwing with its stderr). */
function step(name: string, bin: string, env: NodeJS.ProcessEnv, db: string, args: string[]): Step {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', MAXRSS_HOOK, bin, ...args], {
    // No automatic daily copy of a 370 MB database in the middle of a measurement.
    env: { ...env, COFFEECHAT_DB: db, COFFEECHAT_AUTO_BACKUP: 'off' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${name} failed (exit ${String(r.status)}): ${r.stderr.slice(0, 800)}`);
  return { name, ms, rssMiB: Number(m[1]) / 1024 };
}

/**
 * Per table, a digest of the sorted content hashes of the owner's rows (the owner's id written as
 * U, so databases with different accounts compare), and the row count. Read with plain SQL from
 * the database's own catalogue, not through the backup code it checks.
 */
export async function contentHashes(target: string): Promise<Map<string, { rows: number; digest: string }>> {
  const open = await openDatabase(target);
  try {
    const store = makeStore(open.db, open.dialect);
    const users = (await store.auth.users()).filter((u) => u.role === 'owner' || u.role === 'member' || u.role === 'admin');
    if (users.length !== 1) throw new Error(`expected one account in ${target}, found ${users.length}`);
    const user = users[0]!.id;
    const columns = await store.backup.columns();
    const out = new Map<string, { rows: number; digest: string }>();
    for (const table of BACKUP_TABLES) {
      const cols = columns.get(table) ?? [];
      const where =
        table === 'campaign_comments'
          ? sql`campaign_id IN (SELECT id FROM campaigns WHERE user_id = ${user})`
          : cols.includes('user_id')
            ? sql`user_id = ${user}`
            : sql`owner_id = ${user}`;
      const r = await sql<
        Record<string, unknown>
      >`SELECT ${sql.join(cols.map((c) => sql.ref(c)))} FROM ${sql.table(table)} WHERE ${where}`.execute(open.db);
      const hashes = r.rows
        .map((row) =>
          createHash('sha256')
            .update(JSON.stringify(cols.map((c) => [c, row[c] === user ? 'U' : row[c]])))
            .digest('hex'),
        )
        .sort();
      out.set(table, { rows: hashes.length, digest: createHash('sha256').update(hashes.join('\n')).digest('hex') });
    }
    return out;
  } finally {
    await open.close();
  }
}

/** The tables whose content differs between two hash maps ([] when the round trip was exact). */
function differences(a: Map<string, { rows: number; digest: string }>, b: Map<string, { rows: number; digest: string }>): string[] {
  return [...a.keys()]
    .filter((t) => a.get(t)?.digest !== b.get(t)?.digest)
    .map((t) => `${t} (${a.get(t)?.rows} → ${b.get(t)?.rows ?? 0} rows)`);
}

async function freshPgSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const schema = `bench_backup_${process.pid}_${Date.now()}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { url: u.toString(), drop: () => run(`DROP SCHEMA ${schema} CASCADE`) };
}

export interface BackupBenchOptions {
  bin: string;
  env: NodeJS.ProcessEnv;
  /** The bench data set (the large SQLite database). */
  source: string;
  /** A scratch folder for the copies. */
  dir: string;
  pgUrl?: string;
  log: (s: string) => void;
}

export async function backupFigures(o: BackupBenchOptions): Promise<Figure[]> {
  const { bin, env, source, dir, log } = o;
  const steps: Step[] = [];
  const run = (name: string, db: string, args: string[]) => {
    const s = step(name, bin, env, db, args);
    steps.push(s);
    log(`  ${name}: ${(s.ms / 1000).toFixed(1)} s, peak RSS ${s.rssMiB.toFixed(0)} MiB`);
    return s;
  };
  log('Hashing the bench data set…');
  const original = await contentHashes(source);
  const total = [...original.values()].reduce((n, t) => n + t.rows, 0);
  log(`  ${total} rows in ${original.size} tables`);
  const failures: string[] = [];
  const check = async (what: string, target: string) => {
    const diff = differences(original, await contentHashes(target));
    log(`  ${what}: ${diff.length === 0 ? 'identical content hashes in every table' : `DIFFERENT: ${diff.join(', ')}`}`);
    if (diff.length) failures.push(what);
  };

  const copy = join(dir, 'copy.db');
  const json = join(dir, 'backup.json');
  run('backup (SQLite, VACUUM INTO)', source, ['backup', '--out', copy, '--json']);
  run('backup (SQLite → JSON)', source, ['backup', '--out', json, '--json']);
  log(
    `  JSON backup: ${(statSync(json).size / 1024 / 1024).toFixed(0)} MiB; SQLite copy ${(statSync(copy).size / 1024 / 1024).toFixed(0)} MiB`,
  );
  run('restore SQLite copy into an empty SQLite', join(dir, 'from-copy.db'), ['restore', copy, '--json']);
  await check('SQLite copy → SQLite', join(dir, 'from-copy.db'));
  const jsonRestore = run('restore JSON into an empty SQLite', join(dir, 'from-json.db'), ['restore', json, '--json']);
  await check('JSON → SQLite', join(dir, 'from-json.db'));

  let pgRestore: Step | null = null;
  if (o.pgUrl) {
    const pg = await freshPgSchema(o.pgUrl);
    try {
      pgRestore = run('restore JSON into an empty PostgreSQL', pg.url, ['restore', json, '--json']);
      await check('JSON → PostgreSQL', pg.url);
      const back = join(dir, 'from-pg.json');
      run('backup (PostgreSQL → JSON)', pg.url, ['backup', '--out', back, '--json']);
      run('restore that into an empty SQLite', join(dir, 'from-pg.db'), ['restore', back, '--json']);
      await check('SQLite → PostgreSQL → SQLite', join(dir, 'from-pg.db'));
    } finally {
      await pg.drop();
    }
  } else log('  (no PostgreSQL: set COFFEECHAT_TEST_PG_URL for the PostgreSQL round trip)');

  if (failures.length) throw new Error(`round trips that changed data: ${failures.join(', ')}`);
  const figures = [
    figure({
      name: 'backup.restore-json.sqlite.ms',
      value: jsonRestore.ms,
      unit: 'ms',
      better: 'lower',
      baseline: { name: 'restore of the SQLite copy', value: steps.find((s) => s.name.startsWith('restore SQLite copy'))!.ms },
      goal: { ratioMax: 3 },
    }),
    figure({
      name: 'backup.restore-json.peak-rss',
      value: Math.max(jsonRestore.rssMiB, pgRestore?.rssMiB ?? 0),
      unit: 'MiB',
      better: 'lower',
      baseline: null,
      goal: { max: 256 },
    }),
    figure({
      name: 'backup.peak-rss',
      value: Math.max(...steps.filter((s) => s.name.startsWith('backup')).map((s) => s.rssMiB)),
      unit: 'MiB',
      better: 'lower',
      baseline: null,
      goal: { max: 256 },
    }),
  ];
  return figures;
}

/**
 * `npm run bench -- backup [--bin PATH]`: the round trips and their figures, printed only (the
 * large database is seeded when missing). `--bin` measures another build of the CLI, e.g. an
 * older one, on the same data; `--keep DIR` writes the copies into DIR and leaves them there.
 */
export async function backupOnly(root: string, defaultBin: string, log: (s: string) => void): Promise<void> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { cpus, loadavg, tmpdir } = await import('node:os');
  const { ensureDatabase, LARGE } = await import('./seed.js');
  const { printTable } = await import('./report.js');
  const { NOW } = await import('./fake.js');
  const at = process.argv.indexOf('--bin');
  const bin = at > 0 ? process.argv[at + 1]! : defaultBin;
  log(`Load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores at start; CLI ${bin}.`);
  const source = (await ensureDatabase(join(root, 'bench', '.data', 'large.db'), LARGE, log)).file;
  // --keep DIR leaves the copies there (to try another build on the same files).
  const keep = process.argv.indexOf('--keep');
  const dir = keep > 0 ? process.argv[keep + 1]! : mkdtempSync(join(tmpdir(), 'coffeechat-bench-backup-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('COFFEECHAT_') && k !== 'DATABASE_URL' && k !== 'NODE_OPTIONS') env[k] = v;
  try {
    const figures = await backupFigures({
      bin,
      env: { ...env, COFFEECHAT_NOW: NOW, HOME: dir, XDG_DATA_HOME: join(dir, 'share') },
      source,
      dir,
      pgUrl: process.env.COFFEECHAT_TEST_PG_URL,
      log,
    });
    printTable(figures, log);
  } finally {
    if (keep < 0) rmSync(dir, { recursive: true, force: true });
  }
}
