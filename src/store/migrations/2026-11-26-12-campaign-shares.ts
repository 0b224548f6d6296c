// Sharing a campaign with an adviser (issue 7, part 4). A share names the campaign, its owner and
// the adviser, and whether the adviser may comment; deleting the campaign or either account ends
// it. Comments belong to the campaign (they stay when a share is revoked, so the member keeps the
// advice) and go with it, or with their author's account.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('adviser_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('campaign_shares_campaign_adviser', ['campaign_id', 'adviser_id'])
    .execute();
  // The cohort dashboard reads every share of one adviser.
  await db.schema.createIndex('campaign_shares_adviser').on('campaign_shares').columns(['adviser_id', 'owner_id']).execute();

  await db.schema
    .createTable('campaign_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_comments_campaign').on('campaign_comments').columns(['campaign_id', 'created_at', 'id']).execute();
}
