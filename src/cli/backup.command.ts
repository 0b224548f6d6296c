// coffeechat backup [--out FILE] [--format sqlite|json], coffeechat restore FILE [--force]
import { createWriteStream } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { Command, Option } from 'commander';
import { AppError } from '../domain/errors.js';
import { act, line } from './command.js';

export function backupCommand(): Command {
  const cmd = new Command('backup')
    .description('back up your data: an online copy of the embedded database, or the JSON backup (PostgreSQL, or --format json)')
    .option('--out <file>', 'where to write it (default: the backups folder beside the database; the JSON backup goes to stdout)')
    .addOption(
      new Option(
        '--format <format>',
        'sqlite (default on SQLite) or json (default on PostgreSQL, or for an --out ending in .json)',
      ).choices(['sqlite', 'json']),
    )
    .option('--json', 'print JSON');
  return act(cmd, async ({ ctx, db }, o) => {
    const out = o.out as string | undefined;
    const format =
      (o.format as string | undefined) ?? (db.dialect === 'postgres' || out?.toLowerCase().endsWith('.json') ? 'json' : 'sqlite');
    if (format === 'sqlite') {
      const { backupSqlite } = await import('../app/backup.js');
      const made = await backupSqlite(ctx, out);
      return { json: { ...made, format }, text: line(`Backed up ${db.where} to ${made.file} (${size(made.bytes)}).`) };
    }
    const { exportContacts } = await import('../app/export.js');
    const chunks = exportContacts(ctx, { format: 'json' });
    if (!out) {
      for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      return;
    }
    // Written under a temporary name and renamed, so a failed backup never looks like a good one.
    const partial = `${out}.partial`;
    const file = createWriteStream(partial, { flags: 'wx' });
    try {
      await once(file, 'open');
      for await (const chunk of chunks) if (!file.write(chunk)) await once(file, 'drain');
      file.end();
      await once(file, 'finish');
      await rename(partial, out);
    } catch (e) {
      file.destroy();
      await unlink(partial).catch(() => undefined);
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EEXIST')
        throw new AppError('conflict', `${partial} exists (another backup running?); remove it or choose another --out.`);
      if (err.code) throw new AppError('internal', `Cannot write ${out}: ${err.message}`);
      throw e;
    }
    return { json: { file: out, format }, text: line(`Wrote the JSON backup of your data to ${out}.`) };
  });
}

export function restoreCommand(): Command {
  const cmd = new Command('restore')
    .argument('<file>', 'a backup made by `coffeechat backup` (SQLite or JSON) or `export json`')
    .description('put a backup back into an empty database (--force replaces the data there, after copying it aside on SQLite)')
    .option('--force', 'replace the data this database holds for you')
    .option('--json', 'print JSON');
  return act(cmd, async ({ ctx }, o, [path]) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path!);
    } catch (e) {
      throw new AppError(
        'invalid_input',
        `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`,
      );
    }
    const { backupBeforeRestore, restoreBackup } = await import('../app/backup.js');
    const force = !!o.force;
    const before = force ? await backupBeforeRestore(ctx) : null;
    const report = await restoreBackup(ctx, bytes, { force });
    const total = Object.values(report.restored).reduce((a, b) => a + b, 0);
    return {
      json: { ...report, previous: before?.file ?? null },
      text: () => {
        const counts = Object.entries(report.restored).map(([t, n]) => `${t} ${n}`);
        process.stdout.write(`Restored ${total} rows from ${path}${counts.length ? ` (${counts.join(', ')})` : ''}.\n`);
        for (const [t, n] of Object.entries(report.skipped))
          process.stdout.write(`Left out ${n} ${t.replace('campaign_', '')} naming accounts this database does not have.\n`);
        if (before) process.stdout.write(`The data it replaced was copied to ${before.file}.\n`);
      },
    };
  });
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
