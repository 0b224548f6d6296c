// The whole data model of PRODUCT.md's glossary. Every table carries user_id: the single-user
// app has a local owner, so server mode later only adds accounts.
import type { Kysely } from 'kysely';
import { createSearchIndexes } from '../dialect.js';

// Kysely's builder is typed for the current schema; a migration is written against the schema of
// its own day, so it takes an untyped handle.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const now = 'text';

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('owner'))
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('objective', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('ended_at', now)
    .execute();
  await db.schema.createIndex('campaigns_user').on('campaigns').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalised_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('employer'))
    .addColumn('website', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', now, (c) => c.notNull())
    .addUniqueConstraint('organisations_user_name', ['user_id', 'normalised_name'])
    .execute();

  await db.schema
    .createTable('targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('motivation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posting', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', now, (c) => c.notNull())
    .addUniqueConstraint('targets_campaign_org', ['campaign_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('title', 'text')
    .addColumn('linkedin_url', 'text')
    .addColumn('location', 'text')
    .addColumn('tie', 'text', (c) => c.notNull().defaultTo('acquaintance'))
    .addColumn('do_not_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('connected_on', 'text')
    .addColumn('research', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_user_sort').on('contacts').columns(['user_id', 'sort_name', 'id']).execute();
  await db.schema.createIndex('contacts_user_created').on('contacts').columns(['user_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('contacts_user_updated').on('contacts').columns(['user_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('contacts_org').on('contacts').column('organisation_id').execute();

  for (const table of ['contact_emails', 'contact_phones']) {
    await db.schema
      .createTable(table)
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['contact_id', 'position'])
      .execute();
    await db.schema.createIndex(`${table}_value`).on(table).columns(['user_id', 'value']).execute();
  }

  await db.schema
    .createTable('contact_tags')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag'])
    .execute();
  await db.schema.createIndex('contact_tags_tag').on('contact_tags').columns(['user_id', 'tag']).execute();

  await db.schema
    .createTable('interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('prospect'))
    .addColumn('scheduled_at', now)
    .addColumn('timezone', 'text')
    .addColumn('minutes', 'integer', (c) => c.notNull().defaultTo(20))
    .addColumn('mode', 'text')
    .addColumn('place', 'text')
    .addColumn('link', 'text')
    .addColumn('held_at', now)
    .addColumn('no_referrals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .addUniqueConstraint('interviews_campaign_contact', ['campaign_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('interviews_contact').on('interviews').columns(['contact_id', 'status']).execute();
  await db.schema.createIndex('interviews_user_status').on('interviews').columns(['user_id', 'status']).execute();

  await db.schema
    .createTable('introductions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('introducer_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull().defaultTo('not-asked'))
    .addColumn('permission_at', now)
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('set null'))
    .addColumn('created_at', now, (c) => c.notNull())
    .addUniqueConstraint('introductions_pair', ['introducer_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('introductions_contact').on('introductions').column('contact_id').execute();

  await db.schema
    .createTable('touches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('at', now, (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('template_id', 'text')
    .addColumn('objection', 'text')
    .addColumn('planned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('touches_contact_at').on('touches').columns(['contact_id', 'at']).execute();
  await db.schema.createIndex('touches_interview').on('touches').column('interview_id').execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('cascade'))
    .addColumn('due_at', now, (c) => c.notNull())
    .addColumn('overdue_at', now, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('snoozed_until', now)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('closed_at', now)
    .execute();
  await db.schema.createIndex('actions_user_status_due').on('actions').columns(['user_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('actions_interview').on('actions').column('interview_id').execute();
  await db.schema.createIndex('actions_contact').on('actions').column('contact_id').execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('situations', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('question_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.notNull().unique().references('interviews.id').onDelete('cascade'))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_items')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('question_plans.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_items_pk', ['plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('cascade'))
    .addColumn('question_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', now, (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_contact_at').on('notes').columns(['contact_id', 'at', 'id']).execute();
  await db.schema.createIndex('notes_user_at').on('notes').columns(['user_id', 'at', 'id']).execute();
  await db.schema.createIndex('notes_interview').on('notes').column('interview_id').execute();

  await db.schema
    .createTable('note_kinds')
    .addColumn('note_id', 'text', (c) => c.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('note_kinds_pk', ['note_id', 'kind'])
    .execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('at', now, (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outcome_credits')
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('outcomes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('outcome_credits_pk', ['outcome_id', 'interview_id'])
    .execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();

  await createSearchIndexes(db);
}
