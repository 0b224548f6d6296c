// The coffeechat command line: global flags with COFFEECHAT_* twins, one command per feature.
import { Command, CommanderError } from 'commander';
import { campaignsCommand } from './campaigns.command.js';
import { contactsCommand } from './contacts.command.js';
import { dedupeCommand } from './dedupe.command.js';
import { exportCommand } from './export.command.js';
import { importCommand } from './import.command.js';
import { interviewsCommand } from './interviews.command.js';
import { introCommand } from './introductions.command.js';
import { dbCommand, demoCommand, todayCommand } from './misc.command.js';
import { actionsCommand } from './actions.command.js';
import { networkCommand } from './network.command.js';
import { notesCommand } from './notes.command.js';
import { outcomeCommand } from './outcome.command.js';
import { rolesCommand } from './roles.command.js';
import { searchCommand } from './search.command.js';
import { serveCommand } from './serve.command.js';
import { settingsCommand } from './settings.command.js';
import { suggestCommand } from './suggest.command.js';
import { targetsCommand } from './targets.command.js';
import { logCommand } from './touches.command.js';
import { draftCommand } from './draft.command.js';
import { lintCommand } from './lint.command.js';
import { sendCommand } from './send.command.js';
import { templatesCommand } from './templates.command.js';
import { questionsCommand } from './questions.command.js';
import { planCommand } from './plan.command.js';
import { calendarCommand, scheduleCommand } from './schedule.command.js';
import { prepCommand } from './prep.command.js';
import { referralCommand } from './referral.command.js';
import { closeCommand } from './close.command.js';
import { briefCommand } from './brief.command.js';
import { insightsCommand } from './insights.command.js';
import { fail } from './runtime.js';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const program = new Command('coffeechat')
  .description('Run an informational-interview campaign: find people, ask, follow through, prepare, talk, thank, keep in touch.')
  .version(VERSION)
  .option('--db <path|url>', 'SQLite file or postgres:// URL (env COFFEECHAT_DB, then DATABASE_URL)')
  .option('--data-dir <dir>', 'where the default database lives (env COFFEECHAT_DATA_DIR)')
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    `
Environment: COFFEECHAT_NOW=2026-03-05T09:00:00Z sets the clock (demos, tests).

Examples:
  coffeechat serve                      open the web app on http://127.0.0.1:5454
  coffeechat demo                       load a sample campaign into an empty database
  coffeechat contacts add --name "Maya Okafor" --email maya@example.org --json
  coffeechat interviews move ID scheduled
  coffeechat --db postgres://user@127.0.0.1/coffeechat contacts list`,
  );

for (const c of [
  serveCommand(VERSION),
  contactsCommand(),
  importCommand(),
  dedupeCommand(),
  exportCommand(),
  campaignsCommand(),
  interviewsCommand(),
  scheduleCommand(),
  calendarCommand(),
  prepCommand(),
  logCommand(),
  templatesCommand(),
  questionsCommand(),
  planCommand(),
  lintCommand(),
  draftCommand(),
  sendCommand(),
  notesCommand(),
  outcomeCommand(),
  referralCommand(),
  closeCommand(),
  briefCommand(),
  insightsCommand(),
  introCommand(),
  networkCommand(),
  rolesCommand(),
  targetsCommand(),
  suggestCommand(),
  searchCommand(),
  settingsCommand(),
  todayCommand(),
  actionsCommand(),
  demoCommand(),
  dbCommand(),
]) {
  program.addCommand(c);
}

// Usage mistakes (unknown flag, missing argument) exit 2, like invalid input.
const exitOverride = (cmd: Command) => {
  cmd.exitOverride((err: CommanderError) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
  cmd.commands.forEach(exitOverride);
};
exitOverride(program);

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  fail(e, process.argv.includes('--json'));
}
