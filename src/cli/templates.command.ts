// coffeechat templates list|add|show — the built-in message templates and your own.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import * as templates from '../app/templates.js';
import { AppError } from '../domain/errors.js';
import { PLACEHOLDERS, TEMPLATE_CHANNELS, TEMPLATE_PURPOSES } from '../domain/templates/index.js';
import { actClient, line, textOrStdin } from './command.js';
import { printTable } from './runtime.js';

async function bodyFrom(o: Record<string, unknown>): Promise<string | undefined> {
  if (o.body !== undefined && o.file !== undefined) {
    throw new AppError('invalid_input', 'Give the body either with --body or with --file, not both.', {
      fields: [{ field: 'body', message: 'given twice (--body and --file)' }],
    });
  }
  if (o.file !== undefined) {
    try {
      return await readFile(String(o.file), 'utf8');
    } catch (e) {
      throw new AppError('invalid_input', `Cannot read ${String(o.file)}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}.`, {
        fields: [{ field: 'file', message: 'cannot be read' }],
      });
    }
  }
  return textOrStdin(o.body as string | undefined);
}

export function templatesCommand(): Command {
  const cmd = new Command('templates').description('message templates for requests, follow-ups, thank-yous and updates');
  actClient(
    cmd
      .command('list')
      .description('list the built-in templates and your own')
      .option('--purpose <purpose>', TEMPLATE_PURPOSES.join(' | '))
      .option('--channel <channel>', TEMPLATE_CHANNELS.join(' | '))
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const query = { purpose: o.purpose, channel: o.channel };
      const { items: list } = await client.call('get', '/templates', { query }, async (ctx) => ({
        items: await templates.listTemplates(ctx, query),
      }));
      return {
        json: list,
        text: () => printTable(list.map((t) => [t.id, t.purpose, t.channel, t.builtIn ? 'built-in' : 'yours', t.name])),
      };
    },
  );
  actClient(
    cmd.command('show').argument('<id>').description('show one template with the placeholders it uses').option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      const t = await client.call('get', '/templates/:id', { params: { id: id! } }, (ctx) => templates.getTemplate(ctx, id!));
      return {
        json: t,
        text: line(
          [
            `${t.name} (${t.id}, ${t.purpose} by ${t.channel}${t.builtIn ? ', built-in' : ''})`,
            t.subject ? `Subject: ${t.subject}` : null,
            '',
            t.body,
          ]
            .filter((l) => l !== null)
            .join('\n'),
        ),
      };
    },
  );
  actClient(
    cmd
      .command('add')
      .description('add a template of your own; unknown placeholders are refused')
      .requiredOption('--name <name>', 'what to call it')
      .requiredOption('--purpose <purpose>', TEMPLATE_PURPOSES.join(' | '))
      .requiredOption('--channel <channel>', TEMPLATE_CHANNELS.join(' | '))
      .option('--subject <subject>', 'the subject line (e-mail only)')
      .option('--body <text>', 'the text; - reads standard input')
      .option('--file <path>', 'read the text from this file')
      .option('--json', 'print the template as JSON'),
    async (client, o) => {
      const body = {
        name: o.name,
        purpose: o.purpose,
        channel: o.channel,
        subject: o.subject,
        body: (await bodyFrom(o)) ?? '',
      };
      const t = await client.call('post', '/templates', { body }, (ctx) => templates.addTemplate(ctx, body));
      return { json: t, text: line(`Added template ${t.name} (${t.id}).`) };
    },
  );
  actClient(
    cmd.command('rm').argument('<id>').description('delete a template of your own (built-in ones stay)').option('--json', 'print JSON'),
    async (client, _o, [id]) => {
      await client.call('delete', '/templates/:id', { params: { id: id! } }, (ctx) => templates.deleteTemplate(ctx, id!));
      return { json: { id, deleted: true }, text: line(`Deleted template ${id}.`) };
    },
  );
  cmd.addHelpText(
    'after',
    `
Placeholders:
${Object.entries(PLACEHOLDERS)
  .map(([k, v]) => `  {${k}}`.padEnd(24) + v)
  .join('\n')}
Sections: {#introducer.name}…{/introducer.name} is kept only when the placeholder can be filled,
{^introducer.name}…{/introducer.name} only when it cannot.

Example:
  coffeechat templates add --name "Short ask" --purpose request --channel linkedin \\
    --body "Hi {contact.firstName}, could you spare {minutes} minutes to talk about {campaign.field}?"`,
  );
  return cmd;
}
