// Business days in the user's zone (CONTRACTS.md, "Time"): Monday to Friday, minus the public
// holidays of the user's `country` setting. Also the calendar-day and hour offsets the actions
// table uses, all keeping the local wall-clock time across DST changes.
import { createRequire } from 'node:module';
import { fromLocal, localParts } from './zoned.js';

export interface BusinessCalendar {
  timeZone: string;
  /** ISO 3166 code, optionally with a region (`DE-BY`); null or undefined means no holidays. */
  country?: string | null;
}

/** The hour a count starts from when the day it starts on is not a business day. */
const START_HOUR = 9;
const HOUR = 3600 * 1000;

interface HolidaysApi {
  getHolidays(year: number): { date: string; type: string }[];
  getCountries(): Record<string, string> | undefined;
  getStates(country: string): Record<string, string> | undefined;
}
type HolidaysCtor = new (country?: string, state?: string) => HolidaysApi;

// date-holidays takes ~200 ms to load and tens of ms to build per country, so it is loaded only
// when a country is set, and each country-year's days are computed once per process.
let ctor: HolidaysCtor | undefined;
const byCountryYear = new Map<string, ReadonlySet<string>>();

function loadHolidays(): HolidaysCtor {
  if (!ctor) ctor = createRequire(import.meta.url)('date-holidays') as HolidaysCtor;
  return ctor;
}

/** The local dates (`YYYY-MM-DD`) that are days off in `country` in `year`. */
export function holidayDates(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let set = byCountryYear.get(key);
  if (!set) {
    const [nation, region] = country.toUpperCase().split('-');
    const Holidays = loadHolidays();
    const hd = region ? new Holidays(nation!, region) : new Holidays(nation!);
    // Public and bank holidays close offices; observances and optional days do not.
    set = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    byCountryYear.set(key, set);
  }
  return set;
}

/**
 * Whether date-holidays knows the country (and its region, `DE-BY`). An unknown code would count
 * no holiday at all without a word, so the setting refuses it (a user typing UK for GB).
 */
export function isKnownCountry(code: string): boolean {
  const [nation = '', region] = code.toUpperCase().split('-');
  const hd = new (loadHolidays())();
  if (!Object.hasOwn(hd.getCountries() ?? {}, nation)) return false;
  return region === undefined || Object.hasOwn(hd.getStates(nation) ?? {}, region);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether the local day (year, month, day) is a working day in the calendar. */
function isWorkingDate(year: number, month: number, day: number, cal: BusinessCalendar): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (!cal.country) return true;
  return !holidayDates(cal.country, year).has(`${year}-${pad(month)}-${pad(day)}`);
}

/** Whether the local day on which `instant` falls in the user's zone is a business day. */
export function isBusinessDay(instant: Date, cal: BusinessCalendar): boolean {
  const p = localParts(instant, cal.timeZone);
  return isWorkingDate(p.year, p.month, p.day, cal);
}

/** The local date `days` after (year, month, day), as plain numbers. */
function shiftDate(year: number, month: number, day: number, days: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * N business days after `instant` (n ≥ 1): from a business day, the same local time on the Nth
 * business day after it; from any other day, 09:00 on the Nth business day counted from the next
 * business day (CONTRACTS.md: Sat 10:00 + 3 → Thu 09:00).
 */
export function addBusinessDays(instant: Date, n: number, cal: BusinessCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number ≥ 0, got ${n}`);
  const p = localParts(instant, cal.timeZone);
  let date: [number, number, number] = [p.year, p.month, p.day];
  let time: [number, number, number] = [p.hour, p.minute, p.second];
  let left = n;
  const kept = isWorkingDate(...date, cal);
  if (!kept) {
    // The next business day at 09:00 is the starting point: it counts as day 0.
    do date = shiftDate(...date, 1);
    while (!isWorkingDate(...date, cal));
    time = [START_HOUR, 0, 0];
  }
  while (left > 0) {
    date = shiftDate(...date, 1);
    if (isWorkingDate(...date, cal)) left--;
  }
  const out = fromLocal(cal.timeZone, ...date, ...time);
  // Keep sub-second precision when the local time is carried over unchanged.
  return kept ? new Date(out.getTime() + millisOf(instant)) : out;
}

/** `days` calendar days after `instant` (negative: before), at the same local time in the zone. */
export function addCalendarDays(instant: Date, days: number, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const out = fromLocal(timeZone, ...shiftDate(p.year, p.month, p.day, days), p.hour, p.minute, p.second);
  return new Date(out.getTime() + millisOf(instant));
}

/** The milliseconds past the second, 0–999 also before 1970 (where `%` would give a negative). */
function millisOf(instant: Date): number {
  return ((instant.getTime() % 1000) + 1000) % 1000;
}

/** A fixed number of hours later, whatever the wall clock does (for "24 hours after"). */
export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR);
}
