// Reads for the insights: a handful of set-based queries per campaign (or over every campaign),
// each selecting only the columns the figures need. Note kinds are counted by the database and
// note text is read only for the answers shown and the notes whose words are analysed (pay, terms).
import type { Kysely } from 'kysely';
import type { AnswerNote, InterviewFact, IntroductionFact, OutcomeFact, TouchFact } from '../domain/insights/rows.js';
import type { Channel, Direction, InsightKind, InterviewStatus, OutcomeKind, Purpose, Response, Tie } from '../domain/types.js';
import type { Database } from './schema.js';

/** The touches the figures read: every reply, and the outbound requests, thank-yous and updates. */
const COUNTED_PURPOSES = ['request', 'thank-you', 'update'];

const answerNote = (r: { id: string; interview_id: string | null; question_id: string | null; text: string; at: string }): AnswerNote => ({
  id: r.id,
  interviewId: r.interview_id!,
  questionId: r.question_id!,
  text: r.text,
  at: r.at,
});

export function insightsStore(db: Kysely<Database>) {
  /** The user's interviews, of one campaign when `campaignId` is given. */
  const interviewsOf = (userId: string, campaignId: string | null) => {
    let q = db.selectFrom('interviews').where('interviews.user_id', '=', userId);
    if (campaignId) q = q.where('interviews.campaign_id', '=', campaignId);
    return q;
  };

  return {
    async interviews(userId: string, campaignId: string | null): Promise<InterviewFact[]> {
      const rows = await interviewsOf(userId, campaignId)
        .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
        .leftJoin('prep_sheets', 'prep_sheets.interview_id', 'interviews.id')
        .select([
          'interviews.id',
          'interviews.campaign_id',
          'interviews.contact_id',
          'contacts.name',
          'contacts.tie',
          'interviews.status',
          'interviews.scheduled_at',
          'interviews.held_at',
          'interviews.minutes',
          'prep_sheets.prep_minutes',
        ])
        .orderBy('interviews.created_at')
        .orderBy('interviews.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        campaignId: r.campaign_id,
        contactId: r.contact_id,
        contactName: r.name,
        tie: r.tie as Tie,
        status: r.status as InterviewStatus,
        scheduledAt: r.scheduled_at,
        heldAt: r.held_at,
        minutes: Number(r.minutes),
        prepMinutes: Number(r.prep_minutes ?? 0),
      }));
    },

    /** Touches that happened (not planned ones) in the interviews read. */
    async touches(userId: string, campaignId: string | null): Promise<TouchFact[]> {
      const rows = await interviewsOf(userId, campaignId)
        .innerJoin('touches', 'touches.interview_id', 'interviews.id')
        .select([
          'touches.interview_id',
          'touches.channel',
          'touches.direction',
          'touches.purpose',
          'touches.response',
          'touches.at',
          'touches.template_id',
        ])
        .where('touches.planned', '=', 0)
        .where((eb) =>
          eb.or([
            eb('touches.direction', '=', 'in'),
            eb.and([eb('touches.direction', '=', 'out'), eb('touches.purpose', 'in', COUNTED_PURPOSES)]),
          ]),
        )
        .execute();
      return rows.map((r) => ({
        interviewId: r.interview_id!,
        channel: r.channel as Channel,
        direction: r.direction as Direction,
        purpose: r.purpose as Purpose,
        response: r.response as Response | null,
        at: r.at,
        templateId: r.template_id,
      }));
    },

    /** Notes of each insight kind in the campaign's interviews, counted in SQL (no note text read). */
    async kindCounts(userId: string, campaignId: string): Promise<Partial<Record<InsightKind, number>>> {
      const rows = await interviewsOf(userId, campaignId)
        .innerJoin('notes', 'notes.interview_id', 'interviews.id')
        .innerJoin('note_kinds', 'note_kinds.note_id', 'notes.id')
        .select((eb) => ['note_kinds.kind', eb.fn.countAll().as('n')])
        .groupBy('note_kinds.kind')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    },

    /**
     * The answers to show: per question (or of the one asked) the `limit` most recent (every one
     * when `limit` is null), with how many each question has in all.
     */
    async answers(
      userId: string,
      campaignId: string,
      limit: number | null,
      questionId?: string,
    ): Promise<{ notes: AnswerNote[]; totals: Record<string, number> }> {
      const notesOf = () => {
        const q = interviewsOf(userId, campaignId).innerJoin('notes', 'notes.interview_id', 'interviews.id');
        return questionId === undefined ? q.where('notes.question_id', 'is not', null) : q.where('notes.question_id', '=', questionId);
      };
      if (limit === null) {
        const rows = await notesOf().select(['notes.id', 'notes.interview_id', 'notes.question_id', 'notes.text', 'notes.at']).execute();
        const notes = rows.map(answerNote);
        const totals: Record<string, number> = {};
        for (const n of notes) totals[n.questionId] = (totals[n.questionId] ?? 0) + 1;
        return { notes, totals };
      }
      // How many answers each question has, from the index alone; then each question's latest,
      // read newest first from the notes index by user and question (migration 13) and kept when
      // in the campaign: the walk stops after `limit` of them, where ranking every answer of the
      // campaign in one query sorted them all. CROSS JOIN keeps SQLite walking notes first
      // (PostgreSQL plans it as any join).
      const counted = await notesOf()
        .select((eb) => ['notes.question_id', eb.fn.countAll().as('n')])
        .groupBy('notes.question_id')
        .execute();
      const latest = await Promise.all(
        counted.map((c) =>
          db
            .selectFrom('notes')
            .crossJoin('interviews')
            .select(['notes.id', 'notes.interview_id', 'notes.question_id', 'notes.text', 'notes.at'])
            .whereRef('interviews.id', '=', 'notes.interview_id')
            .where('notes.user_id', '=', userId)
            .where('notes.question_id', '=', c.question_id)
            .where('interviews.user_id', '=', userId)
            .where('interviews.campaign_id', '=', campaignId)
            .orderBy('notes.at', 'desc')
            .orderBy('notes.id', 'desc')
            .limit(limit)
            .execute(),
        ),
      );
      const totals: Record<string, number> = {};
      for (const c of counted) totals[c.question_id!] = Number(c.n);
      return { notes: latest.flat().map(answerNote), totals };
    },

    /** Every note on the given questions (those whose text is analysed: pay, terms), in the campaign's interviews. */
    async notesOn(userId: string, campaignId: string, questionIds: readonly string[]): Promise<AnswerNote[]> {
      if (!questionIds.length) return [];
      const rows = await interviewsOf(userId, campaignId)
        .innerJoin('notes', 'notes.interview_id', 'interviews.id')
        .select(['notes.id', 'notes.interview_id', 'notes.question_id', 'notes.text', 'notes.at'])
        .where('notes.question_id', 'in', questionIds)
        .execute();
      return rows.map(answerNote);
    },

    /** Introductions made during the interviews read (referrals), with both people's names. */
    async introductions(userId: string, campaignId: string | null): Promise<IntroductionFact[]> {
      const rows = await interviewsOf(userId, campaignId)
        .innerJoin('introductions', 'introductions.interview_id', 'interviews.id')
        .innerJoin('contacts as introducer', 'introducer.id', 'introductions.introducer_id')
        .innerJoin('contacts as referred', 'referred.id', 'introductions.contact_id')
        .select([
          'introductions.introducer_id',
          'introducer.name as introducer_name',
          'introductions.contact_id',
          'referred.name as contact_name',
          'introductions.interview_id',
          'introductions.created_at',
        ])
        .execute();
      return rows.map((r) => ({
        introducerId: r.introducer_id,
        introducerName: r.introducer_name,
        contactId: r.contact_id,
        contactName: r.contact_name,
        interviewId: r.interview_id!,
        createdAt: r.created_at,
      }));
    },

    /** The campaign's outcomes, each with the interviews credited (depth 0 = where it happened). */
    async outcomes(userId: string, campaignId: string): Promise<OutcomeFact[]> {
      const [outcomes, credits] = await Promise.all([
        db
          .selectFrom('outcomes')
          .select(['id', 'kind', 'description', 'at'])
          .where('user_id', '=', userId)
          .where('campaign_id', '=', campaignId)
          .execute(),
        db
          .selectFrom('outcomes')
          .innerJoin('outcome_credits', 'outcome_credits.outcome_id', 'outcomes.id')
          .innerJoin('interviews', 'interviews.id', 'outcome_credits.interview_id')
          .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
          .select(['outcome_credits.outcome_id', 'outcome_credits.interview_id', 'outcome_credits.depth', 'contacts.name'])
          .where('outcomes.user_id', '=', userId)
          .where('outcomes.campaign_id', '=', campaignId)
          .execute(),
      ]);
      const by = new Map<string, OutcomeFact['credits']>();
      for (const c of credits) {
        const list = by.get(c.outcome_id) ?? [];
        list.push({ interviewId: c.interview_id, contactName: c.name, depth: Number(c.depth) });
        by.set(c.outcome_id, list);
      }
      return outcomes.map((o) => ({
        id: o.id,
        campaignId,
        kind: o.kind as OutcomeKind,
        note: o.description,
        at: o.at,
        credits: by.get(o.id) ?? [],
      }));
    },

    /** Outcomes per campaign id, over all the user's campaigns. */
    async outcomeCounts(userId: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('outcomes')
        .select((eb) => ['campaign_id', eb.fn.countAll().as('n')])
        .where('user_id', '=', userId)
        .groupBy('campaign_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.campaign_id, Number(r.n)]));
    },
  };
}
