// The question bank: the built-in questions (TIARA and the preparation prompts included) and the
// user's own, side by side.
import * as z from 'zod';
import { AppError } from '../domain/errors.js';
import { BUILT_IN_QUESTIONS, builtInQuestion, oneLine, QUESTION_KINDS, type BankQuestion } from '../domain/questions/index.js';
import { SITUATIONS } from '../domain/types.js';
import type { Ctx } from './context.js';
import { parse, requiredText } from './validate.js';

const situation = z.enum(SITUATIONS, { error: `must be one of: ${SITUATIONS.join(', ')}` });
const kind = z.enum(QUESTION_KINDS, { error: `must be one of: ${QUESTION_KINDS.join(', ')}` });

/** Minutes of one question with its answer: a few, never the whole meeting. */
export const questionMinutes = z.coerce
  .number({ error: 'must be a whole number of minutes' })
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1')
  .max(15, 'must be at most 15');

export const questionInput = z
  .object({
    topic: requiredText(60),
    text: requiredText(1000),
    minutes: questionMinutes.default(2),
    situations: z.array(situation).max(SITUATIONS.length).default([]),
  })
  .strict();

export const questionQuery = z.object({ situation: situation.optional(), kind: kind.optional() });

/** Built-in questions first (in the bank's order), then the user's, oldest first. */
export async function listQuestions(ctx: Ctx, input: unknown = {}): Promise<BankQuestion[]> {
  const q = parse(questionQuery, input ?? {}, 'query');
  const all = [...BUILT_IN_QUESTIONS, ...(await ctx.store.questions.list(ctx.userId))];
  return all.filter((b) => (!q.situation || b.situations.includes(q.situation)) && (!q.kind || b.kind === q.kind));
}

export async function addQuestion(ctx: Ctx, input: unknown): Promise<BankQuestion> {
  const data = parse(questionInput, input);
  if (/\{(?!field\})[^}]*\}/.test(data.text)) {
    throw new AppError('invalid_input', 'Invalid input: text: the only placeholder a question can hold is {field}', {
      fields: [{ field: 'text', message: 'the only placeholder a question can hold is {field}' }],
    });
  }
  const q: BankQuestion = {
    id: ctx.ids(),
    topic: data.topic,
    kind: 'own',
    text: oneLine(data.text),
    minutes: data.minutes,
    situations: data.situations.length ? [...new Set(data.situations)] : [...SITUATIONS],
    insights: [],
    builtIn: false,
  };
  await ctx.store.transaction((tx) => tx.questions.insert(ctx.userId, q, ctx.clock.now().toISOString()));
  return q;
}

/** A built-in question or one of the user's, by id; undefined when there is none. */
export async function findQuestion(ctx: Ctx, id: string): Promise<BankQuestion | undefined> {
  return builtInQuestion(id) ?? (await ctx.store.questions.get(ctx.userId, id));
}
