// Question plans: one per interview, its questions as ordered items. Saving replaces the items
// whole (a plan is a short list, edited as one), and coverage reads what earlier interviews of a
// campaign already answered.
import type { Kysely } from 'kysely';
import type { CoverageNote, PlanQuestion } from '../domain/question-plan.js';
import type { InsightKind } from '../domain/types.js';
import type { Database } from './schema.js';

/**
 * The `minutes` column is NOT NULL (first migration); 0, never a valid length, stands for "the
 * interview's agreed length", so a plan follows a rescheduled meeting unless the user set its own.
 */
const FOLLOW_INTERVIEW = 0;

export interface StoredPlan {
  id: string;
  interviewId: string;
  /** Minutes the user planned for, or null: the interview's agreed length. */
  minutes: number | null;
  items: Omit<PlanQuestion, 'topic'>[];
  updatedAt: string;
}

export function plansStore(db: Kysely<Database>) {
  return {
    async forInterview(userId: string, interviewId: string): Promise<StoredPlan | undefined> {
      const plan = await db
        .selectFrom('question_plans')
        .selectAll()
        .where('user_id', '=', userId)
        .where('interview_id', '=', interviewId)
        .executeTakeFirst();
      if (!plan) return undefined;
      const items = await db
        .selectFrom('plan_items')
        .select(['question_id', 'text', 'minutes'])
        .where('plan_id', '=', plan.id)
        .orderBy('position')
        .execute();
      return {
        id: plan.id,
        interviewId: plan.interview_id,
        minutes: plan.minutes === FOLLOW_INTERVIEW ? null : plan.minutes,
        items: items.map((i) => ({ id: i.question_id, text: i.text, minutes: i.minutes })),
        updatedAt: plan.updated_at,
      };
    },
    /** Writes the plan of an interview, replacing any earlier one's items; keeps its id. */
    async save(
      userId: string,
      p: { id: string; interviewId: string; minutes: number | null; items: Omit<PlanQuestion, 'topic'>[] },
      at: string,
    ) {
      const existing = await db
        .selectFrom('question_plans')
        .select('id')
        .where('user_id', '=', userId)
        .where('interview_id', '=', p.interviewId)
        .executeTakeFirst();
      const id = existing?.id ?? p.id;
      const minutes = p.minutes ?? FOLLOW_INTERVIEW;
      if (existing) {
        await db.updateTable('question_plans').set({ minutes, updated_at: at }).where('id', '=', id).execute();
        await db.deleteFrom('plan_items').where('plan_id', '=', id).execute();
      } else {
        await db
          .insertInto('question_plans')
          .values({ id, user_id: userId, interview_id: p.interviewId, minutes, created_at: at, updated_at: at })
          .execute();
      }
      if (p.items.length) {
        await db
          .insertInto('plan_items')
          .values(
            p.items.map((q, position) => ({ plan_id: id, user_id: userId, position, question_id: q.id, text: q.text, minutes: q.minutes })),
          )
          .execute();
      }
      return id;
    },
    /** Notes of the campaign's other interviews: which questions they answer and which insights they carry. */
    async coverageNotes(userId: string, campaignId: string, exceptInterviewId: string): Promise<CoverageNote[]> {
      const rows = await db
        .selectFrom('notes')
        .innerJoin('interviews', 'interviews.id', 'notes.interview_id')
        .leftJoin('note_kinds', 'note_kinds.note_id', 'notes.id')
        .select(['notes.id', 'notes.interview_id', 'notes.question_id', 'note_kinds.kind'])
        .where('notes.user_id', '=', userId)
        .where('interviews.campaign_id', '=', campaignId)
        .where('interviews.id', '!=', exceptInterviewId)
        .execute();
      const byNote = new Map<string, CoverageNote & { kinds: InsightKind[] }>();
      for (const r of rows) {
        const n = byNote.get(r.id) ?? { interviewId: r.interview_id!, questionId: r.question_id, kinds: [] };
        if (r.kind) n.kinds.push(r.kind as InsightKind);
        byNote.set(r.id, n);
      }
      return [...byNote.values()];
    },
  };
}
