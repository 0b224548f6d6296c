// Today: what to do now (open actions due by the end of the user's local day, snoozed ones whose
// time has passed counting as open), the next seven days, and today's meetings (CONTRACTS.md,
// "Actions").
import * as z from 'zod';
import { draftFor } from '../domain/action-drafts.js';
import type { Action } from '../domain/types.js';
import { endOfLocalDay, startOfLocalDay } from '../domain/zoned.js';
import type { StoredAction } from '../store/actions.store.js';
import type { InterviewView } from '../store/interviews.store.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';
import { parse } from './validate.js';

const DAY = 24 * 3600 * 1000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export interface TodayCounts {
  overdue: number;
  dueToday: number;
  upcoming: number;
  meetings: number;
}

export interface Today {
  now: string;
  timezone: string;
  actions: Action[];
  upcoming: Action[];
  meetings: InterviewView[];
  counts: TodayCounts;
  /** How many actions each list left out (see `limit`). */
  more: { actions: number; upcoming: number };
}

// Spelled out rather than `{ ...rest }` after a rest pattern: V8 builds those copies slowly and
// they made most of Today's garbage (and so its p99). The keys keep the order they had.
const withOverdue = (a: StoredAction, now: string): Action => ({
  id: a.id,
  kind: a.kind,
  dueAt: a.dueAt,
  status: a.status,
  snoozedUntil: a.snoozedUntil,
  contactId: a.contactId,
  contactName: a.contactName,
  interviewId: a.interviewId,
  reason: a.reason,
  overdue: a.overdueAt <= now,
  draft: draftFor(a),
});

export const todayQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT) }).strict();

/**
 * Each list holds at most `limit` actions, the most urgent first; `counts` always counts them
 * all, and `more` says how many each list left out. Nobody works through two hundred items in
 * one sitting, and the cap keeps Today quick however far behind the user is (docs/ARCHITECTURE.md).
 */
export async function today(ctx: Ctx, input: unknown = {}): Promise<Today> {
  const { limit } = parse(todayQuery, input ?? {}, 'query');
  const { timezone } = await getSettings(ctx);
  const nowDate = ctx.clock.now();
  const now = nowDate.toISOString();
  const endOfDay = endOfLocalDay(nowDate, timezone);
  // Seven local days after today: the end of the seventh day, DST changes included.
  const weekEnd = endOfLocalDay(new Date(endOfDay.getTime() + 6 * DAY + DAY / 2), timezone).toISOString();
  const cut = endOfDay.toISOString();
  const [rows, meetings] = await Promise.all([
    ctx.store.actions.today(ctx.userId, { now, endOfDay: cut, weekEnd, limit }),
    ctx.store.interviews.meetingsBetween(ctx.userId, startOfLocalDay(nowDate, timezone).toISOString(), cut),
  ]);
  const actions = rows.due.map((a) => withOverdue(a, now));
  const upcoming = rows.upcoming.map((a) => withOverdue(a, now));
  return {
    now,
    timezone,
    actions,
    upcoming,
    meetings,
    counts: {
      overdue: rows.overdueCount,
      dueToday: rows.dueCount - rows.overdueCount,
      upcoming: rows.upcomingCount,
      meetings: meetings.length,
    },
    more: { actions: rows.dueCount - actions.length, upcoming: rows.upcomingCount - upcoming.length },
  };
}
