// "Done keeping in touch with this person": the user stops the update reminders of one interview
// (and can change their mind). The rule itself is a fact of the follow-through plan.
import * as z from 'zod';
import { notFound } from '../domain/errors.js';
import { syncActions } from './actions.js';
import type { Ctx } from './context.js';
import { getInterview, type InterviewDetail } from './interviews.js';
import { parse } from './validate.js';

export const keepInTouchInput = z.object({ on: z.boolean({ error: 'must be true or false' }) }).strict();

/** `on: false` stops the update reminders (the open one is dismissed); `on: true` brings it back. */
export async function setKeepInTouch(ctx: Ctx, interviewId: string, input: unknown): Promise<InterviewDetail> {
  const { on } = parse(keepInTouchInput, input);
  await ctx.store.transaction(async (tx) => {
    const i = await tx.interviews.get(ctx.userId, interviewId);
    if (!i) throw notFound('interview', interviewId);
    // Saying it twice changes nothing: the first time stays the time it stopped.
    if (on === (i.keepInTouchDoneAt === null)) return;
    await tx.interviews.setKeepInTouchDone(ctx.userId, interviewId, on ? null : ctx.clock.now().toISOString());
    await syncActions(ctx, tx, interviewId, { resumeUpdates: on });
  });
  return getInterview(ctx, interviewId);
}
