// Pairs of contacts the user said are not the same person, so the duplicate review does not offer
// them again. Each pair is stored once, the smaller id first; deleting either contact drops it.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('not_duplicates')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_a', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('contact_b', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('not_duplicates_pk', ['user_id', 'contact_a', 'contact_b'])
    .execute();
  // the primary key serves lookups by contact_a; deletes of a contact also look by contact_b
  await db.schema.createIndex('not_duplicates_b').on('not_duplicates').column('contact_b').execute();
}
