// The user's own message templates (the built-in ones live in domain/templates, not here).
import type { Kysely } from 'kysely';
import type { Template, TemplateChannel, TemplatePurpose } from '../domain/templates/index.js';
import type { Database, TemplateRow } from './schema.js';

export function templatesStore(db: Kysely<Database>) {
  return {
    async insert(userId: string, t: Template): Promise<void> {
      await db
        .insertInto('templates')
        .values({
          id: t.id,
          user_id: userId,
          name: t.name,
          purpose: t.purpose,
          channel: t.channel,
          subject: t.subject,
          body: t.body,
          created_at: t.createdAt ?? '',
        })
        .execute();
    },
    async get(userId: string, id: string): Promise<Template | undefined> {
      const row = await db.selectFrom('templates').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row && toTemplate(row);
    },
    async list(userId: string, q: { purpose?: TemplatePurpose; channel?: TemplateChannel } = {}): Promise<Template[]> {
      let qb = db.selectFrom('templates').selectAll().where('user_id', '=', userId);
      if (q.purpose) qb = qb.where('purpose', '=', q.purpose);
      if (q.channel) qb = qb.where('channel', '=', q.channel);
      const rows = await qb.orderBy('created_at').orderBy('id').execute();
      return rows.map(toTemplate);
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('templates').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

function toTemplate(r: TemplateRow): Template {
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose as TemplatePurpose,
    channel: r.channel as TemplateChannel,
    subject: r.subject,
    body: r.body,
    builtIn: false,
    createdAt: r.created_at,
  };
}
