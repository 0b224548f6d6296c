// The process the crash harness (bench/crash.ts) kills while it migrates a database. It runs the
// real migrator of src/store/migrate.ts; the harness chooses where it dies:
//   CRASH_KILL_IN=<migration>  CRASH_PHASE=start|end  SIGKILL inside that migration's transaction,
//                                                     before its first statement or after its last;
//   CRASH_KILL_AFTER_MS=<ms>                          SIGKILL after that long, between statements.
// It prints "migrated" only when it was not killed.
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { openDatabase } from '../src/store/index.js';

const die = () => process.kill(process.pid, 'SIGKILL');

const target = process.argv[2];
if (!target) throw new Error('usage: crash-child.ts DATABASE');

const killIn = process.env.CRASH_KILL_IN;
if (killIn) {
  const m = MIGRATIONS[killIn];
  if (!m) throw new Error(`no migration ${killIn}`);
  const phase = process.env.CRASH_PHASE ?? 'end';
  const up = m.up.bind(m);
  MIGRATIONS[killIn] = {
    ...m,
    up: async (db) => {
      if (phase === 'start') die();
      await up(db);
      die();
    },
  };
}
const after = Number(process.env.CRASH_KILL_AFTER_MS ?? NaN);
if (Number.isFinite(after)) setTimeout(die, after);

const open = await openDatabase(target);
await open.close();
process.stdout.write('migrated\n');
process.exit(0);
