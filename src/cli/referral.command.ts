// coffeechat referral add|list — the answer to "who else should I talk to?"
import { Command } from 'commander';
import { PERMISSIONS } from '../domain/types.js';
import { actClient, line } from './command.js';
import { printTable } from './runtime.js';

export function referralCommand(): Command {
  const cmd = new Command('referral').description('people an interviewee suggested you talk to');
  actClient(
    cmd
      .command('add')
      .description('record a referral: a contact (matched or new), an introduction and a prospect interview in the campaign')
      .requiredOption('--interview <id>', 'the interview in which they were suggested')
      .requiredOption('--name <name>', "the person's name")
      .option('--email <address>', 'how to reach them')
      .option('--phone <number>', 'how to reach them')
      .option('--permission <permission>', `may you use the interviewee's name? ${PERMISSIONS.join(' | ')} (default not-asked)`)
      .option('--note <text>', 'what to know about them')
      .option('--json', 'print JSON'),
    async (client, o) => {
      const id = o.interview as string;
      const body = {
        name: o.name,
        ...(o.email !== undefined ? { email: o.email } : {}),
        ...(o.phone !== undefined ? { phone: o.phone } : {}),
        ...(o.permission !== undefined ? { permission: o.permission } : {}),
        ...(o.note !== undefined ? { note: o.note } : {}),
      };
      const r = await client.call('post', '/interviews/:id/referrals', { params: { id }, body }, async (ctx) =>
        (await import('../app/referrals.js')).addReferral(ctx, { ...body, interviewId: id }),
      );
      const who = r.matched ? `${r.contact.name} (already in your contacts)` : `${r.contact.name} (new contact)`;
      const next = r.interview ? ` Prospect interview: ${r.interview.id}.` : ' Marked do not contact, so no interview was added.';
      return {
        json: r,
        text: line(`Referral recorded: ${who}, introduced by the interviewee, permission ${r.introduction.permission}.${next}`),
      };
    },
  );
  actClient(
    cmd
      .command('list')
      .description('the referrals given in an interview')
      .requiredOption('--interview <id>', 'the interview')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const id = o.interview as string;
      const { items: list } = await client.call('get', '/interviews/:id/referrals', { params: { id } }, async (ctx) => ({
        items: await (await import('../app/referrals.js')).listReferrals(ctx, id),
      }));
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(list.map((r) => [r.contact.name, r.introduction.permission, r.interview?.status ?? '-', r.interview?.id ?? '']))
            : line('No referrals recorded in this interview.')(),
      };
    },
  );
  return cmd;
}
