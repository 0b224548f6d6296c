// coffeechat actions list|done|snooze|dismiss — the follow-through to-do list.
import { Command } from 'commander';
import { dismissAction, listActions, markDone, snoozeAction, type ActionView } from '../app/actions.js';
import { draftCommandLine } from '../domain/action-drafts.js';
import { ACTION_STATUSES } from '../domain/types.js';
import { actClient, line, listLimit } from './command.js';

const describe = (a: ActionView) =>
  `${a.id}  ${a.status === 'snoozed' ? `snoozed until ${a.snoozedUntil}` : a.status}${a.overdue && a.status === 'open' ? ' OVERDUE' : ''}  ` +
  `${a.dueAt}  ${a.kind}  ${a.contactName ?? ''}\n    ${a.reason}` +
  (a.draft ? `\n    Draft it: ${draftCommandLine(a.draft)}` : '');

export function actionsCommand(): Command {
  const cmd = new Command('actions').description('what to do next: list actions, mark them done, snooze or dismiss them');
  actClient(
    cmd
      .command('list')
      .description('actions, earliest due first')
      .option('--status <status>', ACTION_STATUSES.join(' | '))
      .option('--contact <id>', "one person's actions")
      .option('--interview <id>', "one interview's actions")
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print JSON'),
    async (c, o) => {
      const query = { status: o.status, contactId: o.contact, interviewId: o.interview, limit: listLimit(o) };
      const { items: list } = await c.call('get', '/actions', { query }, async (ctx) => ({ items: await listActions(ctx, query) }));
      return {
        json: list,
        text: () => {
          if (!list.length) process.stdout.write('No actions.\n');
          for (const a of list) process.stdout.write(describe(a) + '\n');
        },
      };
    },
  );
  actClient(
    cmd
      .command('done')
      .description('mark an action done (confirming a move-on closes the request as no response)')
      .argument('<id>')
      .option('--json', 'print JSON'),
    async (c, _o, [id]) => {
      const a = await c.call('post', '/actions/:id/done', { params: { id: id! } }, (ctx) => markDone(ctx, id!));
      return { json: a, text: line(`Done: ${a.kind} ${a.contactName ?? ''}`.trim() + '.') };
    },
  );
  actClient(
    cmd
      .command('snooze')
      .description('put an action aside until a later time')
      .argument('<id>')
      .requiredOption('--until <time>', 'ISO time or date; without an offset, in your time zone')
      .option('--json', 'print JSON'),
    async (c, o, [id]) => {
      const body = { until: o.until };
      const a = await c.call('post', '/actions/:id/snooze', { params: { id: id! }, body }, (ctx) => snoozeAction(ctx, id!, body));
      return { json: a, text: line(`Snoozed until ${a.snoozedUntil}: ${a.kind} ${a.contactName ?? ''}`.trim() + '.') };
    },
  );
  actClient(
    cmd.command('dismiss').description('dismiss an action').argument('<id>').option('--json', 'print JSON'),
    async (c, _o, [id]) => {
      const a = await c.call('post', '/actions/:id/dismiss', { params: { id: id! } }, (ctx) => dismissAction(ctx, id!));
      return { json: a, text: line(`Dismissed: ${a.kind} ${a.contactName ?? ''}`.trim() + '.') };
    },
  );
  cmd.addHelpText(
    'after',
    '\nExamples:\n  coffeechat actions list --status open\n  coffeechat actions snooze 0190... --until 2026-03-09T09:00',
  );
  return cmd;
}
