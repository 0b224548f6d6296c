// The TOTP second factor's rows (migration 15): each account's secret and the newest time step it
// accepted, its recovery codes (hashes), and sign-ins waiting for their code. Every "use once"
// rule is a conditional write here, so two requests racing with the same code cannot both win.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface TwoFactor {
  secret: string;
  enabledAt: string | null;
  lastStep: number;
}

export function twoFactorStore(db: Kysely<Database>) {
  return {
    async get(userId: string): Promise<TwoFactor | undefined> {
      const r = await db
        .selectFrom('auth_two_factor')
        .select(['secret', 'enabled_at', 'last_step'])
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return r && { secret: r.secret, enabledAt: r.enabled_at, lastStep: Number(r.last_step) };
    },
    async enabled(userId: string): Promise<boolean> {
      const r = await db
        .selectFrom('auth_two_factor')
        .select('user_id')
        .where('user_id', '=', userId)
        .where('enabled_at', 'is not', null)
        .executeTakeFirst();
      return !!r;
    },
    /** The ids of every account whose second factor is on (the admin's list). */
    async enabledUsers(): Promise<string[]> {
      const rows = await db.selectFrom('auth_two_factor').select('user_id').where('enabled_at', 'is not', null).execute();
      return rows.map((r) => r.user_id);
    },
    /** A new secret waiting for its first code; replaces one not yet confirmed, never an enabled one. */
    async start(userId: string, secret: string, at: string): Promise<boolean> {
      await db.deleteFrom('auth_two_factor').where('user_id', '=', userId).where('enabled_at', 'is', null).execute();
      const r = await db
        .insertInto('auth_two_factor')
        .values({ user_id: userId, secret, created_at: at, enabled_at: null, last_step: 0 })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    /** Turns the waiting secret on with the step of its first code; false if it was on already. */
    async enable(userId: string, step: number, at: string): Promise<boolean> {
      const r = await db
        .updateTable('auth_two_factor')
        .set({ enabled_at: at, last_step: step })
        .where('user_id', '=', userId)
        .where('enabled_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    /** Records a code's step as used; false when that step (or a later one) was used before: a replay. */
    async acceptStep(userId: string, step: number): Promise<boolean> {
      const r = await db
        .updateTable('auth_two_factor')
        .set({ last_step: step })
        .where('user_id', '=', userId)
        .where('enabled_at', 'is not', null)
        .where('last_step', '<', step)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async remove(userId: string): Promise<void> {
      await db.deleteFrom('auth_recovery_codes').where('user_id', '=', userId).execute();
      await db.deleteFrom('auth_two_factor').where('user_id', '=', userId).execute();
    },

    async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
      await db.deleteFrom('auth_recovery_codes').where('user_id', '=', userId).execute();
      if (hashes.length)
        await db
          .insertInto('auth_recovery_codes')
          .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
          .execute();
    },
    /** Uses up a recovery code; false when it is not one of the account's unused codes. */
    async useRecoveryCode(userId: string, hash: string): Promise<boolean> {
      const r = await db.deleteFrom('auth_recovery_codes').where('user_id', '=', userId).where('code_hash', '=', hash).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async recoveryCodesLeft(userId: string): Promise<number> {
      const r = await db
        .selectFrom('auth_recovery_codes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    async insertPending(p: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
      await db
        .insertInto('auth_pending_logins')
        .values({ token_hash: p.tokenHash, user_id: p.userId, created_at: p.createdAt, expires_at: p.expiresAt })
        .execute();
    },
    async pending(tokenHash: string): Promise<{ userId: string; expiresAt: string } | undefined> {
      const r = await db
        .selectFrom('auth_pending_logins')
        .select(['user_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r && { userId: r.user_id, expiresAt: r.expires_at };
    },
    /** Ends a waiting sign-in; false when another request ended it first. */
    async takePending(tokenHash: string): Promise<boolean> {
      const r = await db.deleteFrom('auth_pending_logins').where('token_hash', '=', tokenHash).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    /** Forgets waiting sign-ins that ran out (any account's), so the table stays small. */
    async dropExpiredPending(now: string): Promise<void> {
      await db.deleteFrom('auth_pending_logins').where('expires_at', '<=', now).execute();
    },
  };
}
