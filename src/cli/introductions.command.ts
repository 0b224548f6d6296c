// coffeechat intro add|list
import { Command } from 'commander';
import * as introductions from '../app/introductions.js';
import { act, line } from './command.js';
import { printTable } from './runtime.js';

export function introCommand(): Command {
  const cmd = new Command('intro').description('who introduced whom');
  act(
    cmd
      .command('add')
      .description('record that one contact introduced (or can introduce) another')
      .requiredOption('--introducer <id>', 'the person who introduces')
      .requiredOption('--contact <id>', 'the person introduced')
      .option('--permission <permission>', "may you use the introducer's name? granted | not-asked | declined", 'not-asked')
      .option('--json', 'print JSON'),
    async ({ ctx }, o) => {
      const i = await introductions.addIntroduction(ctx, { introducerId: o.introducer, contactId: o.contact, permission: o.permission });
      return { json: i, text: line(`Recorded the introduction (${i.id}).`) };
    },
  );
  act(
    cmd
      .command('list')
      .description('introductions in which a contact is either side')
      .requiredOption('--contact <id>', 'the contact')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const list = await introductions.listIntroductions(ctx, o.contact as string);
      return { json: list, text: () => printTable(list.map((i) => [i.id, i.introducerId, '→', i.contactId, i.permission])) };
    },
  );
  act(
    cmd
      .command('chain')
      .description('how you reach a contact: the chain of introductions')
      .requiredOption('--contact <id>', 'the contact')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const chain = await introductions.contactChain(ctx, o.contact as string);
      return { json: chain, text: line(['you', ...chain.map((c) => c.name)].join(' → ')) };
    },
  );
  return cmd;
}
