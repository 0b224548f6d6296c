// coffeechat --user EMAIL tokens add|list|rm — an account's API tokens, for an operator who holds
// the database (say, to give a script a token for someone, or to revoke a leaked one at once).
// Account holders manage their own on the web app's Account page; a token itself cannot.
import { Command } from 'commander';
import { createToken, listTokens, revokeToken, TOKEN_SCOPES, type TokenView } from '../app/tokens.js';
import { AppError } from '../domain/errors.js';
import { act, line } from './command.js';
import { printTable } from './runtime.js';

/** Tokens belong to accounts: without --user the CLI would act for the local owner, who has none. */
function needUser(o: { user?: string }): void {
  if (!o.user)
    throw new AppError(
      'invalid_input',
      'Say whose tokens these are: coffeechat --user EMAIL tokens … (API tokens belong to accounts on a server).',
    );
}

const when = (iso: string | null, none: string) => (iso ? iso.slice(0, 16).replace('T', ' ') : none);
const state = (t: TokenView) => (t.expired ? 'expired' : t.expiresAt ? `until ${when(t.expiresAt, '')}` : 'no expiry');

export function tokensCommand(): Command {
  const cmd = new Command('tokens').description("an account's API tokens (server mode, with --user EMAIL): add, list, revoke");
  act(
    cmd
      .command('add')
      .description('make a token; it is printed once, only its hash is kept')
      .requiredOption('--name <name>', 'what the token is for, e.g. "nightly export"')
      .option('--scope <scope>', `${TOKEN_SCOPES.join(' | ')}: read may only call GET routes (default read)`)
      .option('--days <n>', 'expire after this many days (default: never)')
      .option('--json', 'print the token and its details as JSON'),
    async ({ ctx }, o) => {
      needUser(o);
      const t = await createToken(ctx, {
        name: o.name,
        ...(o.scope === undefined ? {} : { scope: o.scope }),
        ...(o.days === undefined ? {} : { expiresInDays: Number(o.days) }),
      });
      return {
        json: t,
        text: () => {
          process.stdout.write(`${t.token}\n`);
          process.stderr.write(
            `Token "${t.name}" (${t.scope}, ${state(t)}), id ${t.id}. Copy it now: it is not shown again. Send it as: Authorization: Bearer <token>\n`,
          );
        },
      };
    },
  );
  act(
    cmd.command('list').description("the account's tokens (never the tokens themselves)").option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      needUser(o);
      const list = await listTokens(ctx);
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(
                list.map((t) => [t.id, t.name, t.prefix + '…', t.scope, state(t), when(t.lastUsedAt, 'never used')]),
                ['ID', 'NAME', 'TOKEN', 'SCOPE', 'EXPIRES', 'LAST USED'],
              )
            : line('No API tokens. Make one with: coffeechat --user EMAIL tokens add --name NAME [--scope write]')(),
      };
    },
  );
  act(
    cmd
      .command('rm')
      .argument('<id>')
      .description('revoke a token: requests carrying it are refused from now on')
      .option('--json', 'print { id, revoked } as JSON'),
    async ({ ctx }, o, [id]) => {
      needUser(o);
      await revokeToken(ctx, id!);
      return { json: { id, revoked: true }, text: line(`Token ${id} revoked.`) };
    },
  );
  return cmd;
}
