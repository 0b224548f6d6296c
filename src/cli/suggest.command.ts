// coffeechat suggest --campaign ID — whom to ask first, with the reasons.
import { Command } from 'commander';
import { suggestContacts } from '../app/suggest.js';
import { actClient, line } from './command.js';

export function suggestCommand(): Command {
  const cmd = new Command('suggest')
    .description('whom to ask first in a campaign, with the reasons')
    .requiredOption('--campaign <id>', 'campaign id')
    .option('--limit <n>', 'at most this many (default 20)')
    .option('--json', 'print a JSON array');
  return actClient(cmd, async (client, o) => {
    const id = o.campaign as string;
    const { items: list } = await client.call(
      'get',
      '/campaigns/:id/suggestions',
      { params: { id }, query: { limit: o.limit } },
      async (ctx) => ({
        items: await suggestContacts(ctx, { campaignId: id, limit: o.limit }),
      }),
    );
    return {
      json: list,
      text: () => {
        if (!list.length) return line('Nobody to suggest: add contacts, or wait until recent conversations are 30 days old.')();
        list.forEach((s, i) => {
          process.stdout.write(`${String(i + 1).padStart(2)}. ${s.name}${s.via ? ` (via ${s.via})` : ''}  [${s.score}]  ${s.contactId}\n`);
          for (const r of s.reasons) process.stdout.write(`      - ${r}\n`);
        });
      },
    };
  });
}
