// Campaign shares and comments, and the few reads the adviser's cohort dashboard needs. A share is
// "live" only while the campaign still belongs to its owner and the adviser's account still has
// the adviser role and is not disabled, so an admin taking the role away (or disabling the
// account) ends every share at once.
import type { Kysely } from 'kysely';
import type { CommentView, ShareAccess, ShareView } from '../domain/sharing.js';
import { count } from './rows.js';
import type { Database } from './schema.js';

/** A share as the adviser sees it: whose campaign, which one. */
export interface AdviserShare {
  id: string;
  campaignId: string;
  campaignField: string;
  campaignStatus: string;
  campaignCreatedAt: string;
  ownerId: string;
  ownerName: string | null;
  ownerEmail: string | null;
  access: ShareAccess;
  createdAt: string;
}

export interface CampaignFacts {
  campaignId: string;
  lastTouchAt: string | null;
  lastScheduledAt: string | null;
  lastHeldAt: string | null;
  overdueActions: number;
}

// Shares whose campaign is still the owner's and whose adviser is still an enabled adviser.
const liveQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('campaign_shares')
    .innerJoin('campaigns', (j) =>
      j.onRef('campaigns.id', '=', 'campaign_shares.campaign_id').onRef('campaigns.user_id', '=', 'campaign_shares.owner_id'),
    )
    .innerJoin('users as adviser', 'adviser.id', 'campaign_shares.adviser_id')
    .innerJoin('users as owner', 'owner.id', 'campaign_shares.owner_id')
    .where('adviser.role', '=', 'adviser')
    .where('adviser.disabled', '=', 0);

export function sharesStore(db: Kysely<Database>) {
  const shareViews = () =>
    db
      .selectFrom('campaign_shares')
      .innerJoin('users', 'users.id', 'campaign_shares.adviser_id')
      .select([
        'campaign_shares.id',
        'campaign_shares.campaign_id',
        'campaign_shares.adviser_id',
        'campaign_shares.access',
        'campaign_shares.created_at',
        'users.email',
        'users.name',
      ]);
  const toShare = (r: {
    id: string;
    campaign_id: string;
    adviser_id: string;
    access: string;
    created_at: string;
    email: string | null;
    name: string | null;
  }): ShareView => ({
    id: r.id,
    campaignId: r.campaign_id,
    adviserId: r.adviser_id,
    adviserEmail: r.email,
    adviserName: r.name,
    access: r.access as ShareAccess,
    createdAt: r.created_at,
  });
  const live = () => liveQuery(db);

  return {
    /** The adviser account with this e-mail (compared without case), if there is one. */
    async adviserByEmail(email: string): Promise<{ id: string } | undefined> {
      return db
        .selectFrom('users')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .where('role', '=', 'adviser')
        .where('disabled', '=', 0)
        .executeTakeFirst();
    },

    /** Shares the campaign, or changes the access of the adviser's existing share; answers the share's id. */
    async put(s: {
      id: string;
      campaignId: string;
      ownerId: string;
      adviserId: string;
      access: ShareAccess;
      createdAt: string;
    }): Promise<string> {
      await db
        .insertInto('campaign_shares')
        .values({
          id: s.id,
          campaign_id: s.campaignId,
          owner_id: s.ownerId,
          adviser_id: s.adviserId,
          access: s.access,
          created_at: s.createdAt,
        })
        .onConflict((oc) => oc.columns(['campaign_id', 'adviser_id']).doUpdateSet({ access: s.access }))
        .execute();
      const r = await db
        .selectFrom('campaign_shares')
        .select('id')
        .where('campaign_id', '=', s.campaignId)
        .where('adviser_id', '=', s.adviserId)
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async get(ownerId: string, id: string): Promise<ShareView | undefined> {
      const r = await shareViews().where('campaign_shares.owner_id', '=', ownerId).where('campaign_shares.id', '=', id).executeTakeFirst();
      return r && toShare(r);
    },

    /** Who has access to one of the owner's campaigns, in the order they were given it. */
    async forCampaign(ownerId: string, campaignId: string): Promise<ShareView[]> {
      const rows = await shareViews()
        .where('campaign_shares.owner_id', '=', ownerId)
        .where('campaign_shares.campaign_id', '=', campaignId)
        .orderBy('campaign_shares.created_at')
        .orderBy('campaign_shares.id')
        .execute();
      return rows.map(toShare);
    },

    /** Ends a share of the owner's; false when there was none. */
    async remove(ownerId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('campaign_shares').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** The adviser's live share of a campaign, if any. */
    async liveShare(adviserId: string, campaignId: string): Promise<AdviserShare | undefined> {
      const rows = await adviserShares(
        live().where('campaign_shares.adviser_id', '=', adviserId).where('campaign_shares.campaign_id', '=', campaignId),
      );
      return rows[0];
    },

    /** Every live share the adviser has been given, by member, then campaign. */
    async forAdviser(adviserId: string): Promise<AdviserShare[]> {
      return adviserShares(live().where('campaign_shares.adviser_id', '=', adviserId));
    },

    async addComment(c: { id: string; campaignId: string; authorId: string; text: string; createdAt: string }): Promise<void> {
      await db
        .insertInto('campaign_comments')
        .values({ id: c.id, campaign_id: c.campaignId, author_id: c.authorId, text: c.text, created_at: c.createdAt })
        .execute();
    },

    async comment(campaignId: string, id: string): Promise<CommentView | undefined> {
      const rows = await comments(campaignId, id);
      return rows[0];
    },

    /** A campaign's comments, oldest first. The caller has checked who may read them. */
    async comments(campaignId: string): Promise<CommentView[]> {
      return comments(campaignId);
    },

    /** Meetings held since `since` in these campaigns (for the weekly counts). */
    async heldSince(campaignIds: string[], since: string): Promise<{ campaignId: string; scheduledAt: string | null; heldAt: string }[]> {
      if (campaignIds.length === 0) return [];
      const rows = await db
        .selectFrom('interviews')
        .select(['campaign_id', 'scheduled_at', 'held_at'])
        .where('campaign_id', 'in', campaignIds)
        .where('held_at', '>=', since)
        .execute();
      return rows.map((r) => ({ campaignId: r.campaign_id, scheduledAt: r.scheduled_at, heldAt: r.held_at! }));
    },

    /** Per campaign: the last touch up to `now`, the latest meeting booked and held, and the overdue actions. */
    async campaignFacts(campaignIds: string[], now: string): Promise<CampaignFacts[]> {
      if (campaignIds.length === 0) return [];
      const [touches, meetings, overdue] = await Promise.all([
        db
          .selectFrom('touches')
          .innerJoin('interviews', (j) =>
            j.onRef('interviews.id', '=', 'touches.interview_id').onRef('interviews.user_id', '=', 'touches.user_id'),
          )
          .select((eb) => ['interviews.campaign_id', eb.fn.max('touches.at').as('last')])
          .where('interviews.campaign_id', 'in', campaignIds)
          .where('touches.planned', '=', 0)
          .where('touches.at', '<=', now)
          .groupBy('interviews.campaign_id')
          .execute(),
        db
          .selectFrom('interviews')
          .select((eb) => ['campaign_id', eb.fn.max('scheduled_at').as('scheduled'), eb.fn.max('held_at').as('held')])
          .where('campaign_id', 'in', campaignIds)
          .groupBy('campaign_id')
          .execute(),
        db
          .selectFrom('actions')
          .innerJoin('interviews', (j) =>
            j.onRef('interviews.id', '=', 'actions.interview_id').onRef('interviews.user_id', '=', 'actions.user_id'),
          )
          .select((eb) => ['interviews.campaign_id', eb.fn.countAll().as('n')])
          .where('interviews.campaign_id', 'in', campaignIds)
          .where('actions.overdue_at', '<=', now)
          // Open, or snoozed with the snooze over: the same "still to do" Today counts.
          .where((eb) =>
            eb.or([
              eb('actions.status', '=', 'open'),
              eb.and([eb('actions.status', '=', 'snoozed'), eb('actions.snoozed_until', '<=', now)]),
            ]),
          )
          .groupBy('interviews.campaign_id')
          .execute(),
      ]);
      const lastTouch = new Map(touches.map((r) => [r.campaign_id, r.last as string | null]));
      const meeting = new Map(meetings.map((r) => [r.campaign_id, r]));
      const late = new Map(overdue.map((r) => [r.campaign_id, count(r.n)]));
      return campaignIds.map((id) => ({
        campaignId: id,
        lastTouchAt: lastTouch.get(id) ?? null,
        lastScheduledAt: (meeting.get(id)?.scheduled as string | null | undefined) ?? null,
        lastHeldAt: (meeting.get(id)?.held as string | null | undefined) ?? null,
        overdueActions: late.get(id) ?? 0,
      }));
    },
  };

  async function adviserShares(qb: ReturnType<typeof liveQuery>): Promise<AdviserShare[]> {
    const rows = await qb
      .select([
        'campaign_shares.id',
        'campaign_shares.campaign_id',
        'campaign_shares.owner_id',
        'campaign_shares.access',
        'campaign_shares.created_at',
        'campaigns.field',
        'campaigns.status',
        'campaigns.created_at as campaign_created_at',
        'owner.name as owner_name',
        'owner.email as owner_email',
      ])
      .orderBy('campaign_shares.owner_id')
      .orderBy('campaigns.created_at')
      .orderBy('campaign_shares.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      campaignField: r.field,
      campaignStatus: r.status,
      campaignCreatedAt: r.campaign_created_at,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      ownerEmail: r.owner_email,
      access: r.access as ShareAccess,
      createdAt: r.created_at,
    }));
  }

  async function comments(campaignId: string, id?: string): Promise<CommentView[]> {
    let qb = db
      .selectFrom('campaign_comments')
      .innerJoin('users', 'users.id', 'campaign_comments.author_id')
      .select([
        'campaign_comments.id',
        'campaign_comments.campaign_id',
        'campaign_comments.author_id',
        'campaign_comments.text',
        'campaign_comments.created_at',
        'users.name',
        'users.email',
      ])
      .where('campaign_comments.campaign_id', '=', campaignId);
    if (id) qb = qb.where('campaign_comments.id', '=', id);
    const rows = await qb.orderBy('campaign_comments.created_at').orderBy('campaign_comments.id').execute();
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      authorId: r.author_id,
      authorName: r.name ?? r.email,
      text: r.text,
      createdAt: r.created_at,
    }));
  }
}
