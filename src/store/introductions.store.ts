// Introductions: edges introducer → contact, with the permission to use the introducer's name.
import type { Kysely } from 'kysely';
import type { Introduction, Permission } from '../domain/types.js';
import type { Database, IntroductionRow } from './schema.js';

/** An introduction with the names of both people, for lists. */
export type IntroductionView = Introduction & { introducerName: string; contactName: string };

export function introductionsStore(db: Kysely<Database>) {
  return {
    async insert(userId: string, i: Introduction): Promise<void> {
      await db
        .insertInto('introductions')
        .values({
          id: i.id,
          user_id: userId,
          introducer_id: i.introducerId,
          contact_id: i.contactId,
          permission: i.permission,
          permission_at: i.permissionAt,
          interview_id: i.interviewId,
          created_at: i.createdAt,
        })
        .execute();
    },
    async setPermission(userId: string, id: string, permission: Permission, at: string): Promise<void> {
      await db
        .updateTable('introductions')
        .set({ permission, permission_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    },
    async get(userId: string, id: string): Promise<Introduction | undefined> {
      const row = await db.selectFrom('introductions').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row && toIntroduction(row);
    },
    async setInterview(userId: string, id: string, interviewId: string | null): Promise<void> {
      await db.updateTable('introductions').set({ interview_id: interviewId }).where('id', '=', id).where('user_id', '=', userId).execute();
    },
    async find(userId: string, introducerId: string, contactId: string): Promise<Introduction | undefined> {
      const row = await db
        .selectFrom('introductions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('introducer_id', '=', introducerId)
        .where('contact_id', '=', contactId)
        .executeTakeFirst();
      return row && toIntroduction(row);
    },
    /** Every introduction in which the contact is either side, with both people's names. */
    async forContact(userId: string, contactId: string): Promise<IntroductionView[]> {
      const rows = await db
        .selectFrom('introductions')
        .innerJoin('contacts as introducer', 'introducer.id', 'introductions.introducer_id')
        .innerJoin('contacts as introduced', 'introduced.id', 'introductions.contact_id')
        .selectAll('introductions')
        .select(['introducer.name as introducer_name', 'introduced.name as contact_name'])
        .where('introductions.user_id', '=', userId)
        .where((eb) => eb.or([eb('introductions.contact_id', '=', contactId), eb('introductions.introducer_id', '=', contactId)]))
        .orderBy('introductions.created_at')
        .orderBy('introductions.id')
        .execute();
      return rows.map((r) => ({ ...toIntroduction(r), introducerName: r.introducer_name, contactName: r.contact_name }));
    },
    /** Every introduction of the user, oldest first (backups). */
    async all(userId: string): Promise<Introduction[]> {
      const rows = await db
        .selectFrom('introductions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toIntroduction);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('introductions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

function toIntroduction(r: IntroductionRow): Introduction {
  return {
    id: r.id,
    introducerId: r.introducer_id,
    contactId: r.contact_id,
    permission: r.permission as Permission,
    permissionAt: r.permission_at,
    interviewId: r.interview_id,
    createdAt: r.created_at,
  };
}
