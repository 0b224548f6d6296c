// Campaigns: one exploration of a field each.
import type { Kysely } from 'kysely';
import type { Campaign, CampaignStatus, Situation } from '../domain/types.js';
import type { CampaignRow, Database } from './schema.js';

export interface CampaignRecord {
  field: string;
  situation: Situation;
  objective: string | null;
  status: CampaignStatus;
}

export function campaignsStore(db: Kysely<Database>) {
  return {
    async insert(userId: string, id: string, r: CampaignRecord, at: string): Promise<void> {
      await db
        .insertInto('campaigns')
        .values({
          id,
          user_id: userId,
          field: r.field,
          situation: r.situation,
          objective: r.objective,
          status: r.status,
          created_at: at,
          ended_at: null,
        })
        .execute();
    },
    async update(userId: string, id: string, r: CampaignRecord, endedAt: string | null): Promise<void> {
      await db
        .updateTable('campaigns')
        .set({ field: r.field, situation: r.situation, objective: r.objective, status: r.status, ended_at: endedAt })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    },
    async get(userId: string, id: string): Promise<Campaign | undefined> {
      const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row && toCampaign(row);
    },
    async list(userId: string, opts: { status?: CampaignStatus; limit: number; offset: number }): Promise<Campaign[]> {
      let qb = db.selectFrom('campaigns').selectAll().where('user_id', '=', userId);
      if (opts.status) qb = qb.where('status', '=', opts.status);
      const rows = await qb.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute();
      return rows.map(toCampaign);
    },
    async count(userId: string): Promise<number> {
      const r = await db
        .selectFrom('campaigns')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('campaigns').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

function toCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id,
    field: r.field,
    situation: r.situation as Situation,
    objective: r.objective,
    status: r.status as CampaignStatus,
    createdAt: r.created_at,
  };
}
