// The question plan of one interview (PRODUCT.md glossary): which questions, in what order, in how
// many minutes. Pure: the suggestion weighs the campaign's situation, the agreed minutes and what
// earlier interviews of the campaign already covered; the linter checks the result.
import { lintMessage, type LintFinding } from './lint/index.js';
import { SITUATION_FOCUS, SUGGESTION_WEIGHT } from './questions/builtin.js';
import { askable, fillField, REFERRAL_QUESTION_ID, suits, type BankQuestion } from './questions/index.js';
import { INSIGHT_KINDS, type InsightKind, type Situation } from './types.js';

/** Two minutes for the opening and two for the close (CONTRACTS.md, "Question bank ids"). */
export const OPENING_AND_CLOSE_MINUTES = 4;
/** A question answered in this many earlier interviews of the campaign is not suggested again. */
export const ANSWERED_ENOUGH = 3;

export interface PlanQuestion {
  /** Built-in id, the id of one of the user's questions, or `custom` for free text. */
  id: string;
  topic: string;
  /** As asked: `{field}` already replaced. */
  text: string;
  minutes: number;
}

/** A plan's finding: the linter's, plus which question (0-based) it is about, or null for the whole plan. */
export type PlanFinding = LintFinding & { questionIndex: number | null };

export interface PlanView {
  interviewId: string;
  /** False while the plan shown is the automatic suggestion and nothing has been saved. */
  saved: boolean;
  minutes: number;
  budgetMinutes: number;
  /** Minutes the questions add up to. */
  usedMinutes: number;
  questions: PlanQuestion[];
  findings: PlanFinding[];
  /** The campaign's field and the user's situation, for the bank beside the plan. */
  field: string;
  situation: Situation;
}

/** What earlier interviews of the same campaign already covered, counted per interview. */
export interface Coverage {
  /** Question id -> in how many earlier interviews a note answers it. */
  answered: Record<string, number>;
  /** Insight kind -> in how many earlier interviews a note carries it. */
  kinds: Record<InsightKind, number>;
}

/** One note of an earlier interview, as far as coverage cares. */
export interface CoverageNote {
  interviewId: string;
  questionId: string | null;
  kinds: readonly InsightKind[];
}

export const budgetOf = (minutes: number): number => Math.max(0, minutes - OPENING_AND_CLOSE_MINUTES);

export function coverageOf(notes: readonly CoverageNote[]): Coverage {
  const answered = new Map<string, Set<string>>();
  const kinds = new Map<InsightKind, Set<string>>();
  for (const n of notes) {
    if (n.questionId) (answered.get(n.questionId) ?? answered.set(n.questionId, new Set()).get(n.questionId)!).add(n.interviewId);
    for (const k of n.kinds) (kinds.get(k) ?? kinds.set(k, new Set()).get(k)!).add(n.interviewId);
  }
  return {
    answered: Object.fromEntries([...answered].map(([id, s]) => [id, s.size])),
    kinds: Object.fromEntries(INSIGHT_KINDS.map((k) => [k, kinds.get(k)?.size ?? 0])) as Record<InsightKind, number>,
  };
}

export const NO_COVERAGE: Coverage = coverageOf([]);

export interface SuggestInput {
  situation: Situation;
  field: string;
  minutes: number;
  /** Built-in and user questions; preparation prompts are left out whatever is passed. */
  bank: readonly BankQuestion[];
  coverage?: Coverage;
}

/** Weight of a question the user wrote: they added it to the bank for a reason. */
const OWN_WEIGHT = 4;
const FOCUS_BONUS = 3;
const THIN_FACTOR = 2;
const ANSWERED_PENALTY = 0.75;

/**
 * The suggested plan: `who-else` always last and always present; the other questions chosen one
 * at a time by score (situation focus, insight kinds still thin after the earlier interviews and
 * the questions already picked, fewer repeats) among those that still fit the budget, then put
 * back in the bank's conversational order.
 */
export function suggestPlan(input: SuggestInput): PlanQuestion[] {
  const coverage = input.coverage ?? NO_COVERAGE;
  const order = new Map(input.bank.map((q, i) => [q.id, i]));
  const referral = input.bank.find((q) => q.id === REFERRAL_QUESTION_ID);
  const focus = new Set(SITUATION_FOCUS[input.situation]);
  const candidates = input.bank.filter(
    (q) => askable(q) && q.id !== REFERRAL_QUESTION_ID && suits(q, input.situation) && (coverage.answered[q.id] ?? 0) < ANSWERED_ENOUGH,
  );
  const planned: Record<string, number> = {};
  const thin = (k: InsightKind) => 1 / (1 + (coverage.kinds[k] ?? 0) + (planned[k] ?? 0));
  const score = (q: BankQuestion) =>
    (q.builtIn ? (SUGGESTION_WEIGHT[q.id] ?? 1) : OWN_WEIGHT) +
    (focus.has(q.id) ? FOCUS_BONUS : 0) +
    THIN_FACTOR * (q.insights.length ? Math.max(...q.insights.map(thin)) : 0.5) -
    ANSWERED_PENALTY * (coverage.answered[q.id] ?? 0);

  let left = budgetOf(input.minutes) - (referral?.minutes ?? 0);
  const chosen: BankQuestion[] = [];
  const rest = [...candidates];
  for (;;) {
    let best: BankQuestion | undefined;
    let bestScore = -Infinity;
    for (const q of rest) {
      if (q.minutes > left) continue;
      const s = score(q);
      if (s > bestScore) [best, bestScore] = [q, s]; // ties keep the earlier question of the bank
    }
    if (!best) break;
    chosen.push(best);
    rest.splice(rest.indexOf(best), 1);
    left -= best.minutes;
    for (const k of best.insights) planned[k] = (planned[k] ?? 0) + 1;
  }
  chosen.sort((a, b) => rank(a, order) - rank(b, order));
  const plan = chosen.map((q) => asked(q, input.field));
  return referral ? [...plan, asked(referral, input.field)] : plan;
}

/** Built-in questions in bank order, then the user's own in theirs. */
const rank = (q: BankQuestion, order: Map<string, number>) => (q.builtIn ? 0 : 10_000) + (order.get(q.id) ?? 0);

export const asked = (q: BankQuestion, field: string): PlanQuestion => ({
  id: q.id,
  topic: q.topic,
  text: fillField(q.text, field),
  minutes: q.minutes,
});

/** Moves the referral question to the end (keeping the order of everything else). */
export function referralLast<T extends { id: string }>(questions: readonly T[]): T[] {
  return [...questions.filter((q) => q.id !== REFERRAL_QUESTION_ID), ...questions.filter((q) => q.id === REFERRAL_QUESTION_ID)];
}

export const usedMinutes = (questions: readonly { minutes: number }[]): number => questions.reduce((s, q) => s + q.minutes, 0);

/**
 * The linter on a plan (purpose `questions`, one question per line), with the plan's own minutes
 * per question so `over-time` counts what the plan says rather than an estimate.
 */
export function lintPlan(questions: readonly PlanQuestion[], minutes: number): PlanFinding[] {
  const lines = questions.map((q) => q.text.replace(/\s+/g, ' ').trim());
  const text = lines.join('\n');
  const given: Record<string, number> = {};
  lines.forEach((l, i) => (given[l.replace(/^(?:[-*\u2022]|\d{1,2}[.)])\s*/, '')] = questions[i]!.minutes));
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const { findings } = lintMessage(text, { purpose: 'questions', minutes, questionMinutes: given });
  return findings.map((f) => {
    const whole = f.rule === 'missing-referral-question';
    let index = -1;
    for (let i = 0; i < starts.length && starts[i]! <= f.start; i++) index = i;
    return { ...f, questionIndex: whole || index < 0 ? null : index };
  });
}
