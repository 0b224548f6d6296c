// Work history. A person has roles (organisation, title, from, to); the current job is derived
// from them, and the contact row keeps a copy so that lists, search and matching read one table.
// Two ways in: editing the contact's organisation or title (`saveJob`, which decides between a
// correction and a new job), and editing the roles themselves (which re-derives the current job).
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import type { ContactSource, Role } from '../domain/types.js';
import { contactRecord } from '../store/contacts.store.js';
import type { Store } from '../store/index.js';
import { currentRole } from '../store/roles.store.js';
import type { Ctx } from './context.js';
import { resolveOrganisation } from './organisations.js';
import { optionalText, parse } from './validate.js';

/** YYYY, YYYY-MM or YYYY-MM-DD, a real date: people rarely know the day they started a job. */
const partialDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a year, a month or a date, like 2021, 2021-04 or 2021-04-12')
    .refine(
      (s) => s.length < 10 || (!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)),
      {
        message: 'is not a date in the calendar',
      },
    )
    .nullish(),
);

/** Compares two partial dates by what both say: 2021 is not after 2021-04. */
function inOrder(from: string | null, to: string | null): boolean {
  return !from || !to || from.slice(0, to.length) <= to.slice(0, from.length);
}

const roleFields = { organisation: optionalText(200), title: optionalText(200), from: partialDate, to: partialDate };

export const roleInput = z
  .object(roleFields)
  .strict()
  .refine((r) => r.organisation || r.title, { message: 'needs an organisation or a title', path: ['organisation'] })
  .refine((r) => inOrder(r.from ?? null, r.to ?? null), { message: 'is before the start', path: ['to'] });
export const rolePatch = z.object(roleFields).partial().strict();

function checkOrder(from: string | null, to: string | null): void {
  if (!inOrder(from, to)) {
    throw new AppError('invalid_input', 'Invalid role: to: is before the start', {
      fields: [{ field: 'to', message: 'is before the start' }],
    });
  }
}

/**
 * Brings the work history in line with the contact's organisation and title. A different
 * organisation, or `newJob` (a newer LinkedIn export said so), closes the current role and opens
 * a new one; anything else (a typo fixed, a missing organisation filled in) corrects it in place.
 */
export async function saveJob(
  ctx: Ctx,
  tx: Store,
  contactId: string,
  job: { organisationId: string | null; title: string | null; source: ContactSource },
  opts: { newJob?: boolean; at: string; /** a merge: the job chosen ends the other side's job elsewhere */ merged?: boolean },
): Promise<void> {
  const roles = await tx.roles.list(ctx.userId, contactId);
  const cur = currentRole(roles);
  const month = opts.at.slice(0, 7);
  if (!job.organisationId && !job.title) {
    if (cur) await tx.roles.update(ctx.userId, cur.id, { ...cur, to: month });
    return;
  }
  const same = roles.find((r) => r.to === null && r.organisationId === job.organisationId && r.title === job.title);
  if (same) {
    // A merge brings both people's jobs; the one chosen is current, the other one has ended. Outside
    // a merge, other open roles are jobs held at the same time and stay as they are.
    if (opts.merged)
      for (const r of roles)
        if (r.to === null && r.id !== same.id && r.organisationId !== job.organisationId)
          await tx.roles.update(ctx.userId, r.id, { ...r, to: month });
    return;
  }
  const elsewhere = cur?.organisationId && job.organisationId && cur.organisationId !== job.organisationId;
  if (cur && !opts.newJob && !elsewhere) {
    await tx.roles.update(ctx.userId, cur.id, { ...cur, organisationId: job.organisationId, title: job.title });
    return;
  }
  if (cur) await tx.roles.update(ctx.userId, cur.id, { ...cur, to: month });
  const role = { organisationId: job.organisationId, title: job.title, from: null, to: null, source: job.source };
  await tx.roles.insert(ctx.userId, contactId, ctx.ids(), role, opts.at);
}

/** After the roles changed: the contact's organisation and title become the current role's. */
async function deriveCurrent(ctx: Ctx, tx: Store, contactId: string): Promise<void> {
  const contact = (await tx.contacts.get(ctx.userId, contactId))!;
  const cur = currentRole(await tx.roles.list(ctx.userId, contactId));
  const organisationId = cur?.organisationId ?? null;
  const title = cur?.title ?? null;
  if (contact.organisationId === organisationId && contact.title === title) return;
  await tx.contacts.update(ctx.userId, contactId, { ...contactRecord(contact), organisationId, title }, ctx.clock.now().toISOString());
}

export async function listRoles(ctx: Ctx, contactId: string): Promise<Role[]> {
  if (!(await ctx.store.contacts.get(ctx.userId, contactId))) throw notFound('contact', contactId);
  return ctx.store.roles.list(ctx.userId, contactId);
}

export async function addRole(ctx: Ctx, contactId: string, input: unknown): Promise<Role> {
  const data = parse(roleInput, input, 'role');
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.contacts.get(ctx.userId, contactId))) throw notFound('contact', contactId);
    const id = ctx.ids();
    const organisationId = await resolveOrganisation(ctx, tx, data.organisation);
    const record = { organisationId, title: data.title ?? null, from: data.from ?? null, to: data.to ?? null, source: 'manual' as const };
    await tx.roles.insert(ctx.userId, contactId, id, record, ctx.clock.now().toISOString());
    await deriveCurrent(ctx, tx, contactId);
    return (await tx.roles.get(ctx.userId, id))!;
  });
}

export async function updateRole(ctx: Ctx, id: string, input: unknown): Promise<Role> {
  const patch = parse(rolePatch, input, 'role');
  return ctx.store.transaction(async (tx) => {
    const cur = await tx.roles.get(ctx.userId, id);
    if (!cur) throw notFound('role', id);
    const organisationId = patch.organisation === undefined ? cur.organisationId : await resolveOrganisation(ctx, tx, patch.organisation);
    const next = {
      organisationId,
      title: patch.title === undefined ? cur.title : (patch.title ?? null),
      from: patch.from === undefined ? cur.from : (patch.from ?? null),
      to: patch.to === undefined ? cur.to : (patch.to ?? null),
      source: cur.source,
    };
    if (!next.organisationId && !next.title) {
      throw new AppError('invalid_input', 'Invalid role: organisation: needs an organisation or a title', {
        fields: [{ field: 'organisation', message: 'needs an organisation or a title' }],
      });
    }
    checkOrder(next.from, next.to);
    await tx.roles.update(ctx.userId, id, next);
    await deriveCurrent(ctx, tx, cur.contactId);
    return (await tx.roles.get(ctx.userId, id))!;
  });
}

export async function deleteRole(ctx: Ctx, id: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const cur = await tx.roles.get(ctx.userId, id);
    if (!cur) throw notFound('role', id);
    await tx.roles.delete(ctx.userId, id);
    await deriveCurrent(ctx, tx, cur.contactId);
  });
}
