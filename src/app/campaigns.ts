// Campaigns: one exploration each (field, situation, objective).
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { CAMPAIGN_STATUSES, SITUATIONS, type Campaign } from '../domain/types.js';
import type { Store } from '../store/index.js';
import { syncActions } from './actions.js';
import type { Ctx } from './context.js';
import { optionalText, paging, parse, requiredText } from './validate.js';

const fields = {
  field: requiredText(200),
  situation: z.enum(SITUATIONS),
  objective: optionalText(2000),
};
export const campaignInput = z.object(fields).strict();
export const campaignPatch = z.object(fields).partial().strict();
export const campaignQuery = z.object({ status: z.enum(CAMPAIGN_STATUSES).optional(), ...paging });

export async function createCampaign(ctx: Ctx, input: unknown): Promise<Campaign> {
  const data = parse(campaignInput, input);
  const id = ctx.ids();
  await ctx.store.campaigns.insert(
    ctx.userId,
    id,
    { field: data.field, situation: data.situation, objective: data.objective ?? null, status: 'active' },
    ctx.clock.now().toISOString(),
  );
  return getCampaign(ctx, id);
}

export async function updateCampaign(ctx: Ctx, id: string, input: unknown): Promise<Campaign> {
  const patch = parse(campaignPatch, input);
  const cur = await getCampaign(ctx, id);
  await ctx.store.campaigns.update(
    ctx.userId,
    id,
    {
      field: patch.field ?? cur.field,
      situation: patch.situation ?? cur.situation,
      objective: patch.objective !== undefined ? (patch.objective ?? null) : cur.objective,
      status: cur.status,
    },
    null,
  );
  return getCampaign(ctx, id);
}

/** Ends a campaign: its keep-in-touch reminders stop (PRODUCT.md, step 9). */
export async function endCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  const cur = await getCampaign(ctx, id);
  if (cur.status === 'ended') throw new AppError('invalid_transition', 'This campaign has already ended.');
  await ctx.store.transaction(async (tx) => {
    await tx.campaigns.update(ctx.userId, id, { ...cur, status: 'ended' }, ctx.clock.now().toISOString());
    await syncCampaign(ctx, tx, id, false);
  });
  return getCampaign(ctx, id);
}

/** Reopens a campaign: the update reminders its end put away come back. */
export async function reopenCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  const cur = await getCampaign(ctx, id);
  if (cur.status === 'active') throw new AppError('invalid_transition', 'This campaign is already active.');
  await ctx.store.transaction(async (tx) => {
    await tx.campaigns.update(ctx.userId, id, { ...cur, status: 'active' }, null);
    await syncCampaign(ctx, tx, id, true);
  });
  return getCampaign(ctx, id);
}

async function syncCampaign(ctx: Ctx, tx: Store, campaignId: string, resumeUpdates: boolean): Promise<void> {
  const interviews = await tx.interviews.list(ctx.userId, { campaignId, limit: 1_000_000, offset: 0 });
  for (const i of interviews) await syncActions(ctx, tx, i.id, { resumeUpdates });
}

export async function getCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  const c = await ctx.store.campaigns.get(ctx.userId, id);
  if (!c) throw notFound('campaign', id);
  return c;
}

export async function listCampaigns(ctx: Ctx, input: unknown): Promise<Campaign[]> {
  const q = parse(campaignQuery, input ?? {}, 'query');
  return ctx.store.campaigns.list(ctx.userId, q);
}

export async function deleteCampaign(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.campaigns.delete(ctx.userId, id))) throw notFound('campaign', id);
}
