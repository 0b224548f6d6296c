// Duplicates: finding them (src/domain/dedupe), reviewing them side by side, merging two contacts
// field by field, and undoing a merge exactly. A merge keeps a snapshot of both people and of
// which rows moved, so an undo puts everything back where it was.
import * as z from 'zod';
import { findDuplicates, type DuplicateCandidate } from '../domain/dedupe.js';
import { AppError, notFound } from '../domain/errors.js';
import {
  defaultMergeSide,
  MERGE_FIELDS,
  MERGE_SIDES,
  mergeDifferences,
  type FieldDifference,
  type MergeField,
  type MergeSide,
} from '../domain/merge-fields.js';
import type { Contact, Introduction } from '../domain/types.js';
import { contactRecord, type ContactRecord } from '../store/contacts.store.js';
import type { MovedRows } from '../store/merges.store.js';
import { pairKey } from '../store/not-duplicates.store.js';
import type { Ctx } from './context.js';
import { saveJob } from './roles.js';
import { getSettings } from './settings.js';
import { idText, parse } from './validate.js';

interface Snapshot {
  keptBefore: ContactRecord;
  other: Contact;
  otherRecord: ContactRecord;
  otherIntroductions: Introduction[];
  moved: MovedRows;
  historyNoteId: string | null;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** How a field is named in the history note a merge leaves. */
const FIELD_WORDS: Record<MergeField, string> = {
  name: 'name',
  organisation: 'organisation',
  title: 'title',
  linkedinUrl: 'LinkedIn',
  location: 'location',
  tie: 'tie',
  connectedOn: 'connected on',
  research: 'research',
};

/** `{ otherId, choose? }`: which contact folds in, and for any field the side whose value to keep. */
export const mergeInput = z
  .object({
    otherId: idText,
    choose: z
      .record(z.string(), z.enum(MERGE_SIDES, { error: "must be 'keep' or 'other'" }))
      .superRefine((choose, c) => {
        for (const field of Object.keys(choose)) {
          if (!(MERGE_FIELDS as readonly string[]).includes(field)) {
            c.addIssue({ code: 'custom', path: [field], message: `is not a field to choose; choose among ${MERGE_FIELDS.join(', ')}` });
          }
        }
      })
      .optional(),
  })
  .strict();
export type MergeInput = z.input<typeof mergeInput>;

/** Pairs that may be the same person, most confident first, without those the user set apart. */
async function candidates(ctx: Ctx): Promise<DuplicateCandidate[]> {
  const [{ country }, everyone, setApart] = await Promise.all([
    getSettings(ctx),
    ctx.store.network.matchInputs(ctx.userId),
    ctx.store.notDuplicates.keys(ctx.userId),
  ]);
  const found = findDuplicates(everyone, { defaultCountry: country });
  return setApart.size ? found.filter((c) => !setApart.has(pairKey(...c.contactIds))) : found;
}

/** Pairs that may be the same person, most confident first, each with its reasons. */
export async function findContactDuplicates(ctx: Ctx): Promise<Omit<DuplicateCandidate, 'signals'>[]> {
  return (await candidates(ctx)).map(({ contactIds, confidence, reasons }) => ({ contactIds, confidence, reasons }));
}

/** One pair as the review screen shows it: both people, the evidence, and where they differ. */
export interface DuplicateReview extends DuplicateCandidate {
  /** The two people, in the order of contactIds; merging keeps the first. */
  contacts: [Contact, Contact];
  /** Fields on which they differ, `keep` being contactIds[0], with the value that wins by default. */
  differences: FieldDifference[];
}

/**
 * Everything the duplicate review needs in one read: each pair with both people and their
 * differences. Within a pair the older record comes first (it is the one a merge keeps, so links
 * to it stay good), which also keeps a pair in the same order before a merge and after its undo.
 */
export async function reviewDuplicates(ctx: Ctx): Promise<DuplicateReview[]> {
  const pairs = await candidates(ctx);
  const ids = [...new Set(pairs.flatMap((p) => p.contactIds))];
  const byId = new Map((await ctx.store.contacts.getMany(ctx.userId, ids)).map((c) => [c.id, c]));
  const older = (a: Contact, b: Contact) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  return pairs.flatMap((p) => {
    const a = byId.get(p.contactIds[0]);
    const b = byId.get(p.contactIds[1]);
    if (!a || !b) return [];
    const [keep, other] = older(a, b) ? [a, b] : [b, a];
    return [
      {
        ...p,
        contactIds: [keep.id, other.id] as [string, string],
        contacts: [keep, other] as [Contact, Contact],
        differences: mergeDifferences(keep, other),
      },
    ];
  });
}

async function twoContacts(ctx: Ctx, id: string, otherId: string): Promise<[Contact, Contact]> {
  if (id === otherId)
    throw new AppError('invalid_input', 'A contact cannot be compared with itself.', {
      fields: [{ field: 'otherId', message: 'is the same contact' }],
    });
  const a = await ctx.store.contacts.get(ctx.userId, id);
  if (!a) throw notFound('contact', id);
  const b = await ctx.store.contacts.get(ctx.userId, otherId);
  if (!b) throw notFound('contact', otherId);
  return [a, b];
}

/** Records that two contacts are different people, so the review does not offer the pair again. */
export async function markNotDuplicate(ctx: Ctx, id: string, input: unknown): Promise<{ contactIds: [string, string] }> {
  const { otherId } = parse(z.object({ otherId: idText }).strict(), input);
  await twoContacts(ctx, id, otherId);
  await ctx.store.notDuplicates.add(ctx.userId, id, otherId, ctx.clock.now().toISOString());
  return { contactIds: [id, otherId] };
}

/** Takes back "not the same person": the pair may be offered for review again. */
export async function unmarkNotDuplicate(ctx: Ctx, id: string, otherId: string): Promise<void> {
  if (!(await ctx.store.notDuplicates.remove(ctx.userId, id, otherId)))
    throw new AppError('not_found', `${id} and ${otherId} were not marked as different people.`);
}

/**
 * Merges OTHER into KEEP, field by field. For each single-valued field the side the user chose
 * wins, or else the default of domain/merge-fields (a value beats none; then the better-sourced,
 * then the newer record). E-mails, phones and tags are united; "do not contact" on either record
 * stays. Every value that lost is written on KEEP's timeline. Touches, notes, interviews, actions
 * and introductions move to KEEP. `input` is `{ otherId, choose? }`, or just the other id.
 */
export async function mergeContacts(ctx: Ctx, keepId: string, input: unknown): Promise<Contact> {
  const { otherId, choose = {} } = parse(mergeInput, typeof input === 'string' ? { otherId: input } : input);
  if (!keepId) throw new AppError('invalid_input', 'Name the contact to keep.', { fields: [{ field: 'id', message: 'is required' }] });
  if (keepId === otherId) throw new AppError('invalid_input', 'A contact cannot be merged with itself.');
  return ctx.store.transaction(async (tx) => {
    const keep = await tx.contacts.get(ctx.userId, keepId);
    if (!keep) throw notFound('contact', keepId);
    const other = await tx.contacts.get(ctx.userId, otherId);
    if (!other) throw notFound('contact', otherId);
    const shared = await tx.merges.sharedCampaigns(ctx.userId, keepId, otherId);
    if (shared.length) {
      throw new AppError('conflict', `Both are in the same campaign (${shared.join(', ')}); drop one of the two interviews first.`, {
        campaigns: shared,
      });
    }
    const now = ctx.clock.now().toISOString();
    const keptBefore = contactRecord(keep);
    const otherRecord = contactRecord(other);
    const side = (f: MergeField): MergeSide => (choose[f] as MergeSide | undefined) ?? defaultMergeSide(keep, other, f);
    const from = (f: MergeField) => (side(f) === 'keep' ? keep : other);
    const nameFrom = from('name');
    const sameName = keep.name === other.name;
    const merged: ContactRecord = {
      ...keptBefore,
      name: nameFrom.name,
      // one record may have split a name the other left whole
      givenName: sameName ? (nameFrom.givenName ?? keep.givenName ?? other.givenName) : nameFrom.givenName,
      familyName: sameName ? (nameFrom.familyName ?? keep.familyName ?? other.familyName) : nameFrom.familyName,
      emails: union(keep.emails, other.emails),
      phones: union(keep.phones, other.phones),
      tags: union(keep.tags, other.tags),
      organisationId: from('organisation').organisationId,
      title: from('title').title,
      linkedinUrl: from('linkedinUrl').linkedinUrl,
      location: from('location').location,
      tie: from('tie').tie,
      connectedOn: from('connectedOn').connectedOn,
      research: from('research').research,
      // Someone either record says not to contact stays not contacted.
      doNotContact: keep.doNotContact || other.doNotContact,
    };
    // Every value that did not win is kept as history, whichever record it came from.
    const lost: string[] = [];
    for (const d of mergeDifferences(keep, other)) {
      const losing = side(d.field) === 'keep' ? d.other : d.keep;
      if (losing !== null) lost.push(`${FIELD_WORDS[d.field]}: ${losing}`);
    }

    const otherIntroductions = await tx.introductions.forContact(ctx.userId, otherId);
    const moved = await tx.merges.move(ctx.userId, otherId, keepId);
    await tx.contacts.delete(ctx.userId, otherId);
    await tx.contacts.update(ctx.userId, keepId, merged, now);
    // The job taken from either side must be the open role of the merged work history.
    await saveJob(ctx, tx, keepId, merged, { at: now, merged: true });
    let historyNoteId: string | null = null;
    if (lost.length) {
      historyNoteId = ctx.ids();
      await tx.notes.insert(ctx.userId, {
        id: historyNoteId,
        contactId: keepId,
        interviewId: null,
        questionId: null,
        text: `Merged two records of this person. Values not kept: ${lost.join('; ')}.`,
        kinds: [],
        at: now,
        createdAt: now,
      });
    }
    const snapshot: Snapshot = {
      keptBefore,
      other,
      otherRecord,
      otherIntroductions: otherIntroductions.map(({ id, introducerId, contactId, permission, permissionAt, interviewId, createdAt }) => ({
        id,
        introducerId,
        contactId,
        permission,
        permissionAt,
        interviewId,
        createdAt,
      })),
      moved,
      historyNoteId,
    };
    await tx.merges.insert(ctx.userId, { id: ctx.ids(), keptId: keepId, otherId, snapshot, at: now });
    return (await tx.contacts.get(ctx.userId, keepId))!;
  });
}

/** Undoes the latest merge into a contact: both people back as they were, every row where it was. */
export async function unmergeContact(ctx: Ctx, keptId: string): Promise<{ kept: Contact; restored: Contact }> {
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.contacts.get(ctx.userId, keptId))) throw notFound('contact', keptId);
    const merge = await tx.merges.latest(ctx.userId, keptId);
    if (!merge) throw new AppError('not_found', `There is no merge into ${keptId} to undo.`);
    const s = merge.snapshot as Snapshot;
    if (await tx.contacts.get(ctx.userId, s.other.id))
      throw new AppError('conflict', `A contact with id ${s.other.id} exists again; cannot restore it.`);
    const now = ctx.clock.now().toISOString();
    await tx.contacts.insert(ctx.userId, s.other.id, s.otherRecord, s.other.createdAt);
    await tx.merges.moveBack(ctx.userId, s.other.id, s.moved);
    // Introductions the merge had to drop (duplicates or loops) come back as they were.
    for (const i of s.otherIntroductions) {
      if (!(await tx.introductions.get(ctx.userId, i.id))) await tx.introductions.insert(ctx.userId, i);
    }
    await tx.contacts.update(ctx.userId, keptId, s.keptBefore, now);
    if (s.historyNoteId) await tx.notes.delete(ctx.userId, s.historyNoteId);
    await tx.merges.markUndone(ctx.userId, merge.id, now);
    return { kept: (await tx.contacts.get(ctx.userId, keptId))!, restored: (await tx.contacts.get(ctx.userId, s.other.id))! };
  });
}
