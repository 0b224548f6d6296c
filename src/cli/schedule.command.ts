// coffeechat schedule [ID] --at TIME …   and   coffeechat calendar [--interview ID] [--out FILE]
// and   coffeechat calendar url [--rotate | --revoke]   (the private feed address)
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { MEETING_MODES } from '../domain/types.js';
import { act } from './command.js';

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
  return act(cmd, async ({ ctx }, o, [id]) => {
    const interviewId = (id ?? o.interview) as string | undefined;
    if (!interviewId) throw new AppError('invalid_input', 'Say which interview: coffeechat schedule ID --at TIME (or --interview ID).');
    const { scheduleInterview } = await import('../app/schedule.js');
    const i = await scheduleInterview(ctx, interviewId, {
      at: o.at,
      ...(o.tz !== undefined ? { timezone: o.tz } : {}),
      ...(o.minutes !== undefined ? { minutes: o.minutes } : {}),
      ...(o.mode !== undefined ? { mode: o.mode } : {}),
      ...(o.place !== undefined ? { place: o.place } : {}),
      ...(o.link !== undefined ? { link: o.link } : {}),
    });
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
  return act(cmd, async ({ ctx }, o) => {
    const { calendarIcs } = await import('../app/schedule.js'); // the ICS writer loads only for this command
    const text = await calendarIcs(ctx, o.interview ? { interviewId: o.interview } : {});
    if (o.out) {
      await writeFile(o.out as string, text);
      process.stderr.write(`Wrote ${o.out as string}.\n`);
    } else process.stdout.write(text);
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
  return act(cmd, async ({ ctx }, o) => {
    if (o.rotate && o.revoke) throw new AppError('invalid_input', 'Choose one: --rotate makes a new address, --revoke deletes it.');
    const feed = await import('../app/calendar-feed.js');
    if (o.revoke) {
      const revoked = await feed.revokeFeed(ctx);
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
    const base = feed.feedBaseUrl({
      baseUrl: (o.baseUrl as string | undefined) ?? env.COFFEECHAT_BASE_URL,
      port: (o.port as string | undefined) ?? env.COFFEECHAT_PORT,
    });
    const view = o.rotate ? await feed.rotateFeed(ctx, base) : await feed.ensureFeed(ctx, base);
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
