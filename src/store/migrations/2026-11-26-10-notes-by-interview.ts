// Insights read a campaign's notes by interview: their kinds (which need only the note id) and the
// ones that answer a question. With the question and the id in the index, counting kinds never
// reads a note's row, and notes without a question are skipped without reading theirs. It
// replaces the first migration's index on interview_id alone, which it also serves.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('notes_interview_question').on('notes').columns(['interview_id', 'question_id', 'id']).execute();
  await db.schema.dropIndex('notes_interview').execute();
}
