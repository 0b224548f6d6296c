// coffeechat dedupe — pairs of contacts that may be the same person, with the evidence.
import { Command } from 'commander';
import { actClient, line } from './command.js';

export function dedupeCommand(): Command {
  const cmd = new Command('dedupe')
    .description('find contacts that may be the same person (merge with: contacts merge KEEP OTHER)')
    .option('--json', 'print a JSON array');
  return actClient(cmd, async (client) => {
    // The route answers the review screen's pairs (both people, their differences); the list keeps the evidence.
    const { items } = await client.call('get', '/duplicates', {}, async (ctx) => ({
      items: await (await import('../app/merge.js')).findContactDuplicates(ctx), // loaded only for this command
    }));
    const pairs = items.map(({ contactIds, confidence, reasons }) => ({ contactIds, confidence, reasons }));
    return {
      json: pairs,
      text: () => {
        if (!pairs.length) return line('No likely duplicates.')();
        for (const p of pairs) {
          process.stdout.write(`${Math.round(p.confidence * 100)}%  ${p.contactIds.join('  ')}\n`);
          for (const r of p.reasons) process.stdout.write(`     - ${r}\n`);
        }
      },
    };
  });
}
