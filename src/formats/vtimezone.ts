// A VTIMEZONE component for an IANA zone, made from the offsets the JavaScript Intl API reports,
// so calendar files carry their own zone rules without a time zone database package. It lists the
// zone's actual transitions over a span of years (no RRULE): exact for those years, which is all a
// file of dated meetings needs.
import { localParts, offsetMs } from '../domain/zoned.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

interface Transition {
  at: number; // first instant with the new offset
  from: number; // offsets in ms
  to: number;
}

/** Every offset change in [start, end), found day by day and then narrowed to the minute. */
function transitions(tz: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let prev = offsetMs(new Date(start), tz);
  for (let t = start + DAY; t < end + DAY; t += DAY) {
    const cur = offsetMs(new Date(t), tz);
    if (cur === prev) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
      if (offsetMs(new Date(mid), tz) === prev) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: prev, to: cur });
    prev = cur;
  }
  return found;
}

const two = (n: number) => String(n).padStart(2, '0');

function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / MINUTE;
  return `${sign}${two(Math.floor(minutes / 60))}${two(minutes % 60)}`;
}

/** Local wall time at `at` read with the offset `offset` (RFC 5545: onset in the old offset). */
function wallText(at: number, offset: number): string {
  const d = new Date(at + offset);
  return (
    `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}` +
    `T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`
  );
}

function component(kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${wallText(at, from)}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE text for `tz` covering the years `fromYear`..`toYear` (whole years, UTC). A period
 * with the larger of two offsets is daylight time; a zone that never changes gets one STANDARD.
 */
export function vtimezone(tz: string, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const first = offsetMs(new Date(start), tz);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  const changes = transitions(tz, start, end);
  // The offset in force at the start of the span, so times before the first change resolve too.
  const initialKind = changes[0] && changes[0].to > first ? 'STANDARD' : changes[0] ? 'DAYLIGHT' : 'STANDARD';
  lines.push(...component(initialKind, start, first, first));
  for (const c of changes) lines.push(...component(c.to > c.from ? 'DAYLIGHT' : 'STANDARD', c.at, c.from, c.to));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The calendar year of an instant in a zone, for choosing the span a VTIMEZONE must cover. */
export const yearIn = (d: Date, tz: string): number => localParts(d, tz).year;
