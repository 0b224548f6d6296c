// coffeechat draft PURPOSE --interview ID — fill a template for an interview and lint it.
import { Command } from 'commander';
import { draft } from '../app/drafts.js';
import { TEMPLATE_CHANNELS, TEMPLATE_PURPOSES } from '../domain/templates/index.js';
import { actClient } from './command.js';

export function draftCommand(): Command {
  const cmd = new Command('draft')
    .description('draft a message for an interview from a template, and lint it (nothing is sent)')
    .argument('<purpose>', TEMPLATE_PURPOSES.join(' | '))
    .requiredOption('--interview <id>', 'the interview the message is about')
    .option('--channel <channel>', `${TEMPLATE_CHANNELS.join(' | ')} (default email, or the template's)`)
    .option('--template <id>', 'a template id (templates list); default the built-in one for the purpose and channel')
    .option('--introducer <id>', 'for intro-request and thank-introducer: the mutual contact (default the recorded introducer)')
    .option('--json', 'print { subject, body, findings, ... } as JSON');
  actClient(cmd, async (client, o, [purpose]) => {
    const body = {
      interviewId: o.interview,
      purpose,
      channel: o.channel,
      templateId: o.template,
      introducerId: o.introducer,
    };
    const d = await client.call('post', '/drafts', { body }, (ctx) => draft(ctx, body));
    return {
      json: d,
      text: () => {
        const out: string[] = [`To: ${d.recipient.name}${d.recipient.email ? ` <${d.recipient.email}>` : ''}`];
        if (d.subject !== null) out.push(`Subject: ${d.subject}`);
        out.push('', d.body, '');
        if (d.findings.length === 0) out.push('Lint: no findings.');
        for (const f of d.findings) {
          const at = d.body.slice(f.start, f.end).replace(/\s+/g, ' ');
          out.push(
            `${f.severity.padEnd(7)} ${f.rule}: ${f.message}${at && f.end - f.start < 80 ? ` ("${at}")` : ''}${f.fix ? ` Fix: ${f.fix}` : ''}`,
          );
        }
        for (const h of d.hints) out.push(`note    ${h}`);
        process.stdout.write(out.join('\n') + '\n');
      },
    };
  });
  cmd.addHelpText(
    'after',
    '\nExamples:\n  coffeechat draft request --interview 0190... --json\n  coffeechat draft request --interview 0190... --channel linkedin',
  );
  return cmd;
}
