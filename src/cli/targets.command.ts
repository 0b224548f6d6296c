// coffeechat targets list|add|set --campaign ID
import { Command } from 'commander';
import * as targets from '../app/targets.js';
import { AppError } from '../domain/errors.js';
import { TARGET_STATUSES } from '../domain/types.js';
import { actClient, line } from './command.js';
import { printTable, type Client } from './runtime.js';

async function setRemoteTarget(client: Client, campaignId: string, organisation: string, body: Record<string, unknown>) {
  const { items } = await client.call<{ items: targets.Target[] }>('get', '/campaigns/:id/targets', { params: { id: campaignId } }, () => {
    throw new Error('remote only');
  });
  const fold = (s: string) => s.trim().toLowerCase();
  const found = items.find((t) => fold(t.organisation) === fold(organisation));
  if (!found) throw new AppError('not_found', `"${organisation}" is not a target of campaign ${campaignId}.`);
  return client.call<targets.Target>('patch', '/targets/:id', { params: { id: found.id }, body }, () => {
    throw new Error('remote only');
  });
}

const priorityFlags = (cmd: Command) =>
  cmd
    .requiredOption('--campaign <id>', 'campaign id')
    .option('--motivation <0-3>', 'how much you want to work there')
    .option('--posting <1-3>', 'how relevant their openings are to you')
    .option('--status <status>', TARGET_STATUSES.join(' | '))
    .option('--json', 'print JSON');

const priority = (o: Record<string, unknown>) => {
  const input: Record<string, unknown> = {};
  for (const k of ['motivation', 'posting', 'status']) if (o[k] !== undefined) input[k] = o[k];
  return input;
};

export function targetsCommand(): Command {
  const cmd = new Command('targets').description('the organisations a campaign aims at, ranked');
  actClient(
    cmd
      .command('list')
      .description('targets, in the order to work on them')
      .requiredOption('--campaign <id>', 'campaign id')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const id = o.campaign as string;
      const { items: list } = await client.call('get', '/campaigns/:id/targets', { params: { id } }, async (ctx) => ({
        items: await targets.listTargets(ctx, id),
      }));
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(
                list.map((t) => [t.rank, t.organisation, t.motivation, t.posting, t.advocacy ? `yes (${t.knownInside})` : 'no', t.status]),
                ['#', 'ORGANISATION', 'MOTIVATION', 'POSTING', 'ADVOCACY', 'STATUS'],
              )
            : line('No targets yet. Add one with: coffeechat targets add --campaign ID --organisation "Acme"')(),
      };
    },
  );
  actClient(
    priorityFlags(cmd.command('add').description('add a target organisation').requiredOption('--organisation <name>', 'organisation name')),
    async (client, o) => {
      const body = { campaignId: o.campaign, organisation: o.organisation, ...priority(o) };
      const t = await client.call('post', '/targets', { body }, (ctx) => targets.addTarget(ctx, body));
      return { json: t, text: line(`${t.organisation} is target #${t.rank}.`) };
    },
  );
  actClient(
    priorityFlags(
      cmd.command('set').description("change a target's priority or status").requiredOption('--organisation <name>', 'organisation name'),
    ),
    async (client, o) => {
      const [campaignId, organisation, body] = [o.campaign as string, o.organisation as string, priority(o)];
      // The API changes a target by id: through --server it is found by name in the campaign's list.
      const t = client.remote
        ? await setRemoteTarget(client, campaignId, organisation, body)
        : await client.call('patch', '/targets/:id', {}, (ctx) => targets.setTargetByName(ctx, campaignId, organisation, body));
      return { json: t, text: line(`${t.organisation}: motivation ${t.motivation}, posting ${t.posting}, ${t.status} (#${t.rank}).`) };
    },
  );
  cmd.addHelpText(
    'after',
    '\nExamples:\n  coffeechat targets add --campaign 0190... --organisation "Northbridge Health" --motivation 3 --posting 2\n  coffeechat targets set --campaign 0190... --organisation "Northbridge Health" --status on-hold\n  coffeechat targets list --campaign 0190... --json',
  );
  return cmd;
}
