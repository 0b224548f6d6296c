// One `coffeechat serve` per SQLite file: a lock file holding the server's pid. A lock left by a
// process that no longer runs (killed, crashed) is stale and taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { AppError } from '../domain/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Takes the serve lock of a database file; returns the function that releases it. */
export function takeServeLock(dbFile: string): () => void {
  const path = `${dbFile}.serve.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') {
        throw new AppError('internal', `Cannot create the lock file ${path}: ${(e as Error).message}`);
      }
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
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
