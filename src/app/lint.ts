// Linting a draft or a question plan (CONTRACTS.md, "Linter"). With a contact or an interview, the
// contact's introducers and their permissions come from the store, so naming one who has not said
// yes is caught; with an interview, a question plan is also checked against its agreed minutes.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { LINT_CHANNELS, LINT_PURPOSES, lintMessage, type LintIntroducer, type LintOptions, type LintResult } from '../domain/lint/index.js';
import type { Ctx } from './context.js';
import { parse } from './validate.js';

export const MAX_LINT_TEXT = 100_000;

const oneOf = <T extends string>(values: readonly T[], what: string) =>
  z.enum(values as [T, ...T[]], { error: (i) => `unknown ${what} "${String(i.input)}"; use one of ${values.join(', ')}` });

export const lintInput = z
  .object({
    text: z.string().max(MAX_LINT_TEXT, `must be at most ${MAX_LINT_TEXT} characters`),
    purpose: oneOf(LINT_PURPOSES, 'purpose').default('request'),
    channel: oneOf(LINT_CHANNELS, 'channel').default('email'),
    contactId: z.string().trim().min(1).max(64).nullish(),
    interviewId: z.string().trim().min(1).max(64).nullish(),
  })
  .strict();

/** Whether linting this input needs the store (a contact or an interview to read). */
export const needsStore = (input: { contactId?: unknown; interviewId?: unknown }): boolean => !!(input.contactId || input.interviewId);

/**
 * Lints `input.text`. `ctx` may be null when the input names no contact or interview, so the CLI
 * can lint a file without opening a database.
 */
export async function lintText(ctx: Ctx | null, input: unknown): Promise<LintResult> {
  const data = parse(lintInput, input);
  const options: LintOptions = { purpose: data.purpose, channel: data.channel };
  if (!ctx) {
    if (needsStore(data)) throw new AppError('internal', 'Linting with a contact or an interview needs the database.');
    return lintMessage(data.text, options);
  }
  let contactId = data.contactId ?? null;
  if (data.interviewId) {
    const interview = await ctx.store.interviews.get(ctx.userId, data.interviewId);
    if (!interview) throw notFound('interview', data.interviewId);
    if (contactId && contactId !== interview.contactId) {
      throw new AppError('invalid_input', 'Invalid input: contactId: that interview is with another contact', {
        fields: [{ field: 'contactId', message: 'is not the contact of that interview' }],
      });
    }
    contactId = interview.contactId;
    if (data.purpose === 'questions') options.minutes = interview.minutes;
  }
  if (contactId) {
    if (!(await ctx.store.contacts.get(ctx.userId, contactId))) throw notFound('contact', contactId);
    options.introducers = introducersOf(contactId, await ctx.store.introductions.forContact(ctx.userId, contactId));
  }
  return lintMessage(data.text, options);
}

/** The people who introduced this contact, once each; a permission granted once counts. */
function introducersOf(
  contactId: string,
  intros: readonly { contactId: string; introducerId: string; introducerName: string; permission: LintIntroducer['permission'] }[],
): LintIntroducer[] {
  const byPerson = new Map<string, LintIntroducer>();
  for (const i of intros) {
    if (i.contactId !== contactId) continue;
    const seen = byPerson.get(i.introducerId);
    if (!seen || i.permission === 'granted') byPerson.set(i.introducerId, { name: i.introducerName, permission: i.permission });
  }
  return [...byPerson.values()];
}
