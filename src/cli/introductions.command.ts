// coffeechat intro add|list
import { Command } from 'commander';
import * as introductions from '../app/introductions.js';
import { actClient, line } from './command.js';
import { printTable } from './runtime.js';

export function introCommand(): Command {
  const cmd = new Command('intro').description('who introduced whom');
  actClient(
    cmd
      .command('add')
      .description('record that one contact introduced (or can introduce) another')
      .requiredOption('--introducer <id>', 'the person who introduces')
      .requiredOption('--contact <id>', 'the person introduced')
      .option('--permission <permission>', "may you use the introducer's name? granted | not-asked | declined", 'not-asked')
      .option('--json', 'print JSON'),
    async (client, o) => {
      const body = { introducerId: o.introducer, contactId: o.contact, permission: o.permission };
      const i = await client.call('post', '/introductions', { body }, (ctx) => introductions.addIntroduction(ctx, body));
      return { json: i, text: line(`Recorded the introduction (${i.id}).`) };
    },
  );
  actClient(
    cmd
      .command('list')
      .description('introductions in which a contact is either side')
      .requiredOption('--contact <id>', 'the contact')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const id = o.contact as string;
      const { items: list } = await client.call('get', '/contacts/:id/introductions', { params: { id } }, async (ctx) => ({
        items: await introductions.listIntroductions(ctx, id),
      }));
      return { json: list, text: () => printTable(list.map((i) => [i.id, i.introducerId, '→', i.contactId, i.permission])) };
    },
  );
  actClient(
    cmd
      .command('chain')
      .description('how you reach a contact: the chain of introductions')
      .requiredOption('--contact <id>', 'the contact')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const id = o.contact as string;
      const { items: chain } = await client.call('get', '/contacts/:id/chain', { params: { id } }, async (ctx) => ({
        items: await introductions.contactChain(ctx, id),
      }));
      return { json: chain, text: line(['you', ...chain.map((c) => c.name)].join(' → ')) };
    },
  );
  return cmd;
}
