// Sharing a campaign with an adviser, and the figures of the adviser's cohort dashboard: meetings
// held per week in the member's own zone, and whether a campaign has stalled. Pure: the app reads
// the rows and the clock.
import { weekReader } from './insights/activity.js';
import type { CampaignInsights } from './insights/types.js';
import type { Campaign, InterviewStatus, MeetingMode } from './types.js';
import { fromLocal, localParts } from './zoned.js';

export const SHARE_ACCESS = ['read', 'comment'] as const;
/** `read`: the adviser sees the campaign; `comment`: and may leave comments on it. */
export type ShareAccess = (typeof SHARE_ACCESS)[number];

/** How many weeks the dashboard shows, the current one last. */
export const COHORT_WEEKS = 8;
/** A campaign with no touch and no meeting for this long has stalled. */
export const STALL_DAYS = 14;

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The Mondays (`YYYY-MM-DD`, local to `timezone`) of the last `n` weeks, oldest first, and the instant the first begins. */
export function recentWeeks(now: Date, timezone: string, n = COHORT_WEEKS): { weeks: string[]; since: Date } {
  const p = localParts(now, timezone);
  const today = Date.UTC(p.year, p.month - 1, p.day);
  const monday = today - ((p.weekday + 6) % 7) * DAY;
  const weeks: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(monday - i * 7 * DAY);
    weeks.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  const first = new Date(monday - (n - 1) * 7 * DAY);
  return { weeks, since: fromLocal(timezone, first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate()) };
}

export interface HeldMeeting {
  scheduledAt: string | null;
  heldAt: string;
}

/**
 * Meetings held in each of `weeks`. A meeting belongs to the week it took place in (its scheduled
 * time when that came before the close), as in the campaign's insights, so a meeting closed the
 * following Monday still counts for its own week.
 */
export function heldPerWeek(
  meetings: readonly HeldMeeting[],
  weeks: readonly string[],
  timezone: string,
): { week: string; held: number }[] {
  const counts = new Map(weeks.map((w) => [w, 0]));
  const weekOf = weekReader(timezone);
  for (const m of meetings) {
    const when = m.scheduledAt && m.scheduledAt <= m.heldAt ? m.scheduledAt : m.heldAt;
    const week = weekOf(when);
    const n = counts.get(week);
    if (n !== undefined) counts.set(week, n + 1);
  }
  return weeks.map((week) => ({ week, held: counts.get(week)! }));
}

export interface CampaignActivity {
  status: string;
  createdAt: string;
  lastTouchAt: string | null;
  lastScheduledAt: string | null;
  lastHeldAt: string | null;
}

/**
 * The last sign of life of a campaign (its creation, a touch, a meeting held or booked — a meeting
 * booked for next week counts as a sign of life now), and whether an active campaign has had none
 * for STALL_DAYS. An ended campaign never stalls.
 */
export function stallOf(a: CampaignActivity, now: Date): { lastActivityAt: string; stalled: boolean } {
  let last = a.createdAt;
  for (const t of [a.lastTouchAt, a.lastScheduledAt, a.lastHeldAt]) if (t && t > last) last = t;
  const stalled = a.status === 'active' && Date.parse(last) <= now.getTime() - STALL_DAYS * DAY;
  return { lastActivityAt: last, stalled };
}

/** Who has access to a campaign, as its owner sees it. */
export interface ShareView {
  id: string;
  campaignId: string;
  adviserId: string;
  adviserEmail: string | null;
  adviserName: string | null;
  access: ShareAccess;
  createdAt: string;
}

/** An adviser's comment on a shared campaign. */
export interface CommentView {
  id: string;
  campaignId: string;
  authorId: string;
  authorName: string | null;
  text: string;
  createdAt: string;
}

/** An interview as an adviser sees it: who and when, nothing from the member's address book. */
export interface SharedInterview {
  id: string;
  contactName: string;
  status: InterviewStatus;
  scheduledAt: string | null;
  minutes: number;
  mode: MeetingMode | null;
  heldAt: string | null;
}

/** A campaign shared with an adviser, read-only. */
export interface AdviserCampaign {
  campaign: Campaign;
  member: { id: string; name: string | null; email: string | null };
  access: ShareAccess;
  sharedAt: string;
  interviews: SharedInterview[];
  insights: CampaignInsights;
  comments: CommentView[];
}

export interface CohortCampaign {
  id: string;
  field: string;
  status: string;
  access: ShareAccess;
  sharedAt: string;
  /** The last touch, meeting (held or booked) or, failing those, the campaign's start. */
  lastActivityAt: string;
  stalled: boolean;
  overdueActions: number;
  heldLast8Weeks: number;
}

export interface CohortMember {
  id: string;
  name: string | null;
  email: string | null;
  timezone: string;
  /** Meetings held in each of the last eight weeks (Mondays in the member's zone), oldest first. */
  weeks: { week: string; held: number }[];
  heldLast8Weeks: number;
  overdueActions: number;
  stalledCampaigns: number;
  campaigns: CohortCampaign[];
}

/** The adviser's dashboard: every member who shared a campaign with them. */
export interface Cohort {
  now: string;
  members: CohortMember[];
}
