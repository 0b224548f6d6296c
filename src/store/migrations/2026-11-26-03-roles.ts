// Work history: a person's roles (organisation, title, from, to). The contact row keeps the
// current organisation and title as a cached copy of the open role, so lists, search and matching
// stay one-table reads; everyone who had a job before this migration gets it as an open role.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('title', 'text')
    // YYYY, YYYY-MM or YYYY-MM-DD: people remember "since spring 2021", not a day.
    .addColumn('started_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roles_contact').on('roles').columns(['contact_id', 'ended_on']).execute();
  await db.schema.createIndex('roles_organisation').on('roles').column('organisation_id').execute();
  // The role id is derived from the contact's (unique) id so that the backfill is one statement.
  await sql`
    INSERT INTO roles (id, user_id, contact_id, organisation_id, title, started_on, ended_on, source, created_at)
    SELECT 'r' || id, user_id, id, organisation_id, title, NULL, NULL, source, created_at
    FROM contacts WHERE organisation_id IS NOT NULL OR title IS NOT NULL
  `.execute(db);
}
