// The load scenario's world (issue 7, item 9): a fresh PostgreSQL schema holding many accounts, each
// with a few hundred rows of its own (contacts, interviews, actions, notes), written with
// multi-row inserts through Kysely in the store's row shapes. Every account has the same password,
// hashed once: hashing is deliberately slow and the bench measures the server, not the seeding.
import { randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { fixedClock } from '../src/domain/clock.js';
import { uuidv7Generator } from '../src/domain/ids.js';
import { openDatabase } from '../src/store/index.js';
import type { Database } from '../src/store/schema.js';
import * as fake from './fake.js';
import { mulberry32 } from './prng.js';

export const PASSWORD = 'load-bench-password-7';

/** Rows each account owns: a job seeker a few months into one campaign. */
export interface PerUser {
  organisations: number;
  contacts: number;
  interviews: number;
  introductions: number;
  actions: number;
  notes: number;
}

export const PER_USER: PerUser = { organisations: 20, contacts: 120, interviews: 30, introductions: 5, actions: 60, notes: 150 };

/** What the load needs to know about an account: how to sign in and what it may ask about. */
export interface LoadUser {
  email: string;
  contactIds: string[];
  /** Family names of its contacts and words of its notes: what its searches type. */
  terms: string[];
}

export interface LoadWorld {
  /** The URL whose connections use the fresh schema. */
  url: string;
  users: LoadUser[];
  rows: number;
  seconds: number;
  drop(): Promise<void>;
}

/** Inserts `rows` 500 at a time (PostgreSQL allows 65,535 bound values per statement). */
async function insertAll<R>(db: Kysely<Database>, rows: R[], write: (db: Kysely<Database>, chunk: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await write(db, rows.slice(i, i + 500));
  return rows.length;
}

/** Creates schema `bench_load_…` under `baseUrl`, migrates it and fills it with `count` accounts. */
export async function seedLoadWorld(baseUrl: string, count: number, size: PerUser, log: (s: string) => void): Promise<LoadWorld> {
  const started = performance.now();
  const schema = `bench_load_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  const drop = async () => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  };

  try {
    const open = await openDatabase(url);
    const { db } = open;
    const users: LoadUser[] = [];
    let rows = 0;
    try {
      const rng = mulberry32(20261127);
      const ids = uuidv7Generator(fixedClock(fake.NOW), (b) => rng.fill(b));
      const hash = await hashPassword(PASSWORD);
      const at = '2025-09-01T09:00:00.000Z';
      for (let n = 0; n < count; n++) {
        const userId = ids();
        const email = `seeker${String(n).padStart(3, '0')}@load.example`;
        const g: fake.Gen = { rng, ids, userId };
        const orgs = fake.organisations(g, size.organisations);
        const campaigns = fake.campaigns(g, 1);
        const contacts = Array.from({ length: size.contacts }, () =>
          fake.contact(
            g,
            orgs.map((o) => ({ id: o.id, name: o.name })),
          ),
        );
        const contactIds = contacts.map((c) => c.contact.id);
        const interviews = [
          ...fake.interviews(
            g,
            size.interviews,
            campaigns.map((c) => c.id),
            contactIds,
          ),
        ];
        const links = interviews.map((i) => ({ interviewId: i.id, contactId: i.contact_id }));
        const notes = [...fake.notes(g, size.notes, links, contactIds)];
        users.push({
          email,
          contactIds,
          terms: [
            ...new Set([
              ...contacts.slice(0, 20).map((c) => c.contact.family_name ?? ''),
              ...notes.slice(0, 5).map((x) => x.note.text.split(' ')[2]!),
            ]),
          ].filter((t) => t.length >= 3),
        });
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('users')
            .values({ id: userId, email, name: `Seeker ${n}`, role: 'member', created_at: at, updated_at: at })
            .execute();
          await trx
            .insertInto('auth_accounts')
            .values({
              id: ids(),
              user_id: userId,
              account_id: userId,
              provider_id: 'credential',
              password: hash,
              created_at: at,
              updated_at: at,
            })
            .execute();
          await trx.insertInto('settings').values({ user_id: userId, key: 'timezone', value: 'Europe/London' }).execute();
          rows += await insertAll(trx, orgs, (t, c) => t.insertInto('organisations').values(c).execute());
          rows += await insertAll(trx, campaigns, (t, c) => t.insertInto('campaigns').values(c).execute());
          rows += await insertAll(trx, contacts, async (t, c) => {
            await t
              .insertInto('contacts')
              .values(c.map((b) => b.contact))
              .execute();
            for (const [table, list] of [
              ['contact_emails', c.flatMap((b) => b.emails)],
              ['contact_phones', c.flatMap((b) => b.phones)],
            ] as const)
              if (list.length) await t.insertInto(table).values(list).execute();
            const tags = c.flatMap((b) => b.tags);
            if (tags.length) await t.insertInto('contact_tags').values(tags).execute();
          });
          rows += await insertAll(trx, fake.introductions(g, size.introductions, contactIds), (t, c) =>
            t.insertInto('introductions').values(c).execute(),
          );
          rows += await insertAll(trx, interviews, (t, c) => t.insertInto('interviews').values(c).execute());
          rows += await insertAll(trx, [...fake.actions(g, size.actions, links, contactIds)], (t, c) =>
            t.insertInto('actions').values(c).execute(),
          );
          rows += await insertAll(trx, notes, async (t, c) => {
            await t
              .insertInto('notes')
              .values(c.map((b) => b.note))
              .execute();
            const kinds = c.flatMap((b) => b.kinds);
            if (kinds.length) await t.insertInto('note_kinds').values(kinds).execute();
          });
        });
        if ((n + 1) % 50 === 0) log(`  ${n + 1} accounts seeded`);
      }
      // Fresh statistics, as autovacuum would have gathered on a server running for a while:
      // without them the planner guesses at an empty schema's tables.
      // ANALYZE alone would visit every schema of the database (other work's too): only ours.
      const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
      for (const t of tables.rows) await sql`ANALYZE ${sql.id(t.name)}`.execute(db);
    } finally {
      await open.close();
    }
    return { url, users, rows, seconds: (performance.now() - started) / 1000, drop };
  } catch (e) {
    await drop().catch(() => undefined);
    throw e;
  }
}
