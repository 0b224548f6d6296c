// What a campaign has taught, and all campaigns together (web /insights, `coffeechat insights`,
// GET /api/v1/campaigns/:id/insights, /campaigns/:id/answers and /insights). The store reads a few sets of rows; the
// figures are worked out in domain/insights.
import * as z from 'zod';
import { notFound } from '../domain/errors.js';
import { answersByQuestion } from '../domain/insights/answers.js';
import {
  ANALYSED_QUESTIONS,
  computeInsights,
  computeOverall,
  type CampaignInsights,
  type OverallInsights,
  type QuestionAnswers,
} from '../domain/insights/index.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';
import { parse } from './validate.js';

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

/** Answers listed per question unless asked otherwise: the page shows them, the totals say how many more. */
export const DEFAULT_ANSWERS_LIMIT = 20;
const MAX_ANSWERS_LIMIT = 10_000;

export const insightsQuery = z
  .object({
    /** How many answers to list per question (the most recent), or `all`. */
    answersLimit: z
      .union([z.literal('all'), z.coerce.number().int().min(1).max(MAX_ANSWERS_LIMIT)])
      .default(DEFAULT_ANSWERS_LIMIT)
      .describe('answers listed per question, the most recent first picked (1–10000, or "all"); default 20'),
  })
  .strict();
export type InsightsQuery = z.input<typeof insightsQuery>;

/** The rows a campaign's figures are worked out from (the benchmark times these reads alone). */
export async function campaignRows(ctx: Ctx, campaignId: string, answersLimit: number | 'all' = DEFAULT_ANSWERS_LIMIT) {
  const s = ctx.store.insights;
  const all = answersLimit === 'all';
  const [interviews, touches, kindCounts, answers, analysedNotes, introductions, outcomes] = await Promise.all([
    s.interviews(ctx.userId, campaignId),
    s.touches(ctx.userId, campaignId),
    s.kindCounts(ctx.userId, campaignId),
    s.answers(ctx.userId, campaignId, all ? null : answersLimit),
    // With every answer read, pay and terms take their notes from those.
    all ? undefined : s.notesOn(ctx.userId, campaignId, ANALYSED_QUESTIONS),
    s.introductions(ctx.userId, campaignId),
    s.outcomes(ctx.userId, campaignId),
  ]);
  return {
    interviews,
    touches,
    kindCounts,
    answerNotes: answers.notes,
    answerTotals: answers.totals,
    ...(analysedNotes ? { analysedNotes } : {}),
    introductions,
    outcomes,
  };
}

/**
 * A campaign's figures. Answers are listed up to `answersLimit` per question (the most recent,
 * 20 by default) with each question's total: a large campaign has thousands, and listing them all
 * made the page's request megabytes (docs/ARCHITECTURE.md). Every other figure counts every note.
 */
export async function campaignInsights(ctx: Ctx, campaignId: string, input: unknown = {}): Promise<CampaignInsights> {
  const { answersLimit } = parse(insightsQuery, input ?? {}, 'query');
  const campaign = await ctx.store.campaigns.get(ctx.userId, campaignId);
  if (!campaign) throw notFound('campaign', campaignId);
  const { timezone, country } = await getSettings(ctx);
  const [rows, own] = await Promise.all([campaignRows(ctx, campaign.id, answersLimit), ctx.store.questions.list(ctx.userId)]);
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

export const answersQuery = z
  .object({
    question: z.string().min(1).max(64).describe('the question id, e.g. how-in'),
    answersLimit: insightsQuery.shape.answersLimit
      .unwrap()
      .default('all')
      .describe('answers listed, the most recent (1–10000, or "all"); default all'),
  })
  .strict();

/**
 * The answers to one question of a campaign (every one by default), with who said them: what the
 * insights page loads when the user asks to see all of a question's answers, without the rest.
 */
export async function questionAnswers(ctx: Ctx, campaignId: string, input: unknown): Promise<QuestionAnswers> {
  // The campaign first: someone else's campaign is not_found whatever the query says.
  const campaign = await ctx.store.campaigns.get(ctx.userId, campaignId);
  if (!campaign) throw notFound('campaign', campaignId);
  const { question, answersLimit } = parse(answersQuery, input ?? {}, 'query');
  const s = ctx.store.insights;
  const [interviews, answers, own] = await Promise.all([
    s.interviews(ctx.userId, campaign.id),
    s.answers(ctx.userId, campaign.id, answersLimit === 'all' ? null : answersLimit, question),
    ctx.store.questions.list(ctx.userId),
  ]);
  // A question nobody has answered yet is listed with a total of 0.
  const [one] = answersByQuestion(answers.notes, interviews, own, campaign.field, { [question]: 0, ...answers.totals });
  return one!;
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
