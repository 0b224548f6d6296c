// coffeechat users list|role|disable|enable — the server's accounts, for an operator who holds
// the database (say, to make someone admin again when the last admin is away). Straight on the
// database, like every command; the web's admin page does the same through the API.
import { Command } from 'commander';
import { ACCOUNT_ROLES, listAccounts, updateAccount } from '../app/accounts.js';
import type { Ctx } from '../app/context.js';
import { AppError } from '../domain/errors.js';
import { act, line } from './command.js';
import { printTable } from './runtime.js';

async function idOf(ctx: Ctx, email: string): Promise<string> {
  const u = await ctx.store.auth.userByEmail(email.trim().toLowerCase());
  if (!u || u.role === 'owner') throw new AppError('not_found', `No account with the e-mail ${email}.`);
  return u.id;
}

export function usersCommand(): Command {
  const cmd = new Command('users').description("the server's accounts (server mode): list, change a role, disable");
  act(cmd.command('list').description('every account').option('--json', 'print a JSON array'), async ({ ctx }) => {
    const list = await listAccounts(ctx);
    return {
      json: list,
      text: () =>
        list.length
          ? printTable(
              list.map((u) => [u.email, u.name, u.role, u.disabled ? 'disabled' : '', u.createdAt.slice(0, 10)]),
              ['E-MAIL', 'NAME', 'ROLE', '', 'SINCE'],
            )
          : process.stdout.write('No accounts yet: start the server with --accounts and set up the first admin.\n'),
    };
  });
  act(
    cmd
      .command('role <email> <role>')
      .description(`give an account a role (${ACCOUNT_ROLES.join(' | ')})`)
      .option('--json', 'print the account as JSON'),
    async ({ ctx }, _o, [email, role]) => {
      const u = await updateAccount(ctx, await idOf(ctx, email!), { role });
      return { json: u, text: line(`${u.email} is now ${u.role}.`) };
    },
  );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    act(
      cmd
        .command(`${name} <email>`)
        .description(disabled ? 'stop an account from signing in (its sessions end at once)' : 'let a disabled account sign in again')
        .option('--json', 'print the account as JSON'),
      async ({ ctx }, _o, [email]) => {
        const u = await updateAccount(ctx, await idOf(ctx, email!), { disabled });
        return { json: u, text: line(`${u.email} is ${u.disabled ? 'disabled' : 'enabled'}.`) };
      },
    );
  }
  return cmd;
}
