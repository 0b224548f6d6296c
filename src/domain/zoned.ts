// Wall-clock arithmetic in the user's IANA time zone, with only the JavaScript Intl API: turning
// an instant into local date parts and local date parts back into an instant across DST changes.

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function localParts(d: Date, tz: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(d)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The instant at which the wall clock in `tz` shows the given local time (DST gaps move forward). */
export function fromLocal(tz: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Guess with the offset at that moment, then correct once for a DST change in between.
  let t = asUtc - offsetMs(new Date(asUtc), tz);
  const second_ = asUtc - offsetMs(new Date(t), tz);
  if (second_ !== t) t = second_;
  return new Date(t);
}

/** How far the zone's wall clock is ahead of UTC at instant d. */
export function offsetMs(d: Date, tz: string): number {
  const p = localParts(d, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(d.getTime() / 1000) * 1000;
}

/** The first instant of the next local day: "by the end of the user's local day" means before it. */
export function endOfLocalDay(d: Date, tz: string): Date {
  const p = localParts(d, tz);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return fromLocal(tz, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** The first instant of the local day containing d. */
export function startOfLocalDay(d: Date, tz: string): Date {
  const p = localParts(d, tz);
  return fromLocal(tz, p.year, p.month, p.day);
}

/** Reads a time the user typed: with an offset or Z as given; without one, in the user's zone. */
export function parseUserTime(text: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  // A day the month does not have (31 April, 29 February of a common year) is refused, not rolled over.
  const monthDays = new Date(Date.UTC(parts[0], parts[1], 0)).getUTCDate();
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > monthDays || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  if (zone) {
    const t = new Date(text.trim().replace(' ', 'T'));
    return Number.isNaN(t.getTime()) ? null : t;
  }
  return fromLocal(tz, ...parts);
}
