// coffeechat export vcard|csv|json|ics [--out FILE]
import { Command } from 'commander';
import { actClient, writeChunks } from './command.js';

export function exportCommand(): Command {
  const cmd = new Command('export')
    .argument('<format>', 'vcard | csv | json (a complete backup of your network) | ics (your meetings, as `calendar` writes them)')
    .description('export your contacts or your meetings (stdout unless --out)')
    .option('--out <file>', 'write to this file');
  return actClient(cmd, async (client, o, [format]) => {
    // The writers load only for this command.
    const chunks =
      format === 'ics'
        ? await client.download('/calendar.ics', {}, async (ctx) => (await import('../app/schedule.js')).calendarIcs(ctx, {}))
        : await client.download('/export', { query: { format } }, async (ctx) =>
            (await import('../app/export.js')).exportContacts(ctx, { format }),
          );
    await writeChunks(chunks, o.out as string | undefined);
  });
}
