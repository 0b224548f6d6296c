// Introductions: who introduced whom, and whether the user may use the introducer's name.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { introductionChain, type ChainLink } from '../domain/chain.js';
import { PERMISSIONS, type Contact, type Introduction } from '../domain/types.js';
import type { IntroductionView } from '../store/introductions.store.js';
import type { Ctx } from './context.js';
import { idText, parse } from './validate.js';

export const introductionInput = z
  .object({
    introducerId: idText,
    contactId: idText,
    permission: z.enum(PERMISSIONS).default('not-asked'),
    interviewId: z.string().max(64).nullish(),
  })
  .strict()
  .refine((i) => i.introducerId !== i.contactId, { message: 'a contact cannot introduce themselves', path: ['contactId'] });

export async function addIntroduction(ctx: Ctx, input: unknown): Promise<Introduction> {
  const data = parse(introductionInput, input);
  return ctx.store.transaction(async (tx) => {
    for (const id of [data.introducerId, data.contactId]) {
      if (!(await tx.contacts.get(ctx.userId, id))) throw notFound('contact', id);
    }
    if (data.interviewId && !(await tx.interviews.get(ctx.userId, data.interviewId))) throw notFound('interview', data.interviewId);
    if (await tx.introductions.find(ctx.userId, data.introducerId, data.contactId)) {
      throw new AppError('conflict', 'That introduction is already recorded.');
    }
    const now = ctx.clock.now().toISOString();
    const intro: Introduction = {
      id: ctx.ids(),
      introducerId: data.introducerId,
      contactId: data.contactId,
      permission: data.permission,
      permissionAt: data.permission === 'not-asked' ? null : now,
      interviewId: data.interviewId ?? null,
      createdAt: now,
    };
    await tx.introductions.insert(ctx.userId, intro);
    return intro;
  });
}

export async function setIntroductionPermission(ctx: Ctx, id: string, input: unknown): Promise<Introduction> {
  const { permission } = parse(z.object({ permission: z.enum(PERMISSIONS) }).strict(), input);
  if (!(await ctx.store.introductions.get(ctx.userId, id))) throw notFound('introduction', id);
  await ctx.store.introductions.setPermission(ctx.userId, id, permission, ctx.clock.now().toISOString());
  return (await ctx.store.introductions.get(ctx.userId, id))!;
}

export async function listIntroductions(ctx: Ctx, contactId: string): Promise<IntroductionView[]> {
  if (!(await ctx.store.contacts.get(ctx.userId, contactId))) throw notFound('contact', contactId);
  return ctx.store.introductions.forContact(ctx.userId, contactId);
}

export async function deleteIntroduction(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.introductions.delete(ctx.userId, id))) throw notFound('introduction', id);
}

/** The chain of introductions from someone the user knows down to this contact. */
export async function contactChain(ctx: Ctx, contactId: string): Promise<ChainLink[]> {
  const start = await ctx.store.contacts.get(ctx.userId, contactId);
  if (!start) throw notFound('contact', contactId);
  // Walk up one earliest introducer at a time (chains are short), then let the domain assemble.
  const known = new Map<string, ChainLink>([[start.id, { id: start.id, name: start.name, tie: start.tie }]]);
  const up = new Map<string, string>();
  let cur: Contact | undefined = start;
  for (let i = 0; cur?.introducedBy && i < 20 && !up.has(cur.id); i++) {
    up.set(cur.id, cur.introducedBy);
    cur = await ctx.store.contacts.get(ctx.userId, cur.introducedBy);
    if (cur) known.set(cur.id, { id: cur.id, name: cur.name, tie: cur.tie });
  }
  return introductionChain(known.get(start.id)!, (id) => known.get(up.get(id) ?? '') ?? null);
}
