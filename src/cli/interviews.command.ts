// coffeechat interviews list|add|show|move
import { Command } from 'commander';
import * as interviews from '../app/interviews.js';
import { setKeepInTouch } from '../app/keep-in-touch.js';
import { INTERVIEW_STATUSES } from '../domain/types.js';
import { actClient, line, listLimit } from './command.js';
import { printTable } from './runtime.js';

/** The interview in the shape of CONTRACTS.md, plus the names and moves a person wants to see. */
export function interviewsCommand(): Command {
  const cmd = new Command('interviews').description('informational interviews and their status');
  actClient(
    cmd
      .command('list')
      .description('list interviews, most recently changed first')
      .option('--campaign <id>', 'only this campaign')
      .option('--contact <id>', 'only with this contact')
      .option('--status <status>', INTERVIEW_STATUSES.join(' | '))
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const query = { campaignId: o.campaign, contactId: o.contact, status: o.status, limit: listLimit(o) };
      const { items: list } = await client.call('get', '/interviews', { query }, async (ctx) => ({
        items: await interviews.listInterviews(ctx, query),
      }));
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(
                list.map((i) => [i.id, i.contactName, i.status, i.campaignField, i.scheduledAt]),
                ['ID', 'CONTACT', 'STATUS', 'CAMPAIGN', 'SCHEDULED'],
              )
            : line('No interviews yet. Add a person to a campaign with: coffeechat interviews add --campaign ID --contact ID')(),
      };
    },
  );
  actClient(
    cmd
      .command('add')
      .description('add a person to a campaign (as a prospect)')
      .requiredOption('--campaign <id>', 'campaign id')
      .requiredOption('--contact <id>', 'contact id')
      .option('--json', 'print JSON'),
    async (client, o) => {
      const body = { campaignId: o.campaign, contactId: o.contact };
      const i = await client.call('post', '/interviews', { body }, (ctx) => interviews.addInterview(ctx, body));
      return { json: i, text: line(`${i.contactName} is now a prospect in "${i.campaignField}" (${i.id}).`) };
    },
  );
  actClient(
    cmd.command('show').argument('<id>').description('show an interview').option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      const i = await client.call('get', '/interviews/:id', { params: { id: id! } }, (ctx) => interviews.getInterview(ctx, id!));
      return {
        json: i,
        text: line(
          [
            `id         ${i.id}`,
            `contact    ${i.contactName}`,
            `campaign   ${i.campaignField}`,
            `status     ${i.status}`,
            `scheduled  ${i.scheduledAt ?? '-'}`,
            `can move   ${i.allowedMoves.join(', ') || '-'}`,
          ].join('\n'),
        ),
      };
    },
  );
  actClient(
    cmd
      .command('move')
      .argument('<id>')
      .argument('<status>', INTERVIEW_STATUSES.join(' | '))
      .description('change the status (only as the life cycle allows)')
      .option('--no-referrals', 'when moving to held: they suggested no one else to talk to')
      .option('--json', 'print JSON'),
    async (client, o, [id, status]) => {
      const body = { status, ...(o.referrals === false ? { noReferrals: true } : {}) };
      const i = await client.call('post', '/interviews/:id/move', { params: { id: id! }, body }, (ctx) =>
        interviews.moveInterview(ctx, id!, body),
      );
      return { json: i, text: line(`${i.contactName}: ${i.status}.`) };
    },
  );
  actClient(
    cmd
      .command('done-keeping-in-touch')
      .argument('<id>')
      .description('stop the update reminders for this person (--undo to keep in touch again)')
      .option('--undo', 'keep in touch again: the update reminder comes back')
      .option('--json', 'print JSON'),
    async (client, o, [id]) => {
      const body = { on: o.undo === true };
      const i = await client.call('post', '/interviews/:id/keep-in-touch', { params: { id: id! }, body }, (ctx) =>
        setKeepInTouch(ctx, id!, body),
      );
      const text = i.keepInTouchDoneAt
        ? `${i.contactName}: done keeping in touch; no more update reminders.`
        : `${i.contactName}: keeping in touch; update reminders are on.`;
      return { json: i, text: line(text) };
    },
  );
  cmd.addHelpText(
    'after',
    `
Examples:
  coffeechat interviews add --campaign 0190... --contact 0190... --json
  coffeechat interviews move 0190... scheduled
  coffeechat interviews move 0190... held --no-referrals`,
  );
  return cmd;
}
