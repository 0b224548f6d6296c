// Outcomes (job interviews, offers, referrals to roles, new contacts) and the interviews credited
// with each: the one it was recorded on, and those whose referrals led there.
import type { Kysely } from 'kysely';
import type { Outcome, OutcomeCredit, OutcomeKind } from '../domain/types.js';
import type { Database, OutcomeRow } from './schema.js';

export interface OutcomeQuery {
  campaignId?: string;
  /** Outcomes this interview is credited with, directly or along the chain. */
  interviewId?: string;
  /** Only outcomes at or after this instant. */
  since?: string;
  limit: number;
  offset: number;
}

export function outcomesStore(db: Kysely<Database>) {
  async function hydrate(rows: OutcomeRow[]): Promise<Outcome[]> {
    if (rows.length === 0) return [];
    const credits = await db
      .selectFrom('outcome_credits')
      .innerJoin('interviews', 'interviews.id', 'outcome_credits.interview_id')
      .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
      .select([
        'outcome_credits.outcome_id',
        'outcome_credits.interview_id',
        'outcome_credits.depth',
        'contacts.id as contact_id',
        'contacts.name',
      ])
      .where(
        'outcome_credits.outcome_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('outcome_credits.depth')
      .orderBy('outcome_credits.interview_id')
      .execute();
    const byOutcome = new Map<string, OutcomeCredit[]>();
    for (const c of credits) {
      const depth = Number(c.depth);
      const list = byOutcome.get(c.outcome_id) ?? [];
      list.push({ interviewId: c.interview_id, contactId: c.contact_id, contactName: c.name, depth, direct: depth === 0 });
      byOutcome.set(c.outcome_id, list);
    }
    return rows.map((r) => {
      const cs = byOutcome.get(r.id) ?? [];
      return {
        id: r.id,
        campaignId: r.campaign_id,
        interviewId: cs.find((c) => c.direct)?.interviewId ?? null,
        kind: r.kind as OutcomeKind,
        note: r.description,
        at: r.at,
        createdAt: r.created_at,
        credits: cs,
      };
    });
  }

  return {
    /** The outcome and its credits; `credits[0]` is the interview it was recorded on (depth 0). */
    async insert(
      userId: string,
      o: { id: string; campaignId: string; kind: OutcomeKind; note: string | null; at: string; createdAt: string },
      credits: { interviewId: string; depth: number }[],
    ): Promise<void> {
      await db
        .insertInto('outcomes')
        .values({
          id: o.id,
          user_id: userId,
          campaign_id: o.campaignId,
          kind: o.kind,
          description: o.note,
          at: o.at,
          created_at: o.createdAt,
        })
        .execute();
      if (credits.length) {
        await db
          .insertInto('outcome_credits')
          .values(credits.map((c) => ({ outcome_id: o.id, user_id: userId, interview_id: c.interviewId, depth: c.depth })))
          .execute();
      }
    },
    async get(userId: string, id: string): Promise<Outcome | undefined> {
      const row = await db.selectFrom('outcomes').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row ? (await hydrate([row]))[0] : undefined;
    },
    /** Newest first. */
    async list(userId: string, q: OutcomeQuery): Promise<Outcome[]> {
      let qb = db.selectFrom('outcomes').selectAll().where('user_id', '=', userId);
      if (q.campaignId) qb = qb.where('campaign_id', '=', q.campaignId);
      if (q.since) qb = qb.where('at', '>=', q.since);
      if (q.interviewId) {
        const interviewId = q.interviewId;
        qb = qb.where('id', 'in', (eb) =>
          eb.selectFrom('outcome_credits').select('outcome_id').where('user_id', '=', userId).where('interview_id', '=', interviewId),
        );
      }
      const rows = await qb.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
      return hydrate(rows);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('outcomes').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
