// Contacts with their e-mails, phones and tags (child tables, so matching by e-mail and filtering
// by tag stay indexed), the organisation's name, and the earliest introducer.
import type { Kysely } from 'kysely';
import type { Contact, ContactSource, Tie } from '../domain/types.js';
import { sortKey } from '../domain/names.js';
import { searchScope, searchTerms, searchText, type DialectName } from './dialect.js';
import { bit, bool, type Page } from './rows.js';
import type { ContactRow, Database } from './schema.js';

/** What the app layer hands over to write a contact (the organisation already resolved). */
export type ContactRecord = Omit<Contact, 'id' | 'organisation' | 'introducedBy' | 'createdAt' | 'updatedAt'>;

/** The writable part of a contact: what to hand back to insert or update. */
export function contactRecord(c: Contact): ContactRecord {
  const { id: _id, organisation: _org, introducedBy: _by, createdAt: _created, updatedAt: _updated, ...record } = c;
  return record;
}

export const CONTACT_SORTS = ['name', '-name', 'created', '-created', 'updated', '-updated'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export interface ContactQuery extends Page {
  q?: string;
  /** Keyset paging: only rows after this (sort value, id) in the chosen order. */
  after?: { key: string; id: string };
  sort?: ContactSort;
  tag?: string;
  organisationId?: string;
}

// Every column a Contact is made of: not `*`, which would also fetch the search text and (on
// PostgreSQL) its tsvector for every row of a page.
export const CONTACT_COLUMNS = [
  'id',
  'user_id',
  'name',
  'sort_name',
  'given_name',
  'family_name',
  'organisation_id',
  'title',
  'linkedin_url',
  'location',
  'tie',
  'do_not_contact',
  'source',
  'connected_on',
  'research',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ContactRow)[];

type ContactColumns = Pick<ContactRow, (typeof CONTACT_COLUMNS)[number]>;

export function contactsStore(db: Kysely<Database>, dialect: DialectName) {
  async function orgName(userId: string, organisationId: string | null): Promise<string | null> {
    if (!organisationId) return null;
    const org = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return org?.name ?? null;
  }

  async function writeChildren(userId: string, id: string, r: ContactRecord): Promise<void> {
    await db.deleteFrom('contact_emails').where('contact_id', '=', id).execute();
    await db.deleteFrom('contact_phones').where('contact_id', '=', id).execute();
    await db.deleteFrom('contact_tags').where('contact_id', '=', id).execute();
    if (r.emails.length)
      await db
        .insertInto('contact_emails')
        .values(r.emails.map((value, position) => ({ contact_id: id, user_id: userId, position, value })))
        .execute();
    if (r.phones.length)
      await db
        .insertInto('contact_phones')
        .values(r.phones.map((value, position) => ({ contact_id: id, user_id: userId, position, value })))
        .execute();
    if (r.tags.length)
      await db
        .insertInto('contact_tags')
        .values(r.tags.map((tag) => ({ contact_id: id, user_id: userId, tag })))
        .execute();
  }

  function columns(r: ContactRecord, organisation: string | null) {
    return {
      name: r.name,
      sort_name: sortKey(r.name),
      given_name: r.givenName,
      family_name: r.familyName,
      organisation_id: r.organisationId,
      title: r.title,
      linkedin_url: r.linkedinUrl,
      location: r.location,
      tie: r.tie,
      do_not_contact: bit(r.doNotContact),
      source: r.source,
      connected_on: r.connectedOn,
      research: r.research,
      search_text: searchText([r.name, organisation, r.title, r.location, ...r.emails, ...r.tags, r.research]),
    };
  }

  /** Adds the child values, organisation names and introducers to a page of rows, in 4 queries. */
  async function hydrate(userId: string, rows: ContactColumns[]): Promise<Contact[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const orgIds = [...new Set(rows.map((r) => r.organisation_id).filter((x): x is string => !!x))];
    const [emails, phones, tags, orgs, intros] = await Promise.all([
      db.selectFrom('contact_emails').select(['contact_id', 'value']).where('contact_id', 'in', ids).orderBy('position').execute(),
      db.selectFrom('contact_phones').select(['contact_id', 'value']).where('contact_id', 'in', ids).orderBy('position').execute(),
      db.selectFrom('contact_tags').select(['contact_id', 'tag']).where('contact_id', 'in', ids).orderBy('tag').execute(),
      orgIds.length
        ? db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).where('user_id', '=', userId).execute()
        : Promise.resolve([]),
      db
        .selectFrom('introductions')
        .select(['contact_id', 'introducer_id', 'created_at', 'id'])
        .where('contact_id', 'in', ids)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    ]);
    const group = <T extends { contact_id: string }, V>(list: T[], pick: (t: T) => V) => {
      const m = new Map<string, V[]>();
      for (const item of list) {
        const arr = m.get(item.contact_id) ?? [];
        arr.push(pick(item));
        m.set(item.contact_id, arr);
      }
      return m;
    };
    const e = group(emails, (x) => x.value);
    const p = group(phones, (x) => x.value);
    const t = group(tags, (x) => x.tag);
    const o = new Map(orgs.map((x) => [x.id, x.name]));
    const firstIntro = new Map<string, string>();
    for (const i of intros) if (!firstIntro.has(i.contact_id)) firstIntro.set(i.contact_id, i.introducer_id);
    return rows.map((r) => toContact(r, e.get(r.id) ?? [], p.get(r.id) ?? [], t.get(r.id) ?? [], o, firstIntro));
  }

  return {
    async insert(userId: string, id: string, r: ContactRecord, at: string): Promise<void> {
      const org = await orgName(userId, r.organisationId);
      await db
        .insertInto('contacts')
        .values({ id, user_id: userId, ...columns(r, org), created_at: at, updated_at: at })
        .execute();
      await writeChildren(userId, id, r);
    },

    /**
     * Inserts many new contacts in a few multi-row statements (imports): one per table and chunk
     * instead of several per contact. `organisations` names the organisations the records point to.
     */
    async insertMany(
      userId: string,
      rows: { id: string; record: ContactRecord }[],
      organisations: Map<string, string>,
      at: string,
    ): Promise<void> {
      // 200 rows of 18 columns stays far below SQLite's limit of bound parameters per statement.
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await db
          .insertInto('contacts')
          .values(
            chunk.map(({ id, record }) => ({
              id,
              user_id: userId,
              ...columns(record, record.organisationId ? (organisations.get(record.organisationId) ?? null) : null),
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
        const emails = chunk.flatMap(({ id, record }) =>
          record.emails.map((value, position) => ({ contact_id: id, user_id: userId, position, value })),
        );
        const phones = chunk.flatMap(({ id, record }) =>
          record.phones.map((value, position) => ({ contact_id: id, user_id: userId, position, value })),
        );
        const tags = chunk.flatMap(({ id, record }) => record.tags.map((tag) => ({ contact_id: id, user_id: userId, tag })));
        if (emails.length) await db.insertInto('contact_emails').values(emails).execute();
        if (phones.length) await db.insertInto('contact_phones').values(phones).execute();
        if (tags.length) await db.insertInto('contact_tags').values(tags).execute();
      }
    },

    async update(userId: string, id: string, r: ContactRecord, at: string): Promise<void> {
      const org = await orgName(userId, r.organisationId);
      await db
        .updateTable('contacts')
        .set({ ...columns(r, org), updated_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
      await writeChildren(userId, id, r);
    },

    async get(userId: string, id: string): Promise<Contact | undefined> {
      const row = await db
        .selectFrom('contacts')
        .select(CONTACT_COLUMNS)
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? (await hydrate(userId, [row]))[0] : undefined;
    },

    async getMany(userId: string, ids: string[]): Promise<Contact[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('contacts').select(CONTACT_COLUMNS).where('id', 'in', ids).where('user_id', '=', userId).execute();
      return hydrate(userId, rows);
    },

    /** One page of contacts, optionally narrowed by a search (all terms, prefix-matched). */
    async list(userId: string, query: ContactQuery): Promise<Contact[]> {
      const terms = query.q ? searchTerms(query.q) : [];
      const scope = await searchScope(db, dialect, 'contacts', userId, terms);
      let qb = db.selectFrom('contacts').select(CONTACT_COLUMNS).where(scope.owner);
      if (scope.matches) qb = qb.where(scope.matches);
      if (query.organisationId) qb = qb.where('organisation_id', '=', query.organisationId);
      if (query.tag) {
        const tag = query.tag;
        qb = qb.where('id', 'in', (s) =>
          s.selectFrom('contact_tags').select('contact_id').where('user_id', '=', userId).where('tag', '=', tag),
        );
      }
      const sort = query.sort ?? 'name';
      const desc = sort.startsWith('-');
      const col = sort.replace('-', '') === 'name' ? 'sort_name' : sort.endsWith('created') ? 'created_at' : 'updated_at';
      if (query.after) {
        // A row-value comparison walks the (user_id, sort_name, id) index from the cursor on,
        // so a deep page costs what the first one does (OFFSET would step over every row before).
        const { key, id } = query.after;
        qb = qb.where((eb) => eb(eb.refTuple(col, 'id'), desc ? '<' : '>', eb.tuple(key, id)));
      }
      qb = qb.orderBy(col, desc ? 'desc' : 'asc').orderBy('id', desc ? 'desc' : 'asc');
      const rows = await qb.limit(query.limit).offset(query.offset).execute();
      return hydrate(userId, rows);
    },

    async count(userId: string): Promise<number> {
      const r = await db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('contacts').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Re-indexes the contacts of an organisation after it was renamed. */
    async reindexOrganisation(userId: string, organisationId: string): Promise<void> {
      const rows = await db
        .selectFrom('contacts')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', userId)
        .execute();
      for (const { id } of rows) {
        const c = (
          await hydrate(userId, [await db.selectFrom('contacts').select(CONTACT_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow()])
        )[0]!;
        await db
          .updateTable('contacts')
          .set({ search_text: searchText([c.name, c.organisation, c.title, c.location, ...c.emails, ...c.tags, c.research]) })
          .where('id', '=', id)
          .execute();
      }
    },
  };
}

export type ContactsStore = ReturnType<typeof contactsStore>;

function toContact(
  r: ContactColumns,
  emails: string[],
  phones: string[],
  tags: string[],
  orgs: Map<string, string>,
  intros: Map<string, string>,
): Contact {
  return {
    id: r.id,
    name: r.name,
    givenName: r.given_name,
    familyName: r.family_name,
    emails,
    phones,
    organisation: r.organisation_id ? (orgs.get(r.organisation_id) ?? null) : null,
    organisationId: r.organisation_id,
    title: r.title,
    linkedinUrl: r.linkedin_url,
    location: r.location,
    tags,
    tie: r.tie as Tie,
    doNotContact: bool(r.do_not_contact),
    source: r.source as ContactSource,
    connectedOn: r.connected_on,
    research: r.research,
    introducedBy: intros.get(r.id) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
