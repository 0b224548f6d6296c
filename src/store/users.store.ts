// Users and their settings. In single-user mode there is one user, the local owner.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export function usersStore(db: Kysely<Database>) {
  return {
    async localOwner(): Promise<{ id: string } | undefined> {
      return db.selectFrom('users').select('id').where('role', '=', 'owner').orderBy('created_at').orderBy('id').executeTakeFirst();
    },
    async insert(u: { id: string; email: string | null; name: string | null; role: string; createdAt: string }): Promise<void> {
      await db.insertInto('users').values({ id: u.id, email: u.email, name: u.name, role: u.role, created_at: u.createdAt }).execute();
    },
    async settings(userId: string): Promise<Record<string, string>> {
      const rows = await db.selectFrom('settings').select(['key', 'value']).where('user_id', '=', userId).execute();
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async setSetting(userId: string, key: string, value: string | null): Promise<void> {
      await db.deleteFrom('settings').where('user_id', '=', userId).where('key', '=', key).execute();
      if (value !== null) await db.insertInto('settings').values({ user_id: userId, key, value }).execute();
    },
  };
}
