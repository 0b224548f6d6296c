// Activity per week in the user's zone (weeks start on Monday, ISO 8601): requests sent, meetings
// held, thank-yous and updates sent; and the time the campaign took (meetings plus preparation).
import { localParts, offsetMs } from '../zoned.js';
import type { Progress } from './funnel.js';
import type { InterviewFact, TouchFact } from './rows.js';
import type { WeekActivity } from './types.js';

/** More weeks than this (five years) and the empty ones between are not filled in. */
const MAX_FILLED_WEEKS = 260;
const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (utcMs: number) => {
  const d = new Date(utcMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** The Monday of the local week holding `at`, as `YYYY-MM-DD`. */
export function weekOf(at: string, timezone: string): string {
  const p = localParts(new Date(at), timezone);
  const sinceMonday = (p.weekday + 6) % 7;
  return dateText(Date.UTC(p.year, p.month - 1, p.day) - sinceMonday * DAY);
}

/**
 * weekOf for many instants: the zone's offset is looked up once per UTC day (Intl is slow, and
 * thousands of touches share a few hundred days); a day in which the offset changes is read
 * instant by instant.
 */
export function weekReader(timezone: string): (at: string) => string {
  const offsets = new Map<number, number | null>();
  return (at) => {
    const t = Date.parse(at);
    const day = Math.floor(t / DAY);
    let off = offsets.get(day);
    if (off === undefined) {
      const first = offsetMs(new Date(day * DAY), timezone);
      off = first === offsetMs(new Date(day * DAY + DAY - 1000), timezone) ? first : null;
      offsets.set(day, off);
    }
    if (off === null || Number.isNaN(t)) return weekOf(at, timezone);
    const local = new Date(t + off);
    const sinceMonday = (local.getUTCDay() + 6) % 7;
    return dateText(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - sinceMonday * DAY);
  };
}

export function weeklyActivity(
  interviews: readonly InterviewFact[],
  touches: readonly TouchFact[],
  progress: ReadonlyMap<string, Progress>,
  timezone: string,
): WeekActivity[] {
  const weeks = new Map<string, WeekActivity>();
  const weekOfAt = weekReader(timezone);
  const bump = (at: string, key: 'requests' | 'meetings' | 'thankYous' | 'updates') => {
    const week = weekOfAt(at);
    const w = weeks.get(week) ?? { week, requests: 0, meetings: 0, thankYous: 0, updates: 0 };
    w[key]++;
    weeks.set(week, w);
  };
  for (const t of touches) {
    if (t.direction !== 'out') continue;
    if (t.purpose === 'request') bump(t.at, 'requests');
    else if (t.purpose === 'thank-you') bump(t.at, 'thankYous');
    else if (t.purpose === 'update') bump(t.at, 'updates');
  }
  for (const i of interviews) {
    // The meeting's own time when it came before the close (a meeting closed days later still
    // belongs to its week); otherwise when it was closed.
    const when = i.scheduledAt && (!i.heldAt || i.scheduledAt <= i.heldAt) ? i.scheduledAt : i.heldAt;
    if (progress.get(i.id)?.held && when) bump(when, 'meetings');
  }
  const list = [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
  if (list.length < 2) return list;
  // Empty weeks between are shown as zeros, so a chart's gaps are real gaps.
  const first = Date.parse(`${list[0]!.week}T00:00:00Z`);
  const last = Date.parse(`${list[list.length - 1]!.week}T00:00:00Z`);
  if ((last - first) / (7 * DAY) > MAX_FILLED_WEEKS) return list;
  const filled: WeekActivity[] = [];
  for (let t = first; t <= last; t += 7 * DAY) {
    const week = dateText(t);
    filled.push(weeks.get(week) ?? { week, requests: 0, meetings: 0, thankYous: 0, updates: 0 });
  }
  return filled;
}

/** Meeting minutes of held interviews, preparation minutes of every prep sheet, and their sum. */
export function timeInvested(
  interviews: readonly InterviewFact[],
  progress: ReadonlyMap<string, Progress>,
): { meetingMinutes: number; prepMinutes: number; minutesInvested: number } {
  let meetingMinutes = 0;
  let prepMinutes = 0;
  for (const i of interviews) {
    if (progress.get(i.id)?.held) meetingMinutes += i.minutes;
    prepMinutes += i.prepMinutes;
  }
  return { meetingMinutes, prepMinutes, minutesInvested: meetingMinutes + prepMinutes };
}
