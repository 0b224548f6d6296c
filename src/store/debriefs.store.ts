// Debriefs: the few lines the user writes about one interview once it is over.
import type { Kysely } from 'kysely';
import type { Database, InterviewDebriefRow } from './schema.js';

export interface Debrief {
  interviewId: string;
  /** What I learned. */
  learned: string | null;
  /** How it fits me. */
  fit: string | null;
  /** What I still need to know. */
  open: string | null;
  updatedAt: string | null;
}

export function debriefsStore(db: Kysely<Database>) {
  return {
    async get(userId: string, interviewId: string): Promise<Debrief | undefined> {
      const row = await db
        .selectFrom('interview_debriefs')
        .selectAll()
        .where('user_id', '=', userId)
        .where('interview_id', '=', interviewId)
        .executeTakeFirst();
      return row && toDebrief(row);
    },
    /** Writes the whole debrief of an interview, replacing the one before. */
    async put(userId: string, d: Debrief & { updatedAt: string }): Promise<void> {
      const values = { learned: d.learned, fit: d.fit, open_questions: d.open, updated_at: d.updatedAt };
      await db
        .insertInto('interview_debriefs')
        .values({ interview_id: d.interviewId, user_id: userId, ...values })
        .onConflict((oc) => oc.column('interview_id').doUpdateSet(values))
        .execute();
    },
  };
}

function toDebrief(r: InterviewDebriefRow): Debrief {
  return { interviewId: r.interview_id, learned: r.learned, fit: r.fit, open: r.open_questions, updatedAt: r.updated_at };
}
