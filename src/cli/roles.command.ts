// coffeechat roles list|add|edit|rm — a person's work history.
import { Command } from 'commander';
import * as roles from '../app/roles.js';
import type { Role } from '../domain/types.js';
import { actClient, line } from './command.js';
import { printTable } from './runtime.js';

const span = (r: Role) => `${r.from ?? '?'} – ${r.to ?? (r.current ? 'now' : '?')}`;

export function describeRole(r: Role): string {
  return `${[r.title, r.organisation].filter(Boolean).join(' at ')} (${span(r)})`;
}

function roleFlags(c: Command): Command {
  return c
    .option('--organisation <name>', 'employer (matched by name, or created)')
    .option('--title <title>', 'job title')
    .option('--from <date>', 'when it started: 2021, 2021-04 or 2021-04-12')
    .option('--to <date>', 'when it ended (leave out for a current job; "" clears it)')
    .option('--json', 'print JSON');
}

const inputFrom = (o: Record<string, unknown>) =>
  Object.fromEntries(['organisation', 'title', 'from', 'to'].filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

export function rolesCommand(): Command {
  const cmd = new Command('roles').description("a person's work history (their current job is the open role that started last)");
  actClient(
    cmd
      .command('list')
      .description('the work history of a contact')
      .requiredOption('--contact <id>', 'the contact')
      .option('--json', 'print JSON'),
    async (client, o) => {
      const id = o.contact as string;
      const { items: list } = await client.call('get', '/contacts/:id/roles', { params: { id } }, async (ctx) => ({
        items: await roles.listRoles(ctx, id),
      }));
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(
                list.map((r) => [r.id, r.title, r.organisation, span(r)]),
                ['ID', 'TITLE', 'ORGANISATION', 'WHEN'],
              )
            : line('No work history yet. Add a role with: coffeechat roles add --contact ID --organisation NAME --title TITLE')(),
      };
    },
  );
  actClient(roleFlags(cmd.command('add').description('add a role').requiredOption('--contact <id>', 'the contact')), async (client, o) => {
    const [id, body] = [o.contact as string, inputFrom(o)];
    const r = await client.call('post', '/contacts/:id/roles', { params: { id }, body }, (ctx) => roles.addRole(ctx, id, body));
    return { json: r, text: line(`Added ${describeRole(r)} (${r.id}).`) };
  });
  actClient(
    roleFlags(cmd.command('edit').argument('<id>', 'the role').description('change a role (only the flags given)')),
    async (client, o, [id]) => {
      const body = inputFrom(o);
      const r = await client.call('patch', '/roles/:id', { params: { id: id! }, body }, (ctx) => roles.updateRole(ctx, id!, body));
      return { json: r, text: line(`Updated ${describeRole(r)}.`) };
    },
  );
  actClient(
    cmd.command('rm').argument('<id>', 'the role').description('remove a role').option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      await client.call('delete', '/roles/:id', { params: { id: id! } }, (ctx) => roles.deleteRole(ctx, id!));
      return { json: { id, deleted: true }, text: line(`Removed role ${id}.`) };
    },
  );
  return cmd;
}
