// coffeechat db path|migrate, demo, today
import { Command } from 'commander';
import { loadDemo } from '../app/demo.js';
import { today } from '../app/today.js';
import { maskUrl, isPostgresUrl } from '../store/index.js';
import { act, line } from './command.js';
import { dbTarget, fail, printJson, type GlobalOptions } from './runtime.js';

export function dbCommand(): Command {
  const cmd = new Command('db').description('the database');
  cmd
    .command('path')
    .description('where the data lives')
    .option('--json', 'print JSON')
    .action((_o, self: Command) => {
      const opts = self.optsWithGlobals() as GlobalOptions;
      try {
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
  return act(
    new Command('demo').description('fill an empty database with a sample campaign').option('--json', 'print JSON'),
    async ({ ctx }) => {
      const r = await loadDemo(ctx);
      return {
        json: r,
        text: line(`Loaded a sample campaign with ${r.contacts} contacts (${r.campaignId}). Open the app with: coffeechat serve`),
      };
    },
  );
}

export function todayCommand(): Command {
  return act(
    new Command('today').description("what to do today, the next 7 days, and today's meetings").option('--json', 'print JSON'),
    async ({ ctx }) => {
      const t = await today(ctx);
      return {
        json: t,
        text: () => {
          const out = (s: string) => process.stdout.write(s + '\n');
          out(`Today (${t.timezone})`);
          if (!t.actions.length && !t.meetings.length) out('  Nothing due. ');
          for (const m of t.meetings) out(`  meeting  ${m.scheduledAt}  ${m.contactName} (${m.minutes} min)`);
          for (const a of t.actions) out(`  ${a.overdue ? 'OVERDUE ' : ''}${a.kind}  ${a.contactName ?? ''}: ${a.reason}`);
          if (t.upcoming.length) out('Next 7 days');
          for (const a of t.upcoming) out(`  ${a.dueAt.slice(0, 10)}  ${a.kind}  ${a.contactName ?? ''}`);
        },
      };
    },
  );
}
