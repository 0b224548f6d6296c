// coffeechat campaigns list|add|show|edit|end
import { Command } from 'commander';
import * as campaigns from '../app/campaigns.js';
import type { Campaign } from '../domain/types.js';
import { actClient, line, listLimit } from './command.js';
import { printTable } from './runtime.js';

const describe = (c: Campaign) =>
  [
    `id          ${c.id}`,
    `field       ${c.field}`,
    `situation   ${c.situation}`,
    `status      ${c.status}`,
    c.objective ? `objective   ${c.objective}` : '',
  ]
    .filter(Boolean)
    .join('\n');

export function campaignsCommand(): Command {
  const cmd = new Command('campaigns').description('your explorations of a field');
  actClient(
    cmd
      .command('list')
      .description('list campaigns, newest first')
      .option('--status <status>', 'active | ended')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const query = { status: o.status, limit: listLimit(o) };
      const { items: list } = await client.call('get', '/campaigns', { query }, async (ctx) => ({
        items: await campaigns.listCampaigns(ctx, query),
      }));
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(
                list.map((c) => [c.id, c.field, c.situation, c.status]),
                ['ID', 'FIELD', 'SITUATION', 'STATUS'],
              )
            : line('No campaigns yet. Start one with: coffeechat campaigns add --field "UX research" --situation career-change')(),
      };
    },
  );
  actClient(
    cmd
      .command('add')
      .description('start a campaign')
      .requiredOption('--field <text>', 'the industry, job or profession you are exploring')
      .requiredOption('--situation <situation>', 'career-change | new-graduate | re-entering | next-job')
      .option('--objective <text>', 'what you want to find out')
      .option('--json', 'print the campaign as JSON'),
    async (client, o) => {
      const body = { field: o.field, situation: o.situation, objective: o.objective };
      const c = await client.call('post', '/campaigns', { body }, (ctx) => campaigns.createCampaign(ctx, body));
      return { json: c, text: line(`Started campaign "${c.field}" (${c.id}).`) };
    },
  );
  actClient(
    cmd
      .command('edit')
      .argument('<id>')
      .description('change a campaign')
      .option('--field <text>', 'field')
      .option('--situation <situation>', 'situation')
      .option('--objective <text>', 'objective')
      .option('--json', 'print JSON'),
    async (client, o, [id]) => {
      const input: Record<string, unknown> = {};
      for (const k of ['field', 'situation', 'objective']) if (o[k] !== undefined) input[k] = o[k];
      const c = await client.call('patch', '/campaigns/:id', { params: { id: id! }, body: input }, (ctx) =>
        campaigns.updateCampaign(ctx, id!, input),
      );
      return { json: c, text: line(`Updated campaign ${c.id}.`) };
    },
  );
  actClient(
    cmd.command('show').argument('<id>').description('show a campaign').option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      const c = await client.call('get', '/campaigns/:id', { params: { id: id! } }, (ctx) => campaigns.getCampaign(ctx, id!));
      return { json: c, text: line(describe(c)) };
    },
  );
  actClient(
    cmd.command('end').argument('<id>').description('end a campaign (keep-in-touch reminders stop)').option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      const c = await client.call('post', '/campaigns/:id/end', { params: { id: id! } }, (ctx) => campaigns.endCampaign(ctx, id!));
      return { json: c, text: line(`Ended campaign "${c.field}".`) };
    },
  );
  actClient(
    cmd
      .command('reopen')
      .argument('<id>')
      .description('reopen an ended campaign (keep-in-touch reminders come back)')
      .option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      const c = await client.call('post', '/campaigns/:id/reopen', { params: { id: id! } }, (ctx) => campaigns.reopenCampaign(ctx, id!));
      return { json: c, text: line(`Reopened campaign "${c.field}".`) };
    },
  );
  cmd.addHelpText(
    'after',
    `
Examples:
  coffeechat campaigns add --field "UX research in healthcare" --situation career-change --objective "Is it a fit for a teacher?"
  coffeechat campaigns list --json`,
  );
  return cmd;
}
