// coffeechat targets list|add|set --campaign ID
import { Command } from 'commander';
import * as targets from '../app/targets.js';
import { TARGET_STATUSES } from '../domain/types.js';
import { act, line } from './command.js';
import { printTable } from './runtime.js';

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
  act(
    cmd
      .command('list')
      .description('targets, in the order to work on them')
      .requiredOption('--campaign <id>', 'campaign id')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const list = await targets.listTargets(ctx, o.campaign as string);
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
  act(
    priorityFlags(cmd.command('add').description('add a target organisation').requiredOption('--organisation <name>', 'organisation name')),
    async ({ ctx }, o) => {
      const t = await targets.addTarget(ctx, { campaignId: o.campaign, organisation: o.organisation, ...priority(o) });
      return { json: t, text: line(`${t.organisation} is target #${t.rank}.`) };
    },
  );
  act(
    priorityFlags(
      cmd.command('set').description("change a target's priority or status").requiredOption('--organisation <name>', 'organisation name'),
    ),
    async ({ ctx }, o) => {
      const t = await targets.setTargetByName(ctx, o.campaign as string, o.organisation as string, priority(o));
      return { json: t, text: line(`${t.organisation}: motivation ${t.motivation}, posting ${t.posting}, ${t.status} (#${t.rank}).`) };
    },
  );
  cmd.addHelpText(
    'after',
    '\nExamples:\n  coffeechat targets add --campaign 0190... --organisation "Northbridge Health" --motivation 3 --posting 2\n  coffeechat targets set --campaign 0190... --organisation "Northbridge Health" --status on-hold\n  coffeechat targets list --campaign 0190... --json',
  );
  return cmd;
}
