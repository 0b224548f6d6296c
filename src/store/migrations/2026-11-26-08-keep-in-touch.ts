// Keeping in touch, and what came of it. `interviews.keep_in_touch_done_at` is when the user said
// they are done keeping in touch with the person of that interview (null: updates still wanted);
// a time rather than a flag, so the interview can say since when. `outcome_credits.depth` is how many introductions away from the outcome
// an interview is: 0 for the interview it was recorded on, 1 for the one whose referral brought
// that person in, and so on up the chain.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('interviews').addColumn('keep_in_touch_done_at', 'text').execute();
  await db.schema
    .alterTable('outcome_credits')
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('outcome_credits_interview').on('outcome_credits').column('interview_id').execute();
  await db.schema.createIndex('outcomes_campaign').on('outcomes').columns(['campaign_id', 'at']).execute();
}
