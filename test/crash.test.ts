// Five of the kill points of `npm run crash` (bench/crash.ts), on every run of the suite: a 30,000-row
// import killed twice, a server killed while it answers touch writes (and started again over the
// lock file it left), and a migration killed on SQLite and on PostgreSQL (a second SQLite one
// without a PostgreSQL URL). The points are random; the seed is in the failure message so a failing
// run can be repeated with CRASH_SEED.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRun, importKills, migrationKills, touchKills, type KillPoint } from '../bench/crash.js';
import { codeOf, freshPgSchema, IN_CI, PG_URL } from './harness.js';
import { openDatabase } from '../src/store/index.js';
import { takeServeLock } from '../src/store/lock.js';

const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const run = crashRun(seed);
afterAll(() => run.cleanup());

/** Runs kill points; a violation fails with the seed that repeats it. */
async function points(body: () => Promise<KillPoint[]>): Promise<KillPoint[]> {
  try {
    return await body();
  } catch (e) {
    throw new Error(`${(e as Error).message} (repeat with CRASH_SEED=${seed})`);
  }
}

describe('crash safety (SIGKILL at random points)', () => {
  it(
    'an import killed part way holds all of the file or none of it, and importing again adds no duplicates',
    { timeout: 300_000 },
    async () => {
      const got = await points(() => importKills(run, 2));
      expect(got).toHaveLength(2);
      for (const p of got) expect(['all rows', 'no rows']).toContain(p.found);
    },
  );

  it(
    'every touch the server answered for survives its SIGKILL, and the next server starts over the stale lock',
    { timeout: 120_000 },
    async () => {
      const got = await points(() => touchKills(run, 1));
      expect(got).toHaveLength(1);
    },
  );

  it('a migration killed part way leaves the schema of whole migrations on SQLite', { timeout: 120_000 }, async () => {
    const got = await points(() => migrationKills(run, PG_URL ? 1 : 2));
    for (const p of got) expect(p.found).toMatch(/migrations, schema whole$/);
  });

  if (PG_URL)
    it('a migration killed part way leaves the schema of whole migrations on PostgreSQL', { timeout: 120_000 }, async () => {
      const got = await points(() => migrationKills(run, 1, PG_URL));
      for (const p of got) expect(p.found).toMatch(/migrations, schema whole$/);
    });
  else if (IN_CI) it('needs PostgreSQL in CI', () => expect.fail('COFFEECHAT_TEST_PG_URL is not set'));
});

describe('what a killed process leaves behind', () => {
  const file = () => join(run.dir, 'lock-test.db');
  const lockWith = (content: string) => writeFileSync(`${file()}.serve.lock`, content);
  const startOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
  };

  it('a serve lock whose process is gone, was never written, or whose pid now runs another program is taken over', () => {
    for (const stale of ['2147483646', '', `${process.ppid} 1`]) {
      lockWith(stale);
      const release = takeServeLock(file());
      expect(readFileSync(`${file()}.serve.lock`, 'utf8').split(' ')[0]).toBe(String(process.pid));
      release();
    }
  });

  it('a serve lock held by a running server is refused with the pid', async () => {
    lockWith(`${process.ppid} ${startOf(process.ppid)}`);
    expect(await codeOf(Promise.resolve().then(() => takeServeLock(file())))).toBe('conflict');
    lockWith(String(process.ppid)); // written by an older coffeechat: no start time to compare
    expect(await codeOf(Promise.resolve().then(() => takeServeLock(file())))).toBe('conflict');
  });

  if (PG_URL)
    it('processes opening a new PostgreSQL database at once all migrate it (one at a time)', async () => {
      const s = await freshPgSchema(PG_URL!);
      try {
        const opened = await Promise.all([openDatabase(s.url), openDatabase(s.url), openDatabase(s.url)]);
        await Promise.all(opened.map((o) => o.close()));
      } finally {
        await s.drop();
      }
    });
});
