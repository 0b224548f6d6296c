// Interviews and their life cycle. Every status change made by a person comes through
// `moveInterview`; changes that follow from a touch come through touches.ts. Both obey
// domain/lifecycle.ts.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { allowedMoves, checkMove } from '../domain/lifecycle.js';
import { INTERVIEW_STATUSES, type Interview, type InterviewStatus } from '../domain/types.js';
import type { Store } from '../store/index.js';
import type { InterviewView } from '../store/interviews.store.js';
import { syncActions } from './actions.js';
import type { Ctx } from './context.js';
import { idText, paging, parse } from './validate.js';

export const interviewInput = z.object({ campaignId: idText, contactId: idText }).strict();
export const interviewQuery = z.object({
  campaignId: z.string().max(64).optional(),
  contactId: z.string().max(64).optional(),
  status: z.enum(INTERVIEW_STATUSES).optional(),
  ...paging,
});
export const moveInput = z
  .object({
    status: z.enum(INTERVIEW_STATUSES, { error: `must be one of: ${INTERVIEW_STATUSES.join(', ')}` }),
    noReferrals: z.boolean().optional(),
  })
  .strict();

/** The interview plus where it may go next, so a board can offer only allowed moves. */
export type InterviewDetail = InterviewView & { allowedMoves: readonly InterviewStatus[] };

export const withMoves = (i: InterviewView): InterviewDetail => ({ ...i, allowedMoves: allowedMoves(i.status) });

export async function addInterview(ctx: Ctx, input: unknown): Promise<InterviewDetail> {
  const data = parse(interviewInput, input);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.campaigns.get(ctx.userId, data.campaignId))) throw notFound('campaign', data.campaignId);
    const contact = await tx.contacts.get(ctx.userId, data.contactId);
    if (!contact) throw notFound('contact', data.contactId);
    const existing = await tx.interviews.findByPair(ctx.userId, data.campaignId, data.contactId);
    if (existing) {
      throw new AppError('conflict', `${contact.name} already has an interview in this campaign (${existing.id}, ${existing.status}).`, {
        id: existing.id,
      });
    }
    const now = ctx.clock.now().toISOString();
    const interview: Interview = {
      id: ctx.ids(),
      campaignId: data.campaignId,
      contactId: data.contactId,
      status: 'prospect',
      scheduledAt: null,
      timezone: null,
      minutes: 20,
      mode: null,
      place: null,
      link: null,
      heldAt: null,
      noReferrals: false,
      createdAt: now,
      updatedAt: now,
    };
    await tx.interviews.insert(ctx.userId, interview);
    return withMoves((await tx.interviews.get(ctx.userId, interview.id))!);
  });
}

export async function getInterview(ctx: Ctx, id: string): Promise<InterviewDetail> {
  const i = await ctx.store.interviews.get(ctx.userId, id);
  if (!i) throw notFound('interview', id);
  return withMoves(i);
}

export async function listInterviews(ctx: Ctx, input: unknown): Promise<InterviewDetail[]> {
  const q = parse(interviewQuery, input ?? {}, 'query');
  return (await ctx.store.interviews.list(ctx.userId, q)).map(withMoves);
}

/** A status change asked for by the user (board, `interviews move`, API). */
export async function moveInterview(ctx: Ctx, id: string, input: unknown): Promise<InterviewDetail> {
  const data = parse(moveInput, input);
  return ctx.store.transaction((tx) => applyMove(ctx, tx, id, data.status, data.noReferrals === true));
}

/**
 * A checked status change inside the caller's transaction: the one path `moveInterview` and
 * `closeInterview` (app/close.ts) share, so `held` means the same whichever asked for it.
 */
export async function applyMove(
  ctx: Ctx,
  tx: Store,
  id: string,
  status: InterviewStatus,
  noReferralsNow: boolean,
): Promise<InterviewDetail> {
  const cur = await tx.interviews.get(ctx.userId, id);
  if (!cur) throw notFound('interview', id);
  const noReferrals = cur.noReferrals || noReferralsNow;
  const answered = noReferrals || (await tx.interviews.hasReferral(ctx.userId, id));
  checkMove(cur.status, status, answered);
  const now = ctx.clock.now().toISOString();
  const next: Interview = {
    ...cur,
    status,
    noReferrals,
    heldAt: status === 'held' ? now : status === 'prospect' ? null : cur.heldAt,
    updatedAt: now,
  };
  await tx.interviews.update(ctx.userId, next);
  await syncActions(ctx, tx, id);
  return withMoves((await tx.interviews.get(ctx.userId, id))!);
}

export async function deleteInterview(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.interviews.delete(ctx.userId, id))) throw notFound('interview', id);
}
