// Which record's value a merge keeps, field by field, when the user does not say. Pure rules: the
// merge operation (app/merge.ts) applies them, and the review screen shows them pre-selected.
import type { Contact, ContactSource } from './types.js';

/** The single-valued fields a user may pick a side for. `name` carries the given and family name with it. */
export const MERGE_FIELDS = ['name', 'organisation', 'title', 'linkedinUrl', 'location', 'tie', 'connectedOn', 'research'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MERGE_SIDES = ['keep', 'other'] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

export type MergeChoice = Partial<Record<MergeField, MergeSide>>;

/**
 * How much a record's values are worth by where they came from. Typed in by the user (or added as
 * a referral, which the user also types) beats LinkedIn, whose profile the person keeps up
 * themselves, which beats address books (Google, Outlook, vCard) that are often years stale.
 * Sample data loses to everything.
 */
export const SOURCE_RANK: Record<ContactSource, number> = {
  manual: 3,
  referral: 3,
  linkedin: 2,
  google: 1,
  outlook: 1,
  vcard: 1,
  demo: 0,
};

/** A field's value as a user reads and compares it (the organisation by name). */
export function mergeFieldValue(c: Contact, field: MergeField): string | null {
  return c[field] ?? null;
}

function same(a: Contact, b: Contact, field: MergeField): boolean {
  if (field === 'organisation') return a.organisationId === b.organisationId;
  return mergeFieldValue(a, field) === mergeFieldValue(b, field);
}

/**
 * The side whose value wins when the user does not choose:
 * 1. a value beats no value (the merge fills gaps, never blanks a field);
 * 2. equal values, or two empty ones, keep the kept record's;
 * 3. `connectedOn`: the earlier date, since that is when the connection began;
 * 4. otherwise the better-sourced record (SOURCE_RANK), and between equally sourced records the
 *    newer one (`updatedAt`, the last time anyone or any import wrote it); a full tie keeps KEEP.
 */
export function defaultMergeSide(keep: Contact, other: Contact, field: MergeField): MergeSide {
  const k = mergeFieldValue(keep, field);
  const o = mergeFieldValue(other, field);
  if (o === null || same(keep, other, field)) return 'keep';
  if (k === null) return 'other';
  if (field === 'connectedOn') return o < k ? 'other' : 'keep';
  const rank = SOURCE_RANK[other.source] - SOURCE_RANK[keep.source];
  if (rank !== 0) return rank > 0 ? 'other' : 'keep';
  return other.updatedAt > keep.updatedAt ? 'other' : 'keep';
}

export interface FieldDifference {
  field: MergeField;
  keep: string | null;
  other: string | null;
  /** The side that wins by default. */
  winner: MergeSide;
}

/** The fields on which two records disagree, each with the side that wins by default. */
export function mergeDifferences(keep: Contact, other: Contact): FieldDifference[] {
  return MERGE_FIELDS.filter((f) => !same(keep, other, f)).map((field) => ({
    field,
    keep: mergeFieldValue(keep, field),
    other: mergeFieldValue(other, field),
    winner: defaultMergeSide(keep, other, field),
  }));
}
