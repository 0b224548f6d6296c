// coffeechat close --interview ID [--no-referrals] [--learned T] [--fit T] [--open T]
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { actClient } from './command.js';

export function closeCommand(): Command {
  const cmd = new Command('close')
    .argument('[id]', 'interview id (or --interview)')
    .description('close a meeting you held: it becomes held, with an optional debrief; thank-you actions follow')
    .option('--interview <id>', 'interview id')
    .option('--no-referrals', 'you asked who else to talk to, and they named no one')
    .option('--learned <text>', 'debrief: what you learned')
    .option('--fit <text>', 'debrief: how it fits you')
    .option('--open <text>', 'debrief: what you still need to know')
    .option('--json', 'print JSON');
  return actClient(cmd, async (client, o, [id]) => {
    const interviewId = (id ?? o.interview) as string | undefined;
    if (!interviewId) throw new AppError('invalid_input', 'Say which interview: coffeechat close --interview ID (or close ID).');
    const debrief = {
      ...(o.learned !== undefined ? { learned: o.learned } : {}),
      ...(o.fit !== undefined ? { fit: o.fit } : {}),
      ...(o.open !== undefined ? { open: o.open } : {}),
    };
    // Commander reads --no-referrals as `referrals: false`.
    const body = { noReferrals: o.referrals === false, ...(Object.keys(debrief).length ? { debrief } : {}) };
    const i = await client.call('post', '/interviews/:id/close', { params: { id: interviewId }, body }, async (ctx) =>
      (await import('../app/close.js')).closeInterview(ctx, interviewId, body),
    );
    return {
      json: i,
      text: () => process.stdout.write(`${i.contactName}: held. Send your thank-you today (coffeechat today shows it).\n`),
    };
  });
}
