// The floor the in-process figures are compared with: the same page of contacts read with
// hand-written SQL through better-sqlite3 directly, synchronously, with prepared statements.
// It fetches what contacts.store.ts's hydrate() fetches (e-mails, phones, tags, organisation
// names, introducers) and groups them per contact, so the difference is the app's own overhead
// (Kysely, zod, promises, mapping), not less work.
import Database from 'better-sqlite3';

type Row = Record<string, unknown> & { id: string; organisation_id: string | null };

export function rawContacts(file: string, userId: string) {
  const db = new Database(file, { readonly: true });
  const page = db.prepare('SELECT * FROM contacts WHERE user_id = ? ORDER BY sort_name, id LIMIT ? OFFSET ?');
  const search = db.prepare(
    'SELECT c.* FROM contacts c WHERE c.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?) AND c.user_id = ? ORDER BY c.sort_name, c.id LIMIT ?',
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
    const emails = inList((m) => `SELECT contact_id, value FROM contact_emails WHERE contact_id IN (${m}) ORDER BY position`, n).all(ids) as { contact_id: string; value: string }[];
    const phones = inList((m) => `SELECT contact_id, value FROM contact_phones WHERE contact_id IN (${m}) ORDER BY position`, n).all(ids) as { contact_id: string; value: string }[];
    const tags = inList((m) => `SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (${m}) ORDER BY tag`, n).all(ids) as { contact_id: string; tag: string }[];
    const orgs = orgIds.length
      ? (inList((m) => `SELECT id, name FROM organisations WHERE id IN (${m}) AND user_id = ?`, orgIds.length).all([...orgIds, userId]) as { id: string; name: string }[])
      : [];
    const intros = inList((m) => `SELECT contact_id, introducer_id FROM introductions WHERE contact_id IN (${m}) ORDER BY created_at, id`, n).all(ids) as {
      contact_id: string;
      introducer_id: string;
    }[];
    const by = new Map<string, { emails: string[]; phones: string[]; tags: string[]; introducedBy: string | null }>(
      ids.map((id) => [id, { emails: [], phones: [], tags: [], introducedBy: null }]),
    );
    for (const e of emails) by.get(e.contact_id)!.emails.push(e.value);
    for (const p of phones) by.get(p.contact_id)!.phones.push(p.value);
    for (const t of tags) by.get(t.contact_id)!.tags.push(t.tag);
    for (const i of intros) by.get(i.contact_id)!.introducedBy ??= i.introducer_id;
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return rows.map((r) => ({ ...r, ...by.get(r.id), organisation: r.organisation_id ? (orgName.get(r.organisation_id) ?? null) : null }));
  }

  return {
    page: (limit: number, offset: number) => hydrate(page.all(userId, limit, offset) as Row[]),
    /** `match` is an FTS5 query, e.g. `"mar"*`. */
    search: (match: string, limit: number) => hydrate(search.all(match, userId, limit) as Row[]),
    /** The plan SQLite picks for a statement, one line per step. */
    plan: (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
    close: () => db.close(),
  };
}
