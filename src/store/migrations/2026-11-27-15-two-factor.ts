// The optional TOTP second factor (issue 7, part 2). One row per account that has set one up or is
// setting it up (`enabled_at` null until the first right code); `last_step` is the newest time
// step accepted, so the same code cannot be used twice. Recovery codes are kept only as SHA-256s
// and deleted as they are used. A sign-in whose password was right but whose code is still to
// come waits in `auth_pending_logins` for a few minutes, found by the hash of a cookie's value.
// Whether advisers and admins must use a second factor is a row of `auth_settings`.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_two_factor')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text')
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('auth_recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('auth_pending_logins')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_pending_logins_user').on('auth_pending_logins').column('user_id').execute();
}
