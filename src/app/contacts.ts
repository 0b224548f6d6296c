// Contacts: create, edit, read, list (paged, sorted, searchable), delete, and a person's timeline.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { sortKey, splitName } from '../domain/names.js';
import { CONTACT_SOURCES, TIES, type Contact, type Note, type Role, type Touch } from '../domain/types.js';
import { CONTACT_SORTS, type ContactRecord } from '../store/contacts.store.js';
import { cancelForPerson } from './actions.js';
import type { Ctx } from './context.js';
import { resolveOrganisation } from './organisations.js';
import { saveJob } from './roles.js';
import { optionalText, paging, parse, requiredText } from './validate.js';

const email = z.string().trim().toLowerCase().pipe(z.email('is not a valid e-mail address'));
const phone = z
  .string()
  .trim()
  .min(3, 'is too short for a phone number')
  .max(40)
  .regex(/^[+()\d\s.\-/x#*]+$/i, 'may hold only digits, spaces and + ( ) - . /');
const tag = z.string().trim().min(1).max(60);
const url = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z.url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' }).nullish(),
);

const fields = {
  name: requiredText(200),
  givenName: optionalText(100),
  familyName: optionalText(100),
  emails: z.array(email).max(20),
  phones: z.array(phone).max(20),
  organisation: optionalText(200),
  title: optionalText(200),
  linkedinUrl: url,
  location: optionalText(200),
  tags: z.array(tag).max(50),
  tie: z.enum(TIES),
  doNotContact: z.boolean(),
  source: z.enum(CONTACT_SOURCES),
  connectedOn: z.preprocess((v) => (v === '' ? null : v), z.iso.date({ error: 'must be a date like 2024-03-12' }).nullish()),
  research: optionalText(20_000),
};

export const contactInput = z
  .object({
    ...fields,
    emails: fields.emails.default([]),
    phones: fields.phones.default([]),
    tags: fields.tags.default([]),
    tie: fields.tie.default('acquaintance'),
    doNotContact: fields.doNotContact.default(false),
    source: fields.source.default('manual'),
  })
  .strict();
// A patch: every field optional and without defaults, so absent means "leave as it is".
export const contactPatch = z.object(fields).partial().strict();

export const contactQuery = z.object({
  q: z.string().max(200).optional(),
  cursor: z.string().max(1000).optional(),
  sort: z.enum(CONTACT_SORTS).default('name'),
  tag: z.string().max(60).optional(),
  organisationId: z.string().max(64).optional(),
  ...paging,
});

const dedupe = (xs: string[]) => [...new Set(xs)];

function toRecord(data: z.output<typeof contactInput>, organisationId: string | null): ContactRecord {
  const split = splitName(data.name);
  return {
    name: data.name.replace(/\s+/g, ' '),
    givenName: data.givenName ?? split.givenName,
    familyName: data.familyName ?? split.familyName,
    emails: dedupe(data.emails),
    phones: dedupe(data.phones),
    organisationId,
    title: data.title ?? null,
    linkedinUrl: data.linkedinUrl ?? null,
    location: data.location ?? null,
    tags: dedupe(data.tags),
    tie: data.tie,
    doNotContact: data.doNotContact,
    source: data.source,
    connectedOn: data.connectedOn ?? null,
    research: data.research ?? null,
  };
}

export async function createContact(ctx: Ctx, input: unknown): Promise<Contact> {
  const data = parse(contactInput, input);
  return ctx.store.transaction(async (tx) => {
    const orgId = await resolveOrganisation(ctx, tx, data.organisation);
    const id = ctx.ids();
    const at = ctx.clock.now().toISOString();
    const record = toRecord(data, orgId);
    await tx.contacts.insert(ctx.userId, id, record, at);
    await saveJob(ctx, tx, id, record, { at });
    return (await tx.contacts.get(ctx.userId, id))!;
  });
}

/** Changes the given fields only. A new name re-splits given/family names unless they are given too. */
export async function updateContact(ctx: Ctx, id: string, input: unknown): Promise<Contact> {
  const patch = parse(contactPatch, input);
  return ctx.store.transaction(async (tx) => {
    const cur = await tx.contacts.get(ctx.userId, id);
    if (!cur) throw notFound('contact', id);
    const renamed = patch.name !== undefined && patch.name !== cur.name;
    const merged = {
      name: patch.name ?? cur.name,
      givenName: patch.givenName !== undefined ? patch.givenName : renamed ? null : cur.givenName,
      familyName: patch.familyName !== undefined ? patch.familyName : renamed ? null : cur.familyName,
      emails: patch.emails ?? cur.emails,
      phones: patch.phones ?? cur.phones,
      organisation: patch.organisation !== undefined ? patch.organisation : cur.organisation,
      title: patch.title !== undefined ? patch.title : cur.title,
      linkedinUrl: patch.linkedinUrl !== undefined ? patch.linkedinUrl : cur.linkedinUrl,
      location: patch.location !== undefined ? patch.location : cur.location,
      tags: patch.tags ?? cur.tags,
      tie: patch.tie ?? cur.tie,
      doNotContact: patch.doNotContact ?? cur.doNotContact,
      source: patch.source ?? cur.source,
      connectedOn: patch.connectedOn !== undefined ? patch.connectedOn : cur.connectedOn,
      research: patch.research !== undefined ? patch.research : cur.research,
    };
    const orgId = await resolveOrganisation(ctx, tx, merged.organisation);
    const at = ctx.clock.now().toISOString();
    const record = toRecord(merged, orgId);
    await tx.contacts.update(ctx.userId, id, record, at);
    await saveJob(ctx, tx, id, record, { at });
    // Marking someone do not contact cancels every open action about them.
    if (merged.doNotContact && !cur.doNotContact) await cancelForPerson(ctx, tx, id);
    return (await tx.contacts.get(ctx.userId, id))!;
  });
}

export async function getContact(ctx: Ctx, id: string): Promise<Contact> {
  const c = await ctx.store.contacts.get(ctx.userId, id);
  if (!c) throw notFound('contact', id);
  return c;
}

/** One contact with their work history, current role first: what the contact page and `show` give. */
export async function showContact(ctx: Ctx, id: string): Promise<Contact & { roles: Role[] }> {
  const c = await getContact(ctx, id);
  return { ...c, roles: await ctx.store.roles.list(ctx.userId, id) };
}

type ContactSortName = z.output<typeof contactQuery>['sort'];

/** The value a contact is ordered by under `sort`: what a cursor remembers of the last row. */
function sortValue(c: Contact, sort: ContactSortName): string {
  const by = sort.replace('-', '');
  return by === 'name' ? sortKey(c.name) : by === 'created' ? c.createdAt : c.updatedAt;
}

function encodeCursor(c: Contact, sort: ContactSortName): string {
  return Buffer.from(JSON.stringify([sortValue(c, sort), c.id])).toString('base64url');
}

function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    /* fall through */
  }
  throw new AppError('invalid_input', 'Invalid query: cursor: is not a cursor this list gave out', {
    fields: [{ field: 'cursor', message: 'is not a cursor this list gave out' }],
  });
}

/**
 * A page of contacts; `hasMore` says whether another follows, and `nextCursor` fetches it. The
 * cursor keeps deep pages as fast as the first; `offset` works too, for jumping.
 */
export async function listContacts(ctx: Ctx, input: unknown): Promise<{ items: Contact[]; hasMore: boolean; nextCursor: string | null }> {
  const q = parse(contactQuery, input ?? {}, 'query');
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await ctx.store.contacts.list(ctx.userId, { ...q, after, limit: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const hasMore = rows.length > q.limit;
  return { items, hasMore, nextCursor: hasMore ? encodeCursor(items[items.length - 1]!, q.sort) : null };
}

export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  if (!(await ctx.store.contacts.delete(ctx.userId, id))) throw notFound('contact', id);
}

export type TimelineItem = ({ type: 'touch' } & Touch) | ({ type: 'note' } & Note);

/** Everything that happened with a person, newest first: touches and notes interleaved. */
export async function contactTimeline(ctx: Ctx, id: string): Promise<TimelineItem[]> {
  await getContact(ctx, id);
  const [touches, notes] = await Promise.all([
    ctx.store.touches.list(ctx.userId, { contactId: id, limit: 500, offset: 0 }),
    ctx.store.notes.list(ctx.userId, { contactId: id, limit: 500, offset: 0 }),
  ]);
  const items: TimelineItem[] = [
    ...touches.map((t) => ({ type: 'touch' as const, ...t })),
    ...notes.map((n) => ({ type: 'note' as const, ...n })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id.localeCompare(a.id)));
}
