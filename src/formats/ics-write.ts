// Scheduled interviews as an iCalendar file (RFC 5545), written with ical-generator, which does
// the escaping and the line folding. Times are written in the meeting's IANA zone (TZID) with a
// VTIMEZONE made from Intl offsets (vtimezone.ts), so a meeting keeps its wall-clock time across a
// daylight-saving change; DTSTAMP is UTC.
import ical, {
  ICalAlarmType,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import { localParts } from '../domain/zoned.js';
import { vtimezone, yearIn } from './vtimezone.js';

export interface CalendarMeeting {
  id: string;
  contactName: string;
  campaignField: string;
  scheduledAt: string;
  minutes: number;
  timezone: string;
  mode: string | null;
  place: string | null;
  link: string | null;
  /** Last change to the interview: the event's DTSTAMP, so an unchanged meeting exports identically. */
  updatedAt: string;
}

/** The UID calendar apps match updates by: the interview's id, the same in every export. */
export const eventUid = (interviewId: string): string => `${interviewId}@coffeechat`;

/**
 * An instant seen in a zone, in the Temporal shape ical-generator formats as local time with TZID.
 * (A plain Date would be written in the process's own zone.)
 */
function zoned(instant: Date, tz: string): ICalTemporalZonedDateTimeStub {
  const p = localParts(instant, tz);
  const text = instant.toISOString();
  const plain: ICalTemporalPlainDateTimeStub = {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    toPlainDate: () => ({ year: p.year, month: p.month, day: p.day, toJSON: () => text, toString: () => text }),
    toZonedDateTime: (other: string) => zoned(instant, other),
    toJSON: () => text,
    toString: () => text,
  };
  const instantStub: ICalTemporalInstantStub = {
    epochMilliseconds: instant.getTime(),
    toZonedDateTimeISO: (other: string) => zoned(instant, other),
    toJSON: () => text,
    toString: () => text,
  };
  return {
    ...plain,
    timeZoneId: tz,
    toInstant: () => instantStub,
    toPlainDateTime: () => plain,
    withTimeZone: (other: string) => zoned(instant, other),
  };
}

export function writeIcs(meetings: readonly CalendarMeeting[]): string {
  const years = new Map<string, { min: number; max: number }>();
  for (const m of meetings) {
    const y = yearIn(new Date(m.scheduledAt), m.timezone);
    const span = years.get(m.timezone);
    years.set(m.timezone, { min: Math.min(span?.min ?? y, y), max: Math.max(span?.max ?? y, y) });
  }
  const cal = ical({
    prodId: { company: 'coffeechat', product: 'coffeechat', language: 'EN' },
    name: 'coffeechat',
    timezone: {
      name: null,
      generator: (tz) => {
        const span = years.get(tz);
        return span ? vtimezone(tz, span.min - 1, span.max + 1) : null;
      },
    },
  });
  for (const m of meetings) {
    const start = new Date(m.scheduledAt);
    const end = new Date(start.getTime() + m.minutes * 60_000);
    const details = [`Informational interview: ${m.campaignField}`];
    if (m.mode) details.push(`Mode: ${m.mode}`);
    if (m.link) details.push(`Link: ${m.link}`);
    const event = cal.createEvent({
      id: eventUid(m.id),
      stamp: new Date(m.updatedAt),
      start: zoned(start, m.timezone),
      end: zoned(end, m.timezone),
      timezone: m.timezone,
      summary: `Coffee chat with ${m.contactName}`,
      description: details.join('\n'),
      location: m.place,
      url: m.link,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 30 * 60, description: `Coffee chat with ${m.contactName} in 30 minutes` });
  }
  return cal.toString();
}
