// What the insights are computed from: plain rows the store reads for one campaign (or for all of
// them), already narrowed to the columns the figures need. No note text except the answers shown
// and the notes on the questions whose words are analysed.
import type { Channel, Direction, InsightKind, InterviewStatus, OutcomeKind, Purpose, Response, Tie } from '../types.js';

export interface InterviewFact {
  id: string;
  campaignId: string;
  contactId: string;
  contactName: string;
  tie: Tie;
  status: InterviewStatus;
  scheduledAt: string | null;
  heldAt: string | null;
  minutes: number;
  /** Preparation minutes recorded on the interview's prep sheet (0 without one). */
  prepMinutes: number;
}

/** A touch that happened (planned ones are left out by the store), tied to an interview. */
export interface TouchFact {
  interviewId: string;
  channel: Channel;
  direction: Direction;
  purpose: Purpose;
  response: Response | null;
  at: string;
  templateId: string | null;
}

/** An introduction made during one of the interviews read (a referral). */
export interface IntroductionFact {
  introducerId: string;
  introducerName: string;
  contactId: string;
  contactName: string;
  interviewId: string;
  createdAt: string;
}

/** A note answering a question of the bank (or the user's own). */
export interface AnswerNote {
  id: string;
  interviewId: string;
  questionId: string;
  text: string;
  at: string;
}

export interface OutcomeFact {
  id: string;
  campaignId: string;
  kind: OutcomeKind;
  note: string | null;
  at: string;
  credits: { interviewId: string; contactName: string; depth: number }[];
}

/** A question's words, for showing answers next to what was asked. */
export interface QuestionText {
  id: string;
  topic: string;
  text: string;
}

export interface CampaignRows {
  campaign: { id: string; field: string };
  interviews: InterviewFact[];
  touches: TouchFact[];
  /** Notes of each kind in the campaign's interviews (counted by the database). */
  kindCounts: Partial<Record<InsightKind, number>>;
  /**
   * The answers shown: per question the most recent ones up to the asked limit, or every one.
   * Absent `answerTotals` and `analysedNotes` mean it holds every answer of the campaign.
   */
  answerNotes: AnswerNote[];
  /** How many answers each question has in all (the shown ones may be fewer). */
  answerTotals?: Record<string, number>;
  /** Every note on the questions whose words are analysed (ANALYSED_QUESTIONS: pay and the terms). */
  analysedNotes?: AnswerNote[];
  introductions: IntroductionFact[];
  outcomes: OutcomeFact[];
  /** The user's own questions (the built-in bank is looked up here, in the domain). */
  ownQuestions: QuestionText[];
  /** The currency a figure without one is taken to be in. */
  defaultCurrency: string;
}

/** The questions whose notes are read whole, for the pay figures and the terms named most often. */
export const ANALYSED_QUESTIONS = ['pay', 'strengths', 'opportunities', 'threats'] as const;
