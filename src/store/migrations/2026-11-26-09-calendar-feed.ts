// The private calendar feed (issue 5): one secret token per user. The token itself is kept so its
// owner can be shown the address again; requests are matched by the token's SHA-256, so the
// lookup an index does never compares the secret itself, and the match is confirmed in constant
// time. Revoking deletes the row; rotating replaces it.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
