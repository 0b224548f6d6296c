// Merges of duplicate contacts, kept so that a merge can be undone: the kept contact as it was,
// the merged-away contact whole, and which rows moved from one to the other.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kept_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('other_id', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('merges_kept').on('merges').columns(['kept_id', 'at']).execute();
}
