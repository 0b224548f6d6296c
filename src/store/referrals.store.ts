// Referrals: the introductions recorded during an interview, and the few contacts a new referral
// could be (same e-mail, same phone ending, same name) — looked up by key, not by loading the
// whole network, because a referral is captured in the middle of a conversation.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export function referralsStore(db: Kysely<Database>) {
  return {
    /** Ids of the contacts that share an e-mail (as written or lower-cased), a phone ending or the sort name. */
    async candidateIds(userId: string, q: { emails: string[]; phones: string[]; sortName: string }): Promise<string[]> {
      const ids = new Set<string>();
      const emails = [...new Set(q.emails.flatMap((e) => [e.trim(), e.trim().toLowerCase()]))];
      if (emails.length) {
        const rows = await db
          .selectFrom('contact_emails')
          .select('contact_id')
          .where('user_id', '=', userId)
          .where('value', 'in', emails)
          .execute();
        for (const r of rows) ids.add(r.contact_id);
      }
      // Loaded here, not at the top: libphonenumber-js is a large module every command would parse
      // at start (the store is built for all of them), and only this lookup needs it.
      const { phoneBlockKey } = await import('../domain/contact-keys.js');
      const tails = new Set(q.phones.map(phoneBlockKey).filter((k): k is string => !!k));
      if (tails.size) {
        // Phones are stored as written, so compare their last digits here; matchPair decides.
        const rows = await db.selectFrom('contact_phones').select(['contact_id', 'value']).where('user_id', '=', userId).execute();
        for (const r of rows) if (tails.has(phoneBlockKey(r.value) ?? '')) ids.add(r.contact_id);
      }
      const named = await db
        .selectFrom('contacts')
        .select('id')
        .where('user_id', '=', userId)
        .where('sort_name', '=', q.sortName)
        .limit(20)
        .execute();
      for (const r of named) ids.add(r.id);
      return [...ids];
    },
    /** Ids of the introductions recorded in this interview, oldest first. */
    async introductionIds(userId: string, interviewId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('introductions')
        .select('id')
        .where('user_id', '=', userId)
        .where('interview_id', '=', interviewId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
