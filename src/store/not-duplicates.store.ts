// Pairs of contacts the user said are two different people (the duplicate review's "not the same
// person"). A pair is stored in one order, the smaller id first, so either order finds it.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** The key of a pair in either order, for looking pairs up in a Set. */
export const pairKey = (a: string, b: string): string => ordered(a, b).join(' ');

export function notDuplicatesStore(db: Kysely<Database>) {
  return {
    /** Records the pair; recording it again changes nothing. */
    async add(userId: string, a: string, b: string, at: string): Promise<void> {
      const [contactA, contactB] = ordered(a, b);
      await db
        .insertInto('not_duplicates')
        .values({ user_id: userId, contact_a: contactA, contact_b: contactB, at })
        .onConflict((oc) => oc.columns(['user_id', 'contact_a', 'contact_b']).doNothing())
        .execute();
    },

    /** Forgets the pair; true when it was recorded. */
    async remove(userId: string, a: string, b: string): Promise<boolean> {
      const [contactA, contactB] = ordered(a, b);
      const r = await db
        .deleteFrom('not_duplicates')
        .where('user_id', '=', userId)
        .where('contact_a', '=', contactA)
        .where('contact_b', '=', contactB)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Every recorded pair of the user, as pairKey strings. */
    async keys(userId: string): Promise<Set<string>> {
      const rows = await db.selectFrom('not_duplicates').select(['contact_a', 'contact_b']).where('user_id', '=', userId).execute();
      return new Set(rows.map((r) => pairKey(r.contact_a, r.contact_b)));
    },
  };
}
