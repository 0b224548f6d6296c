// Whom to ask first in a campaign: the database pre-selects who could make the list (with an upper
// bound of each score), the store reads just those people, and the domain ranks and explains them.
import * as z from 'zod';
import { notFound } from '../domain/errors.js';
import { byName, relevancePrefixes, suggest, tiePoints, touchCuts, type Suggestion } from '../domain/suggest.js';
import type { Campaign } from '../domain/types.js';
import type { SuggestNetwork, SuggestScope } from '../store/network.store.js';
import type { Ctx } from './context.js';
import { idText, parse } from './validate.js';

export const suggestQuery = z.object({ campaignId: idText, limit: z.coerce.number().int().min(1).max(500).default(20) });

/** How many more candidates than asked for the first read takes: enough to settle the list in one go. */
const EXTRA = 100;

export async function suggestContacts(ctx: Ctx, input: unknown): Promise<Suggestion[]> {
  const q = parse(suggestQuery, input, 'query');
  const campaign = await ctx.store.campaigns.get(ctx.userId, q.campaignId);
  if (!campaign) throw notFound('campaign', q.campaignId);
  return rankCampaign(ctx, campaign, q.limit, q.limit + EXTRA);
}

/**
 * The `limit` best suggestions, the same as ranking the whole network. Upper bounds of scores come
 * from the database, wider and wider circles of the network at a time; the domain scores exactly
 * whoever has been read. Once the `limit`-th exact score (the bar) is above the bound of everyone
 * not yet read, the list is final; after the last circle, everyone who could still tie or beat
 * the bar is read. `batch` is how many candidates each circle's first read takes.
 */
export async function rankCampaign(
  ctx: Ctx,
  campaign: Pick<Campaign, 'id' | 'field'>,
  limit: number,
  batch: number,
): Promise<Suggestion[]> {
  const { store, userId } = ctx;
  const now = ctx.clock.now();
  const cuts = touchCuts(now);
  const scope: SuggestScope = { campaignId: campaign.id, prefixes: relevancePrefixes(campaign.field), ...cuts };
  const network: Required<SuggestNetwork> = {
    contacts: [],
    others: [],
    introductions: [],
    inCampaign: new Map(),
    requestedAnywhere: new Set(),
    targets: [],
  };
  const read = new Set<string>();
  const add = async (ids: string[]) => {
    const fresh = [...new Set(ids)].filter((id) => !read.has(id));
    if (!fresh.length) return;
    for (const id of fresh) read.add(id);
    const more = await store.network.suggestDetails(userId, campaign.id, fresh);
    network.contacts.push(...more.contacts);
    network.others.push(...(more.others ?? []));
    network.introductions.push(...more.introductions);
    for (const [k, v] of more.inCampaign) network.inCampaign.set(k, v);
    for (const k of more.requestedAnywhere) network.requestedAnywhere.add(k);
    network.targets = more.targets;
  };
  const rank = () => suggest({ ...network, field: campaign.field, now }, limit);
  // The score a newcomer must reach to enter the list (ties are settled by name, so reaching it is enough).
  const bar = (list: Suggestion[]) => (list.length < limit ? -Infinity : list[limit - 1]!.score);

  // 1. The people someone introduced: usually few, and the warmest.
  const introduced = await store.network.suggestCandidates(userId, scope, { introduced: true, limit: batch + 1 });
  await add(introduced.slice(0, batch).map((c) => c.id));
  let list = rank();
  const introducedOpen = introduced.length > batch ? introduced[batch]!.bound : -Infinity;
  // When no one else can reach the bar, the rest of this circle that could is all there is to read
  // (the bar only rises as people are added, so those left out stay below it).
  if (bar(list) > (await store.network.suggestCapWithoutIntroduction(userId, scope))) {
    if (introducedOpen >= bar(list))
      await add((await store.network.suggestCandidates(userId, scope, { introduced: true, min: bar(list) })).map((c) => c.id));
    return rank();
  }

  // 2. Everyone with something besides their tie to go on, best bound first.
  const special = await store.network.suggestCandidates(userId, scope, { limit: batch + 1 });
  await add(special.slice(0, batch).map((c) => c.id));
  const specialOpen = special.length > batch ? special[batch]!.bound : -Infinity;
  list = rank();
  // Anyone else scores exactly what their tie gives, at most this.
  const tieTop = Math.max(...Object.values(tiePoints));
  if (bar(list) > tieTop) {
    if (specialOpen >= bar(list)) await add((await store.network.suggestCandidates(userId, scope, { min: bar(list) })).map((c) => c.id));
    return rank();
  }

  // 3. The rest of the network by tie.
  const byTie = await store.network.suggestByTie(userId, scope, { limit: batch + 1 });
  await add(byTie.slice(0, batch).map((c) => c.id));
  const tieOpen = byTie.length > batch ? byTie[batch]!.base : -Infinity;
  list = rank();
  const t = bar(list);
  if (t > specialOpen && t > tieOpen) return list;

  // 4. Everyone not yet read who could still tie or beat the bar. Contacts outside the special
  // set score exactly their tie's points: of those level with the bar, only the first `limit`
  // by name can make the list.
  const more = specialOpen >= t ? await store.network.suggestCandidates(userId, scope, { min: finite(t) }) : [];
  const moreIds = new Set(more.map((c) => c.id));
  const level = tieOpen >= t ? await store.network.suggestByTie(userId, scope, { min: finite(t) }) : [];
  const plain = level.filter((c) => !read.has(c.id) && !moreIds.has(c.id));
  const above = plain.filter((c) => c.base > t);
  const tied = plain
    .filter((c) => c.base === t)
    .sort(byName)
    .slice(0, limit);
  await add([...moreIds, ...above.map((c) => c.id), ...tied.map((c) => c.id)]);
  return rank();
}

const finite = (x: number) => (Number.isFinite(x) ? x : undefined);
