// Accounts in server mode: what we keep beside the authentication library's own reads and writes
// (server secrets, failed-login counters, invitations, reset tokens) and the account rows that we
// write ourselves (users created by setup and invitations, their password credential).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AccountRow {
  id: string;
  email: string | null;
  name: string | null;
  role: string;
  disabled: boolean;
  createdAt: string;
}

export interface Invitation {
  id: string;
  token: string;
  email: string;
  role: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface Throttle {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}

const userColumns = ['id', 'email', 'name', 'role', 'disabled', 'created_at'] as const;
const toAccount = (r: {
  id: string;
  email: string | null;
  name: string | null;
  role: string;
  disabled: number;
  created_at: string;
}): AccountRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

const invitationColumns = ['id', 'token', 'email', 'role', 'created_at', 'expires_at', 'used_at'] as const;
const toInvitation = (r: {
  id: string;
  token: string;
  email: string;
  role: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}): Invitation => ({
  id: r.id,
  token: r.token,
  email: r.email,
  role: r.role,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

export function authStore(db: Kysely<Database>) {
  return {
    async setting(key: string): Promise<string | undefined> {
      return (await db.selectFrom('auth_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
    },
    /** Stores a value unless one is there already; returns the value that is kept (first writer wins). */
    async settingOnce(key: string, value: string): Promise<string> {
      await db
        .insertInto('auth_settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      return (await this.setting(key)) ?? value;
    },
    async removeSetting(key: string): Promise<boolean> {
      const r = await db.deleteFrom('auth_settings').where('key', '=', key).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async user(id: string): Promise<AccountRow | undefined> {
      const r = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
      return r && toAccount(r);
    },
    async userByEmail(email: string): Promise<AccountRow | undefined> {
      const r = await db.selectFrom('users').select(userColumns).where('email', '=', email).executeTakeFirst();
      return r && toAccount(r);
    },
    async users(): Promise<AccountRow[]> {
      const rows = await db.selectFrom('users').select(userColumns).orderBy('created_at').orderBy('id').execute();
      return rows.map(toAccount);
    },
    async hasAdmin(): Promise<boolean> {
      return !!(await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst());
    },
    /** Gives an existing user (the local owner, at setup) an e-mail, a name and a role. */
    async makeAccount(id: string, u: { email: string; name: string; role: string; at: string }): Promise<void> {
      await db.updateTable('users').set({ email: u.email, name: u.name, role: u.role, updated_at: u.at }).where('id', '=', id).execute();
    },
    async insertUser(u: { id: string; email: string; name: string; role: string; at: string }): Promise<void> {
      await db
        .insertInto('users')
        .values({ id: u.id, email: u.email, name: u.name, role: u.role, created_at: u.at, updated_at: u.at })
        .execute();
    },
    async updateUser(id: string, patch: { role?: string; disabled?: boolean; at: string }): Promise<boolean> {
      const r = await db
        .updateTable('users')
        .set({
          updated_at: patch.at,
          ...(patch.role === undefined ? {} : { role: patch.role }),
          ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
        })
        .where('id', '=', id)
        .where('role', '!=', 'owner')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async deleteUser(id: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },

    /** The e-mail + password credential, in the shape the authentication library reads. */
    async setPassword(a: { id: string; userId: string; hash: string; at: string }): Promise<void> {
      const updated = await db
        .updateTable('auth_accounts')
        .set({ password: a.hash, updated_at: a.at })
        .where('user_id', '=', a.userId)
        .where('provider_id', '=', 'credential')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) return;
      await db
        .insertInto('auth_accounts')
        .values({
          id: a.id,
          user_id: a.userId,
          account_id: a.userId,
          provider_id: 'credential',
          password: a.hash,
          created_at: a.at,
          updated_at: a.at,
        })
        .execute();
    },
    async passwordHash(userId: string): Promise<string | null> {
      const r = await db
        .selectFrom('auth_accounts')
        .select('password')
        .where('user_id', '=', userId)
        .where('provider_id', '=', 'credential')
        .executeTakeFirst();
      return r?.password ?? null;
    },
    /** Ends every session of a user at once (password change, disabled account). */
    async endSessions(userId: string): Promise<void> {
      await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
    },

    async throttle(key: string): Promise<Throttle | undefined> {
      const r = await db
        .selectFrom('auth_throttle')
        .select(['failures', 'window_start', 'locked_until'])
        .where('key', '=', key)
        .executeTakeFirst();
      return r && { failures: r.failures, windowStart: r.window_start, lockedUntil: r.locked_until };
    },
    async putThrottle(key: string, t: Throttle): Promise<void> {
      const row = { failures: t.failures, window_start: t.windowStart, locked_until: t.lockedUntil };
      await db
        .insertInto('auth_throttle')
        .values({ key, ...row })
        .onConflict((oc) => oc.column('key').doUpdateSet(row))
        .execute();
    },
    async clearThrottle(key: string): Promise<void> {
      await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },

    async insertInvitation(i: Invitation & { tokenHash: string; createdBy: string }): Promise<void> {
      await db
        .insertInto('invitations')
        .values({
          id: i.id,
          token: i.token,
          token_hash: i.tokenHash,
          email: i.email,
          role: i.role,
          created_by: i.createdBy,
          created_at: i.createdAt,
          expires_at: i.expiresAt,
          used_at: null,
        })
        .execute();
    },
    /** Invitations not yet used, newest first. */
    async openInvitations(): Promise<Invitation[]> {
      const rows = await db
        .selectFrom('invitations')
        .select(invitationColumns)
        .where('used_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toInvitation);
    },
    async invitationByHash(tokenHash: string): Promise<Invitation | undefined> {
      const r = await db.selectFrom('invitations').select(invitationColumns).where('token_hash', '=', tokenHash).executeTakeFirst();
      return r && toInvitation(r);
    },
    /** Marks an invitation used; false when someone used it first. */
    async useInvitation(id: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('invitations')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async deleteInvitation(id: string): Promise<boolean> {
      const r = await db.deleteFrom('invitations').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async insertReset(r: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
      await db
        .insertInto('password_resets')
        .values({ token_hash: r.tokenHash, user_id: r.userId, created_at: r.createdAt, expires_at: r.expiresAt })
        .execute();
    },
    /** Takes a reset token (it works once): the user it was for and when it expires. */
    async takeReset(tokenHash: string): Promise<{ userId: string; expiresAt: string } | undefined> {
      const r = await db
        .selectFrom('password_resets')
        .select(['user_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!r) return undefined;
      const gone = await db.deleteFrom('password_resets').where('token_hash', '=', tokenHash).executeTakeFirst();
      return Number(gone.numDeletedRows) > 0 ? { userId: r.user_id, expiresAt: r.expires_at } : undefined;
    },
  };
}
