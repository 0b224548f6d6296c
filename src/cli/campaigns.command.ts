// coffeechat campaigns list|add|show|edit|end
import { Command } from 'commander';
import * as campaigns from '../app/campaigns.js';
import type { Campaign } from '../domain/types.js';
import { act, line, listLimit } from './command.js';
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
  act(
    cmd
      .command('list')
      .description('list campaigns, newest first')
      .option('--status <status>', 'active | ended')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const list = await campaigns.listCampaigns(ctx, { status: o.status, limit: listLimit(o) });
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
  act(
    cmd
      .command('add')
      .description('start a campaign')
      .requiredOption('--field <text>', 'the industry, job or profession you are exploring')
      .requiredOption('--situation <situation>', 'career-change | new-graduate | re-entering | next-job')
      .option('--objective <text>', 'what you want to find out')
      .option('--json', 'print the campaign as JSON'),
    async ({ ctx }, o) => {
      const c = await campaigns.createCampaign(ctx, { field: o.field, situation: o.situation, objective: o.objective });
      return { json: c, text: line(`Started campaign "${c.field}" (${c.id}).`) };
    },
  );
  act(
    cmd
      .command('edit')
      .argument('<id>')
      .description('change a campaign')
      .option('--field <text>', 'field')
      .option('--situation <situation>', 'situation')
      .option('--objective <text>', 'objective')
      .option('--json', 'print JSON'),
    async ({ ctx }, o, [id]) => {
      const input: Record<string, unknown> = {};
      for (const k of ['field', 'situation', 'objective']) if (o[k] !== undefined) input[k] = o[k];
      const c = await campaigns.updateCampaign(ctx, id!, input);
      return { json: c, text: line(`Updated campaign ${c.id}.`) };
    },
  );
  act(cmd.command('show').argument('<id>').description('show a campaign').option('--json', 'print JSON'), async ({ ctx }, _o, [id]) => {
    const c = await campaigns.getCampaign(ctx, id!);
    return { json: c, text: line(describe(c)) };
  });
  act(
    cmd.command('end').argument('<id>').description('end a campaign (keep-in-touch reminders stop)').option('--json', 'print JSON'),
    async ({ ctx }, _o, [id]) => {
      const c = await campaigns.endCampaign(ctx, id!);
      return { json: c, text: line(`Ended campaign "${c.field}".`) };
    },
  );
  act(
    cmd
      .command('reopen')
      .argument('<id>')
      .description('reopen an ended campaign (keep-in-touch reminders come back)')
      .option('--json', 'print JSON'),
    async ({ ctx }, _o, [id]) => {
      const c = await campaigns.reopenCampaign(ctx, id!);
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
