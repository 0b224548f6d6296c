// Touches: every logged contact with a person, in either direction.
import type { Kysely } from 'kysely';
import type { Channel, Direction, Purpose, Response, Touch } from '../domain/types.js';
import { bit, bool } from './rows.js';
import type { Database, TouchRow } from './schema.js';

export function touchesStore(db: Kysely<Database>) {
  return {
    async insert(userId: string, t: Touch): Promise<void> {
      await db
        .insertInto('touches')
        .values({
          id: t.id,
          user_id: userId,
          contact_id: t.contactId,
          interview_id: t.interviewId,
          channel: t.channel,
          direction: t.direction,
          purpose: t.purpose,
          response: t.response,
          at: t.at,
          text: t.text,
          template_id: t.templateId,
          objection: t.objection,
          objection_answer: t.objectionAnswer,
          planned: bit(t.planned),
          created_at: t.createdAt,
        })
        .execute();
    },
    async get(userId: string, id: string): Promise<Touch | undefined> {
      const row = await db.selectFrom('touches').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row && toTouch(row);
    },
    async list(userId: string, q: { contactId?: string; interviewId?: string; limit: number; offset: number }): Promise<Touch[]> {
      let qb = db.selectFrom('touches').selectAll().where('user_id', '=', userId);
      if (q.contactId) qb = qb.where('contact_id', '=', q.contactId);
      if (q.interviewId) qb = qb.where('interview_id', '=', q.interviewId);
      const rows = await qb.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
      return rows.map(toTouch);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('touches').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

function toTouch(r: TouchRow): Touch {
  return {
    id: r.id,
    contactId: r.contact_id,
    interviewId: r.interview_id,
    channel: r.channel as Channel,
    direction: r.direction as Direction,
    purpose: r.purpose as Purpose,
    response: r.response as Response | null,
    at: r.at,
    text: r.text,
    templateId: r.template_id,
    objection: r.objection,
    objectionAnswer: r.objection_answer,
    planned: bool(r.planned),
    createdAt: r.created_at,
  };
}
