// coffeechat send — send an e-mail through your SMTP server (settings smtp.*) and log the touch.
import { Command } from 'commander';
import { sendMessage } from '../app/send.js';
import { TEMPLATE_PURPOSES } from '../domain/templates/index.js';
import { actClient, line, textOrStdin } from './command.js';

export function sendCommand(): Command {
  const cmd = new Command('send')
    .description('send an e-mail through your own SMTP server and log it as a touch')
    .option('--interview <id>', 'the interview the message is about')
    .option('--contact <id>', 'the person it goes to (default the interview’s contact, or its introducer)')
    .option('--introducer <id>', 'for intro-request and thank-introducer: the mutual contact')
    .requiredOption('--purpose <purpose>', TEMPLATE_PURPOSES.join(' | '))
    .option('--to <address>', "the address (default the recipient's first e-mail)")
    .requiredOption('--subject <subject>', 'the subject line')
    .requiredOption('--body <text>', 'the message; - reads standard input')
    .option('--template <id>', 'the template the message came from')
    .option('--json', 'print the result (with the logged touch) as JSON');
  actClient(cmd, async (client, o) => {
    const body = {
      interviewId: o.interview,
      contactId: o.contact,
      introducerId: o.introducer,
      purpose: o.purpose,
      to: o.to,
      subject: o.subject,
      body: await textOrStdin(o.body as string),
      templateId: o.template,
    };
    const r = await client.call('post', '/send', { body }, (ctx) => sendMessage(ctx, body));
    return { json: r, text: line(`Sent to ${r.to} and logged as a ${r.touch.purpose} touch (${r.touch.id}).`) };
  });
  cmd.addHelpText(
    'after',
    `
Set up once: coffeechat settings set smtp.host mail.example.org; settings set smtp.port 587;
settings set smtp.user you@example.org; settings set smtp.from you@example.org. The password is read
from COFFEECHAT_SMTP_PASSWORD and never stored.

Example:
  coffeechat draft request --interview 0190... --json > draft.json
  coffeechat send --interview 0190... --purpose request --subject "20 minutes of advice?" --body - < body.txt`,
  );
  return cmd;
}
