// coffeechat export vcard|csv|json [--out FILE]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { act } from './command.js';

export function exportCommand(): Command {
  const cmd = new Command('export')
    .argument('<format>', 'vcard | csv | json (a complete backup of your network)')
    .description('export your contacts (stdout unless --out)')
    .option('--out <file>', 'write to this file');
  return act(cmd, async ({ ctx }, o, [format]) => {
    const out = o.out ? createWriteStream(o.out as string) : process.stdout;
    const { exportContacts } = await import('../app/export.js'); // the writers load only for this command
    for await (const chunk of exportContacts(ctx, { format })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (o.out) {
      (out as ReturnType<typeof createWriteStream>).end();
      await once(out, 'finish');
      process.stderr.write(`Wrote ${o.out as string}.\n`);
    }
  });
}
