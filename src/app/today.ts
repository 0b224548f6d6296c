// Today: what to do now (open actions due by the end of the user's local day, snoozed ones whose
// time has passed counting as open), the next seven days, and today's meetings (CONTRACTS.md,
// "Actions").
import { draftFor } from '../domain/action-drafts.js';
import type { Action } from '../domain/types.js';
import { endOfLocalDay, startOfLocalDay } from '../domain/zoned.js';
import type { StoredAction } from '../store/actions.store.js';
import type { InterviewView } from '../store/interviews.store.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';

const DAY = 24 * 3600 * 1000;

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
}

const withOverdue = (a: StoredAction, now: string): Action => {
  const { overdueAt, ...rest } = a;
  return { ...rest, overdue: overdueAt <= now, draft: draftFor(a) };
};

/** When an action comes back to the list: its due time, or the end of its snooze if later. */
const comesBackAt = (a: Pick<Action, 'status' | 'snoozedUntil' | 'dueAt'>): string =>
  a.status === 'snoozed' && a.snoozedUntil && a.snoozedUntil > a.dueAt ? a.snoozedUntil : a.dueAt;

export async function today(ctx: Ctx): Promise<Today> {
  const { timezone } = await getSettings(ctx);
  const nowDate = ctx.clock.now();
  const now = nowDate.toISOString();
  const endOfDay = endOfLocalDay(nowDate, timezone);
  // Seven local days after today: the end of the seventh day, DST changes included.
  const weekEnd = endOfLocalDay(new Date(endOfDay.getTime() + 6 * DAY + DAY / 2), timezone).toISOString();
  const cut = endOfDay.toISOString();
  const [due, meetings] = await Promise.all([
    ctx.store.actions.due(ctx.userId, weekEnd),
    ctx.store.interviews.meetingsBetween(ctx.userId, startOfLocalDay(nowDate, timezone).toISOString(), cut),
  ]);
  const actions: Action[] = [];
  const upcoming: Action[] = [];
  for (const a of due) {
    // A snoozed action counts once its snooze has passed, and then like any open one.
    const back = comesBackAt(a);
    if (a.status === 'snoozed' ? a.snoozedUntil! <= now && a.dueAt < cut : back < cut) actions.push(withOverdue(a, now));
    else if (back < weekEnd) upcoming.push(withOverdue(a, now));
  }
  upcoming.sort((x, y) => (comesBackAt(x) < comesBackAt(y) ? -1 : comesBackAt(x) > comesBackAt(y) ? 1 : 0));
  return {
    now,
    timezone,
    actions,
    upcoming,
    meetings,
    counts: {
      overdue: actions.filter((a) => a.overdue).length,
      dueToday: actions.filter((a) => !a.overdue).length,
      upcoming: upcoming.length,
      meetings: meetings.length,
    },
  };
}
