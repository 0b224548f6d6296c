// The short debrief written when an interview closes: what the user learned, how it fits them,
// and what they still need to find out. A table of its own (one row per interview) rather than
// columns on `interviews`, so the interview row and its mapper stay as they are.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interview_debriefs')
    .addColumn('interview_id', 'text', (c) => c.primaryKey().references('interviews.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('learned', 'text')
    .addColumn('fit', 'text')
    .addColumn('open_questions', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
