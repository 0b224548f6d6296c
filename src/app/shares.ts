// Sharing a campaign with an adviser (issue 7, part 4): the member shares by the adviser's e-mail,
// sees who has access and revokes at will; the adviser reads what was shared — the campaign, its
// interviews and insights, the comments — and, when allowed, comments. Every adviser operation
// checks the live share here, whatever the route in front of it already checked, and reads the
// member's rows only through that campaign: never the member's contacts, notes or other campaigns.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { SHARE_ACCESS, type AdviserCampaign, type CommentView, type ShareView } from '../domain/sharing.js';
import type { Campaign } from '../domain/types.js';
import type { AdviserShare } from '../store/shares.store.js';
import type { Ctx } from './context.js';
import { campaignInsights } from './insights.js';
import { parse, requiredText } from './validate.js';

export type { AdviserCampaign, CommentView, ShareView } from '../domain/sharing.js';

export const shareInput = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, 'is required')
      .max(320)
      .regex(/^[^\s@]+@[^\s@]+$/, 'is not an e-mail address'),
    access: z.enum(SHARE_ACCESS, { error: `must be one of: ${SHARE_ACCESS.join(', ')}` }).default('read'),
  })
  .strict();

export const commentInput = z.object({ text: requiredText(4000) }).strict();

/** The same answer for an unknown e-mail and an account that is not an adviser's. */
const NO_ADVISER = 'No adviser account has that e-mail address.';

/** The caller's own campaign, or not_found. */
async function ownCampaign(ctx: Ctx, campaignId: string): Promise<Campaign> {
  const c = await ctx.store.campaigns.get(ctx.userId, campaignId);
  if (!c) throw notFound('campaign', campaignId);
  return c;
}

/**
 * The caller's live share of someone else's campaign. Without one the campaign does not exist as
 * far as the caller can tell (404, the same as a campaign id that was never used).
 */
async function sharedWithMe(ctx: Ctx, campaignId: string): Promise<AdviserShare> {
  const share = await ctx.store.shares.liveShare(ctx.userId, campaignId);
  if (!share) throw notFound('campaign', campaignId);
  return share;
}

/** Shares one of the caller's campaigns with an adviser; sharing again changes the access. */
export async function shareCampaign(ctx: Ctx, campaignId: string, input: unknown): Promise<ShareView> {
  const data = parse(shareInput, input);
  await ownCampaign(ctx, campaignId);
  const adviser = await ctx.store.shares.adviserByEmail(data.email);
  if (!adviser) throw new AppError('not_found', NO_ADVISER, { fields: [{ field: 'email', message: NO_ADVISER }] });
  if (adviser.id === ctx.userId) {
    throw new AppError('invalid_input', 'Invalid input: email: is your own account', {
      fields: [{ field: 'email', message: 'is your own account' }],
    });
  }
  const id = await ctx.store.shares.put({
    id: ctx.ids(),
    campaignId,
    ownerId: ctx.userId,
    adviserId: adviser.id,
    access: data.access,
    createdAt: ctx.clock.now().toISOString(),
  });
  return (await ctx.store.shares.get(ctx.userId, id))!;
}

/** Who has access to one of the caller's campaigns. */
export async function listShares(ctx: Ctx, campaignId: string): Promise<ShareView[]> {
  await ownCampaign(ctx, campaignId);
  return ctx.store.shares.forCampaign(ctx.userId, campaignId);
}

/** Ends a share: the adviser's next request already finds nothing. */
export async function revokeShare(ctx: Ctx, shareId: string): Promise<void> {
  if (!(await ctx.store.shares.remove(ctx.userId, shareId))) throw notFound('share', shareId);
}

/** A campaign shared with the caller, read-only: the campaign, its interviews, insights and comments. */
export async function adviserCampaign(ctx: Ctx, campaignId: string): Promise<AdviserCampaign> {
  const share = await sharedWithMe(ctx, campaignId);
  // The member's own context, used only for this campaign's reads.
  const member: Ctx = { store: ctx.store, clock: ctx.clock, ids: ctx.ids, userId: share.ownerId };
  const campaign = await ownCampaign(member, campaignId);
  const [interviews, insights, comments] = await Promise.all([
    ctx.store.interviews.list(member.userId, { campaignId, limit: 10_000, offset: 0 }),
    campaignInsights(member, campaignId),
    ctx.store.shares.comments(campaignId),
  ]);
  return {
    campaign,
    member: { id: share.ownerId, name: share.ownerName, email: share.ownerEmail },
    access: share.access,
    sharedAt: share.createdAt,
    interviews: interviews.map((i) => ({
      id: i.id,
      contactName: i.contactName,
      status: i.status,
      scheduledAt: i.scheduledAt,
      minutes: i.minutes,
      mode: i.mode,
      heldAt: i.heldAt,
    })),
    insights,
    comments,
  };
}

/** An adviser's comment on a campaign shared with them for comments (read-only shares: forbidden). */
export async function addComment(ctx: Ctx, campaignId: string, input: unknown): Promise<CommentView> {
  const data = parse(commentInput, input);
  const share = await sharedWithMe(ctx, campaignId);
  if (share.access !== 'comment') throw new AppError('forbidden', 'This campaign was shared with you to read, not to comment on.');
  const id = ctx.ids();
  await ctx.store.shares.addComment({ id, campaignId, authorId: ctx.userId, text: data.text, createdAt: ctx.clock.now().toISOString() });
  return (await ctx.store.shares.comment(campaignId, id))!;
}

/** A campaign's comments, for its owner and for the advisers it is shared with. */
export async function listComments(ctx: Ctx, campaignId: string): Promise<CommentView[]> {
  const own = await ctx.store.campaigns.get(ctx.userId, campaignId);
  if (!own) await sharedWithMe(ctx, campaignId);
  return ctx.store.shares.comments(campaignId);
}
