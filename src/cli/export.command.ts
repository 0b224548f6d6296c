// coffeechat export vcard|csv|json|ics [--out FILE]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { act } from './command.js';

export function exportCommand(): Command {
  const cmd = new Command('export')
    .argument('<format>', 'vcard | csv | json (a complete backup of your network) | ics (your meetings, as `calendar` writes them)')
    .description('export your contacts or your meetings (stdout unless --out)')
    .option('--out <file>', 'write to this file');
  return act(cmd, async ({ ctx }, o, [format]) => {
    const out = o.out ? createWriteStream(o.out as string) : process.stdout;
    const { exportContacts } = await import('../app/export.js'); // the writers load only for this command
    const { calendarIcs } = await import('../app/schedule.js');
    const chunks = format === 'ics' ? [await calendarIcs(ctx, {})] : exportContacts(ctx, { format });
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (o.out) {
      (out as ReturnType<typeof createWriteStream>).end();
      await once(out, 'finish');
      process.stderr.write(`Wrote ${o.out as string}.\n`);
    }
  });
}
