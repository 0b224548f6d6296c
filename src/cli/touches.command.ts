// coffeechat log — record a touch (may move the interview along the life cycle).
import { Command } from 'commander';
import { logTouch } from '../app/touches.js';
import { CHANNELS, PURPOSES, RESPONSES } from '../domain/types.js';
import { actClient, line, textOrStdin } from './command.js';

export function logCommand(): Command {
  const cmd = new Command('log')
    .description('log a touch: an e-mail, call, message or meeting, in either direction')
    .requiredOption('--contact <id>', 'who')
    .option('--interview <id>', "which interview (default: the contact's one open interview)")
    .requiredOption('--purpose <purpose>', PURPOSES.join(' | '))
    .requiredOption('--channel <channel>', CHANNELS.join(' | '))
    .option('--direction <direction>', 'out | in', 'out')
    .option('--response <response>', `for inbound replies: ${RESPONSES.join(' | ')}`)
    .option('--at <time>', 'when (ISO; without an offset, in your time zone); default now')
    .option('--text <text>', 'what was said; - reads standard input')
    .option('--template <id>', 'the template used')
    .option('--objection <text>', 'an objection you heard')
    .option('--answer <text>', 'what you answered to the objection that worked (needs --objection)')
    .option('--planned', 'not sent yet')
    .option('--json', 'print the touch as JSON');
  actClient(cmd, async (client, o) => {
    const body = {
      contactId: o.contact,
      interviewId: o.interview,
      purpose: o.purpose,
      channel: o.channel,
      direction: o.direction,
      response: o.response,
      at: o.at,
      text: await textOrStdin(o.text as string | undefined),
      templateId: o.template,
      objection: o.objection,
      objectionAnswer: o.answer,
      planned: !!o.planned,
    };
    const t = await client.call('post', '/touches', { body }, (ctx) => logTouch(ctx, body));
    return { json: t, text: line(`Logged ${t.direction === 'out' ? 'outbound' : 'inbound'} ${t.purpose} (${t.id}).`) };
  });
  cmd.addHelpText('after', `\nExample:\n  coffeechat log --contact 0190... --purpose request --channel email --text "Hi Maya, ..."`);
  return cmd;
}
