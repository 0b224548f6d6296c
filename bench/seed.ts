// Fills a SQLite database for one user, deterministically, through Kysely bulk inserts in
// transactions (the store's row shapes, the real schema and its FTS5 triggers). Seeding the large
// database takes a while, so it is reused while a marker says it was made by this generator, seed
// and schema.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { fixedClock } from '../src/domain/clock.js';
import { uuidv7Generator } from '../src/domain/ids.js';
import { makeStore, openDatabase } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import type { Database } from '../src/store/schema.js';
import * as fake from './fake.js';
import { mulberry32 } from './prng.js';

export const SEED = 20261126;
/** Bump when the generator changes, so databases made by the old one are rebuilt. */
export const GENERATOR_VERSION = 4;

export interface SeedSize {
  organisations: number;
  contacts: number;
  campaigns: number;
  interviews: number;
  introductions: number;
  actions: number;
  notes: number;
}

export const LARGE: SeedSize = {
  organisations: 2000,
  contacts: 30_000,
  campaigns: 4,
  interviews: 10_000,
  introductions: 1500,
  actions: 60_000,
  notes: 200_000,
};
// For the process benchmarks: big enough to be real, small enough that printing doesn't dominate.
export const SMALL: SeedSize = {
  organisations: 40,
  contacts: 200,
  campaigns: 2,
  interviews: 80,
  introductions: 10,
  actions: 300,
  notes: 500,
};

export interface SeedInfo {
  file: string;
  reused: boolean;
  seededAt: string;
  seconds: number;
  notesPerSecond: number;
}

const BATCH = 500; // rows per INSERT: well under SQLite's limit of 32,766 bound values
const PER_TX = 20; // INSERTs per transaction: few commits, bounded memory

/** Writes rows in multi-row INSERTs, PER_TX of them per transaction. Returns the row count. */
async function bulk<R>(
  db: Kysely<Database>,
  rows: Iterable<R>,
  write: (trx: Kysely<Database>, chunk: R[]) => Promise<unknown>,
): Promise<number> {
  let n = 0;
  let chunk: R[] = [];
  let pending: R[][] = [];
  const flush = async () => {
    const batches = pending;
    pending = [];
    if (batches.length)
      await db.transaction().execute(async (trx) => {
        for (const b of batches) await write(trx, b);
      });
  };
  for (const row of rows) {
    chunk.push(row);
    n++;
    if (chunk.length === BATCH) {
      pending.push(chunk);
      chunk = [];
      if (pending.length === PER_TX) await flush();
    }
  }
  if (chunk.length) pending.push(chunk);
  await flush();
  return n;
}

const nonEmpty = <T>(xs: T[]) => xs.length > 0;

/** Seeds a new database at `file` (replacing it). Returns the total and the notes' seconds. */
async function seedDatabase(file: string, size: SeedSize, log: (s: string) => void): Promise<{ seconds: number; notesSeconds: number }> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const open = await openDatabase(file);
  const { db } = open;
  try {
    const rng = mulberry32(SEED);
    const ids = uuidv7Generator(fixedClock(fake.NOW), (b) => rng.fill(b));
    const store = makeStore(db, open.dialect);
    const userId = ids();
    await store.transaction(async (tx) => {
      await tx.users.insert({ id: userId, email: null, name: 'Bench Owner', role: 'owner', createdAt: '2023-01-01T00:00:00.000Z' });
      await tx.users.setSetting(userId, 'timezone', 'Europe/London');
    });
    const g: fake.Gen = { rng, ids, userId };
    const step = async (what: string, fn: () => Promise<number>) => {
      const t = performance.now();
      const n = await fn();
      const s = (performance.now() - t) / 1000;
      log(`  ${what.padEnd(14)} ${String(n).padStart(7)} rows in ${s.toFixed(1)} s`);
      return s;
    };

    const orgs = fake.organisations(g, size.organisations);
    await step('organisations', () => bulk(db, orgs, (t, c) => t.insertInto('organisations').values(c).execute()));
    const campaigns = fake.campaigns(g, size.campaigns);
    await step('campaigns', () => bulk(db, campaigns, (t, c) => t.insertInto('campaigns').values(c).execute()));

    const contactIds: string[] = [];
    const orgRefs = orgs.map((o) => ({ id: o.id, name: o.name }));
    function* contacts() {
      for (let i = 0; i < size.contacts; i++) {
        const b = fake.contact(g, orgRefs);
        contactIds.push(b.contact.id);
        yield b;
      }
    }
    await step('contacts', () =>
      bulk(db, contacts(), async (t, c) => {
        await t
          .insertInto('contacts')
          .values(c.map((b) => b.contact))
          .execute();
        const emails = c.flatMap((b) => b.emails);
        const phones = c.flatMap((b) => b.phones);
        const tags = c.flatMap((b) => b.tags);
        if (nonEmpty(emails)) await t.insertInto('contact_emails').values(emails).execute();
        if (nonEmpty(phones)) await t.insertInto('contact_phones').values(phones).execute();
        if (nonEmpty(tags)) await t.insertInto('contact_tags').values(tags).execute();
      }),
    );
    await step('introductions', () =>
      bulk(db, fake.introductions(g, size.introductions, contactIds), (t, c) => t.insertInto('introductions').values(c).execute()),
    );

    const links: fake.Link[] = [];
    function* interviews() {
      for (const row of fake.interviews(
        g,
        size.interviews,
        campaigns.map((c) => c.id),
        contactIds,
      )) {
        links.push({ interviewId: row.id, contactId: row.contact_id });
        yield row;
      }
    }
    await step('interviews', () => bulk(db, interviews(), (t, c) => t.insertInto('interviews').values(c).execute()));
    await step('actions', () =>
      bulk(db, fake.actions(g, size.actions, links, contactIds), (t, c) => t.insertInto('actions').values(c).execute()),
    );
    const notesSeconds = await step('notes', () =>
      bulk(db, fake.notes(g, size.notes, links, contactIds), async (t, c) => {
        await t
          .insertInto('notes')
          .values(c.map((b) => b.note))
          .execute();
        const kinds = c.flatMap((b) => b.kinds);
        if (nonEmpty(kinds)) await t.insertInto('note_kinds').values(kinds).execute();
      }),
    );
    // Fold the WAL into the file so the copy we keep is self-contained.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    return { seconds: (performance.now() - started) / 1000, notesSeconds };
  } finally {
    await open.close();
  }
}

/**
 * The schema a fresh database gets, as a hash of sqlite_master: catches a new migration and also
 * an edited one (an index or FTS option added in place), either of which makes a reseed necessary.
 */
async function schemaFingerprint(): Promise<string> {
  const open = await openDatabase(':memory:');
  try {
    const { rows } = await sql<{
      type: string;
      name: string;
      sql: string | null;
    }>`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`.execute(open.db);
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
  } finally {
    await open.close();
  }
}

/** What makes a seeded database reusable: same generator, seed, size and schema. */
async function markerKey(size: SeedSize) {
  return { seed: SEED, generator: GENERATOR_VERSION, size, migrations: Object.keys(MIGRATIONS).sort(), schema: await schemaFingerprint() };
}

/**
 * Returns a seeded database at `file`, reusing the one there if its marker matches. A new one is
 * written under a temporary name and renamed at the end, so an interrupted seed is never reused.
 */
export async function ensureDatabase(file: string, size: SeedSize, log: (s: string) => void = () => undefined): Promise<SeedInfo> {
  const markerFile = `${file}.marker.json`;
  const key = JSON.stringify(await markerKey(size));
  if (existsSync(file) && existsSync(markerFile)) {
    try {
      const m = JSON.parse(readFileSync(markerFile, 'utf8')) as { key: string } & Omit<SeedInfo, 'file' | 'reused'>;
      if (m.key === key) return { file, reused: true, seededAt: m.seededAt, seconds: m.seconds, notesPerSecond: m.notesPerSecond };
    } catch {
      /* unreadable marker: seed again */
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  rmSync(markerFile, { force: true });
  const tmp = `${file}.seeding`;
  log(`Seeding ${file} (${size.contacts} contacts, ${size.notes} notes)…`);
  const { seconds, notesSeconds } = await seedDatabase(tmp, size, log);
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  renameSync(tmp, file);
  const info = { seededAt: new Date().toISOString(), seconds, notesPerSecond: size.notes / notesSeconds };
  writeFileSync(markerFile, JSON.stringify({ key, ...info }, null, 2) + '\n');
  log(`Seeded in ${seconds.toFixed(1)} s (${Math.round(info.notesPerSecond)} notes/s).`);
  return { file, reused: false, ...info };
}
