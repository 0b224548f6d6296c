// The network picture (web /network, `coffeechat network`, GET /api/v1/network/graph): who led to
// whom, and — for a campaign — the shortest ways from the user into its target organisations.
// Which people appear is decided in domain/network-graph.ts; the store reads only those.
import * as z from 'zod';
import { notFound } from '../domain/errors.js';
import { buildNetworkGraph, type NetworkGraph } from '../domain/network-graph.js';
import type { Ctx } from './context.js';
import { idText, parse } from './validate.js';

/** People shown per target organisation, warmest first: enough to see the ways in, not a crowd. */
export const PER_TARGET = 40;
/** Past this many introductions the oldest are drawn and the rest left out (and said so). */
export const MAX_INTRODUCTIONS = 3000;

export const networkGraphQuery = z.object({ campaignId: z.preprocess((v) => (v === '' ? undefined : v), idText.optional()) });

export async function networkGraph(ctx: Ctx, input: unknown = {}): Promise<NetworkGraph> {
  const q = parse(networkGraphQuery, input, 'query');
  const campaign = q.campaignId ? await ctx.store.campaigns.get(ctx.userId, q.campaignId) : null;
  if (q.campaignId && !campaign) throw notFound('campaign', q.campaignId);
  const read = await ctx.store.graph.read(ctx.userId, {
    campaignId: campaign?.id ?? null,
    perTarget: PER_TARGET,
    maxIntroductions: MAX_INTRODUCTIONS,
  });
  const { nodes, edges } = buildNetworkGraph({
    contacts: read.contacts,
    introductions: read.introductions,
    targetOrganisationIds: read.targets.map((t) => t.organisationId),
  });
  return {
    campaign: campaign ? { id: campaign.id, field: campaign.field } : null,
    nodes,
    edges,
    targets: read.targets.map((t) => {
      const inside = nodes.filter((n) => n.organisationId === t.organisationId);
      return { ...t, shown: inside.length, reached: inside.some((n) => n.onTargetPath) };
    }),
    truncated: read.truncated,
    perTarget: PER_TARGET,
  };
}
