// coffeechat schedule [ID] --at TIME …   and   coffeechat calendar [--interview ID] [--out FILE]
// and   coffeechat calendar url [--rotate | --revoke]   (the private feed address)
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { MEETING_MODES } from '../domain/types.js';
import { actClient, writeChunks } from './command.js';

export function scheduleCommand(): Command {
  const cmd = new Command('schedule')
    .argument('[id]', 'interview id (or --interview)')
    .description('set the date, time, length and place of an interview; it becomes scheduled')
    .option('--interview <id>', 'interview id')
    .requiredOption('--at <time>', 'when, e.g. "2026-03-10 14:00" (read in your time zone unless it has an offset)')
    .option('--tz <zone>', 'IANA time zone of the meeting (default: your timezone setting)')
    .option('--minutes <n>', 'length in minutes, 5-180 (default 20; over 30 gets a warning)')
    .option('--mode <mode>', MEETING_MODES.join(' | '))
    .option('--place <text>', 'where you meet')
    .option('--link <url>', 'video call address')
    .option('--json', 'print JSON');
  return actClient(cmd, async (client, o, [id]) => {
    const interviewId = (id ?? o.interview) as string | undefined;
    if (!interviewId) throw new AppError('invalid_input', 'Say which interview: coffeechat schedule ID --at TIME (or --interview ID).');
    const body = {
      at: o.at,
      ...(o.tz !== undefined ? { timezone: o.tz } : {}),
      ...(o.minutes !== undefined ? { minutes: o.minutes } : {}),
      ...(o.mode !== undefined ? { mode: o.mode } : {}),
      ...(o.place !== undefined ? { place: o.place } : {}),
      ...(o.link !== undefined ? { link: o.link } : {}),
    };
    const i = await client.call('post', '/interviews/:id/schedule', { params: { id: interviewId }, body }, async (ctx) =>
      (await import('../app/schedule.js')).scheduleInterview(ctx, interviewId, body),
    );
    return {
      json: i,
      text: () => {
        const where = [i.mode, i.place, i.link].filter(Boolean).join(', ');
        process.stdout.write(`${i.contactName}: scheduled for ${i.localTime}, ${i.minutes} minutes${where ? ` (${where})` : ''}.\n`);
        if (i.warning) process.stderr.write(`Warning: ${i.warning}\n`);
      },
    };
  });
}

export function calendarCommand(): Command {
  const cmd = new Command('calendar')
    .description(
      'write your scheduled meetings as an iCalendar (.ics) file (stdout unless --out); `calendar url` prints your private feed address',
    )
    .option('--interview <id>', 'only this interview')
    .option('--out <file>', 'write to this file');
  cmd.addCommand(calendarUrlCommand());
  return actClient(cmd, async (client, o) => {
    const interviewId = o.interview as string | undefined;
    const file = await client.download(
      interviewId ? '/interviews/:id/calendar.ics' : '/calendar.ics',
      { params: { id: interviewId ?? '' } },
      async (ctx) =>
        // the ICS writer loads only for this command
        (await import('../app/schedule.js')).calendarIcs(ctx, interviewId ? { interviewId } : {}),
    );
    await writeChunks(file, o.out as string | undefined);
  });
}

function calendarUrlCommand(): Command {
  const cmd = new Command('url')
    .description('print the private address calendar apps subscribe to (made on first use)')
    .option('--rotate', 'make a new address; the old one stops working')
    .option('--revoke', 'delete the address; it answers "not found" from now on')
    .option('--port <port>', 'the port `serve` listens on (env COFFEECHAT_PORT; default 5454)')
    .option('--base-url <url>', 'the public address of the server (env COFFEECHAT_BASE_URL)')
    .option('--json', 'print JSON');
  return actClient(cmd, async (client, o) => {
    if (o.rotate && o.revoke) throw new AppError('invalid_input', 'Choose one: --rotate makes a new address, --revoke deletes it.');
    const feed = () => import('../app/calendar-feed.js');
    if (client.remote && (o.baseUrl !== undefined || o.port !== undefined))
      throw new AppError(
        'invalid_input',
        'Through --server the address starts at the server (its --base-url); drop --base-url and --port.',
      );
    const revoke = async (): Promise<boolean> => {
      if (!client.remote) return client.call('delete', '/calendar/feed', {}, async (ctx) => (await feed()).revokeFeed(ctx));
      // The route answers 204 either way, so whether there was an address is read first.
      const { url } = await client.call('get', '/calendar/feed', {}, async (ctx) => (await feed()).getFeed(ctx, ''));
      if (url) await client.call('delete', '/calendar/feed', {}, async (ctx) => (await feed()).revokeFeed(ctx));
      return url !== null;
    };
    if (o.revoke) {
      const revoked = await revoke();
      return {
        json: { revoked },
        text: () => {
          process.stdout.write(
            revoked
              ? 'Revoked: the calendar feed address no longer works. `coffeechat calendar url` makes a new one.\n'
              : 'There was no calendar feed address to revoke.\n',
          );
        },
      };
    }
    const env = process.env;
    const base = async () =>
      (await feed()).feedBaseUrl({
        baseUrl: (o.baseUrl as string | undefined) ?? env.COFFEECHAT_BASE_URL,
        port: (o.port as string | undefined) ?? env.COFFEECHAT_PORT,
      });
    const rotate = () => client.call('post', '/calendar/feed/rotate', {}, async (ctx) => (await feed()).rotateFeed(ctx, await base()));
    // Made on first use: locally in one transaction (ensureFeed), remotely by asking, then rotating when there is none.
    const ensure = async () => {
      const found = await client.call('get', '/calendar/feed', {}, async (ctx) => (await feed()).ensureFeed(ctx, await base()));
      return found.url ? found : rotate();
    };
    const view = o.rotate ? await rotate() : await ensure();
    return {
      json: view,
      text: () => {
        process.stdout.write(`${view.url}\n`);
        process.stderr.write(
          (o.rotate ? 'A new address; the old one no longer works.\n' : '') +
            'Calendar apps on this computer can subscribe to it while `coffeechat serve` runs. Cloud calendars ' +
            '(Google, Outlook.com, iCloud) need a public base URL, which comes with server mode.\n',
        );
      },
    };
  });
}
