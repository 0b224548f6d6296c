// Outcomes: what the search produced (a job interview, an offer, a referral to a role, a new
// contact), recorded on the interview it came from and credited to every interview up the
// introduction chain that led to that person — so the user can see which conversations paid off.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import type { ProgressFacts } from '../domain/templates/progress.js';
import { OUTCOME_KINDS, type Outcome } from '../domain/types.js';
import { parseUserTime } from '../domain/zoned.js';
import type { Store } from '../store/index.js';
import type { InterviewView } from '../store/interviews.store.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';
import { idText, optionalText, paging, parse, timeText } from './validate.js';

export const outcomeInput = z
  .object({
    interviewId: idText,
    kind: z.enum(OUTCOME_KINDS, { error: `must be one of: ${OUTCOME_KINDS.join(', ')}` }),
    note: optionalText(1000),
    at: timeText.optional(),
  })
  .strict();

export const outcomeQuery = z.object({
  campaignId: z.string().trim().min(1).max(64).optional(),
  interviewId: z.string().trim().min(1).max(64).optional(),
  ...paging,
});

/** Chains are short; the cap only guards against a pathological graph. */
const MAX_CHAIN = 20;

/**
 * The interviews that led to this one: the interviews in which someone referred or introduced its
 * contact (introductions.interview_id), then the ones that brought those people in, and so on —
 * every introducer's branch, nearest first, each interview once.
 */
async function creditsFor(ctx: Ctx, tx: Store, start: InterviewView): Promise<{ interviewId: string; depth: number }[]> {
  const credits = [{ interviewId: start.id, depth: 0 }];
  const seen = new Set([start.id]);
  let frontier = [start];
  for (let depth = 1; frontier.length > 0 && depth <= MAX_CHAIN; depth++) {
    const next: InterviewView[] = [];
    for (const i of frontier) {
      const intros = await tx.introductions.forContact(ctx.userId, i.contactId);
      for (const intro of intros) {
        if (intro.contactId !== i.contactId || !intro.interviewId || seen.has(intro.interviewId)) continue;
        const from = await tx.interviews.get(ctx.userId, intro.interviewId);
        if (!from) continue;
        seen.add(from.id);
        credits.push({ interviewId: from.id, depth });
        next.push(from);
      }
    }
    frontier = next;
  }
  return credits;
}

export async function addOutcome(ctx: Ctx, input: unknown): Promise<Outcome> {
  const data = parse(outcomeInput, input);
  return ctx.store.transaction(async (tx) => {
    const interview = await tx.interviews.get(ctx.userId, data.interviewId);
    if (!interview) throw notFound('interview', data.interviewId);
    const now = ctx.clock.now().toISOString();
    let at = now;
    if (data.at) {
      const t = parseUserTime(data.at, (await getSettings({ ...ctx, store: tx })).timezone);
      if (!t) {
        throw new AppError('invalid_input', `Invalid input: at: "${data.at}" is not a time like 2026-03-09 or 2026-03-09T09:00`, {
          fields: [{ field: 'at', message: 'is not a valid time' }],
        });
      }
      at = t.toISOString();
    }
    const id = ctx.ids();
    await tx.outcomes.insert(
      ctx.userId,
      { id, campaignId: interview.campaignId, kind: data.kind, note: data.note ?? null, at, createdAt: now },
      await creditsFor(ctx, tx, interview),
    );
    return (await tx.outcomes.get(ctx.userId, id))!;
  });
}

/** Outcomes, newest first: of a campaign, or the ones an interview is credited with. */
export async function listOutcomes(ctx: Ctx, input: unknown): Promise<Outcome[]> {
  const q = parse(outcomeQuery, input ?? {}, 'query');
  if (q.campaignId && !(await ctx.store.campaigns.get(ctx.userId, q.campaignId))) throw notFound('campaign', q.campaignId);
  if (q.interviewId && !(await ctx.store.interviews.get(ctx.userId, q.interviewId))) throw notFound('interview', q.interviewId);
  return ctx.store.outcomes.list(ctx.userId, q);
}

export async function getOutcome(ctx: Ctx, id: string): Promise<Outcome> {
  const o = await ctx.store.outcomes.get(ctx.userId, id);
  if (!o) throw notFound('outcome', id);
  return o;
}

export async function deleteOutcome(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.outcomes.delete(ctx.userId, id))) throw notFound('outcome', id);
}

/**
 * What the user did since they were last in touch with the person of this interview (any touch,
 * either way; before any, since the meeting): whom they met in the campaign — naming only those
 * this person suggested — and the outcomes recorded, saying which this conversation led to.
 */
export async function progressSince(ctx: Ctx, interview: InterviewView): Promise<ProgressFacts> {
  const now = ctx.clock.now().toISOString();
  const [touches, intros, campaignInterviews] = await Promise.all([
    ctx.store.touches.list(ctx.userId, { contactId: interview.contactId, limit: 10_000, offset: 0 }),
    ctx.store.introductions.forContact(ctx.userId, interview.contactId),
    ctx.store.interviews.list(ctx.userId, { campaignId: interview.campaignId, limit: 1_000_000, offset: 0 }),
  ]);
  const last = touches.filter((t) => !t.planned && t.at <= now).reduce<string | null>((m, t) => (m === null || t.at > m ? t.at : m), null);
  const since = last ?? interview.heldAt ?? interview.createdAt;
  const suggested = new Set(intros.filter((x) => x.introducerId === interview.contactId).map((x) => x.contactId));
  const met = campaignInterviews
    .filter((i) => i.contactId !== interview.contactId && i.heldAt !== null && i.heldAt > since && i.heldAt <= now)
    .sort((a, b) => (a.heldAt! < b.heldAt! ? -1 : 1));
  const outcomes = (await ctx.store.outcomes.list(ctx.userId, { campaignId: interview.campaignId, since, limit: 50, offset: 0 }))
    .filter((o) => o.at > since && o.at <= now)
    .reverse();
  return {
    metThroughThem: met.filter((i) => suggested.has(i.contactId)).map((i) => i.contactName),
    metOthers: met.filter((i) => !suggested.has(i.contactId)).length,
    outcomes: outcomes.map((o) => ({ kind: o.kind, note: o.note, thanksToThem: o.credits.some((c) => c.interviewId === interview.id) })),
  };
}
