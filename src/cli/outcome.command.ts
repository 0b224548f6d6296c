// coffeechat outcome add|list|rm
import { Command } from 'commander';
import * as outcomes from '../app/outcomes.js';
import { OUTCOME_KINDS, type Outcome } from '../domain/types.js';
import { act, line, listLimit } from './command.js';
import { printTable } from './runtime.js';

/** "Maya Okafor (led there by Tom Lindqvist)": who the outcome came from, and whose referrals led there. */
const creditLine = (o: Outcome) => {
  const [direct, ...up] = o.credits;
  if (!direct) return '-';
  return up.length ? `${direct.contactName} (led there by ${up.map((c) => c.contactName).join(', ')})` : direct.contactName;
};

export function outcomeCommand(): Command {
  const cmd = new Command('outcome').description('what your conversations led to: job interviews, offers, referrals to roles');
  act(
    cmd
      .command('add')
      .description('record an outcome; the interviews whose referrals led there are credited too')
      .requiredOption('--interview <id>', 'the interview it came from')
      .requiredOption('--kind <kind>', OUTCOME_KINDS.join(' | '))
      .option('--note <text>', 'what it is, e.g. "UX researcher at CareLoop"')
      .option('--at <time>', 'when (default now; without an offset, in your time zone)')
      .option('--json', 'print the outcome as JSON'),
    async ({ ctx }, o) => {
      const out = await outcomes.addOutcome(ctx, { interviewId: o.interview, kind: o.kind, note: o.note, at: o.at });
      return { json: out, text: line(`Recorded ${out.kind} (${out.id}), credited to ${creditLine(out)}.`) };
    },
  );
  act(
    cmd
      .command('list')
      .description('list outcomes, newest first')
      .option('--campaign <id>', 'only this campaign')
      .option('--interview <id>', 'only those this interview is credited with')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const list = await outcomes.listOutcomes(ctx, { campaignId: o.campaign, interviewId: o.interview, limit: listLimit(o) });
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
  act(
    cmd.command('rm').argument('<id>').description('delete an outcome').option('--json', 'print { id, deleted } as JSON'),
    async ({ ctx }, _o, [id]) => {
      await outcomes.deleteOutcome(ctx, id!);
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
