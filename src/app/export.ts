// Exporting the network: vCard 4.0 (with introductions as RELATED;TYPE=met), spreadsheet-safe CSV,
// or the JSON backup (every contact field, the work history and the introductions), written a
// page at a time so a large network never sits in memory as one string.
import * as z from 'zod';
import { contactsCsvHeader, contactToCsvRow } from '../formats/csv-write.js';
import { backupBetweenSections, backupContact, backupHead, backupLines, backupTail } from '../formats/json-backup.js';
import { contactToVCard } from '../formats/vcard-write.js';
import type { Contact } from '../domain/types.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import type { Ctx } from './context.js';
import { parse } from './validate.js';

export const EXPORT_FORMATS = ['vcard', 'csv', 'json'] as const;
export const exportOptions = z.object({ format: z.enum(EXPORT_FORMATS) }).strict();

const PAGE = 500;

/** Every contact, a page at a time, oldest first. */
async function* pages(ctx: Ctx): AsyncGenerator<Contact[]> {
  let cursor: { key: string; id: string } | undefined;
  for (;;) {
    const page = await ctx.store.contacts.list(ctx.userId, { limit: PAGE, offset: 0, sort: 'created', after: cursor });
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1]!;
    cursor = { key: last.createdAt, id: last.id };
  }
}

/** Yields the export in chunks of text. */
export async function* exportContacts(ctx: Ctx, input: unknown): AsyncGenerator<string> {
  const { format } = parse(exportOptions, input, 'export options');
  if (format === 'json') {
    yield backupHead({ exportedAt: ctx.clock.now().toISOString(), migrations: Object.keys(MIGRATIONS) });
    let first = true;
    for await (const page of pages(ctx)) {
      const roles = await ctx.store.roles.listMany(
        ctx.userId,
        page.map((c) => c.id),
      );
      yield backupLines(
        page.map((c) =>
          backupContact(
            c,
            roles.filter((r) => r.contactId === c.id),
          ),
        ),
        first,
      );
      first = false;
    }
    yield backupBetweenSections('introductions');
    yield backupLines(await ctx.store.introductions.all(ctx.userId), true);
    yield backupTail;
    return;
  }
  if (format === 'csv') yield contactsCsvHeader();
  for await (const page of pages(ctx)) {
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
  }
}
