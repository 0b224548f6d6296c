// The user's own questions (the built-in bank lives in domain/questions, not here). Situations are
// kept as one comma-separated column: a handful of fixed words, only ever read whole.
import type { Kysely } from 'kysely';
import type { BankQuestion } from '../domain/questions/index.js';
import { SITUATIONS, type Situation } from '../domain/types.js';
import type { Database, QuestionRow } from './schema.js';

export function questionsStore(db: Kysely<Database>) {
  return {
    async insert(userId: string, q: BankQuestion, createdAt: string): Promise<void> {
      await db
        .insertInto('questions')
        .values({
          id: q.id,
          user_id: userId,
          topic: q.topic,
          text: q.text,
          situations: q.situations.join(','),
          minutes: q.minutes,
          created_at: createdAt,
        })
        .execute();
    },
    async get(userId: string, id: string): Promise<BankQuestion | undefined> {
      const row = await db.selectFrom('questions').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row && toQuestion(row);
    },
    /** Oldest first, so a user's bank keeps the order they built it in. */
    async list(userId: string): Promise<BankQuestion[]> {
      const rows = await db.selectFrom('questions').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toQuestion);
    },
  };
}

function toQuestion(r: QuestionRow): BankQuestion {
  const situations = r.situations.split(',').filter((s): s is Situation => (SITUATIONS as readonly string[]).includes(s));
  return {
    id: r.id,
    topic: r.topic,
    kind: 'own',
    text: r.text,
    minutes: r.minutes,
    situations: situations.length ? situations : [...SITUATIONS],
    insights: [],
    builtIn: false,
  };
}
