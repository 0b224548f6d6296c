// coffeechat db path|migrate, demo, today
import { Command } from 'commander';
import { today, type Today } from '../app/today.js';
import { draftCommandLine } from '../domain/action-drafts.js';
import type { Action, ActionKind } from '../domain/types.js';
import { maskUrl, isPostgresUrl } from '../store/index.js';
import { act, actClient, line } from './command.js';
import { dbTarget, fail, printJson, refuseRemote, type GlobalOptions } from './runtime.js';

export function dbCommand(): Command {
  const cmd = new Command('db').description('the database');
  cmd
    .command('path')
    .description('where the data lives')
    .option('--json', 'print JSON')
    .action((_o, self: Command) => {
      const opts = self.optsWithGlobals() as GlobalOptions;
      try {
        refuseRemote(opts, 'db path');
        const { target } = dbTarget(opts);
        const where = isPostgresUrl(target) ? maskUrl(target) : target;
        if (opts.json) printJson({ db: where, dialect: isPostgresUrl(target) ? 'postgres' : 'sqlite' });
        else process.stdout.write(where + '\n');
      } catch (e) {
        fail(e, !!opts.json);
      }
    });
  // Opening a session migrates; this command only says so.
  act(cmd.command('migrate').description('bring the database schema up to date').option('--json', 'print JSON'), async ({ db }) => ({
    json: { db: db.where, dialect: db.dialect, upToDate: true },
    text: line(`${db.where}: schema up to date.`),
  }));
  return cmd;
}

export function demoCommand(): Command {
  return actClient(
    new Command('demo').description('fill an empty database with a sample campaign').option('--json', 'print JSON'),
    async (client) => {
      // The demo reaches most of the app (prep, schedule, lint); `today`, in this same module, must not.
      const r = await client.call('post', '/demo', {}, async (ctx) => (await import('../app/demo.js')).loadDemo(ctx));
      return {
        json: r,
        text: line(`Loaded a sample campaign with ${r.contacts} contacts (${r.campaignId}). Open the app with: coffeechat serve`),
      };
    },
  );
}

export function todayCommand(): Command {
  return actClient(
    new Command('today')
      .description("what to do today, the next 7 days, and today's meetings")
      .option('--limit <n>', 'at most this many actions in each list (default 50, up to 1000); the counts count them all')
      .option('--json', 'print JSON'),
    async (client, opts) => {
      const query = { limit: opts.limit };
      const t = await client.call('get', '/today', { query }, (ctx) => today(ctx, query));
      return {
        json: t,
        text: () => printToday(t),
      };
    },
  );
}

/** Today for a person: grouped by urgency, each group with its count. */
function printToday(t: Today): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  const local = (iso: string, withDate: boolean) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: t.timezone,
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  const item = (a: Action, withDate: boolean) => {
    out(`  ${local(a.dueAt, withDate)}  ${ACTION_LABEL[a.kind]}${a.contactName ? ` — ${a.contactName}` : ''}  [${a.id}]`);
    out(`      ${a.reason}`);
    if (a.draft) out(`      Draft it: ${draftCommandLine(a.draft)}`);
  };
  const c = t.counts;
  out(
    `Today, ${local(t.now, true)} (${t.timezone}): ${c.overdue} overdue, ${c.dueToday} due today, ${c.upcoming} in the next 7 days, ${c.meetings} meeting${c.meetings === 1 ? '' : 's'}.`,
  );
  const overdue = t.actions.filter((a) => a.overdue);
  const dueToday = t.actions.filter((a) => !a.overdue);
  if (overdue.length) out(`\nOverdue (${c.overdue})`);
  for (const a of overdue) item(a, true);
  if (dueToday.length) out(`\nDue today (${c.dueToday})`);
  for (const a of dueToday) item(a, local(a.dueAt, true).slice(0, -7) !== local(t.now, true).slice(0, -7));
  if (t.more.actions) out(`  … and ${t.more.actions} more: coffeechat today --limit ${c.overdue + c.dueToday}`);
  if (t.upcoming.length) out(`\nNext 7 days (${c.upcoming})`);
  for (const a of t.upcoming) item(a, true);
  if (t.more.upcoming) out(`  … and ${t.more.upcoming} more: coffeechat today --limit ${c.upcoming}`);
  if (t.meetings.length) out(`\nMeetings today (${t.meetings.length})`);
  for (const m of t.meetings)
    out(`  ${m.scheduledAt ? local(m.scheduledAt, false) : '     '}  ${m.contactName} (${m.minutes} min${m.place ? `, ${m.place}` : ''})`);
  if (!t.actions.length && !t.meetings.length) {
    out('\nNothing due today. Find whom to ask next: coffeechat suggest --campaign ID');
  }
  if (t.actions.length) out('\nMark one done with: coffeechat actions done ID (or snooze ID --until TIME, dismiss ID)');
}

const ACTION_LABEL: Record<ActionKind, string> = {
  'ask-second-person': 'Ask a second person',
  'follow-up': 'Follow up',
  'move-on': 'Move on',
  schedule: 'Schedule the meeting',
  prepare: 'Prepare',
  'send-thank-you': 'Send a thank-you',
  'thank-introducer': 'Thank the introducer',
  'send-update': 'Send an update',
  'ask-introduction': 'Ask for an introduction',
};
