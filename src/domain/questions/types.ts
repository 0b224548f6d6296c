// The shapes of the question bank (PRODUCT.md glossary, "question bank"): built-in questions and
// the user's own side by side, each with a topic, the situations it suits and its minutes.
import type { InsightKind, Situation } from '../types.js';

/**
 * What an entry of the bank is for: `topic` and `tiara` are asked of the interviewee; `prep` are the
 * user's own talking points (never part of a plan); `own` are questions the user wrote.
 */
export const QUESTION_KINDS = ['topic', 'tiara', 'prep', 'own'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface BankQuestion {
  /** Built-in: the topic, a stable id (CONTRACTS.md, "Question bank ids"); own: a UUID. */
  id: string;
  topic: string;
  kind: QuestionKind;
  /** May hold `{field}`, replaced by the campaign's field. */
  text: string;
  /** Minutes the question and its answer usually take. */
  minutes: number;
  situations: Situation[];
  /** The kinds of insight its answers tend to give. */
  insights: InsightKind[];
  builtIn: boolean;
}

/** The id of free text added to one plan, not kept in the bank. */
export const CUSTOM_QUESTION_ID = 'custom';
/** The referral question: in every suggested plan, always last. */
export const REFERRAL_QUESTION_ID = 'who-else';
