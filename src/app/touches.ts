// Logging a touch, and the status change it may cause (CONTRACTS.md, interview life cycle).
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { isOpen, statusAfterTouch } from '../domain/lifecycle.js';
import { CHANNELS, DIRECTIONS, PURPOSES, RESPONSES, type Touch } from '../domain/types.js';
import { parseUserTime } from '../domain/zoned.js';
import { cancelForPerson, syncPerson } from './actions.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';
import { getTemplate } from './templates.js';
import { idText, optionalText, paging, parse, timeText } from './validate.js';

export const touchInput = z
  .object({
    contactId: idText,
    interviewId: z.string().max(64).nullish(),
    channel: z.enum(CHANNELS),
    direction: z.enum(DIRECTIONS).default('out'),
    purpose: z.enum(PURPOSES),
    response: z.enum(RESPONSES).nullish(),
    at: timeText.optional(),
    text: optionalText(50_000),
    templateId: z.string().max(64).nullish(),
    objection: optionalText(2000),
    objectionAnswer: optionalText(2000),
    planned: z.boolean().default(false),
  })
  .strict()
  .refine((t) => !(t.response && t.direction === 'out'), {
    message: 'a response belongs to an inbound touch (direction in)',
    path: ['response'],
  })
  .refine((t) => !t.objectionAnswer || t.objection, {
    message: 'the answer that worked needs the objection it answered (objection)',
    path: ['objectionAnswer'],
  });

export const touchQuery = z.object({ contactId: z.string().max(64).optional(), interviewId: z.string().max(64).optional(), ...paging });

export async function logTouch(ctx: Ctx, input: unknown): Promise<Touch> {
  const data = parse(touchInput, input);
  const { timezone } = await getSettings(ctx);
  const at = data.at ? parseUserTime(data.at, timezone) : ctx.clock.now();
  if (!at)
    throw new AppError('invalid_input', `Invalid input: at: "${data.at}" is not a time like 2026-03-05T09:00 or 2026-03-05T09:00:00Z`, {
      fields: [{ field: 'at', message: 'is not a valid time' }],
    });
  // Only a built-in template or one of the user's own: never another user's (not_found).
  if (data.templateId) await getTemplate(ctx, data.templateId);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.contacts.get(ctx.userId, data.contactId))) throw notFound('contact', data.contactId);
    let interviewId = data.interviewId ?? null;
    if (interviewId) {
      const i = await tx.interviews.get(ctx.userId, interviewId);
      if (!i) throw notFound('interview', interviewId);
      if (i.contactId !== data.contactId)
        throw new AppError('invalid_input', 'That interview is with another contact.', {
          fields: [{ field: 'interviewId', message: 'belongs to another contact' }],
        });
    } else {
      // Without an interview named, a touch belongs to the contact's one open interview, if
      // there is exactly one: the usual case, and the one the user would expect.
      const open = (await tx.interviews.list(ctx.userId, { contactId: data.contactId, limit: 50, offset: 0 })).filter((i) =>
        isOpen(i.status),
      );
      if (open.length === 1) interviewId = open[0]!.id;
    }
    const touch: Touch = {
      id: ctx.ids(),
      contactId: data.contactId,
      interviewId,
      channel: data.channel,
      direction: data.direction,
      purpose: data.purpose,
      response: data.response ?? null,
      at: at.toISOString(),
      text: data.text ?? null,
      templateId: data.templateId ?? null,
      objection: data.objection ?? null,
      objectionAnswer: data.objectionAnswer ?? null,
      planned: data.planned,
      createdAt: ctx.clock.now().toISOString(),
    };
    await tx.touches.insert(ctx.userId, touch);
    if (interviewId && !touch.planned) {
      const i = (await tx.interviews.get(ctx.userId, interviewId))!;
      const next = statusAfterTouch(i.status, touch);
      if (next) await tx.interviews.update(ctx.userId, { ...i, status: next, updatedAt: touch.createdAt });
      // A decline cancels every open action for the person, in every campaign (CONTRACTS.md).
      if (next === 'declined') await cancelForPerson(ctx, tx, touch.contactId);
    }
    // Any touch may start, satisfy or cancel actions (the last touch dates the next update).
    if (!touch.planned) await syncPerson(ctx, tx, touch.contactId);
    return touch;
  });
}

export async function listTouches(ctx: Ctx, input: unknown): Promise<Touch[]> {
  const q = parse(touchQuery, input ?? {}, 'query');
  return ctx.store.touches.list(ctx.userId, q);
}

export async function deleteTouch(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.touches.delete(ctx.userId, id))) throw notFound('touch', id);
}
