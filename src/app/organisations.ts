// Organisations: employers and associations, found by their normalised name.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { ORGANISATION_KINDS, type Organisation } from '../domain/types.js';
import type { Store } from '../store/index.js';
import type { Ctx } from './context.js';
import { optionalText, paging, parse, requiredText } from './validate.js';

export const organisationInput = z
  .object({
    name: requiredText(200),
    kind: z.enum(ORGANISATION_KINDS).default('employer'),
    website: optionalText(500),
    notes: optionalText(10_000),
  })
  .strict();

/** The organisation called `name` (by normalised form), created when there is none. */
export async function resolveOrganisation(ctx: Ctx, tx: Store, name: string | null | undefined): Promise<string | null> {
  if (!name?.trim()) return null;
  const found = await tx.organisations.findByName(ctx.userId, name);
  if (found) return found.id;
  const id = ctx.ids();
  await tx.organisations.insert(
    ctx.userId,
    id,
    { name: name.trim(), kind: 'employer', website: null, notes: null },
    ctx.clock.now().toISOString(),
  );
  return id;
}

export async function createOrganisation(ctx: Ctx, input: unknown): Promise<Organisation> {
  const data = parse(organisationInput, input);
  return ctx.store.transaction(async (tx) => {
    if (await tx.organisations.findByName(ctx.userId, data.name)) {
      throw new AppError('conflict', `An organisation named "${data.name}" already exists.`);
    }
    const id = ctx.ids();
    await tx.organisations.insert(
      ctx.userId,
      id,
      { name: data.name, kind: data.kind, website: data.website ?? null, notes: data.notes ?? null },
      ctx.clock.now().toISOString(),
    );
    return (await tx.organisations.get(ctx.userId, id))!;
  });
}

export async function updateOrganisation(ctx: Ctx, id: string, input: unknown): Promise<Organisation> {
  const patch = parse(organisationInput.partial(), input);
  return ctx.store.transaction(async (tx) => {
    const cur = await tx.organisations.get(ctx.userId, id);
    if (!cur) throw notFound('organisation', id);
    const next = {
      name: patch.name ?? cur.name,
      kind: patch.kind ?? cur.kind,
      website: patch.website === undefined ? cur.website : patch.website,
      notes: patch.notes === undefined ? cur.notes : patch.notes,
    };
    const clash = await tx.organisations.findByName(ctx.userId, next.name);
    if (clash && clash.id !== id) throw new AppError('conflict', `An organisation named "${next.name}" already exists.`);
    await tx.organisations.update(ctx.userId, id, next);
    if (next.name !== cur.name) await tx.contacts.reindexOrganisation(ctx.userId, id);
    return (await tx.organisations.get(ctx.userId, id))!;
  });
}

export async function getOrganisation(ctx: Ctx, id: string): Promise<Organisation> {
  const o = await ctx.store.organisations.get(ctx.userId, id);
  if (!o) throw notFound('organisation', id);
  return o;
}

export async function listOrganisations(ctx: Ctx, input: unknown) {
  const q = parse(z.object(paging), input ?? {}, 'query');
  return ctx.store.organisations.list(ctx.userId, q);
}

export async function deleteOrganisation(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.organisations.delete(ctx.userId, id))) throw notFound('organisation', id);
}
