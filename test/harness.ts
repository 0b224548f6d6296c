// Real databases for tests (ARCHITECTURE.md, example 7): a fresh in-memory SQLite per test, and,
// when COFFEECHAT_TEST_PG_URL is set, the same suite on PostgreSQL in a schema of its own that is
// dropped afterwards. Under CI=true a missing PostgreSQL is a failure, never a silent skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { localOwner, type Ctx } from '../src/app/context.js';
import { fixedClock } from '../src/domain/clock.js';
import { uuidv7Generator } from '../src/domain/ids.js';
import { makeStore, openDatabase, type OpenDb } from '../src/store/index.js';

export const PG_URL = process.env.COFFEECHAT_TEST_PG_URL;
export const IN_CI = process.env.CI === 'true';

export type TestCtx = Ctx & { clock: ReturnType<typeof fixedClock>; db: OpenDb };

export const START = '2026-03-02T09:00:00.000Z'; // a Monday

/** A fresh PostgreSQL schema, and a URL whose connections use it. */
export async function freshPgSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** A migrated database with a local owner and a fixed clock at START (property tests open their own). */
export async function openTestCtx(target: string): Promise<TestCtx> {
  const db = await openDatabase(target);
  const clock = fixedClock(START);
  let n = 0;
  // Deterministic "randomness" so ids are reproducible within a test.
  const ids = uuidv7Generator(clock, (b) => {
    for (let i = 0; i < b.length; i++) b[i] = (n++ * 37 + i * 11) & 0xff;
  });
  const store = makeStore(db.db, db.dialect);
  const userId = await localOwner({ store, clock, ids });
  return { store, clock, ids, userId, db };
}

export const DIALECTS = ['sqlite', 'postgres'] as const;

/**
 * Declares `body` once per database. Inside, `t()` is the context of the current test: a fresh,
 * migrated database with a local owner and a fixed clock at START.
 */
export function eachDialect(name: string, body: (t: () => TestCtx) => void): void {
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !PG_URL) {
      if (IN_CI) {
        describe(`${name} [postgres]`, () => {
          it('needs PostgreSQL in CI', () => {
            throw new Error('CI=true but COFFEECHAT_TEST_PG_URL is not set: the PostgreSQL suite must run in CI.');
          });
        });
      } else {
        describe.skip(`${name} [postgres] (skipped: set COFFEECHAT_TEST_PG_URL to run on PostgreSQL)`, () =>
          body(() => undefined as never));
      }
      continue;
    }
    describe(`${name} [${dialect}]`, () => {
      let ctx: TestCtx | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeEach(async () => {
        if (dialect === 'sqlite') ctx = await openTestCtx(':memory:');
        else {
          const s = await freshPgSchema(PG_URL!);
          drop = s.drop;
          ctx = await openTestCtx(s.url);
        }
      });
      afterEach(async () => {
        await ctx?.db.close();
        await drop?.();
        ctx = undefined;
        drop = undefined;
      });
      body(() => ctx!);
    });
  }
}

/** The code of the AppError a promise rejects with, or null when it resolves. */
export async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
