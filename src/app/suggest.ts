// Whom to ask first in a campaign: the store gathers the network, the domain ranks and explains.
import * as z from 'zod';
import { notFound } from '../domain/errors.js';
import { suggest, type Suggestion } from '../domain/suggest.js';
import type { Ctx } from './context.js';
import { idText, parse } from './validate.js';

export const suggestQuery = z.object({ campaignId: idText, limit: z.coerce.number().int().min(1).max(500).default(20) });

export async function suggestContacts(ctx: Ctx, input: unknown): Promise<Suggestion[]> {
  const q = parse(suggestQuery, input, 'query');
  const campaign = await ctx.store.campaigns.get(ctx.userId, q.campaignId);
  if (!campaign) throw notFound('campaign', q.campaignId);
  const network = await ctx.store.network.suggestInput(ctx.userId, campaign.id);
  return suggest({ ...network, field: campaign.field, now: ctx.clock.now() }, q.limit);
}
