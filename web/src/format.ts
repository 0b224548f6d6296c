// Dates and times shown in the user's time zone (the `timezone` setting), never the browser's,
// so that what the page says agrees with the reminders the server computes.
import { useQuery } from '@tanstack/react-query';
import { api, keys } from './api';

function safeZone(tz: string | undefined): string | undefined {
  if (!tz) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
}

export interface Formatters {
  timezone: string | undefined;
  /** "Wed 5 Mar, 09:00" */
  dateTime: (iso: string | null | undefined) => string;
  /** "Wed 5 Mar 2026" */
  date: (iso: string | null | undefined) => string;
  /** "09:00" */
  time: (iso: string | null | undefined) => string;
  /** "Wednesday 5 March" */
  longDate: (iso: string | null | undefined) => string;
  /** "in 3 days", "2 hours ago" */
  relative: (iso: string | null | undefined, now?: number) => string;
  /** The calendar day in the zone, "2026-03-05". */
  day: (iso: string) => string;
}

function makeFormatters(tz: string | undefined): Formatters {
  const timeZone = safeZone(tz);
  const mk = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { ...o, timeZone });
  const fDateTime = mk({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const fDate = mk({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const fTime = mk({ hour: '2-digit', minute: '2-digit' });
  const fLong = mk({ weekday: 'long', day: 'numeric', month: 'long' });
  const fDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const rel = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const wrap = (f: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };
  return {
    timezone: timeZone,
    dateTime: wrap(fDateTime),
    date: wrap(fDate),
    time: wrap(fTime),
    longDate: wrap(fLong),
    day: (iso) => fDay.format(new Date(iso)),
    relative: (iso, now = Date.now()) => {
      if (!iso) return '';
      const diff = new Date(iso).getTime() - now;
      const abs = Math.abs(diff);
      const minute = 60_000;
      const hour = 60 * minute;
      const day = 24 * hour;
      if (abs < hour) return rel.format(Math.round(diff / minute), 'minute');
      if (abs < day) return rel.format(Math.round(diff / hour), 'hour');
      return rel.format(Math.round(diff / day), 'day');
    },
  };
}

/** Formatters in the user's zone; until the settings arrive, the browser's zone is used. */
export function useFormatters(): Formatters {
  const settings = useQuery({ queryKey: keys.settings, queryFn: api.settings.get, staleTime: 60_000 });
  const tz = settings.data?.timezone;
  return formattersFor(tz);
}

const cache = new Map<string, Formatters>();
/**
 * The formatters of a zone, built once: an Intl.DateTimeFormat takes a good fraction of a
 * millisecond to build, which a page of 150 actions would otherwise pay on every render.
 */
export function formattersFor(tz: string | undefined): Formatters {
  const k = tz ?? '';
  let f = cache.get(k);
  if (!f) {
    f = makeFormatters(tz);
    cache.set(k, f);
  }
  return f;
}

/** "a, b, c" → ["a", "b", "c"], without blanks. */
export function splitList(s: string): string[] {
  return s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
