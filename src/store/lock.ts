// One `coffeechat serve` per SQLite file: a lock file holding the server's pid (and, on Linux, when
// that process started). A lock left by a process that no longer runs (killed, crashed) is stale
// and taken over. The start time tells a reused pid from the owner: after a container restarts,
// the pid in the lock often belongs to another process by then (pid 1, the shell), which must not
// keep the server from starting.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { AppError } from '../domain/errors.js';

/** When a process started (clock ticks since boot, from /proc), or '' where that cannot be read. */
function startOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function alive(pid: number, started: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EPERM') return false;
  }
  // The pid runs; it is the lock's owner unless it is known to have started at another time.
  const now = started ? startOf(pid) : '';
  return !now || now === started;
}

/** Takes the serve lock of a database file; returns the function that releases it. */
export function takeServeLock(dbFile: string): () => void {
  const path = `${dbFile}.serve.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid} ${startOf(process.pid)}`.trim());
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim().split(/\s+/)[0] === String(process.pid)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') {
        throw new AppError('internal', `Cannot create the lock file ${path}: ${(e as Error).message}`);
      }
      // An empty file is a lock whose owner died between creating and writing it.
      const [pidText = '', started = ''] = readFileSync(path, 'utf8').trim().split(/\s+/);
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid, started)) {
        throw new AppError(
          'conflict',
          `Another coffeechat server (pid ${pid}) is already serving ${dbFile}. Stop it first, or open the one that runs. (The CLI may still be used alongside it.)`,
          { pid },
        );
      }
      try {
        unlinkSync(path); // stale: its owner is gone
      } catch {
        /* someone else removed it first; try again */
      }
    }
  }
  throw new AppError('conflict', `Could not take the server lock ${path}; try again.`);
}
