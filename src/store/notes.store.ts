// Notes with their kinds of insight (a child table, so coverage counts stay a GROUP BY).
import type { Kysely } from 'kysely';
import type { InsightKind, Note } from '../domain/types.js';
import { searchScope, searchTerms, type DialectName } from './dialect.js';
import type { Database, NoteRow } from './schema.js';

export function notesStore(db: Kysely<Database>, dialect: DialectName) {
  async function hydrate(rows: NoteRow[]): Promise<Note[]> {
    if (rows.length === 0) return [];
    const kinds = await db
      .selectFrom('note_kinds')
      .select(['note_id', 'kind'])
      .where(
        'note_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const byNote = new Map<string, InsightKind[]>();
    for (const k of kinds) byNote.set(k.note_id, [...(byNote.get(k.note_id) ?? []), k.kind as InsightKind]);
    return rows.map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      interviewId: r.interview_id,
      questionId: r.question_id,
      text: r.text,
      kinds: (byNote.get(r.id) ?? []).sort(),
      at: r.at,
      createdAt: r.created_at,
    }));
  }

  async function writeKinds(userId: string, id: string, kinds: InsightKind[]): Promise<void> {
    await db.deleteFrom('note_kinds').where('note_id', '=', id).execute();
    if (kinds.length)
      await db
        .insertInto('note_kinds')
        .values(kinds.map((kind) => ({ note_id: id, user_id: userId, kind })))
        .execute();
  }

  return {
    async insert(userId: string, n: Note): Promise<void> {
      await db
        .insertInto('notes')
        .values({
          id: n.id,
          user_id: userId,
          contact_id: n.contactId,
          interview_id: n.interviewId,
          question_id: n.questionId,
          text: n.text,
          at: n.at,
          created_at: n.createdAt,
        })
        .execute();
      await writeKinds(userId, n.id, n.kinds);
    },
    async update(userId: string, n: Note): Promise<void> {
      await db
        .updateTable('notes')
        .set({ contact_id: n.contactId, interview_id: n.interviewId, question_id: n.questionId, text: n.text, at: n.at })
        .where('id', '=', n.id)
        .where('user_id', '=', userId)
        .execute();
      await writeKinds(userId, n.id, n.kinds);
    },
    async get(userId: string, id: string): Promise<Note | undefined> {
      const row = await db
        .selectFrom('notes')
        .select(['id', 'user_id', 'contact_id', 'interview_id', 'question_id', 'text', 'at', 'created_at'])
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? (await hydrate([row]))[0] : undefined;
    },
    async list(
      userId: string,
      q: { contactId?: string; interviewId?: string; q?: string; limit: number; offset: number },
    ): Promise<Note[]> {
      const terms = q.q ? searchTerms(q.q) : [];
      const scope = await searchScope(db, dialect, 'notes', userId, terms);
      let qb = db
        .selectFrom('notes')
        .select(['id', 'user_id', 'contact_id', 'interview_id', 'question_id', 'text', 'at', 'created_at'])
        .where(scope.owner);
      if (q.contactId) qb = qb.where('contact_id', '=', q.contactId);
      if (q.interviewId) qb = qb.where('interview_id', '=', q.interviewId);
      if (scope.matches) qb = qb.where(scope.matches);
      const rows = await qb.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
      return hydrate(rows);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('notes').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
