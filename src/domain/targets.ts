// Ranking target organisations, after the LAMP method: motivation first, then how relevant their
// postings are, then advocacy (someone the user knows inside). Ruled-out targets sink to the end.
import type { TargetStatus } from './types.js';

/** A target as stored: the organisation, the user's priorities, and who they know there. */
export interface TargetView {
  id: string;
  campaignId: string;
  organisationId: string;
  organisation: string;
  motivation: number;
  posting: number;
  status: TargetStatus;
  /** Contacts at the organisation the user knows (close or acquaintance), and all contacts there. */
  knownInside: number;
  contactsInside: number;
  createdAt: string;
}

/** A target as shown: ranked (1 first), with advocacy derived from who the user knows inside. */
export type Target = TargetView & { advocacy: boolean; rank: number };

export interface RankableTarget {
  organisation: string;
  motivation: number;
  posting: number;
  status: TargetStatus;
  knownInside: number;
}

const STATUS_ORDER: Record<TargetStatus, number> = { offer: 0, active: 1, 'on-hold': 2, 'ruled-out': 3 };

/** Returns the targets in the order to work on them (a new array; the input is left alone). */
export function rankTargets<T extends RankableTarget>(targets: readonly T[]): T[] {
  return [...targets].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.motivation - a.motivation ||
      b.posting - a.posting ||
      Number(b.knownInside > 0) - Number(a.knownInside > 0) ||
      a.organisation.localeCompare(b.organisation),
  );
}
