// What the user answered to an objection, when it worked: kept beside the objection so the next
// call can reuse it. Nullable: most touches hear no objection.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('touches').addColumn('objection_answer', 'text').execute();
}
