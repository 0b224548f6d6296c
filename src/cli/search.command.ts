// coffeechat search TEXT
import { Command } from 'commander';
import { search } from '../app/search.js';
import { actClient } from './command.js';

export function searchCommand(): Command {
  const cmd = new Command('search')
    .argument('<text...>')
    .description('search contacts and notes')
    .option('--limit <n>', 'at most this many of each')
    .option('--json', 'print JSON');
  return actClient(cmd, async (client, o) => {
    const query = { q: (cmd.args ?? []).join(' '), limit: o.limit };
    const r = await client.call('get', '/search', { query }, (ctx) => search(ctx, query));
    return {
      json: r,
      text: () => {
        for (const c of r.contacts) process.stdout.write(`contact  ${c.id}  ${c.name}${c.organisation ? ` (${c.organisation})` : ''}\n`);
        for (const n of r.notes) process.stdout.write(`note     ${n.id}  ${n.text.replace(/\s+/g, ' ').slice(0, 80)}\n`);
        if (!r.contacts.length && !r.notes.length) process.stdout.write('Nothing found.\n');
      },
    };
  });
}
