// The private calendar feed token of each user (at most one). Looked up by the token's hash when a
// calendar app asks for the feed, and by user when its owner wants to see, rotate or revoke it.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface CalendarFeed {
  userId: string;
  token: string;
  createdAt: string;
}

export function calendarFeedStore(db: Kysely<Database>) {
  const columns = ['user_id', 'token', 'created_at'] as const;
  const toFeed = (r: { user_id: string; token: string; created_at: string }): CalendarFeed => ({
    userId: r.user_id,
    token: r.token,
    createdAt: r.created_at,
  });
  return {
    async get(userId: string): Promise<CalendarFeed | undefined> {
      const r = await db.selectFrom('calendar_feeds').select(columns).where('user_id', '=', userId).executeTakeFirst();
      return r && toFeed(r);
    },

    async byHash(tokenHash: string): Promise<CalendarFeed | undefined> {
      const r = await db.selectFrom('calendar_feeds').select(columns).where('token_hash', '=', tokenHash).executeTakeFirst();
      return r && toFeed(r);
    },

    /** Sets the user's token, replacing any earlier one (which stops working at once). */
    async put(feed: CalendarFeed, tokenHash: string): Promise<void> {
      await db
        .insertInto('calendar_feeds')
        .values({ user_id: feed.userId, token: feed.token, token_hash: tokenHash, created_at: feed.createdAt })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ token: feed.token, token_hash: tokenHash, created_at: feed.createdAt }))
        .execute();
    },

    /** Forgets the user's token; true when there was one. */
    async remove(userId: string): Promise<boolean> {
      const r = await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
