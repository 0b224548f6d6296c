// Pins the SQL of the queries that matter most (search-as-you-type, a list page, Today) for each
// dialect, compiled without a database: a change to them shows up as SQL in the snapshot diff.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeStore, type Database } from '../src/store/index.js';

function compiledBy(dialect: 'sqlite' | 'postgres') {
  const sql: string[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (dialect === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (e) => {
      if (e.level === 'query') sql.push(e.query.sql);
    },
  });
  return { store: makeStore(db, dialect), sql };
}

describe.each(['sqlite', 'postgres'] as const)('pinned SQL [%s]', (dialect) => {
  it('contact search', async () => {
    const { store, sql } = compiledBy(dialect);
    await store.contacts.list('u', { q: 'José nort', limit: 51, offset: 0, sort: 'name' });
    expect(sql).toMatchSnapshot();
  });

  it('contact list page', async () => {
    const { store, sql } = compiledBy(dialect);
    await store.contacts.list('u', { limit: 51, offset: 100, sort: 'name' });
    expect(sql).toMatchSnapshot();
  });

  it('today: due and upcoming actions, and their counts', async () => {
    const { store, sql } = compiledBy(dialect);
    await store.actions.today('u', {
      now: '2026-03-03T10:00:00.000Z',
      endOfDay: '2026-03-04T00:00:00.000Z',
      weekEnd: '2026-03-11T00:00:00.000Z',
      limit: 50,
    });
    expect(sql).toMatchSnapshot();
  });

  it('note search', async () => {
    const { store, sql } = compiledBy(dialect);
    await store.notes.list('u', { q: 'pay', limit: 20, offset: 0 });
    expect(sql).toMatchSnapshot();
  });
});
