// Targets: the organisations a campaign aims at, with their LAMP-style priority. Advocacy (someone
// the user knows works there) is derived from contacts when read, never stored by hand.
import type { Kysely } from 'kysely';
import type { TargetStatus } from '../domain/types.js';
import type { TargetView } from '../domain/targets.js';
import type { Database } from './schema.js';

export type { TargetView };

export function targetsStore(db: Kysely<Database>) {
  const base = (userId: string) =>
    db
      .selectFrom('targets')
      .innerJoin('organisations', 'organisations.id', 'targets.organisation_id')
      .select([
        'targets.id',
        'targets.campaign_id',
        'targets.organisation_id',
        'organisations.name as organisation',
        'targets.motivation',
        'targets.posting',
        'targets.status',
        'targets.created_at',
      ])
      .select((eb) => [
        eb
          .selectFrom('contacts')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('contacts.organisation_id', '=', 'targets.organisation_id')
          .where('contacts.tie', 'in', ['close', 'acquaintance'])
          .where('contacts.do_not_contact', '=', 0)
          .as('known_inside'),
        eb
          .selectFrom('contacts')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('contacts.organisation_id', '=', 'targets.organisation_id')
          .as('contacts_inside'),
      ])
      .where('targets.user_id', '=', userId);

  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toView = (r: Row): TargetView => ({
    id: r.id,
    campaignId: r.campaign_id,
    organisationId: r.organisation_id,
    organisation: r.organisation,
    motivation: r.motivation,
    posting: r.posting,
    status: r.status as TargetStatus,
    knownInside: Number(r.known_inside ?? 0),
    contactsInside: Number(r.contacts_inside ?? 0),
    createdAt: r.created_at,
  });

  return {
    async insert(
      userId: string,
      t: { id: string; campaignId: string; organisationId: string; motivation: number; posting: number; status: TargetStatus },
      at: string,
    ): Promise<void> {
      await db
        .insertInto('targets')
        .values({
          id: t.id,
          user_id: userId,
          campaign_id: t.campaignId,
          organisation_id: t.organisationId,
          motivation: t.motivation,
          posting: t.posting,
          status: t.status,
          created_at: at,
        })
        .execute();
    },
    async update(userId: string, id: string, t: { motivation: number; posting: number; status: TargetStatus }): Promise<void> {
      await db
        .updateTable('targets')
        .set({ motivation: t.motivation, posting: t.posting, status: t.status })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    },
    async get(userId: string, id: string): Promise<TargetView | undefined> {
      const r = await base(userId).where('targets.id', '=', id).executeTakeFirst();
      return r && toView(r);
    },
    async find(userId: string, campaignId: string, organisationId: string): Promise<TargetView | undefined> {
      const r = await base(userId)
        .where('targets.campaign_id', '=', campaignId)
        .where('targets.organisation_id', '=', organisationId)
        .executeTakeFirst();
      return r && toView(r);
    },
    async list(userId: string, campaignId: string): Promise<TargetView[]> {
      return (await base(userId).where('targets.campaign_id', '=', campaignId).execute()).map(toView);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('targets').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
