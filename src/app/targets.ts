// Targets per campaign: add an organisation (found by normalised name, or created), set its
// priority and status, list them ranked with advocacy derived from the user's contacts.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { rankTargets, type Target, type TargetView } from '../domain/targets.js';
import { TARGET_STATUSES } from '../domain/types.js';
import type { Ctx } from './context.js';
import { resolveOrganisation } from './organisations.js';
import { idText, parse, requiredText } from './validate.js';

const motivation = z.coerce.number().int().min(0, 'must be 0 to 3').max(3, 'must be 0 to 3');
const posting = z.coerce.number().int().min(1, 'must be 1 to 3').max(3, 'must be 1 to 3');

export const targetInput = z
  .object({
    campaignId: idText,
    organisation: requiredText(200),
    motivation: motivation.default(2),
    posting: posting.default(1),
    status: z.enum(TARGET_STATUSES).default('active'),
  })
  .strict();
export const targetPatch = z
  .object({ motivation, posting, status: z.enum(TARGET_STATUSES) })
  .partial()
  .strict();

/** A target with its derived advocacy and place in the ranking. */
export type { Target };

const present = (list: TargetView[]): Target[] => rankTargets(list).map((t, i) => ({ ...t, advocacy: t.knownInside > 0, rank: i + 1 }));

export async function addTarget(ctx: Ctx, input: unknown): Promise<Target> {
  const data = parse(targetInput, input);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.campaigns.get(ctx.userId, data.campaignId))) throw notFound('campaign', data.campaignId);
    const organisationId = (await resolveOrganisation(ctx, tx, data.organisation))!;
    if (await tx.targets.find(ctx.userId, data.campaignId, organisationId)) {
      throw new AppError('conflict', `"${data.organisation}" is already a target of this campaign.`);
    }
    const id = ctx.ids();
    await tx.targets.insert(ctx.userId, { id, ...data, organisationId }, ctx.clock.now().toISOString());
    const all = await tx.targets.list(ctx.userId, data.campaignId);
    return present(all).find((t) => t.id === id)!;
  });
}

export async function updateTarget(ctx: Ctx, id: string, input: unknown): Promise<Target> {
  const patch = parse(targetPatch, input);
  return ctx.store.transaction(async (tx) => {
    const cur = await tx.targets.get(ctx.userId, id);
    if (!cur) throw notFound('target', id);
    await tx.targets.update(ctx.userId, id, {
      motivation: patch.motivation ?? cur.motivation,
      posting: patch.posting ?? cur.posting,
      status: patch.status ?? cur.status,
    });
    return present(await tx.targets.list(ctx.userId, cur.campaignId)).find((t) => t.id === id)!;
  });
}

/** Sets a target by campaign and organisation name (the CLI's `targets set`). */
export async function setTargetByName(ctx: Ctx, campaignId: string, organisation: string, input: unknown): Promise<Target> {
  const org = await ctx.store.organisations.findByName(ctx.userId, organisation);
  const found = org && (await ctx.store.targets.find(ctx.userId, campaignId, org.id));
  if (!found) throw new AppError('not_found', `"${organisation}" is not a target of campaign ${campaignId}.`);
  return updateTarget(ctx, found.id, input);
}

export async function listTargets(ctx: Ctx, campaignId: string): Promise<Target[]> {
  if (!(await ctx.store.campaigns.get(ctx.userId, campaignId))) throw notFound('campaign', campaignId);
  return present(await ctx.store.targets.list(ctx.userId, campaignId));
}

export async function deleteTarget(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.targets.delete(ctx.userId, id))) throw notFound('target', id);
}
