// One search box over the user's network and notes (FTS5 on SQLite, tsvector on PostgreSQL).
import * as z from 'zod';
import type { Contact, Note } from '../domain/types.js';
import type { Ctx } from './context.js';
import { parse } from './validate.js';

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(200),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export async function search(ctx: Ctx, input: unknown): Promise<{ contacts: Contact[]; notes: Note[] }> {
  const { q, limit } = parse(searchQuery, input, 'search');
  const [contacts, notes] = await Promise.all([
    ctx.store.contacts.list(ctx.userId, { q, limit, offset: 0, sort: 'name' }),
    ctx.store.notes.list(ctx.userId, { q, limit, offset: 0 }),
  ]);
  return { contacts, notes };
}
