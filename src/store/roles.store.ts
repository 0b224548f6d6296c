// Work history rows. Which role is current is decided by `currentRole` below, in one place, and
// the contact row keeps a copy of it (see the roles migration).
import type { Kysely } from 'kysely';
import type { ContactSource, Role } from '../domain/types.js';
import type { Database, RoleRow } from './schema.js';

export type RoleRecord = Omit<Role, 'id' | 'contactId' | 'organisation' | 'current' | 'createdAt'>;

/** The open role that started last (unknown starts count as oldest; ties go to the newest row). */
export function currentRole<T extends { to: string | null; from: string | null; createdAt: string; id: string }>(
  roles: T[],
): T | undefined {
  let best: T | undefined;
  for (const r of roles) {
    if (r.to !== null) continue;
    if (
      !best ||
      (r.from ?? '') > (best.from ?? '') ||
      ((r.from ?? '') === (best.from ?? '') && r.createdAt + r.id > best.createdAt + best.id)
    )
      best = r;
  }
  return best;
}

export function rolesStore(db: Kysely<Database>) {
  const toRow = (userId: string, contactId: string, id: string, r: RoleRecord, at: string): RoleRow => ({
    id,
    user_id: userId,
    contact_id: contactId,
    organisation_id: r.organisationId,
    title: r.title,
    started_on: r.from,
    ended_on: r.to,
    source: r.source,
    created_at: at,
  });

  async function listMany(userId: string, contactIds: string[]): Promise<Role[]> {
    if (contactIds.length === 0) return [];
    const rows = await db
      .selectFrom('roles as r')
      .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.id', 'r.contact_id', 'r.organisation_id', 'o.name', 'r.title', 'r.started_on', 'r.ended_on', 'r.source', 'r.created_at'])
      .where('r.user_id', '=', userId)
      .where('r.contact_id', 'in', contactIds)
      .execute();
    const roles = rows.map((r): Role => ({
      id: r.id,
      contactId: r.contact_id,
      organisationId: r.organisation_id,
      organisation: r.name,
      title: r.title,
      from: r.started_on,
      to: r.ended_on,
      current: false,
      source: r.source as ContactSource,
      createdAt: r.created_at,
    }));
    const byContact = new Map<string, Role[]>();
    for (const r of roles) byContact.set(r.contactId, [...(byContact.get(r.contactId) ?? []), r]);
    for (const list of byContact.values()) {
      const cur = currentRole(list);
      if (cur) cur.current = true;
    }
    // Current first, then the most recent: how a CV reads.
    return roles.sort(
      (a, b) =>
        a.contactId.localeCompare(b.contactId) ||
        Number(b.current) - Number(a.current) ||
        (b.to ?? '9999').localeCompare(a.to ?? '9999') ||
        (b.from ?? '').localeCompare(a.from ?? '') ||
        b.createdAt.localeCompare(a.createdAt),
    );
  }

  return {
    listMany,
    list: (userId: string, contactId: string) => listMany(userId, [contactId]),

    async get(userId: string, id: string): Promise<Role | undefined> {
      const row = await db.selectFrom('roles').select('contact_id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row && (await listMany(userId, [row.contact_id])).find((r) => r.id === id);
    },

    async insert(userId: string, contactId: string, id: string, r: RoleRecord, at: string): Promise<void> {
      await db
        .insertInto('roles')
        .values(toRow(userId, contactId, id, r, at))
        .execute();
    },

    /** Roles for many new contacts at once (imports). */
    async insertMany(userId: string, rows: { id: string; contactId: string; record: RoleRecord }[], at: string): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        if (chunk.length)
          await db
            .insertInto('roles')
            .values(chunk.map((r) => toRow(userId, r.contactId, r.id, r.record, at)))
            .execute();
      }
    },

    async update(userId: string, id: string, r: RoleRecord): Promise<void> {
      await db
        .updateTable('roles')
        .set({ organisation_id: r.organisationId, title: r.title, started_on: r.from, ended_on: r.to, source: r.source })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    },

    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('roles').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Every row of some contacts, as stored: what a merge snapshots so that an undo is exact. */
    async rows(userId: string, contactIds: string[]): Promise<RoleRow[]> {
      return db.selectFrom('roles').selectAll().where('user_id', '=', userId).where('contact_id', 'in', contactIds).execute();
    },

    /** Puts back rows saved by `rows`, replacing whatever those contacts have now. */
    async replace(userId: string, contactIds: string[], rows: RoleRow[]): Promise<void> {
      await db.deleteFrom('roles').where('user_id', '=', userId).where('contact_id', 'in', contactIds).execute();
      if (rows.length) await db.insertInto('roles').values(rows).execute();
    },

    /** Moves one contact's roles to another (a merge), dropping exact repeats of a role the other has. */
    async move(userId: string, from: string, to: string): Promise<void> {
      const theirs = await db.selectFrom('roles').selectAll().where('user_id', '=', userId).where('contact_id', '=', to).execute();
      const key = (r: RoleRow) => JSON.stringify([r.organisation_id, r.title, r.started_on, r.ended_on]);
      const have = new Set(theirs.map(key));
      const mine = await db.selectFrom('roles').selectAll().where('user_id', '=', userId).where('contact_id', '=', from).execute();
      for (const r of mine) {
        if (have.has(key(r))) await db.deleteFrom('roles').where('id', '=', r.id).execute();
        else await db.updateTable('roles').set({ contact_id: to }).where('id', '=', r.id).execute();
      }
    },
  };
}

export type RolesStore = ReturnType<typeof rolesStore>;
