// coffeechat brief --campaign ID [--format md|pdf|html] [--out FILE]   (Markdown on stdout by default)
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { actClient, writeChunks } from './command.js';

const FORMATS = ['md', 'pdf', 'html'] as const;

const bad = (field: string, message: string) =>
  new AppError('invalid_input', `Invalid input: ${field}: ${message}`, { fields: [{ field, message }] });

export function briefCommand(): Command {
  const cmd = new Command('brief')
    .argument('[id]', 'campaign id (or --campaign)')
    .description("write a campaign's field brief: what you learned, from whom, the figures and what is next")
    .option('--campaign <id>', 'campaign id')
    .option('--format <format>', FORMATS.join(' | '), 'md')
    .option('--out <file>', 'write the brief to this file (needed for pdf unless stdout is a pipe)')
    .option('--json', 'report errors as JSON (the brief itself is always the file)')
    .addHelpText(
      'after',
      `
Examples:
  coffeechat brief --campaign ID                      the brief as Markdown
  coffeechat brief --campaign ID --format pdf --out brief.pdf`,
    );
  return actClient(cmd, async (client, o, [id]) => {
    const campaignId = (id ?? o.campaign) as string | undefined;
    if (!campaignId) throw new AppError('invalid_input', 'Say which campaign: coffeechat brief --campaign ID.');
    const format = o.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw bad('format', `must be one of: ${FORMATS.join(', ')}`);
    if (format === 'pdf' && !o.out && process.stdout.isTTY) {
      throw bad('out', 'a PDF is binary and would garble the terminal: write it to a file with --out brief.pdf, or pipe it');
    }
    const body = await client.download(`/campaigns/:id/brief.${format}`, { params: { id: campaignId } }, async (ctx) =>
      (await import('../app/brief.js')).campaignBrief(ctx, campaignId, format as 'md' | 'pdf' | 'html'),
    );
    await writeChunks(body, o.out as string | undefined);
  });
}
