// What a campaign has taught, and all campaigns together (web /insights, `coffeechat insights`,
// GET /api/v1/campaigns/:id/insights and /insights). The store reads a few sets of rows; the
// figures are worked out in domain/insights.
import { notFound } from '../domain/errors.js';
import { computeInsights, computeOverall, type CampaignInsights, type OverallInsights } from '../domain/insights/index.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';

/** The currency a pay figure written without one is taken to be in, from the user's country. */
const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const CURRENCY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  JP: 'JPY',
  IN: 'INR',
  SG: 'SGD',
  ZA: 'ZAR',
  BR: 'BRL',
  MX: 'MXN',
};
export function currencyOf(country: string | null): string {
  const c = (country ?? '').slice(0, 2).toUpperCase();
  return EURO.includes(c) ? 'EUR' : (CURRENCY[c] ?? 'USD');
}

export async function campaignInsights(ctx: Ctx, campaignId: string): Promise<CampaignInsights> {
  const campaign = await ctx.store.campaigns.get(ctx.userId, campaignId);
  if (!campaign) throw notFound('campaign', campaignId);
  const { timezone, country } = await getSettings(ctx);
  const s = ctx.store.insights;
  const [interviews, touches, kindCounts, answerNotes, introductions, outcomes, own] = await Promise.all([
    s.interviews(ctx.userId, campaign.id),
    s.touches(ctx.userId, campaign.id),
    s.kindCounts(ctx.userId, campaign.id),
    s.answerNotes(ctx.userId, campaign.id),
    s.introductions(ctx.userId, campaign.id),
    s.outcomes(ctx.userId, campaign.id),
    ctx.store.questions.list(ctx.userId),
  ]);
  return computeInsights(
    {
      campaign: { id: campaign.id, field: campaign.field },
      interviews,
      touches,
      kindCounts,
      answerNotes,
      introductions,
      outcomes,
      ownQuestions: own.map((q) => ({ id: q.id, topic: q.topic, text: q.text })),
      defaultCurrency: currencyOf(country),
    },
    ctx.clock.now(),
    timezone,
  );
}

export async function overallInsights(ctx: Ctx): Promise<OverallInsights> {
  const { timezone } = await getSettings(ctx);
  const s = ctx.store.insights;
  const [campaigns, interviews, touches, introductions, outcomeCounts] = await Promise.all([
    ctx.store.campaigns.list(ctx.userId, { limit: 10_000, offset: 0 }),
    s.interviews(ctx.userId, null),
    s.touches(ctx.userId, null),
    s.introductions(ctx.userId, null),
    s.outcomeCounts(ctx.userId),
  ]);
  return computeOverall(
    {
      campaigns: campaigns.map((c) => ({ id: c.id, field: c.field, status: c.status })),
      interviews,
      touches,
      introductions,
      outcomeCounts,
    },
    ctx.clock.now(),
    timezone,
  );
}
