// The question plan of an interview: shown (the stored plan, or the automatic suggestion until one
// is saved), suggested and saved, edited whole (reorder, remove, reword) or one question at a time.
// Every answer carries the linter's findings for the plan as it now stands.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import {
  budgetOf,
  coverageOf,
  lintPlan,
  referralLast,
  suggestPlan,
  usedMinutes,
  type PlanQuestion,
  type PlanView,
} from '../domain/question-plan.js';
import { askable, CUSTOM_QUESTION_ID, fillField, oneLine, type BankQuestion } from '../domain/questions/index.js';
import type { Campaign } from '../domain/types.js';
import type { InterviewView } from '../store/interviews.store.js';
import type { StoredPlan } from '../store/plans.store.js';
import type { Ctx } from './context.js';
import { findQuestion, listQuestions, questionMinutes } from './questions.js';
import { idText, parse } from './validate.js';

export type { PlanView } from '../domain/question-plan.js';

/** The length planned for; 0 (no time for any question) is refused. Null: the interview's agreed length. */
const planMinutes = z.coerce
  .number({ error: 'must be a whole number of minutes' })
  .int('must be a whole number of minutes')
  .min(5, 'must be at least 5: a plan needs time for questions besides the opening and the close')
  .max(180, 'must be at most 180')
  .nullish();

const planItem = z
  .object({
    id: idText,
    text: z.string().trim().min(1, 'is required').max(1000, 'must be at most 1000 characters').optional(),
    minutes: questionMinutes.optional(),
  })
  .strict();

export const planInput = z.object({ questions: z.array(planItem).max(60, 'holds at most 60 questions'), minutes: planMinutes }).strict();
export const autoPlanInput = z.object({ minutes: planMinutes }).strict();
export const addToPlanInput = z
  .object({ question: z.string().trim().min(1, 'is required').max(1000), minutes: questionMinutes.optional() })
  .strict();

interface Subject {
  interview: InterviewView;
  campaign: Campaign;
  stored: StoredPlan | undefined;
}

async function subject(ctx: Ctx, interviewId: string): Promise<Subject> {
  const interview = await ctx.store.interviews.get(ctx.userId, interviewId);
  if (!interview) throw notFound('interview', interviewId);
  const campaign = await ctx.store.campaigns.get(ctx.userId, interview.campaignId);
  if (!campaign) throw notFound('campaign', interview.campaignId);
  return { interview, campaign, stored: await ctx.store.plans.forInterview(ctx.userId, interviewId) };
}

function view(s: Subject, questions: PlanQuestion[], saved: boolean, minutesOverride: number | null): PlanView {
  const minutes = minutesOverride ?? s.interview.minutes;
  return {
    interviewId: s.interview.id,
    saved,
    minutes,
    budgetMinutes: budgetOf(minutes),
    usedMinutes: usedMinutes(questions),
    questions,
    findings: lintPlan(questions, minutes),
    field: s.campaign.field,
    situation: s.campaign.situation,
  };
}

async function suggestion(ctx: Ctx, s: Subject, minutes: number): Promise<PlanQuestion[]> {
  const bank = await listQuestions(ctx);
  const notes = await ctx.store.plans.coverageNotes(ctx.userId, s.campaign.id, s.interview.id);
  return suggestPlan({ situation: s.campaign.situation, field: s.campaign.field, minutes, bank, coverage: coverageOf(notes) });
}

/** The stored questions with their topics (built-in: the id; the user's: theirs; free text: `custom`). */
async function storedQuestions(ctx: Ctx, stored: StoredPlan): Promise<PlanQuestion[]> {
  const own = new Map((await ctx.store.questions.list(ctx.userId)).map((q) => [q.id, q.topic]));
  return Promise.all(
    stored.items.map(async (i) => ({
      ...i,
      topic:
        own.get(i.id) ??
        (i.id === CUSTOM_QUESTION_ID ? CUSTOM_QUESTION_ID : ((await findQuestion(ctx, i.id))?.topic ?? CUSTOM_QUESTION_ID)),
    })),
  );
}

/** The current questions: the stored plan's, or the suggestion while nothing is stored. */
async function current(ctx: Ctx, s: Subject, minutes: number | null = null): Promise<PlanQuestion[]> {
  if (s.stored) return storedQuestions(ctx, s.stored);
  return suggestion(ctx, s, minutes ?? s.interview.minutes);
}

async function save(ctx: Ctx, s: Subject, questions: PlanQuestion[], minutes: number | null): Promise<PlanView> {
  const ordered = referralLast(questions);
  await ctx.store.transaction((tx) =>
    tx.plans.save(
      ctx.userId,
      { id: ctx.ids(), interviewId: s.interview.id, minutes, items: ordered.map(({ id, text, minutes: m }) => ({ id, text, minutes: m })) },
      ctx.clock.now().toISOString(),
    ),
  );
  return view(s, ordered, true, minutes);
}

/** The minutes to keep: the given ones (null resets to the interview's), else what the plan had. */
const keptMinutes = (given: number | null | undefined, s: Subject): number | null =>
  given !== undefined ? given : (s.stored?.minutes ?? null);

/** The interview's plan as stored, or (unsaved, `saved: false`) the automatic suggestion. */
export async function getPlan(ctx: Ctx, interviewId: string): Promise<PlanView> {
  const s = await subject(ctx, interviewId);
  if (s.stored) return view(s, await storedQuestions(ctx, s.stored), true, s.stored.minutes);
  return view(s, await suggestion(ctx, s, s.interview.minutes), false, null);
}

/** Replaces the plan with a fresh suggestion and saves it. */
export async function autoPlan(ctx: Ctx, interviewId: string, input: unknown = {}): Promise<PlanView> {
  const data = parse(autoPlanInput, input ?? {});
  const s = await subject(ctx, interviewId);
  const minutes = keptMinutes(data.minutes, s);
  return save(ctx, s, await suggestion(ctx, s, minutes ?? s.interview.minutes), minutes);
}

/** Saves the whole ordered list; the referral question is kept last whatever the order sent. */
export async function setPlan(ctx: Ctx, interviewId: string, input: unknown): Promise<PlanView> {
  const data = parse(planInput, input);
  const s = await subject(ctx, interviewId);
  const seen = new Set<string>();
  const questions: PlanQuestion[] = [];
  for (const [i, item] of data.questions.entries()) {
    if (item.id !== CUSTOM_QUESTION_ID && seen.has(item.id)) {
      throw new AppError('invalid_input', `Invalid input: questions.${i}.id: ${item.id} is in the plan twice`, {
        fields: [{ field: `questions.${i}.id`, message: 'is in the plan twice' }],
      });
    }
    seen.add(item.id);
    questions.push(await resolve(ctx, s, item, `questions.${i}`));
  }
  return save(ctx, s, questions, keptMinutes(data.minutes, s));
}

/** Plans for another length (null: the interview's agreed one), keeping the questions. */
export async function setPlanMinutes(ctx: Ctx, interviewId: string, input: unknown): Promise<PlanView> {
  const data = parse(autoPlanInput, input ?? {});
  const s = await subject(ctx, interviewId);
  const minutes = keptMinutes(data.minutes, s);
  return save(ctx, s, await current(ctx, s, minutes), minutes);
}

/**
 * Adds one question before the referral question: a question id from the bank, or free text. A
 * single word is read as an id, so a mistyped id is `not_found` rather than a one-word question.
 */
export async function addToPlan(ctx: Ctx, interviewId: string, input: unknown): Promise<PlanView> {
  const data = parse(addToPlanInput, input);
  const s = await subject(ctx, interviewId);
  const questions = await current(ctx, s);
  const looksLikeId = !/\s/.test(data.question) && !data.question.endsWith('?');
  const item = looksLikeId
    ? { id: data.question, minutes: data.minutes }
    : { id: CUSTOM_QUESTION_ID, text: data.question, minutes: data.minutes };
  const added = await resolve(ctx, s, item, 'question');
  if (added.id !== CUSTOM_QUESTION_ID && questions.some((q) => q.id === added.id)) {
    throw new AppError('invalid_input', `Invalid input: question: ${added.id} is already in the plan`, {
      fields: [{ field: 'question', message: 'is already in the plan' }],
    });
  }
  return save(ctx, s, [...questions, added], s.stored?.minutes ?? null);
}

/** Removes a question by its id, or by its 1-based position in the plan (the way to remove free text). */
export async function removeFromPlan(ctx: Ctx, interviewId: string, which: string): Promise<PlanView> {
  const s = await subject(ctx, interviewId);
  const questions = await current(ctx, s);
  const position = /^\d+$/.test(which) ? Number(which) - 1 : -1;
  const at = position >= 0 ? position : questions.findIndex((q) => q.id === which);
  if (at < 0 || at >= questions.length) {
    throw new AppError('not_found', `The plan has no question ${which}.`, { id: which });
  }
  return save(ctx, s, questions.toSpliced(at, 1), s.stored?.minutes ?? null);
}

/** One plan entry from the bank (text and minutes from it unless given) or free text. */
async function resolve(
  ctx: Ctx,
  s: Subject,
  item: { id: string; text?: string | undefined; minutes?: number | undefined },
  path: string,
): Promise<PlanQuestion> {
  if (item.id === CUSTOM_QUESTION_ID) {
    if (!item.text) {
      throw new AppError('invalid_input', `Invalid input: ${path}.text: free text needs its question`, {
        fields: [{ field: `${path}.text`, message: 'is required for a question of your own words' }],
      });
    }
    const text = oneLine(item.text);
    return { id: CUSTOM_QUESTION_ID, topic: CUSTOM_QUESTION_ID, text, minutes: item.minutes ?? estimateMinutes(text) };
  }
  const q: BankQuestion | undefined = await findQuestion(ctx, item.id);
  if (!q) throw new AppError('not_found', `No question with id ${item.id}.`, { id: item.id });
  if (!askable(q)) {
    throw new AppError(
      'invalid_input',
      `Invalid input: ${path}: ${q.id} is a preparation prompt for your own talking points, not a question to ask`,
      {
        fields: [{ field: path, message: 'is a preparation prompt, not a question to ask' }],
      },
    );
  }
  return {
    id: q.id,
    topic: q.topic,
    text: item.text ? oneLine(item.text) : fillField(q.text, s.campaign.field),
    minutes: item.minutes ?? q.minutes,
  };
}

/** Most questions with their answer take two minutes; long or compound ones three. */
function estimateMinutes(text: string): number {
  return text.split(/\s+/).length > 25 || (text.match(/\?/g) ?? []).length > 1 ? 3 : 2;
}
