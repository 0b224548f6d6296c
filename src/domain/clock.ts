// Time is injected everywhere (ARCHITECTURE.md, example 4): code asks its clock, never `Date`.

export interface Clock {
  now(): Date;
}

/** A clock that starts at `start` and then runs on in real time (CONTRACTS.md, COFFEECHAT_NOW). */
export function clockFrom(start: Date, elapsedMs: () => number): Clock {
  const origin = elapsedMs();
  return { now: () => new Date(start.getTime() + (elapsedMs() - origin)) };
}

/** A clock that never moves unless told to: for tests of rules about days and weeks. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next: string) => {
      t = new Date(next).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** The stored and printed form of an instant: UTC ISO 8601 with milliseconds and `Z`. */
export function toInstant(d: Date): string {
  return d.toISOString();
}
