import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import { uuidv7Generator } from './ids.js';

describe('UUIDv7 ids', () => {
  it("are well-formed version-7 UUIDs carrying the clock's time", () => {
    const clock = fixedClock('2026-03-05T09:00:00.000Z');
    const id = uuidv7Generator(clock, (b) => b.fill(0xab))();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2026-03-05T09:00:00.000Z'));
  });

  it('sort in creation order, even many within one millisecond or with the clock going back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 6000 }), (steps) => {
        const clock = fixedClock('2026-03-05T09:00:00.000Z');
        const next = uuidv7Generator(clock, (b) => b.fill(0x5a));
        let prev = '';
        for (const s of steps) {
          clock.advance(s);
          const id = next();
          expect(id > prev).toBe(true);
          prev = id;
        }
      }),
      { numRuns: 30 },
    );
  });
});
