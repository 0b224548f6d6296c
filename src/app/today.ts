// Today: what to do now (open actions due by the end of the user's local day), the next seven
// days, and today's meetings (CONTRACTS.md, "Actions").
import type { Action } from '../domain/types.js';
import { endOfLocalDay, startOfLocalDay } from '../domain/zoned.js';
import type { StoredAction } from '../store/actions.store.js';
import type { InterviewView } from '../store/interviews.store.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';

const DAY = 24 * 3600 * 1000;

export interface Today {
  now: string;
  timezone: string;
  actions: Action[];
  upcoming: Action[];
  meetings: InterviewView[];
}

const withOverdue = (a: StoredAction, now: string): Action => {
  const { overdueAt, ...rest } = a;
  return { ...rest, overdue: overdueAt <= now };
};

export async function today(ctx: Ctx): Promise<Today> {
  const { timezone } = await getSettings(ctx);
  const nowDate = ctx.clock.now();
  const now = nowDate.toISOString();
  const endOfDay = endOfLocalDay(nowDate, timezone);
  const weekEnd = new Date(endOfDay.getTime() + 7 * DAY);
  const [due, meetings] = await Promise.all([
    ctx.store.actions.due(ctx.userId, now, weekEnd.toISOString()),
    ctx.store.interviews.meetingsBetween(ctx.userId, startOfLocalDay(nowDate, timezone).toISOString(), endOfDay.toISOString()),
  ]);
  const cut = endOfDay.toISOString();
  return {
    now,
    timezone,
    actions: due.filter((a) => a.dueAt < cut).map((a) => withOverdue(a, now)),
    upcoming: due.filter((a) => a.dueAt >= cut).map((a) => withOverdue(a, now)),
    meetings,
  };
}
