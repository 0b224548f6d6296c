// coffeechat schedule [ID] --at TIME …   and   coffeechat calendar [--interview ID] [--out FILE]
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
    .description('write your scheduled meetings as an iCalendar (.ics) file (stdout unless --out)')
    .option('--interview <id>', 'only this interview')
    .option('--out <file>', 'write to this file');
  return act(cmd, async ({ ctx }, o) => {
    const { calendarIcs } = await import('../app/schedule.js'); // the ICS writer loads only for this command
    const text = await calendarIcs(ctx, o.interview ? { interviewId: o.interview } : {});
    if (o.out) {
      await writeFile(o.out as string, text);
      process.stderr.write(`Wrote ${o.out as string}.\n`);
    } else process.stdout.write(text);
  });
}
