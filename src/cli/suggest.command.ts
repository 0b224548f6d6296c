// coffeechat suggest --campaign ID — whom to ask first, with the reasons.
import { Command } from 'commander';
import { suggestContacts } from '../app/suggest.js';
import { act, line } from './command.js';

export function suggestCommand(): Command {
  const cmd = new Command('suggest')
    .description('whom to ask first in a campaign, with the reasons')
    .requiredOption('--campaign <id>', 'campaign id')
    .option('--limit <n>', 'at most this many (default 20)')
    .option('--json', 'print a JSON array');
  return act(cmd, async ({ ctx }, o) => {
    const list = await suggestContacts(ctx, { campaignId: o.campaign, limit: o.limit });
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
