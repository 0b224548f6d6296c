// Insights list the most recent answers to each question (and count the rest). With notes indexed
// by user, question and time, the latest answers to one question are read newest first and the
// walk stops once enough of them belong to the campaign, instead of sorting every answer of the
// campaign; only the notes listed are read from the table.
//
// A campaign's interviews are found by user and campaign together: with one index per column the
// planner could only guess which is narrower, and guessed the user (every interview of every
// campaign) on a large database.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('notes_user_question_at').on('notes').columns(['user_id', 'question_id', 'at', 'id']).execute();
  await db.schema.createIndex('interviews_user_campaign').on('interviews').columns(['user_id', 'campaign_id']).execute();
}
