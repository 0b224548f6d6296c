// Closing an interview: `held` by the life-cycle rules (the referral question must be answered),
// and a short debrief — what I learned, how it fits me, what I still need to know. The move is
// moveInterview's own (applyMove), so the thank-you actions follow in the same transaction.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import type { Debrief } from '../store/debriefs.store.js';
import type { Store } from '../store/index.js';
import type { Ctx } from './context.js';
import { applyMove, type InterviewDetail } from './interviews.js';
import { optionalText, parse } from './validate.js';

export const debriefInput = z
  .object({
    learned: optionalText(5000),
    fit: optionalText(5000),
    open: optionalText(5000),
  })
  .strict();
export const closeInput = z
  .object({
    noReferrals: z.boolean().optional(),
    debrief: debriefInput.optional(),
  })
  .strict();

export type { Debrief };
export type ClosedInterview = InterviewDetail & { debrief: Debrief };

/** Statuses in which the meeting has already been closed. */
const ALREADY_CLOSED = new Set(['held', 'thanked', 'in-touch']);

const empty = (interviewId: string): Debrief => ({ interviewId, learned: null, fit: null, open: null, updatedAt: null });

async function writeDebrief(ctx: Ctx, tx: Store, interviewId: string, patch: z.output<typeof debriefInput>): Promise<Debrief> {
  const cur = (await tx.debriefs.get(ctx.userId, interviewId)) ?? empty(interviewId);
  const next = {
    interviewId,
    learned: patch.learned !== undefined ? patch.learned : cur.learned,
    fit: patch.fit !== undefined ? patch.fit : cur.fit,
    open: patch.open !== undefined ? patch.open : cur.open,
    updatedAt: ctx.clock.now().toISOString(),
  };
  await tx.debriefs.put(ctx.userId, next);
  return next;
}

export async function closeInterview(ctx: Ctx, id: string, input: unknown = {}): Promise<ClosedInterview> {
  const data = parse(closeInput, input ?? {});
  return ctx.store.transaction(async (tx) => {
    const cur = await tx.interviews.get(ctx.userId, id);
    if (!cur) throw notFound('interview', id);
    if (ALREADY_CLOSED.has(cur.status)) {
      throw new AppError('invalid_transition', `This interview is already closed (${cur.status}); it cannot be closed again.`, {
        from: cur.status,
        to: 'held',
        allowed: [],
      });
    }
    const interview = await applyMove(ctx, tx, id, 'held', data.noReferrals === true);
    const debrief = data.debrief ? await writeDebrief(ctx, tx, id, data.debrief) : ((await tx.debriefs.get(ctx.userId, id)) ?? empty(id));
    return { ...interview, debrief };
  });
}

export async function getDebrief(ctx: Ctx, id: string): Promise<Debrief> {
  if (!(await ctx.store.interviews.get(ctx.userId, id))) throw notFound('interview', id);
  return (await ctx.store.debriefs.get(ctx.userId, id)) ?? empty(id);
}

/** Changes the given parts of the debrief; written any time, before or after closing. */
export async function updateDebrief(ctx: Ctx, id: string, input: unknown): Promise<Debrief> {
  const patch = parse(debriefInput, input);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.interviews.get(ctx.userId, id))) throw notFound('interview', id);
    return writeDebrief(ctx, tx, id, patch);
  });
}
