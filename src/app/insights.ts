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

/** The rows a campaign's figures are worked out from (the benchmark times these reads alone). */
export async function campaignRows(ctx: Ctx, campaignId: string) {
  const s = ctx.store.insights;
  const [interviews, touches, kindCounts, answerNotes, introductions, outcomes] = await Promise.all([
    s.interviews(ctx.userId, campaignId),
    s.touches(ctx.userId, campaignId),
    s.kindCounts(ctx.userId, campaignId),
    s.answerNotes(ctx.userId, campaignId),
    s.introductions(ctx.userId, campaignId),
    s.outcomes(ctx.userId, campaignId),
  ]);
  return { interviews, touches, kindCounts, answerNotes, introductions, outcomes };
}

export async function campaignInsights(ctx: Ctx, campaignId: string): Promise<CampaignInsights> {
  const campaign = await ctx.store.campaigns.get(ctx.userId, campaignId);
  if (!campaign) throw notFound('campaign', campaignId);
  const { timezone, country } = await getSettings(ctx);
  const [rows, own] = await Promise.all([campaignRows(ctx, campaign.id), ctx.store.questions.list(ctx.userId)]);
  return computeInsights(
    {
      campaign: { id: campaign.id, field: campaign.field },
      ...rows,
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
