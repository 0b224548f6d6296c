// coffeechat dedupe — pairs of contacts that may be the same person, with the evidence.
import { Command } from 'commander';
import { act, line } from './command.js';

export function dedupeCommand(): Command {
  const cmd = new Command('dedupe')
    .description('find contacts that may be the same person (merge with: contacts merge KEEP OTHER)')
    .option('--json', 'print a JSON array');
  return act(cmd, async ({ ctx }) => {
    const { findContactDuplicates } = await import('../app/merge.js'); // loaded only for this command
    const pairs = await findContactDuplicates(ctx);
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
