// Notes taken before, during or after an interview, tagged with kinds of insight.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { INSIGHT_KINDS, type Note } from '../domain/types.js';
import { parseUserTime } from '../domain/zoned.js';
import type { Ctx } from './context.js';
import { CUSTOM_QUESTION_ID } from '../domain/questions/index.js';
import { findQuestion } from './questions.js';
import { getSettings } from './settings.js';
import { paging, parse, requiredText, timeText } from './validate.js';

const fields = {
  contactId: z.string().max(64).nullish(),
  interviewId: z.string().max(64).nullish(),
  questionId: z.string().max(64).nullish(),
  text: requiredText(50_000),
  kinds: z.array(z.enum(INSIGHT_KINDS)).max(5),
  at: timeText.optional(),
};
export const noteInput = z.object({ ...fields, kinds: fields.kinds.default([]) }).strict();
export const notePatch = z.object(fields).partial().strict();
export const noteQuery = z.object({
  contactId: z.string().max(64).optional(),
  interviewId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  ...paging,
});

async function resolveLinks(ctx: Ctx, contactId: string | null, interviewId: string | null) {
  if (interviewId) {
    const i = await ctx.store.interviews.get(ctx.userId, interviewId);
    if (!i) throw notFound('interview', interviewId);
    if (contactId && contactId !== i.contactId) {
      if (!(await ctx.store.contacts.get(ctx.userId, contactId))) throw notFound('contact', contactId);
      throw new AppError('invalid_input', 'That interview is with another contact.', {
        fields: [{ field: 'interviewId', message: 'belongs to another contact' }],
      });
    }
    return { contactId: i.contactId, interviewId };
  }
  if (contactId && !(await ctx.store.contacts.get(ctx.userId, contactId))) throw notFound('contact', contactId);
  return { contactId, interviewId: null };
}

/** A note answers a built-in question, an on-the-spot one ("custom") or one of the user's own; never another user's. */
async function checkQuestion(ctx: Ctx, questionId: string | null | undefined): Promise<void> {
  if (questionId && questionId !== CUSTOM_QUESTION_ID && !(await findQuestion(ctx, questionId))) throw notFound('question', questionId);
}

async function readAt(ctx: Ctx, at: string | undefined): Promise<string> {
  if (!at) return ctx.clock.now().toISOString();
  const t = parseUserTime(at, (await getSettings(ctx)).timezone);
  if (!t)
    throw new AppError('invalid_input', `Invalid input: at: "${at}" is not a valid time`, {
      fields: [{ field: 'at', message: 'is not a valid time' }],
    });
  return t.toISOString();
}

export async function addNote(ctx: Ctx, input: unknown): Promise<Note> {
  const data = parse(noteInput, input);
  const links = await resolveLinks(ctx, data.contactId ?? null, data.interviewId ?? null);
  await checkQuestion(ctx, data.questionId);
  const now = ctx.clock.now().toISOString();
  const note: Note = {
    id: ctx.ids(),
    ...links,
    questionId: data.questionId ?? null,
    text: data.text,
    kinds: [...new Set(data.kinds)].sort(),
    at: await readAt(ctx, data.at),
    createdAt: now,
  };
  await ctx.store.transaction((tx) => tx.notes.insert(ctx.userId, note));
  return note;
}

export async function updateNote(ctx: Ctx, id: string, input: unknown): Promise<Note> {
  const patch = parse(notePatch, input);
  const cur = await ctx.store.notes.get(ctx.userId, id);
  if (!cur) throw notFound('note', id);
  if (patch.questionId !== undefined && patch.questionId !== cur.questionId) await checkQuestion(ctx, patch.questionId);
  const links = await resolveLinks(
    ctx,
    patch.contactId !== undefined ? (patch.contactId ?? null) : cur.contactId,
    patch.interviewId !== undefined ? (patch.interviewId ?? null) : cur.interviewId,
  );
  const next: Note = {
    ...cur,
    ...links,
    questionId: patch.questionId !== undefined ? (patch.questionId ?? null) : cur.questionId,
    text: patch.text ?? cur.text,
    kinds: patch.kinds ? [...new Set(patch.kinds)].sort() : cur.kinds,
    at: patch.at ? await readAt(ctx, patch.at) : cur.at,
  };
  await ctx.store.transaction((tx) => tx.notes.update(ctx.userId, next));
  return next;
}

export async function listNotes(ctx: Ctx, input: unknown): Promise<Note[]> {
  const q = parse(noteQuery, input ?? {}, 'query');
  return ctx.store.notes.list(ctx.userId, q);
}

export async function deleteNote(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.notes.delete(ctx.userId, id))) throw notFound('note', id);
}
