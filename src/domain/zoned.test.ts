import { describe, expect, it } from 'vitest';
import { endOfLocalDay, fromLocal, isValidTimeZone, localParts, parseUserTime, startOfLocalDay } from './zoned.js';

describe('time zones', () => {
  it('reads local wall-clock parts', () => {
    const p = localParts(new Date('2026-03-05T09:30:00Z'), 'America/New_York');
    expect(p).toMatchObject({ year: 2026, month: 3, day: 5, hour: 4, minute: 30, weekday: 4 });
  });

  it('turns local times into instants on both sides of a DST change', () => {
    // New York moves to summer time on 2026-03-08 at 02:00.
    expect(fromLocal('America/New_York', 2026, 3, 7, 9).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(fromLocal('America/New_York', 2026, 3, 9, 9).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(fromLocal('Europe/Berlin', 2026, 10, 26, 9).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('finds the start and end of the local day', () => {
    const t = new Date('2026-03-05T23:30:00Z'); // already 6 March in Berlin
    expect(startOfLocalDay(t, 'Europe/Berlin').toISOString()).toBe('2026-03-05T23:00:00.000Z');
    expect(endOfLocalDay(t, 'Europe/Berlin').toISOString()).toBe('2026-03-06T23:00:00.000Z');
    expect(endOfLocalDay(t, 'UTC').toISOString()).toBe('2026-03-06T00:00:00.000Z');
  });

  it('reads user times with and without an offset', () => {
    expect(parseUserTime('2026-03-05T09:00', 'Europe/Berlin')?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(parseUserTime('2026-03-05T09:00:00Z', 'Europe/Berlin')?.toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect(parseUserTime('2026-03-05T09:00+02:00', 'UTC')?.toISOString()).toBe('2026-03-05T07:00:00.000Z');
    expect(parseUserTime('2026-03-05', 'UTC')?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(parseUserTime('5 March', 'UTC')).toBeNull();
    expect(parseUserTime('2026-13-05T09:00', 'UTC')).toBeNull();
  });

  it('knows real zones from made-up ones', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
