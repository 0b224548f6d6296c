// Exporting the network: vCard 4.0 (with introductions as RELATED;TYPE=met), spreadsheet-safe CSV,
// or the JSON backup (every contact field, the work history and the introductions, then every row
// of the user's data for `restore`), written a page at a time so a large network never sits in
// memory as one string.
import * as z from 'zod';
import { contactsCsvHeader, contactToCsvRow } from '../formats/csv-write.js';
import {
  backupBetweenSections,
  backupContact,
  backupHead,
  backupLines,
  backupTableClose,
  backupTableOpen,
  backupTablesHead,
  backupTablesTail,
} from '../formats/json-backup.js';
import { contactToVCard } from '../formats/vcard-write.js';
import type { Contact } from '../domain/types.js';
import { BACKUP_TABLES } from '../store/backup.store.js';
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
    yield backupHead({ exportedAt: ctx.clock.now().toISOString(), migrations: Object.keys(MIGRATIONS), userId: ctx.userId });
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
    yield* backupTables(ctx);
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

/** Every row of the user's data as stored, parents first (the order a restore inserts in). */
async function* backupTables(ctx: Ctx): AsyncGenerator<string> {
  yield backupTablesHead;
  for (const [i, table] of [...BACKUP_TABLES].reverse().entries()) {
    yield backupTableOpen(table, i === 0);
    let first = true;
    for await (const rows of ctx.store.backup.rows(table, ctx.userId)) {
      yield backupLines(rows, first);
      first = false;
    }
    yield backupTableClose;
  }
  yield backupTablesTail;
}
