// Scheduling an interview (issue 5, item 1) and the calendar files of scheduled meetings. Times
// without an offset are read in the meeting's zone: the one given, else the user's `timezone`.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { allowedMoves, checkMove } from '../domain/lifecycle.js';
import { MEETING_MODES, type Interview, type InterviewStatus } from '../domain/types.js';
import { isValidTimeZone, localParts, parseUserTime } from '../domain/zoned.js';
import { writeIcs, type CalendarMeeting } from '../formats/ics-write.js';
import type { InterviewView } from '../store/interviews.store.js';
import { syncActions } from './actions.js';
import type { Ctx } from './context.js';
import type { InterviewDetail } from './interviews.js';
import { getSettings } from './settings.js';
import { idText, optionalText, parse, timeText } from './validate.js';

/** Past this many minutes the ask stops being "a short chat" (CONTRACTS.md, no-time-ask). */
export const LONG_MEETING_MINUTES = 30;

const httpUrl = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

export const scheduleInput = z
  .object({
    at: timeText,
    timezone: z.string().trim().refine(isValidTimeZone, 'is not an IANA time zone such as Europe/Paris or America/New_York').optional(),
    minutes: z.coerce
      .number({ error: 'must be a whole number of minutes' })
      .int('must be a whole number of minutes')
      .min(5, 'must be at least 5')
      .max(180, 'must be at most 180')
      .optional(),
    mode: z.enum(MEETING_MODES, { error: `must be one of: ${MEETING_MODES.join(', ')}` }).nullish(),
    place: optionalText(500),
    link: optionalText(2000).refine((v) => v === null || v === undefined || httpUrl(v), 'must be an http(s) address'),
  })
  .strict();

export const calendarQuery = z.object({ interviewId: idText.optional() }).strict();

export type ScheduledInterview = InterviewDetail & {
  /** The meeting's start as a person in its zone reads it, e.g. "2026-03-10 14:00 Europe/Berlin". */
  localTime: string;
  /** Set when the meeting is longer than a short chat should be. */
  warning: string | null;
};

const two = (n: number) => String(n).padStart(2, '0');

export function localTimeText(at: Date, tz: string): string {
  const p = localParts(at, tz);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} ${tz}`;
}

const badField = (field: string, message: string) =>
  new AppError('invalid_input', `Invalid input: ${field}: ${message}`, { fields: [{ field, message }] });

/** Sets (or moves) the meeting; a prospect or requested interview becomes scheduled. */
export async function scheduleInterview(ctx: Ctx, id: string, input: unknown): Promise<ScheduledInterview> {
  const data = parse(scheduleInput, input);
  return ctx.store.transaction(async (tx) => {
    const cur = await tx.interviews.get(ctx.userId, id);
    if (!cur) throw notFound('interview', id);
    // Rescheduling keeps the status; anything else obeys the life cycle (held, declined… refused).
    if (cur.status !== 'scheduled') checkMove(cur.status, 'scheduled', false);
    const timezone = data.timezone ?? (await getSettings({ ...ctx, store: tx })).timezone;
    const at = parseUserTime(data.at, timezone);
    if (!at) throw badField('at', 'must be a date and time such as 2026-03-10 14:00 or 2026-03-10T14:00:00+01:00');
    const now = ctx.clock.now();
    if (at.getTime() < now.getTime()) {
      throw badField('at', `${localTimeText(at, timezone)} is in the past; a meeting can be scheduled only ahead of time`);
    }
    const next: Interview = {
      ...cur,
      status: 'scheduled',
      scheduledAt: at.toISOString(),
      timezone,
      minutes: data.minutes ?? cur.minutes,
      mode: data.mode === undefined ? cur.mode : data.mode,
      place: data.place === undefined ? cur.place : data.place,
      link: data.link === undefined ? cur.link : data.link,
      updatedAt: now.toISOString(),
    };
    await tx.interviews.update(ctx.userId, next);
    await syncActions(ctx, tx, id);
    const saved = (await tx.interviews.get(ctx.userId, id))!;
    return {
      ...saved,
      allowedMoves: allowedMoves(saved.status),
      localTime: localTimeText(at, timezone),
      warning:
        next.minutes > LONG_MEETING_MINUTES
          ? `${next.minutes} minutes is a long ask for an informational interview; ${LONG_MEETING_MINUTES} or fewer is easier to say yes to.`
          : null,
    };
  });
}

/** Statuses whose meeting is on the calendar: coming up, or already held and kept for the record. */
const ON_CALENDAR: readonly InterviewStatus[] = ['scheduled', 'held', 'thanked', 'in-touch'];

function meeting(i: InterviewView, fallbackZone: string): CalendarMeeting {
  return {
    id: i.id,
    contactName: i.contactName,
    campaignField: i.campaignField,
    scheduledAt: i.scheduledAt!,
    minutes: i.minutes,
    timezone: i.timezone && isValidTimeZone(i.timezone) ? i.timezone : fallbackZone,
    mode: i.mode,
    place: i.place,
    link: i.link,
    updatedAt: i.updatedAt,
  };
}

/** The ICS text of one interview's meeting, or of every meeting on the calendar. */
export async function calendarIcs(ctx: Ctx, input: unknown): Promise<string> {
  const q = parse(calendarQuery, input ?? {}, 'query');
  const { timezone } = await getSettings(ctx);
  if (q.interviewId) {
    const i = await ctx.store.interviews.get(ctx.userId, q.interviewId);
    if (!i) throw notFound('interview', q.interviewId);
    if (!i.scheduledAt) {
      throw new AppError('invalid_transition', `${i.contactName}'s interview has no meeting yet (${i.status}); schedule it first.`, {
        id: i.id,
        status: i.status,
      });
    }
    return writeIcs([meeting(i, timezone)]);
  }
  const found: InterviewView[] = [];
  for (const status of ON_CALENDAR) {
    const page = await ctx.store.interviews.list(ctx.userId, { status, limit: 1_000_000, offset: 0 });
    found.push(...page.filter((i) => i.scheduledAt));
  }
  found.sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!) || a.id.localeCompare(b.id));
  return writeIcs(found.map((i) => meeting(i, timezone)));
}
