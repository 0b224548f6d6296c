// What a campaign has taught, computed from the rows the store reads (see rows.ts): the funnel,
// reply rates, coverage, answers, pay, the terms named most often, the referral tree, weekly
// activity, time invested and outcomes. Pure: the clock's now and the user's zone come in.
import { localParts } from '../zoned.js';
import { answersByQuestion } from './answers.js';
import { timeInvested, weeklyActivity } from './activity.js';
import { coverageOf } from './coverage.js';
import { funnelOf, progressAll } from './funnel.js';
import { parsePay, summarisePay } from './pay.js';
import { replyRates } from './rates.js';
import { referralTree } from './referral-tree.js';
import {
  ANALYSED_QUESTIONS,
  type AnswerNote,
  type CampaignRows,
  type InterviewFact,
  type IntroductionFact,
  type OutcomeFact,
  type TouchFact,
} from './rows.js';
import { countTerms } from './terms.js';
import type { CampaignInsights, Funnel, OutcomeCredit, OverallInsights, PayFigure, TermCount } from './types.js';

export type * from './rows.js';
export { ANALYSED_QUESTIONS } from './rows.js';
export * from './types.js';

/** How many terms are listed for strengths, opportunities and threats. */
export const TERM_LIMIT = 10;
export const PAY_QUESTION_ID: (typeof ANALYSED_QUESTIONS)[number] = 'pay';

/** Figures written without a currency have currency '' (summarisePay puts them with the most common one). */
function payFigures(notes: readonly AnswerNote[], names: ReadonlyMap<string, string>): PayFigure[] {
  const figures: PayFigure[] = [];
  for (const n of notes) {
    if (n.questionId !== PAY_QUESTION_ID) continue;
    for (const p of parsePay(n.text)) {
      figures.push({
        interviewId: n.interviewId,
        contactName: names.get(n.interviewId) ?? '',
        text: p.text,
        currency: p.currency ?? '',
        yearly: p.yearly,
      });
    }
  }
  return figures;
}

/** The user's own currency counts only when no note names one: "70k" beside "€65k" is taken as euros. */
function paySummary(figures: PayFigure[], defaultCurrency: string) {
  return summarisePay(figures, figures.some((f) => f.currency !== '') ? undefined : defaultCurrency);
}

function termsOn(notes: readonly AnswerNote[], questionId: (typeof ANALYSED_QUESTIONS)[number]): TermCount[] {
  return countTerms(
    notes.filter((n) => n.questionId === questionId).map((n) => n.text),
    TERM_LIMIT,
  );
}

function outcomeCredits(outcomes: readonly OutcomeFact[]): OutcomeCredit[] {
  return [...outcomes]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
    .map((o) => ({
      outcomeId: o.id,
      kind: o.kind,
      note: o.note,
      at: o.at,
      credits: [...o.credits].sort((a, b) => a.depth - b.depth).map((c) => ({ ...c })),
    }));
}

export function computeInsights(rows: CampaignRows, now: Date, timezone: string): CampaignInsights {
  const { interviews, touches } = rows;
  const progress = progressAll(interviews, touches);
  const names = new Map(interviews.map((i) => [i.id, i.contactName]));
  const time = timeInvested(interviews, progress);
  // Pay and terms are worked out from every note on their questions, however few answers are shown.
  const analysed = rows.analysedNotes ?? rows.answerNotes;
  return {
    campaignId: rows.campaign.id,
    field: rows.campaign.field,
    asOf: now.toISOString(),
    funnel: funnelOf(progress.values(), rows.introductions.length, rows.outcomes.length),
    replyRate: replyRates(interviews, progress),
    coverage: coverageOf(rows.kindCounts),
    answers: answersByQuestion(rows.answerNotes, interviews, rows.ownQuestions, rows.campaign.field, rows.answerTotals),
    pay: paySummary(payFigures(analysed, names), rows.defaultCurrency),
    strengths: termsOn(analysed, 'strengths'),
    opportunities: termsOn(analysed, 'opportunities'),
    threats: termsOn(analysed, 'threats'),
    referralTree: referralTree(interviews, rows.introductions, rows.outcomes),
    activity: weeklyActivity(interviews, touches, progress, timezone),
    ...time,
    outcomes: outcomeCredits(rows.outcomes),
  };
}

export interface OverallRows {
  campaigns: { id: string; field: string; status: string }[];
  interviews: InterviewFact[];
  touches: TouchFact[];
  introductions: IntroductionFact[];
  /** Outcomes per campaign id. */
  outcomeCounts: Record<string, number>;
}

const monthOf = (at: string, timezone: string) => {
  const p = localParts(new Date(at), timezone);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
};

/** Contacts first reached through a referral, per local month, with the running total; empty months in between included. */
export function networkGrowth(introductions: readonly IntroductionFact[], timezone: string): OverallInsights['networkGrowth'] {
  const first = new Map<string, string>();
  for (const r of introductions) {
    const seen = first.get(r.contactId);
    if (!seen || r.createdAt < seen) first.set(r.contactId, r.createdAt);
  }
  const perMonth = new Map<string, number>();
  for (const at of first.values()) {
    const m = monthOf(at, timezone);
    perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
  }
  const months = [...perMonth.keys()].sort();
  if (!months.length) return [];
  const out: OverallInsights['networkGrowth'] = [];
  let [y, mo] = months[0]!.split('-').map(Number) as [number, number];
  const last = months[months.length - 1]!;
  let total = 0;
  for (;;) {
    const month = `${y}-${String(mo).padStart(2, '0')}`;
    const referred = perMonth.get(month) ?? 0;
    total += referred;
    out.push({ month, referred, total });
    if (month >= last) break;
    mo++;
    if (mo > 12) [y, mo] = [y + 1, 1];
  }
  return out;
}

export function computeOverall(rows: OverallRows, now: Date, timezone: string): OverallInsights {
  const progress = progressAll(rows.interviews, rows.touches);
  const byCampaign = new Map<string, InterviewFact[]>();
  for (const i of rows.interviews) {
    const list = byCampaign.get(i.campaignId);
    if (list) list.push(i);
    else byCampaign.set(i.campaignId, [i]);
  }
  const interviewCampaign = new Map(rows.interviews.map((i) => [i.id, i.campaignId]));
  const referrals = new Map<string, number>();
  for (const r of rows.introductions) {
    const c = interviewCampaign.get(r.interviewId);
    if (c) referrals.set(c, (referrals.get(c) ?? 0) + 1);
  }
  const totals: Funnel & { minutesInvested: number } = {
    identified: 0,
    requested: 0,
    replied: 0,
    scheduled: 0,
    held: 0,
    referrals: 0,
    outcomes: 0,
    minutesInvested: 0,
  };
  const campaigns = rows.campaigns.map((c) => {
    const interviews = byCampaign.get(c.id) ?? [];
    const funnel = funnelOf(
      interviews.map((i) => progress.get(i.id)!),
      referrals.get(c.id) ?? 0,
      rows.outcomeCounts[c.id] ?? 0,
    );
    const { minutesInvested } = timeInvested(interviews, progress);
    for (const k of Object.keys(funnel) as (keyof Funnel)[]) totals[k] += funnel[k];
    totals.minutesInvested += minutesInvested;
    return { campaignId: c.id, field: c.field, status: c.status, funnel, minutesInvested };
  });
  return { asOf: now.toISOString(), campaigns, totals, networkGrowth: networkGrowth(rows.introductions, timezone) };
}
