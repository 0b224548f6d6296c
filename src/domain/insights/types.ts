// What a campaign has taught, as one value: the shape of `coffeechat insights --campaign ID --json`
// and of `GET /api/v1/campaigns/:id/insights`. The fields the issue names are stable (scripts rely
// on them); the rest may grow. Computed by pure functions in this folder from rows the store reads.
import type { InsightKind, OutcomeKind } from '../types.js';

/** How many interviews of the campaign reached each stage (an interview counts for every stage it passed). */
export interface Funnel {
  identified: number;
  requested: number;
  replied: number;
  scheduled: number;
  held: number;
  /** Referrals recorded in the campaign's interviews (introductions made during them). */
  referrals: number;
  outcomes: number;
}

/** One reply rate, always with the counts behind it. */
export interface RateEntry {
  /** Interviews whose request went out this way. */
  sent: number;
  /** Of those, the ones with at least one reply (CONTRACTS.md's definition). */
  replied: number;
  /** replied / sent, a fraction 0–1 (0 when nothing was sent). */
  rate: number;
  /** True when `sent` is too small for the rate to mean anything (fewer than SMALL_SAMPLE). */
  smallSample: boolean;
}

export interface ReplyRates {
  byChannel: Record<string, RateEntry>;
  /** Keyed by template id; requests written without a template are under "none". */
  byTemplate: Record<string, RateEntry>;
  byTie: Record<string, RateEntry>;
}

/** Notes of each insight kind, and the kinds that are thin (fewer than THIN_NOTES notes). */
export type Coverage = Record<InsightKind, number> & { thin: InsightKind[] };

export interface Answer {
  interviewId: string;
  contactName: string;
  text: string;
}

export interface QuestionAnswers {
  questionId: string;
  topic: string;
  /** The question's text as asked (with the campaign's field), when known. */
  question: string | null;
  /** The answers listed: the most recent ones up to the asked limit (20 by default), oldest first. */
  answers: Answer[];
  /** How many answers the question has in all (more than listed when the limit cut some). */
  total: number;
}

/** One pay figure found in a note, converted to a yearly amount. */
export interface PayFigure {
  interviewId: string;
  contactName: string;
  /** The words as written, e.g. "$85-95k". */
  text: string;
  currency: string;
  /** Yearly amount (monthly × 12, weekly × 52, hourly × 2080); a range counts as its midpoint. */
  yearly: number;
}

export interface PaySummary {
  count: number;
  min: number;
  median: number;
  max: number;
  /** The most common currency (ISO 4217 code); the figures above are in it. */
  currency: string;
  period: 'year';
  /** Figures in other currencies, listed apart and not converted. */
  other: PayFigure[];
  /** Every figure in the main currency, for the brief. */
  figures: PayFigure[];
}

/** A term named in the notes on a question, with how many notes named it. */
export interface TermCount {
  term: string;
  count: number;
}

export interface ReferralNode {
  contactId: string;
  name: string;
  interviewId: string | null;
  status: string | null;
  /** Outcomes credited to this person's interview. */
  outcomes: number;
  /** Whether this branch (this person or anyone below) led to an outcome. */
  ledToOutcome: boolean;
  children: ReferralNode[];
}

export interface ReferralTree {
  /** The longest chain of referrals (a root with no referral below is depth 0). */
  depth: number;
  /** How many people are in the tree (roots included). */
  nodes: number;
  /** The campaign's interviewees who did not come through a referral in it, each with who they led to. */
  roots: ReferralNode[];
}

export interface WeekActivity {
  /** Monday of the week, as a local date `YYYY-MM-DD` in the user's zone. */
  week: string;
  requests: number;
  meetings: number;
  thankYous: number;
  updates: number;
}

export interface OutcomeCredit {
  outcomeId: string;
  kind: OutcomeKind;
  note: string | null;
  at: string;
  /** The interview where it happened, then the interviews up the introduction chain that led there. */
  credits: { interviewId: string; contactName: string; depth: number }[];
}

export interface CampaignInsights {
  campaignId: string;
  field: string;
  /** The instant the figures were computed (the clock's now). */
  asOf: string;
  funnel: Funnel;
  replyRate: ReplyRates;
  coverage: Coverage;
  answers: QuestionAnswers[];
  pay: PaySummary | null;
  /** Named most often in the notes on the `strengths`, `opportunities` and `threats` questions, by simple term counting. */
  strengths: TermCount[];
  opportunities: TermCount[];
  threats: TermCount[];
  referralTree: ReferralTree;
  activity: WeekActivity[];
  /** Meeting minutes of held interviews plus preparation minutes recorded on prep sheets. */
  minutesInvested: number;
  meetingMinutes: number;
  prepMinutes: number;
  outcomes: OutcomeCredit[];
}

/** All campaigns together (the cross-campaign view). */
export interface OverallInsights {
  asOf: string;
  campaigns: { campaignId: string; field: string; status: string; funnel: Funnel; minutesInvested: number }[];
  totals: Funnel & { minutesInvested: number };
  /** Contacts reached through referrals, per month (`YYYY-MM`), cumulative. */
  networkGrowth: { month: string; referred: number; total: number }[];
}

/** Fewer requests than this and a rate is flagged as too small a sample. */
export const SMALL_SAMPLE = 5;
/** Fewer notes of a kind than this and the kind is thin. */
export const THIN_NOTES = 3;
