// The prep sheet (issue 5, item 4): one row per interview, gone with it. Lists that only ever hold a
// handful of short entries (objectives, a custom agenda, the talking points) are JSON text: they are
// read and written whole with the sheet, never queried on their own.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('prep_sheets')
    .addColumn('interview_id', 'text', (c) => c.primaryKey().references('interviews.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('checked_role', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_news', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('research_notes', 'text')
    .addColumn('objectives', 'text', (c) => c.notNull().defaultTo('[]'))
    // NULL: the default agenda, worked out from the meeting's minutes each time it is read.
    .addColumn('agenda', 'text')
    .addColumn('talking_points', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('prep_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prep_sheets_user').on('prep_sheets').column('user_id').execute();
}
