// What every operation is given (ARCHITECTURE.md, example 4): the store, the clock, the id
// generator, and the user it acts for. Tests build one with a fixed clock and an in-memory store.
import { clockFrom, type Clock } from '../domain/clock.js';
import { AppError } from '../domain/errors.js';
import { uuidv7Generator, type IdGenerator } from '../domain/ids.js';
import type { UserRole } from '../domain/types.js';
import type { Store } from '../store/index.js';

export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
}

export interface Ctx extends Deps {
  userId: string;
  /** The signed-in account's role in server mode; absent for the local owner. */
  role?: UserRole;
}

/** The program's clock: real time, or COFFEECHAT_NOW's instant running on from process start. */
export function systemClock(nowSetting: string | undefined): Clock {
  if (!nowSetting) return { now: () => new Date() };
  const start = new Date(nowSetting);
  if (!/([zZ]|[+-]\d{2}:?\d{2})$/.test(nowSetting.trim()) || Number.isNaN(start.getTime())) {
    throw new AppError(
      'invalid_input',
      `COFFEECHAT_NOW must be an ISO time with an offset or Z, e.g. 2026-03-05T09:00:00Z (got "${nowSetting}").`,
    );
  }
  return clockFrom(start, () => performance.now());
}

export function systemIds(clock: Clock): IdGenerator {
  // Random bytes drawn 4 KiB at a time: one system call per ~400 ids instead of one per id.
  const pool = new Uint8Array(4096);
  let at = pool.length;
  return uuidv7Generator(clock, (b) => {
    if (at + b.length > pool.length) {
      // Web Crypto (the same CSPRNG) is set up on first use; importing node:crypto up front cost
      // every CLI command its load time, and most commands make no id.
      globalThis.crypto.getRandomValues(pool);
      at = 0;
    }
    b.set(pool.subarray(at, at + b.length));
    at += b.length;
  });
}

/** The machine's time zone: the default `timezone` setting of a new local owner. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Finds the local owner, creating it (and its default settings) on first run. Every row belongs to
 * a user even in single-user mode, so server mode only adds accounts.
 */
export async function localOwner(deps: Deps): Promise<string> {
  const found = await deps.store.users.localOwner();
  if (found) return found.id;
  return deps.store.transaction(async (tx) => {
    const again = await tx.users.localOwner();
    if (again) return again.id;
    const id = deps.ids();
    await tx.users.insert({ id, email: null, name: null, role: 'owner', createdAt: deps.clock.now().toISOString() });
    await tx.users.setSetting(id, 'timezone', machineTimeZone());
    return id;
  });
}
