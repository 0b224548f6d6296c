// coffeechat share add|list|rm|comments|comment, and coffeechat cohort — sharing campaigns with
// advisers and the adviser's dashboard. On a shared database, pick the account with --user.
import { Command } from 'commander';
import { cohort, type CohortMember } from '../app/cohort.js';
import * as shares from '../app/shares.js';
import { SHARE_ACCESS } from '../domain/sharing.js';
import { act, line } from './command.js';
import { printTable } from './runtime.js';

const who = (name: string | null, email: string | null) => (name && email ? `${name} <${email}>` : (name ?? email ?? '?'));

export function shareCommand(): Command {
  const cmd = new Command('share').description('share a campaign with an adviser, see who has access, revoke');
  act(
    cmd
      .command('add')
      .description('share a campaign with an adviser account (sharing again changes the access)')
      .requiredOption('--campaign <id>', 'the campaign to share')
      .requiredOption('--adviser <email>', "the adviser's account e-mail")
      .option('--access <access>', `${SHARE_ACCESS.join(' | ')} (default read)`)
      .option('--json', 'print the share as JSON'),
    async ({ ctx }, o) => {
      const s = await shares.shareCampaign(ctx, String(o.campaign), { email: o.adviser, ...(o.access ? { access: o.access } : {}) });
      return { json: s, text: line(`Shared with ${who(s.adviserName, s.adviserEmail)} (${s.access}); share ${s.id}.`) };
    },
  );
  act(
    cmd
      .command('list')
      .description('who has access to a campaign')
      .requiredOption('--campaign <id>', 'the campaign')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const list = await shares.listShares(ctx, String(o.campaign));
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(
                list.map((s) => [s.id, who(s.adviserName, s.adviserEmail), s.access, s.createdAt.slice(0, 10)]),
                ['ID', 'ADVISER', 'ACCESS', 'SINCE'],
              )
            : line('Nobody else can see this campaign. Share it with: coffeechat share add --campaign ID --adviser EMAIL')(),
      };
    },
  );
  act(
    cmd
      .command('rm')
      .argument('<id>')
      .description('revoke a share (the adviser loses access at once)')
      .option('--json', 'print { id, revoked }'),
    async ({ ctx }, _o, [id]) => {
      await shares.revokeShare(ctx, id!);
      return { json: { id, revoked: true }, text: line(`Revoked share ${id}.`) };
    },
  );
  act(
    cmd
      .command('comments')
      .description("an adviser's comments on a campaign (yours, or one shared with you)")
      .requiredOption('--campaign <id>', 'the campaign')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const list = await shares.listComments(ctx, String(o.campaign));
      return {
        json: list,
        text: () => {
          if (!list.length) return line('No comments yet.')();
          for (const c of list)
            process.stdout.write(`${c.createdAt.slice(0, 16).replace('T', ' ')}  ${c.authorName ?? '?'}\n  ${c.text}\n`);
        },
      };
    },
  );
  act(
    cmd
      .command('comment')
      .description('comment on a campaign shared with you for comments (advisers)')
      .requiredOption('--campaign <id>', 'the campaign')
      .requiredOption('--text <text>', 'the comment')
      .option('--json', 'print the comment as JSON'),
    async ({ ctx }, o) => {
      const c = await shares.addComment(ctx, String(o.campaign), { text: o.text });
      return { json: c, text: line(`Comment ${c.id} added.`) };
    },
  );
  cmd.addHelpText(
    'after',
    `
Examples:
  coffeechat share add --campaign 0190... --adviser coach@example.org --access comment
  coffeechat share list --campaign 0190... --json
  coffeechat --user coach@example.org share comment --campaign 0190... --text "Ask about the data desk."`,
  );
  return cmd;
}

function printMember(m: CohortMember): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  out(`${who(m.name, m.email)} — ${m.timezone}`);
  out(`  held per week (${m.weeks[0]?.week ?? ''} → ${m.weeks[m.weeks.length - 1]?.week ?? ''}): ${m.weeks.map((w) => w.held).join(' ')}`);
  out(`  overdue actions: ${m.overdueActions}; stalled campaigns: ${m.stalledCampaigns}`);
  printTable(
    m.campaigns.map((c) => [
      `  ${c.id}`,
      c.field,
      c.status,
      c.access,
      c.stalled ? 'stalled' : '',
      `last ${c.lastActivityAt.slice(0, 10)}`,
      `${c.overdueActions} overdue`,
    ]),
  );
}

export function cohortCommand(): Command {
  const cmd = new Command('cohort')
    .description("an adviser's dashboard of the members who shared campaigns: meetings per week, overdue actions, stalled campaigns")
    .option('--json', 'print the dashboard as JSON');
  act(cmd, async ({ ctx }) => {
    const board = await cohort(ctx);
    return {
      json: board,
      text: () => {
        if (!board.members.length) return line('Nobody has shared a campaign with you yet.')();
        for (const m of board.members) printMember(m);
      },
    };
  });
  cmd.addHelpText('after', '\nExample:\n  coffeechat --user coach@example.org cohort --json');
  return cmd;
}
