// Interviews: one informational interview with one contact in one campaign.
import type { Kysely } from 'kysely';
import type { Interview, InterviewStatus, MeetingMode } from '../domain/types.js';
import { prepared, type Slots } from './prepared.js';
import { bit, bool } from './rows.js';
import type { Database, InterviewRow } from './schema.js';

/** An interview with the names a list or a board shows beside it. */
export type InterviewView = Interview & {
  contactName: string;
  campaignField: string;
  /** When the user said they are done keeping in touch with the person (null: updates still wanted). */
  keepInTouchDoneAt: string | null;
};

export interface InterviewQuery {
  campaignId?: string;
  contactId?: string;
  status?: InterviewStatus;
  limit: number;
  offset: number;
}

export function interviewsStore(db: Kysely<Database>) {
  const base = (userId: string) =>
    db
      .selectFrom('interviews')
      .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
      .innerJoin('campaigns', 'campaigns.id', 'interviews.campaign_id')
      .selectAll('interviews')
      .select(['contacts.name as contact_name', 'campaigns.field as campaign_field'])
      .where('interviews.user_id', '=', userId);
  // Today asks for this on every load: built once (prepared.ts).
  const meetings = prepared(db, (slot: Slots<'user' | 'from' | 'to'>) =>
    base(slot.text('user'))
      .where('interviews.scheduled_at', '>=', slot.text('from'))
      .where('interviews.scheduled_at', '<', slot.text('to'))
      .where('interviews.status', '=', 'scheduled')
      .orderBy('interviews.scheduled_at'),
  );

  return {
    async insert(userId: string, i: Interview): Promise<void> {
      await db
        .insertInto('interviews')
        .values({ ...toRow(i), user_id: userId })
        .execute();
    },
    async update(userId: string, i: Interview): Promise<void> {
      const { id, ...rest } = toRow(i);
      await db.updateTable('interviews').set(rest).where('id', '=', id).where('user_id', '=', userId).execute();
    },
    async get(userId: string, id: string): Promise<InterviewView | undefined> {
      const row = await base(userId).where('interviews.id', '=', id).executeTakeFirst();
      return row && toView(row);
    },
    async findByPair(userId: string, campaignId: string, contactId: string): Promise<InterviewView | undefined> {
      const row = await base(userId)
        .where('interviews.campaign_id', '=', campaignId)
        .where('interviews.contact_id', '=', contactId)
        .executeTakeFirst();
      return row && toView(row);
    },
    async list(userId: string, q: InterviewQuery): Promise<InterviewView[]> {
      let qb = base(userId);
      if (q.campaignId) qb = qb.where('interviews.campaign_id', '=', q.campaignId);
      if (q.contactId) qb = qb.where('interviews.contact_id', '=', q.contactId);
      if (q.status) qb = qb.where('interviews.status', '=', q.status);
      const rows = await qb
        .orderBy('interviews.updated_at', 'desc')
        .orderBy('interviews.id', 'desc')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      return rows.map(toView);
    },
    /** Interviews whose meeting starts in [from, to). */
    async meetingsBetween(userId: string, from: string, to: string): Promise<InterviewView[]> {
      const rows = await meetings({ user: userId, from, to });
      return rows.map(toView);
    },
    /** Whether a referral was recorded in this interview (an introduction made during it). */
    async hasReferral(userId: string, id: string): Promise<boolean> {
      const r = await db
        .selectFrom('introductions')
        .select('id')
        .where('user_id', '=', userId)
        .where('interview_id', '=', id)
        .executeTakeFirst();
      return !!r;
    },
    async setKeepInTouchDone(userId: string, id: string, at: string | null): Promise<void> {
      await db.updateTable('interviews').set({ keep_in_touch_done_at: at }).where('id', '=', id).where('user_id', '=', userId).execute();
    },
    async count(userId: string): Promise<number> {
      const r = await db
        .selectFrom('interviews')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('interviews').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

function toRow(i: Interview) {
  return {
    id: i.id,
    campaign_id: i.campaignId,
    contact_id: i.contactId,
    status: i.status,
    scheduled_at: i.scheduledAt,
    timezone: i.timezone,
    minutes: i.minutes,
    mode: i.mode,
    place: i.place,
    link: i.link,
    held_at: i.heldAt,
    no_referrals: bit(i.noReferrals),
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

function toView(r: InterviewRow & { contact_name: string; campaign_field: string }): InterviewView {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    contactId: r.contact_id,
    status: r.status as InterviewStatus,
    scheduledAt: r.scheduled_at,
    timezone: r.timezone,
    minutes: r.minutes,
    mode: r.mode as MeetingMode | null,
    place: r.place,
    link: r.link,
    heldAt: r.held_at,
    noReferrals: bool(r.no_referrals),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    contactName: r.contact_name,
    campaignField: r.campaign_field,
    keepInTouchDoneAt: r.keep_in_touch_done_at ?? null,
  };
}
