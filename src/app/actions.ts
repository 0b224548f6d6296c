// Actions: the follow-through rules applied to stored data (syncing an interview's actions inside
// the transaction of whatever changed it), and the user's own moves on an action: done, snooze,
// dismiss. Also accepting a suggestion that runs through a mutual contact.
import * as z from 'zod';
import { draftFor, type ActionDraft } from '../domain/action-drafts.js';
import { addBusinessDays } from '../domain/business-days.js';
import { AppError, notFound } from '../domain/errors.js';
import { planActions, updatesToResume, type InterviewFacts } from '../domain/follow-through.js';
import { checkMove } from '../domain/lifecycle.js';
import { ACTION_STATUSES, type Action } from '../domain/types.js';
import { parseUserTime } from '../domain/zoned.js';
import type { Store } from '../store/index.js';
import type { ActionRecord } from '../store/actions.store.js';
import type { Ctx } from './context.js';
import { addInterview, type InterviewDetail } from './interviews.js';
import { isPrepared } from './prep.js';
import { getSettings } from './settings.js';
import { idText, paging, parse, timeText } from './validate.js';

export const actionQuery = z.object({
  status: z.enum(ACTION_STATUSES, { error: `must be one of: ${ACTION_STATUSES.join(', ')}` }).optional(),
  contactId: z.string().max(64).optional(),
  interviewId: z.string().max(64).optional(),
  ...paging,
});
export const snoozeInput = z.object({ until: timeText }).strict();
export const acceptInput = z.object({ campaignId: idText, contactId: idText, viaContactId: z.string().trim().max(64).nullish() }).strict();

/** An action as the API and the CLI show it. */
export type ActionView = Action & { createdAt: string; closedAt: string | null; draft: ActionDraft | null };

export function viewOf(a: ActionRecord, now: string): ActionView {
  const { overdueAt, ...rest } = a;
  return { ...rest, overdue: overdueAt <= now, draft: draftFor(a) };
}

const inTx = (ctx: Ctx, tx: Store): Ctx => ({ ...ctx, store: tx });

/**
 * Brings one interview's actions in line with the rules: creates the ones now due, closes the
 * ones overtaken, moves the ones whose meeting moved. Call it in the transaction of the change.
 * `resumeUpdates` when the user has just lifted a stop on keeping in touch (campaign reopened,
 * "done keeping in touch" undone): the update reminder that the stop dismissed comes back.
 */
export async function syncActions(ctx: Ctx, tx: Store, interviewId: string, opts: { resumeUpdates?: boolean } = {}): Promise<void> {
  const interview = await tx.interviews.get(ctx.userId, interviewId);
  if (!interview) return;
  const contact = await tx.contacts.get(ctx.userId, interview.contactId);
  if (!contact) return;
  const [settings, touches, actions, introducer, campaign, introducerTouches] = await Promise.all([
    getSettings(inTx(ctx, tx)),
    tx.touches.list(ctx.userId, { contactId: contact.id, limit: 10_000, offset: 0 }),
    tx.actions.forInterview(ctx.userId, interviewId),
    contact.introducedBy ? tx.contacts.get(ctx.userId, contact.introducedBy) : Promise.resolve(undefined),
    tx.campaigns.get(ctx.userId, interview.campaignId),
    contact.introducedBy ? tx.touches.list(ctx.userId, { contactId: contact.introducedBy, limit: 10_000, offset: 0 }) : Promise.resolve([]),
  ]);
  const facts: InterviewFacts = {
    interview,
    contact: { id: contact.id, name: contact.name, organisation: contact.organisation, doNotContact: contact.doNotContact },
    introducer: introducer?.name ?? null,
    introducerThanks: introducerTouches.filter((t) => !t.planned && t.direction === 'out' && t.purpose === 'thank-you').map((t) => t.at),
    prepared: await isPrepared(tx, ctx.userId, interviewId),
    touches,
    actions,
    campaignEnded: campaign?.status === 'ended',
    doneKeepingInTouch: interview.keepInTouchDoneAt !== null,
  };
  const rules = { timeZone: settings.timezone, country: settings.country, preset: settings.followUpPreset };
  if (opts.resumeUpdates) {
    const resumed = updatesToResume(facts, rules);
    for (const id of resumed) await tx.actions.setStatus(ctx.userId, id, 'open', null, null);
    facts.actions = actions.map((a) => (resumed.includes(a.id) ? { ...a, status: 'open' as const, closedAt: null } : a));
  }
  const plan = planActions(facts, rules);
  const now = ctx.clock.now().toISOString();
  for (const c of plan.close) await tx.actions.setStatus(ctx.userId, c.id, c.status, null, now);
  for (const m of plan.move) await tx.actions.reschedule(ctx.userId, m.id, m.dueAt, m.overdueAt, m.reason);
  for (const a of plan.create) {
    await tx.actions.insert(
      ctx.userId,
      {
        id: ctx.ids(),
        kind: a.kind,
        dueAt: a.dueAt,
        overdueAt: a.overdueAt,
        status: 'open',
        snoozedUntil: null,
        contactId: contact.id,
        contactName: null,
        interviewId,
        reason: a.reason,
      },
      now,
    );
  }
}

/**
 * Syncs every interview with a person (a touch may count for any of them, e.g. the last touch),
 * and those with the people they introduced (a thank-you to an introducer is about them).
 */
export async function syncPerson(ctx: Ctx, tx: Store, contactId: string): Promise<void> {
  const interviews = await tx.interviews.list(ctx.userId, { contactId, limit: 1000, offset: 0 });
  for (const i of interviews) await syncActions(ctx, tx, i.id);
  const introduced = (await tx.introductions.forContact(ctx.userId, contactId)).filter((x) => x.introducerId === contactId);
  for (const x of introduced) {
    for (const i of await tx.interviews.list(ctx.userId, { contactId: x.contactId, limit: 1000, offset: 0 }))
      await syncActions(ctx, tx, i.id);
  }
}

/**
 * A decline or do-not-contact: every open action about the person goes, in every campaign. A later
 * sync does not bring them back: a wanted action matches the dismissed one of the same kind and time.
 */
export async function cancelForPerson(ctx: Ctx, tx: Store, contactId: string): Promise<void> {
  await tx.actions.dismissForContact(ctx.userId, contactId, ctx.clock.now().toISOString());
}

export async function listActions(ctx: Ctx, input: unknown): Promise<ActionView[]> {
  const q = parse(actionQuery, input ?? {}, 'query');
  const now = ctx.clock.now().toISOString();
  return (await ctx.store.actions.list(ctx.userId, q)).map((a) => viewOf(a, now));
}

export async function getAction(ctx: Ctx, id: string): Promise<ActionView> {
  const a = await ctx.store.actions.get(ctx.userId, id);
  if (!a) throw notFound('action', id);
  return viewOf(a, ctx.clock.now().toISOString());
}

async function openAction(ctx: Ctx, tx: Store, id: string, verb: string): Promise<ActionRecord> {
  const a = await tx.actions.get(ctx.userId, id);
  if (!a) throw notFound('action', id);
  if (a.status === 'done' || a.status === 'dismissed') {
    throw new AppError('invalid_transition', `That action is already ${a.status}; only an open or snoozed action can be ${verb}.`, {
      from: a.status,
    });
  }
  return a;
}

/**
 * Marks an action done. Confirming a move-on closes the request as no response (CONTRACTS.md);
 * a follow-up marked done counts as sent, so the move-on that follows it is planned.
 */
export async function markDone(ctx: Ctx, id: string): Promise<ActionView> {
  return ctx.store.transaction(async (tx) => {
    const a = await openAction(ctx, tx, id, 'marked done');
    const now = ctx.clock.now().toISOString();
    await tx.actions.setStatus(ctx.userId, id, 'done', null, now);
    if (a.interviewId) {
      const i = await tx.interviews.get(ctx.userId, a.interviewId);
      if (i && a.kind === 'move-on' && i.status === 'requested') {
        checkMove(i.status, 'no-response', false);
        await tx.interviews.update(ctx.userId, { ...i, status: 'no-response', updatedAt: now });
      }
      await syncActions(ctx, tx, a.interviewId);
    }
    return viewOf((await tx.actions.get(ctx.userId, id))!, now);
  });
}

/** Puts an action aside until a later time; it counts as open again once that time has passed. */
export async function snoozeAction(ctx: Ctx, id: string, input: unknown): Promise<ActionView> {
  const data = parse(snoozeInput, input);
  return ctx.store.transaction(async (tx) => {
    const { timezone } = await getSettings(inTx(ctx, tx));
    const until = parseUserTime(data.until, timezone);
    if (!until) {
      throw new AppError('invalid_input', `Invalid input: until: "${data.until}" is not a time like 2026-03-09 or 2026-03-09T09:00`, {
        fields: [{ field: 'until', message: 'is not a valid time' }],
      });
    }
    const now = ctx.clock.now();
    if (until.getTime() <= now.getTime()) {
      throw new AppError('invalid_input', `Invalid input: until: snooze until a time in the future (it is now ${now.toISOString()}).`, {
        fields: [{ field: 'until', message: 'must be in the future' }],
      });
    }
    await openAction(ctx, tx, id, 'snoozed');
    await tx.actions.setStatus(ctx.userId, id, 'snoozed', until.toISOString(), null);
    return viewOf((await tx.actions.get(ctx.userId, id))!, now.toISOString());
  });
}

export async function dismissAction(ctx: Ctx, id: string): Promise<ActionView> {
  return ctx.store.transaction(async (tx) => {
    await openAction(ctx, tx, id, 'dismissed');
    const now = ctx.clock.now().toISOString();
    await tx.actions.setStatus(ctx.userId, id, 'dismissed', null, now);
    return viewOf((await tx.actions.get(ctx.userId, id))!, now);
  });
}

/**
 * Adds a suggested person to a campaign as a prospect; when the way in is a mutual contact, also
 * the action to ask that contact for an introduction (due now, overdue after 3 business days).
 */
export async function acceptSuggestion(ctx: Ctx, input: unknown): Promise<{ interview: InterviewDetail; action: ActionView | null }> {
  const data = parse(acceptInput, input);
  return ctx.store.transaction(async (tx) => {
    const c = inTx(ctx, tx);
    const target = await tx.contacts.get(ctx.userId, data.contactId);
    if (!target) throw notFound('contact', data.contactId);
    const via = data.viaContactId ? await tx.contacts.get(ctx.userId, data.viaContactId) : undefined;
    if (data.viaContactId && !via) throw notFound('contact', data.viaContactId);
    if (via && via.id === target.id) {
      throw new AppError('invalid_input', 'Invalid input: viaContactId: the mutual contact must be someone other than the person.', {
        fields: [{ field: 'viaContactId', message: 'is the person themselves' }],
      });
    }
    for (const p of [target, via]) {
      if (p?.doNotContact) {
        throw new AppError('invalid_input', `${p.name} is marked do not contact.`, {
          fields: [{ field: p === target ? 'contactId' : 'viaContactId', message: 'is marked do not contact' }],
        });
      }
    }
    const interview = await addInterview(c, { campaignId: data.campaignId, contactId: target.id });
    if (!via) return { interview, action: null };
    const { timezone, country } = await getSettings(c);
    const now = ctx.clock.now();
    const id = ctx.ids();
    const where = target.organisation ? ` at ${target.organisation}` : '';
    await tx.actions.insert(
      ctx.userId,
      {
        id,
        kind: 'ask-introduction',
        dueAt: now.toISOString(),
        overdueAt: addBusinessDays(now, 3, { timeZone: timezone, country }).toISOString(),
        status: 'open',
        snoozedUntil: null,
        contactId: via.id,
        contactName: null,
        interviewId: interview.id,
        reason: `The best way to ${target.name}${where} runs through ${via.name}: ask ${via.name} for an introduction, and whether you may use their name.`,
      },
      now.toISOString(),
    );
    return { interview, action: viewOf((await tx.actions.get(ctx.userId, id))!, now.toISOString()) };
  });
}
