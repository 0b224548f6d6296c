// The coffeechat command line: global flags with COFFEECHAT_* twins, one command per feature.
import { Command, CommanderError } from 'commander';
import { fail } from './runtime.js';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const program = new Command('coffeechat')
  .description('Run an informational-interview campaign: find people, ask, follow through, prepare, talk, thank, keep in touch.')
  .version(VERSION)
  .option('--db <path|url>', 'SQLite file or postgres:// URL (env COFFEECHAT_DB, then DATABASE_URL)')
  .option('--data-dir <dir>', 'where the default database lives (env COFFEECHAT_DATA_DIR)')
  .option('--user <email>', 'act for this account (server mode; whoever holds the database URL may) instead of the local owner')
  .option('--server <url>', 'run on this coffeechat server through its API instead of a database (env COFFEECHAT_SERVER)')
  .option('--token <token>', 'API token for --server, made on the Account page (env COFFEECHAT_TOKEN)')
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

// Every command, by name, in the order `--help` lists them. A command's module (and what it
// imports) is loaded only when that command runs: loading all of them cost more than most commands'
// work (the cold start in `npm run bench`). A new command is one line here.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.command.js')).serveCommand(VERSION),
  contacts: async () => (await import('./contacts.command.js')).contactsCommand(),
  import: async () => (await import('./import.command.js')).importCommand(),
  dedupe: async () => (await import('./dedupe.command.js')).dedupeCommand(),
  export: async () => (await import('./export.command.js')).exportCommand(),
  backup: async () => (await import('./backup.command.js')).backupCommand(),
  restore: async () => (await import('./backup.command.js')).restoreCommand(),
  campaigns: async () => (await import('./campaigns.command.js')).campaignsCommand(),
  interviews: async () => (await import('./interviews.command.js')).interviewsCommand(),
  schedule: async () => (await import('./schedule.command.js')).scheduleCommand(),
  calendar: async () => (await import('./schedule.command.js')).calendarCommand(),
  prep: async () => (await import('./prep.command.js')).prepCommand(),
  log: async () => (await import('./touches.command.js')).logCommand(),
  templates: async () => (await import('./templates.command.js')).templatesCommand(),
  questions: async () => (await import('./questions.command.js')).questionsCommand(),
  plan: async () => (await import('./plan.command.js')).planCommand(),
  lint: async () => (await import('./lint.command.js')).lintCommand(),
  draft: async () => (await import('./draft.command.js')).draftCommand(),
  send: async () => (await import('./send.command.js')).sendCommand(),
  notes: async () => (await import('./notes.command.js')).notesCommand(),
  outcome: async () => (await import('./outcome.command.js')).outcomeCommand(),
  referral: async () => (await import('./referral.command.js')).referralCommand(),
  close: async () => (await import('./close.command.js')).closeCommand(),
  brief: async () => (await import('./brief.command.js')).briefCommand(),
  insights: async () => (await import('./insights.command.js')).insightsCommand(),
  share: async () => (await import('./share.command.js')).shareCommand(),
  cohort: async () => (await import('./share.command.js')).cohortCommand(),
  users: async () => (await import('./users.command.js')).usersCommand(),
  tokens: async () => (await import('./tokens.command.js')).tokensCommand(),
  intro: async () => (await import('./introductions.command.js')).introCommand(),
  network: async () => (await import('./network.command.js')).networkCommand(),
  roles: async () => (await import('./roles.command.js')).rolesCommand(),
  targets: async () => (await import('./targets.command.js')).targetsCommand(),
  suggest: async () => (await import('./suggest.command.js')).suggestCommand(),
  search: async () => (await import('./search.command.js')).searchCommand(),
  settings: async () => (await import('./settings.command.js')).settingsCommand(),
  today: async () => (await import('./misc.command.js')).todayCommand(),
  actions: async () => (await import('./actions.command.js')).actionsCommand(),
  demo: async () => (await import('./misc.command.js')).demoCommand(),
  db: async () => (await import('./misc.command.js')).dbCommand(),
};

// The command being run; anything else (--help, `help`, a typo, none) loads them all, so the
// overview, `help <command>` and "did you mean" stay exactly what commander makes of the full set.
const named = commandName(program, process.argv.slice(2));
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const [i, cmd] of (await Promise.all(wanted.map((name) => COMMANDS[name]!()))).entries()) {
  // A key unlike its command's name would only load when every command does: say so at once.
  if (cmd.name() !== wanted[i]) throw new Error(`src/cli/main.ts: COMMANDS.${wanted[i]} makes the command "${cmd.name()}".`);
  program.addCommand(cmd);
}

/** The first word of `args` that is not a global option or an option's value. */
function commandName(cmd: Command, args: string[]): string | undefined {
  // Global options that take a value (--db PATH): their value is not the command.
  const withValue = new Set(cmd.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (!a.startsWith('-')) return a;
    if (withValue.has(a)) i++;
  }
  return undefined;
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
