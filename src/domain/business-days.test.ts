import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addCalendarDays, holidayDates, isBusinessDay, type BusinessCalendar } from './business-days.js';

const plus = (at: string, n: number, cal: BusinessCalendar) => addBusinessDays(new Date(at), n, cal).toISOString();
const UTC: BusinessCalendar = { timeZone: 'UTC' };

describe('business days', () => {
  it('follows the examples of CONTRACTS.md', () => {
    expect(plus('2026-03-02T09:00:00.000Z', 3, UTC)).toBe('2026-03-05T09:00:00.000Z'); // Mon + 3 → Thu
    expect(plus('2026-03-02T09:00:00.000Z', 7, UTC)).toBe('2026-03-11T09:00:00.000Z'); // Mon + 7 → Wed next week
    expect(plus('2026-03-06T16:00:00.000Z', 3, UTC)).toBe('2026-03-11T16:00:00.000Z'); // Fri 16:00 + 3 → Wed 16:00
    expect(plus('2026-03-07T10:00:00.000Z', 3, UTC)).toBe('2026-03-12T09:00:00.000Z'); // Sat 10:00 + 3 → Thu 09:00
  });

  it('counts in the user’s zone, keeping the local time across DST changes', () => {
    // Fri 16:00 in New York (EST) + 3 → Wed 16:00 (EDT, clocks changed on Sunday 8 March).
    expect(plus('2026-03-06T21:00:00.000Z', 3, { timeZone: 'America/New_York' })).toBe('2026-03-11T20:00:00.000Z');
    // Fri 09:00 in London (BST) + 1 → Mon 09:00 (GMT, clocks changed on Sunday 25 October).
    expect(plus('2026-10-23T08:00:00.000Z', 1, { timeZone: 'Europe/London' })).toBe('2026-10-26T09:00:00.000Z');
    // Saturday late evening UTC is already Sunday in Tokyo; Monday 09:00 Tokyo is the start.
    expect(plus('2026-03-07T20:00:00.000Z', 1, { timeZone: 'Asia/Tokyo' })).toBe('2026-03-10T00:00:00.000Z');
    // 23:30 on Friday in Berlin is 22:30 UTC the same day: Friday is the local day.
    expect(plus('2026-03-06T22:30:00.000Z', 1, { timeZone: 'Europe/Berlin' })).toBe('2026-03-09T22:30:00.000Z');
  });

  it('skips the public holidays of the country setting, and only when it is set', () => {
    const gb = { timeZone: 'Europe/London', country: 'GB' };
    // Christmas Day (Fri), the weekend and the Boxing Day substitute (Mon 28).
    expect(plus('2026-12-24T10:00:00.000Z', 1, gb)).toBe('2026-12-29T10:00:00.000Z');
    expect(plus('2026-12-24T10:00:00.000Z', 3, gb)).toBe('2026-12-31T10:00:00.000Z');
    expect(plus('2026-12-24T10:00:00.000Z', 1, { timeZone: 'Europe/London' })).toBe('2026-12-25T10:00:00.000Z');
    // Starting on a holiday counts from 09:00 of the next business day.
    expect(plus('2026-12-25T10:00:00.000Z', 1, gb)).toBe('2026-12-30T09:00:00.000Z');
    // Good Friday and Easter Monday in England and Germany.
    expect(plus('2026-04-02T08:00:00.000Z', 1, gb)).toBe('2026-04-07T08:00:00.000Z');
    expect(plus('2026-04-02T07:00:00.000Z', 1, { timeZone: 'Europe/Berlin', country: 'DE' })).toBe('2026-04-07T07:00:00.000Z');
    // Thanksgiving in the US; the day after is an observance, not a day off.
    expect(plus('2026-11-25T14:00:00.000Z', 1, { timeZone: 'America/New_York', country: 'US' })).toBe('2026-11-27T14:00:00.000Z');
    // A region adds its own days: Epiphany in Bavaria, not in the rest of Germany.
    expect(plus('2026-01-05T08:00:00.000Z', 1, { timeZone: 'Europe/Berlin', country: 'DE-BY' })).toBe('2026-01-07T08:00:00.000Z');
    expect(plus('2026-01-05T08:00:00.000Z', 1, { timeZone: 'Europe/Berlin', country: 'DE' })).toBe('2026-01-06T08:00:00.000Z');
    expect(holidayDates('GB', 2026).has('2026-12-28')).toBe(true);
  });

  it('says whether a local day is a business day', () => {
    expect(isBusinessDay(new Date('2026-03-06T12:00:00Z'), UTC)).toBe(true);
    expect(isBusinessDay(new Date('2026-03-07T12:00:00Z'), UTC)).toBe(false);
    expect(isBusinessDay(new Date('2026-12-25T12:00:00Z'), { timeZone: 'UTC', country: 'GB' })).toBe(false);
    expect(isBusinessDay(new Date('2026-03-06T23:30:00Z'), { timeZone: 'Asia/Tokyo' })).toBe(false); // Saturday there
  });

  it('adds calendar days at the same local time, across DST', () => {
    expect(addCalendarDays(new Date('2026-03-06T14:00:00.000Z'), 7, 'America/New_York').toISOString()).toBe('2026-03-13T13:00:00.000Z');
    expect(addCalendarDays(new Date('2026-03-10T13:00:00.000Z'), -2, 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('always lands on a later business day, later for more days', () => {
    const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
    const countries = [null, 'GB', 'US', 'DE'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 11, 31) }),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom(...zones),
        fc.constantFrom(...countries),
        (t, n, timeZone, country) => {
          const cal = { timeZone, country };
          const start = new Date(t);
          const a = addBusinessDays(start, n + 1, cal);
          const b = addBusinessDays(start, n + 2, cal);
          expect(isBusinessDay(a, cal)).toBe(true);
          expect(a.getTime()).toBeGreaterThan(start.getTime());
          expect(b.getTime()).toBeGreaterThan(a.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});
