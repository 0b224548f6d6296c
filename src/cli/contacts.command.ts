// coffeechat contacts list|show|add|edit|rm
import { Command } from 'commander';
import * as contacts from '../app/contacts.js';
import type { Contact } from '../domain/types.js';
import { actClient, collect, line, listLimit } from './command.js';
import { describeRole } from './roles.command.js';
import { printTable } from './runtime.js';

function describe(c: Contact): string {
  const rows: [string, string | null][] = [
    ['id', c.id],
    ['name', c.name],
    ['organisation', c.organisation],
    ['title', c.title],
    ['emails', c.emails.join(', ') || null],
    ['phones', c.phones.join(', ') || null],
    ['linkedin', c.linkedinUrl],
    ['location', c.location],
    ['tags', c.tags.join(', ') || null],
    ['tie', c.tie],
    ['do not contact', c.doNotContact ? 'yes' : null],
    ['introduced by', c.introducedBy],
    ['research', c.research],
  ];
  return rows
    .filter(([, v]) => v)
    .map(([k, v]) => `${k.padEnd(15)}${v}`)
    .join('\n');
}

/** Flags shared by add and edit, turned into the operation's input (absent flags stay absent). */
function contactFlags(cmd: Command): Command {
  return cmd
    .option('--given <name>', 'given name (default: --name up to the last space)')
    .option('--family <name>', 'family name (default: --name after the last space)')
    .option('--email <address>', 'e-mail address (repeatable)', collect)
    .option('--phone <number>', 'phone number (repeatable)', collect)
    .option('--organisation <name>', 'employer or association, matched by name or created')
    .option('--title <title>', 'job title')
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--location <place>', 'where they are')
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--tie <tie>', 'close | acquaintance | friend-of-contact | cold')
    .option('--do-not-contact', 'never suggest or remind about this person')
    .option('--no-do-not-contact', 'clear the do-not-contact flag')
    .option('--research <text>', 'what you know of them (role, background, news)')
    .option('--json', 'print the contact as JSON');
}

function inputFrom(o: Record<string, unknown>): Record<string, unknown> {
  const map: Record<string, string> = {
    name: 'name',
    given: 'givenName',
    family: 'familyName',
    email: 'emails',
    phone: 'phones',
    organisation: 'organisation',
    title: 'title',
    linkedin: 'linkedinUrl',
    location: 'location',
    tag: 'tags',
    tie: 'tie',
    doNotContact: 'doNotContact',
    research: 'research',
  };
  const input: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(map)) if (o[flag] !== undefined) input[field] = o[flag];
  return input;
}

export function contactsCommand(): Command {
  const cmd = new Command('contacts').description('the people in your network');

  actClient(
    cmd
      .command('list')
      .description('list contacts, sorted by name')
      .option('--search <text>', 'only contacts matching all these words (prefixes)')
      .option('--tag <tag>', 'only contacts with this tag')
      .option('--sort <order>', 'name | -name | created | -created | updated | -updated')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const query = { q: o.search, tag: o.tag, sort: o.sort, limit: listLimit(o) };
      const { items } = await client.call('get', '/contacts', { query }, (ctx) => contacts.listContacts(ctx, query));
      return {
        json: items,
        text: () =>
          items.length
            ? printTable(
                items.map((c) => [c.id, c.name, c.organisation, c.emails[0]]),
                ['ID', 'NAME', 'ORGANISATION', 'E-MAIL'],
              )
            : line('No contacts yet. Add one with: coffeechat contacts add --name "Ada Lovelace"')(),
      };
    },
  );

  actClient(
    cmd.command('show').argument('<id>').description('show one contact').option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      const c = await client.call('get', '/contacts/:id', { params: { id: id! } }, (ctx) => contacts.showContact(ctx, id!));
      const history = c.roles.map((r) => `  ${r.current ? '*' : ' '} ${describeRole(r)}`);
      return { json: c, text: line([describe(c), ...(history.length ? ['work history:', ...history] : [])].join('\n')) };
    },
  );

  actClient(
    contactFlags(cmd.command('add').description('add a contact').requiredOption('--name <name>', 'full name')),
    async (client, o) => {
      const body = inputFrom(o);
      const c = await client.call('post', '/contacts', { body }, (ctx) => contacts.createContact(ctx, body));
      return { json: c, text: line(`Added ${c.name} (${c.id}).`) };
    },
  );

  actClient(
    contactFlags(
      cmd.command('edit').argument('<id>').description('change a contact (only the flags given)').option('--name <name>', 'full name'),
    ),
    async (client, o, [id]) => {
      const body = inputFrom(o);
      const c = await client.call('patch', '/contacts/:id', { params: { id: id! }, body }, (ctx) => contacts.updateContact(ctx, id!, body));
      return { json: c, text: line(`Updated ${c.name} (${c.id}).`) };
    },
  );

  actClient(
    cmd
      .command('rm')
      .argument('<id>')
      .description('delete a contact with their interviews, touches and notes')
      .option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      await client.call('delete', '/contacts/:id', { params: { id: id! } }, (ctx) => contacts.deleteContact(ctx, id!));
      return { json: { id, deleted: true }, text: line(`Deleted ${id}.`) };
    },
  );

  actClient(
    cmd
      .command('merge')
      .argument('<keep>', 'the contact to keep')
      .argument('<other>', 'the duplicate to fold into it')
      .description('merge a duplicate into a contact (undo with unmerge)')
      .option('--take-other <field>', "keep the duplicate's value of this field (repeatable): name, organisation, title, …", collect)
      .option('--take-kept <field>', "keep the kept contact's value of this field (repeatable)", collect)
      .option('--json', 'print the kept contact as JSON'),
    async (client, o, [keep, other]) => {
      const choose: Record<string, string> = {};
      for (const f of (o.takeKept as string[] | undefined) ?? []) choose[f] = 'keep';
      for (const f of (o.takeOther as string[] | undefined) ?? []) choose[f] = 'other';
      const body = { otherId: other!, choose };
      const c = await client.call(
        'post',
        '/contacts/:id/merge',
        { params: { id: keep! }, body },
        async (ctx) => (await import('../app/merge.js')).mergeContacts(ctx, keep!, body), // the matcher loads only when needed
      );
      return { json: c, text: line(`Merged into ${c.name} (${c.id}). Undo with: coffeechat contacts unmerge ${c.id}`) };
    },
  );

  actClient(
    cmd
      .command('unmerge')
      .argument('<id>', 'the contact another was merged into')
      .description('undo the latest merge into this contact')
      .option('--json', 'print both contacts as JSON'),
    async (client, _o, [id]) => {
      const r = await client.call('post', '/contacts/:id/unmerge', { params: { id: id! } }, async (ctx) =>
        (await import('../app/merge.js')).unmergeContact(ctx, id!),
      );
      return { json: r, text: line(`Restored ${r.restored.name} (${r.restored.id}) apart from ${r.kept.name}.`) };
    },
  );

  cmd.addHelpText(
    'after',
    `
Examples:
  coffeechat contacts add --name "Maya Okafor" --email maya@example.org --organisation "Northbridge Health" --tag ux
  coffeechat contacts list --search maya --json
  coffeechat contacts edit 0190... --title "Design Manager" --tie close`,
  );
  return cmd;
}
