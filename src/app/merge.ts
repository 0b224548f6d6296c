// Duplicates: finding them (src/domain/dedupe), merging two contacts field by field, and undoing a
// merge exactly. A merge keeps a snapshot of both people and of which rows moved, so an undo puts
// everything back where it was.
import { findDuplicates, type DuplicateCandidate } from '../domain/dedupe.js';
import { AppError, notFound } from '../domain/errors.js';
import type { Contact, Introduction } from '../domain/types.js';
import { contactRecord, type ContactRecord } from '../store/contacts.store.js';
import type { MovedRows } from '../store/merges.store.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';

interface Snapshot {
  keptBefore: ContactRecord;
  other: Contact;
  otherRecord: ContactRecord;
  otherIntroductions: Introduction[];
  moved: MovedRows;
  historyNoteId: string | null;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Pairs that may be the same person, most confident first, each with its reasons. */
export async function findContactDuplicates(ctx: Ctx): Promise<Omit<DuplicateCandidate, 'signals'>[]> {
  const { country } = await getSettings(ctx);
  const everyone = await ctx.store.network.matchInputs(ctx.userId);
  return findDuplicates(everyone, { defaultCountry: country }).map(({ contactIds, confidence, reasons }) => ({
    contactIds,
    confidence,
    reasons,
  }));
}

/**
 * Merges OTHER into KEEP. KEEP's values win where it has them; OTHER fills the gaps and adds its
 * e-mails, phones and tags; what OTHER said differently is written on KEEP's timeline. Touches,
 * notes, interviews, actions and introductions move to KEEP.
 */
export async function mergeContacts(ctx: Ctx, keepId: string, otherId: string): Promise<Contact> {
  if (!keepId || !otherId)
    throw new AppError('invalid_input', 'Name the contact to keep and the one to merge into it.', {
      fields: [{ field: 'otherId', message: 'is required' }],
    });
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
    const merged: ContactRecord = {
      ...keptBefore,
      givenName: keep.givenName ?? other.givenName,
      familyName: keep.familyName ?? other.familyName,
      emails: union(keep.emails, other.emails),
      phones: union(keep.phones, other.phones),
      tags: union(keep.tags, other.tags),
      organisationId: keep.organisationId ?? other.organisationId,
      title: keep.title ?? other.title,
      linkedinUrl: keep.linkedinUrl ?? other.linkedinUrl,
      location: keep.location ?? other.location,
      connectedOn: [keep.connectedOn, other.connectedOn].filter((d): d is string => !!d).sort()[0] ?? null,
      research: keep.research ?? other.research,
      // Someone either record says not to contact stays not contacted.
      doNotContact: keep.doNotContact || other.doNotContact,
    };
    // What the kept contact had its own value for, but the other said differently: kept as history.
    const lost: string[] = [];
    if (other.name !== keep.name) lost.push(`name: ${other.name}`);
    if (other.title && keep.title && other.title !== keep.title) lost.push(`title: ${other.title}`);
    if (other.organisation && keep.organisation && other.organisationId !== keep.organisationId)
      lost.push(`organisation: ${other.organisation}`);
    if (other.linkedinUrl && keep.linkedinUrl && other.linkedinUrl !== keep.linkedinUrl) lost.push(`LinkedIn: ${other.linkedinUrl}`);
    if (other.location && keep.location && other.location !== keep.location) lost.push(`location: ${other.location}`);
    if (other.research && keep.research && other.research !== keep.research) lost.push(`research: ${other.research}`);
    if (other.tie !== keep.tie) lost.push(`tie: ${other.tie}`);

    const otherIntroductions = await tx.introductions.forContact(ctx.userId, otherId);
    const moved = await tx.merges.move(ctx.userId, otherId, keepId);
    await tx.contacts.delete(ctx.userId, otherId);
    await tx.contacts.update(ctx.userId, keepId, merged, now);
    let historyNoteId: string | null = null;
    if (lost.length) {
      historyNoteId = ctx.ids();
      await tx.notes.insert(ctx.userId, {
        id: historyNoteId,
        contactId: keepId,
        interviewId: null,
        questionId: null,
        text: `Merged with another record of this person, which also said: ${lost.join('; ')}.`,
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
