// Exporting the network: vCard 4.0 (with introductions as RELATED;TYPE=met) or spreadsheet-safe
// CSV, written a page at a time so a large network never sits in memory as one string.
import * as z from 'zod';
import { contactsCsvHeader, contactToCsvRow } from '../formats/csv-write.js';
import { contactToVCard } from '../formats/vcard-write.js';
import type { Ctx } from './context.js';
import { parse } from './validate.js';

export const exportOptions = z.object({ format: z.enum(['vcard', 'csv']) }).strict();

const PAGE = 500;

/** Yields the export in chunks of text. */
export async function* exportContacts(ctx: Ctx, input: unknown): AsyncGenerator<string> {
  const { format } = parse(exportOptions, input, 'export options');
  if (format === 'csv') yield contactsCsvHeader();
  let cursor: { key: string; id: string } | undefined;
  for (;;) {
    const page = await ctx.store.contacts.list(ctx.userId, { limit: PAGE, offset: 0, sort: 'created', after: cursor });
    if (page.length === 0) return;
    if (format === 'csv') yield page.map(contactToCsvRow).join('');
    else {
      const chunks: string[] = [];
      for (const c of page) {
        const intros = await ctx.store.introductions.forContact(ctx.userId, c.id);
        chunks.push(
          contactToVCard(
            c,
            intros.filter((i) => i.contactId === c.id).map((i) => i.introducerId),
          ),
        );
      }
      yield chunks.join('');
    }
    const last = page[page.length - 1]!;
    cursor = { key: last.createdAt, id: last.id };
  }
}
