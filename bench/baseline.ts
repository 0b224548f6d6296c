// The floor the in-process figures are compared with: the same page of contacts read with
// hand-written SQL through better-sqlite3 directly, synchronously, with prepared statements.
// It fetches what contacts.store.ts's hydrate() fetches (e-mails, phones, tags, organisation
// names, introducers) and groups them per contact, so the difference is the app's own overhead
// (Kysely, zod, promises, mapping), not less work.
import Database from 'better-sqlite3';
import { CONTACT_COLUMNS } from '../src/store/contacts.store.js';

type Row = Record<string, unknown> & { id: string; organisation_id: string | null };

// The columns a Contact is made of, exactly as contacts.store.ts selects them.
const COLUMNS = CONTACT_COLUMNS.map((c) => `c.${c}`).join(', ');

export function rawContacts(file: string, userId: string) {
  const db = new Database(file, { readonly: true });
  const page = db.prepare(`SELECT ${COLUMNS} FROM contacts c WHERE c.user_id = ? ORDER BY c.sort_name, c.id LIMIT ? OFFSET ?`);
  const after = db.prepare(
    `SELECT ${COLUMNS} FROM contacts c WHERE c.user_id = ? AND (c.sort_name, c.id) > (?, ?) ORDER BY c.sort_name, c.id LIMIT ?`,
  );
  const search = db.prepare(
    `SELECT ${COLUMNS} FROM contacts c WHERE c.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?) AND c.user_id = ? ORDER BY c.sort_name, c.id LIMIT ?`,
  );

  // Child queries take an IN list as long as the page; statements are cached per length.
  const cache = new Map<string, Database.Statement>();
  const inList = (sql: (marks: string) => string, n: number) => {
    const key = `${sql('?')}#${n}`;
    let st = cache.get(key);
    if (!st) cache.set(key, (st = db.prepare(sql(Array(n).fill('?').join(',')))));
    return st;
  };

  function hydrate(rows: Row[]) {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const orgIds = [...new Set(rows.map((r) => r.organisation_id).filter((x): x is string => !!x))];
    const n = ids.length;
    const emails = inList((m) => `SELECT contact_id, value FROM contact_emails WHERE contact_id IN (${m}) ORDER BY position`, n).all(
      ids,
    ) as { contact_id: string; value: string }[];
    const phones = inList((m) => `SELECT contact_id, value FROM contact_phones WHERE contact_id IN (${m}) ORDER BY position`, n).all(
      ids,
    ) as { contact_id: string; value: string }[];
    const tags = inList((m) => `SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (${m}) ORDER BY tag`, n).all(ids) as {
      contact_id: string;
      tag: string;
    }[];
    const orgs = orgIds.length
      ? (inList((m) => `SELECT id, name FROM organisations WHERE id IN (${m}) AND user_id = ?`, orgIds.length).all([...orgIds, userId]) as {
          id: string;
          name: string;
        }[])
      : [];
    const intros = inList(
      (m) => `SELECT contact_id, introducer_id FROM introductions WHERE contact_id IN (${m}) ORDER BY created_at, id`,
      n,
    ).all(ids) as {
      contact_id: string;
      introducer_id: string;
    }[];
    // Wrapping the row rather than spreading it: spreading 18 columns into a new object costs
    // more than all five child queries together, and a floor should not carry that.
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const out = rows.map((row) => ({
      row,
      emails: [] as string[],
      phones: [] as string[],
      tags: [] as string[],
      introducedBy: null as string | null,
      organisation: row.organisation_id ? (orgName.get(row.organisation_id) ?? null) : null,
    }));
    const by = new Map(out.map((c) => [c.row.id, c]));
    for (const e of emails) by.get(e.contact_id)!.emails.push(e.value);
    for (const p of phones) by.get(p.contact_id)!.phones.push(p.value);
    for (const t of tags) by.get(t.contact_id)!.tags.push(t.tag);
    for (const i of intros) by.get(i.contact_id)!.introducedBy ??= i.introducer_id;
    return out;
  }

  return {
    page: (limit: number, offset: number) => hydrate(page.all(userId, limit, offset) as Row[]),
    /** The page after a (sort_name, id) position: what "load more" asks for. */
    after: (limit: number, key: string, id: string) => hydrate(after.all(userId, key, id, limit) as Row[]),
    /** Random positions to page from: (sort_name, id) of every contact. */
    positions: () => db.prepare('SELECT sort_name AS key, id FROM contacts WHERE user_id = ?').all(userId) as { key: string; id: string }[],
    /** `match` is an FTS5 query, e.g. `"mar"*`. */
    search: (match: string, limit: number) => hydrate(search.all(match, userId, limit) as Row[]),
    /** How many contacts an FTS5 query matches. */
    count: (match: string) =>
      (db.prepare('SELECT count(*) AS n FROM contacts_fts WHERE contacts_fts MATCH ?').get(match) as { n: number }).n,
    /** The plan SQLite picks for a statement, one line per step. */
    plan: (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
    close: () => db.close(),
  };
}

/**
 * The notes search floor: the page of notes an FTS5 query matches, newest first, with their kinds
 * (what notes.store.ts's hydrate() adds), through better-sqlite3 directly.
 */
export function rawNotes(file: string, userId: string) {
  const db = new Database(file, { readonly: true });
  // The best plan by hand, as a careful developer would pick it per query: few matches are
  // looked up by rowid and sorted; many are found by walking (user_id, at, id) newest first.
  const columns = 'id, user_id, contact_id, interview_id, question_id, text, at, created_at';
  const count = db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? LIMIT 1000)');
  const few = db.prepare(
    `SELECT ${columns} FROM notes WHERE rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?) AND +user_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
  );
  const many = db.prepare(
    `SELECT ${columns} FROM notes WHERE +rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?) AND user_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
  );
  const search = {
    all: (match: string, user: string, limit: number) =>
      ((count.get(match) as { n: number }).n < 1000 ? few : many).all(match, user, limit),
  };
  const kinds = new Map<number, Database.Statement>();
  const kindsOf = (ids: string[]) => {
    let st = kinds.get(ids.length);
    if (!st)
      kinds.set(ids.length, (st = db.prepare(`SELECT note_id, kind FROM note_kinds WHERE note_id IN (${ids.map(() => '?').join(',')})`)));
    return st.all(...ids) as { note_id: string; kind: string }[];
  };
  return {
    /** `match` is an FTS5 query, e.g. `"telehealth"*`. */
    search: (match: string, limit: number) => {
      const rows = search.all(match, userId, limit) as { id: string }[];
      if (rows.length === 0) return [];
      const byNote = new Map<string, string[]>();
      for (const k of kindsOf(rows.map((r) => r.id))) byNote.set(k.note_id, [...(byNote.get(k.note_id) ?? []), k.kind]);
      return rows.map((r) => ({ ...r, kinds: (byNote.get(r.id) ?? []).sort() }));
    },
    close: () => db.close(),
  };
}
