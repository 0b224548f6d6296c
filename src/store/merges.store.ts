// Moving everything that hangs off one contact onto another (a merge), remembering exactly what
// moved so that the merge can be undone.
import type { Kysely } from 'kysely';
import { rolesStore } from './roles.store.js';
import type { Database, RoleRow } from './schema.js';

/** The rows a merge moved, by table, so an undo moves exactly these back. */
export interface MovedRows {
  touches: string[];
  notes: string[];
  interviews: string[];
  actions: string[];
  introductionsAsContact: string[];
  introductionsAsIntroducer: string[];
  /** Both people's work history as it was before (absent in merges made before roles existed). */
  roles?: { keptId: string; rows: RoleRow[] };
}

export function mergesStore(db: Kysely<Database>) {
  const roles = rolesStore(db);
  const ids = async (table: 'touches' | 'notes' | 'interviews' | 'actions', userId: string, contactId: string) =>
    (await db.selectFrom(table).select('id').where('user_id', '=', userId).where('contact_id', '=', contactId).execute()).map((r) => r.id);

  return {
    /** Campaigns in which both contacts have an interview: a merge would break "one per campaign". */
    async sharedCampaigns(userId: string, a: string, b: string): Promise<string[]> {
      const rows = await db
        .selectFrom('interviews as x')
        .innerJoin('interviews as y', 'y.campaign_id', 'x.campaign_id')
        .select('x.campaign_id')
        .where('x.user_id', '=', userId)
        .where('x.contact_id', '=', a)
        .where('y.contact_id', '=', b)
        .execute();
      return rows.map((r) => r.campaign_id);
    },

    /** Re-points every row of `from` to `to`; introductions that would duplicate or loop are dropped. */
    async move(userId: string, from: string, to: string): Promise<MovedRows> {
      const moved: MovedRows = {
        touches: await ids('touches', userId, from),
        notes: await ids('notes', userId, from),
        interviews: await ids('interviews', userId, from),
        actions: await ids('actions', userId, from),
        introductionsAsContact: [],
        introductionsAsIntroducer: [],
        roles: { keptId: to, rows: await roles.rows(userId, [from, to]) },
      };
      await roles.move(userId, from, to);
      for (const table of ['touches', 'notes', 'interviews', 'actions'] as const) {
        await db.updateTable(table).set({ contact_id: to }).where('user_id', '=', userId).where('contact_id', '=', from).execute();
      }
      const intros = await db
        .selectFrom('introductions')
        .select(['id', 'introducer_id', 'contact_id'])
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('contact_id', '=', from), eb('introducer_id', '=', from)]))
        .execute();
      for (const i of intros) {
        const introducer = i.introducer_id === from ? to : i.introducer_id;
        const contact = i.contact_id === from ? to : i.contact_id;
        const clash = await db
          .selectFrom('introductions')
          .select('id')
          .where('introducer_id', '=', introducer)
          .where('contact_id', '=', contact)
          .executeTakeFirst();
        if (introducer === contact || clash) continue; // the snapshot keeps it; undo restores it
        await db.updateTable('introductions').set({ introducer_id: introducer, contact_id: contact }).where('id', '=', i.id).execute();
        (i.contact_id === from ? moved.introductionsAsContact : moved.introductionsAsIntroducer).push(i.id);
      }
      return moved;
    },

    /** Moves back exactly the rows a merge moved. */
    async moveBack(userId: string, to: string, moved: MovedRows): Promise<void> {
      for (const table of ['touches', 'notes', 'interviews', 'actions'] as const) {
        if (moved[table].length)
          await db.updateTable(table).set({ contact_id: to }).where('user_id', '=', userId).where('id', 'in', moved[table]).execute();
      }
      if (moved.introductionsAsContact.length)
        await db.updateTable('introductions').set({ contact_id: to }).where('id', 'in', moved.introductionsAsContact).execute();
      if (moved.introductionsAsIntroducer.length)
        await db.updateTable('introductions').set({ introducer_id: to }).where('id', 'in', moved.introductionsAsIntroducer).execute();
      if (moved.roles) await roles.replace(userId, [to, moved.roles.keptId], moved.roles.rows);
    },

    async insert(userId: string, m: { id: string; keptId: string; otherId: string; snapshot: unknown; at: string }): Promise<void> {
      await db
        .insertInto('merges')
        .values({
          id: m.id,
          user_id: userId,
          kept_id: m.keptId,
          other_id: m.otherId,
          snapshot: JSON.stringify(m.snapshot),
          at: m.at,
          undone_at: null,
        })
        .execute();
    },

    /** The most recent merge into `keptId` that has not been undone. */
    async latest(userId: string, keptId: string): Promise<{ id: string; otherId: string; snapshot: unknown } | undefined> {
      const r = await db
        .selectFrom('merges')
        .select(['id', 'other_id', 'snapshot'])
        .where('user_id', '=', userId)
        .where('kept_id', '=', keptId)
        .where('undone_at', 'is', null)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return r && { id: r.id, otherId: r.other_id, snapshot: JSON.parse(r.snapshot) as unknown };
    },

    async markUndone(userId: string, id: string, at: string): Promise<void> {
      await db.updateTable('merges').set({ undone_at: at }).where('id', '=', id).where('user_id', '=', userId).execute();
    },
  };
}
