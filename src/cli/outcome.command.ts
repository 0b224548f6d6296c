// coffeechat outcome add|list|rm
import { Command } from 'commander';
import * as outcomes from '../app/outcomes.js';
import { OUTCOME_KINDS, type Outcome } from '../domain/types.js';
import { actClient, line, listLimit } from './command.js';
import { printTable } from './runtime.js';

/** "Maya Okafor (led there by Tom Lindqvist)": who the outcome came from, and whose referrals led there. */
const creditLine = (o: Outcome) => {
  const [direct, ...up] = o.credits;
  if (!direct) return '-';
  return up.length ? `${direct.contactName} (led there by ${up.map((c) => c.contactName).join(', ')})` : direct.contactName;
};

export function outcomeCommand(): Command {
  const cmd = new Command('outcome').description('what your conversations led to: job interviews, offers, referrals to roles');
  actClient(
    cmd
      .command('add')
      .description('record an outcome; the interviews whose referrals led there are credited too')
      .requiredOption('--interview <id>', 'the interview it came from')
      .requiredOption('--kind <kind>', OUTCOME_KINDS.join(' | '))
      .option('--note <text>', 'what it is, e.g. "UX researcher at CareLoop"')
      .option('--at <time>', 'when (default now; without an offset, in your time zone)')
      .option('--json', 'print the outcome as JSON'),
    async (client, o) => {
      const body = { interviewId: o.interview, kind: o.kind, note: o.note, at: o.at };
      const out = await client.call('post', '/outcomes', { body }, (ctx) => outcomes.addOutcome(ctx, body));
      return { json: out, text: line(`Recorded ${out.kind} (${out.id}), credited to ${creditLine(out)}.`) };
    },
  );
  actClient(
    cmd
      .command('list')
      .description('list outcomes, newest first')
      .option('--campaign <id>', 'only this campaign')
      .option('--interview <id>', 'only those this interview is credited with')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const query = { campaignId: o.campaign, interviewId: o.interview, limit: listLimit(o) };
      const { items: list } = await client.call('get', '/outcomes', { query }, async (ctx) => ({
        items: await outcomes.listOutcomes(ctx, query),
      }));
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(
                list.map((x) => [x.id, x.at.slice(0, 10), x.kind, x.note ?? '', creditLine(x)]),
                ['ID', 'DATE', 'KIND', 'NOTE', 'FROM'],
              )
            : line('No outcomes yet. Record one with: coffeechat outcome add --interview ID --kind job-interview')(),
      };
    },
  );
  actClient(
    cmd.command('rm').argument('<id>').description('delete an outcome').option('--json', 'print { id, deleted } as JSON'),
    async (client, _o, [id]) => {
      await client.call('delete', '/outcomes/:id', { params: { id: id! } }, (ctx) => outcomes.deleteOutcome(ctx, id!));
      return { json: { id, deleted: true }, text: line(`Deleted outcome ${id}.`) };
    },
  );
  cmd.addHelpText(
    'after',
    `
Examples:
  coffeechat outcome add --interview 0190... --kind job-interview --note "UX researcher at CareLoop" --json
  coffeechat outcome list --campaign 0190... --json`,
  );
  return cmd;
}
