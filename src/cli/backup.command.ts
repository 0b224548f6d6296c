// coffeechat backup [--out FILE] [--format sqlite|json], coffeechat restore FILE [--force]
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { Command, Option } from 'commander';
import { AppError } from '../domain/errors.js';
import type { RestoreReport } from '../app/backup.js';
import { actClient, line } from './command.js';
import type { Session } from './runtime.js';

export function backupCommand(): Command {
  const cmd = new Command('backup')
    .description(
      'back up your data: an online copy of the embedded database, or the JSON backup (PostgreSQL, --format json, or through --server)',
    )
    .option('--out <file>', 'where to write it (default: the backups folder beside the database; the JSON backup goes to stdout)')
    .addOption(
      new Option(
        '--format <format>',
        'sqlite (default on SQLite) or json (default on PostgreSQL, or for an --out ending in .json)',
      ).choices(['sqlite', 'json']),
    )
    .option('--json', 'print JSON');
  return actClient(cmd, async (client, o) => {
    const out = o.out as string | undefined;
    if (client.remote) {
      // Through a server, your data comes down as the JSON backup; the server's own files stay its operator's.
      if (o.format === 'sqlite')
        throw new AppError(
          'invalid_input',
          'Through --server a backup is the JSON backup of your data (--format json); a SQLite copy is made on the machine that holds the database.',
        );
      await writeAtomically(
        await client.download('/export', { query: { format: 'json' } }, () => Promise.reject(new Error('remote only'))),
        out,
      );
      return out ? { json: { file: out, format: 'json' }, text: line(`Wrote the JSON backup of your data to ${out}.`) } : undefined;
    }
    const { ctx, db } = client as Session;
    const format =
      (o.format as string | undefined) ?? (db.dialect === 'postgres' || out?.toLowerCase().endsWith('.json') ? 'json' : 'sqlite');
    if (format === 'sqlite') {
      const { backupSqlite } = await import('../app/backup.js');
      const made = await backupSqlite(ctx, out);
      return { json: { ...made, format }, text: line(`Backed up ${db.where} to ${made.file} (${size(made.bytes)}).`) };
    }
    const { exportContacts } = await import('../app/export.js');
    // Every page is read once: not through SQLite's memory map (store/backup.store.ts, unmapped).
    await ctx.store.backup.unmapped(() => writeAtomically(exportContacts(ctx, { format: 'json' }), out));
    return out ? { json: { file: out, format }, text: line(`Wrote the JSON backup of your data to ${out}.`) } : undefined;
  });
}

/** Writes the JSON backup to stdout, or to `out` under a temporary name renamed when complete, so a failed backup never looks like a good one. */
async function writeAtomically(chunks: AsyncIterable<string | Uint8Array>, out: string | undefined): Promise<void> {
  if (!out) {
    for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    return;
  }
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
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST')
      throw new AppError('conflict', `${partial} exists (another backup running?); remove it or choose another --out.`);
    await unlink(partial).catch(() => undefined);
    if (err.code) throw new AppError('internal', `Cannot write ${out}: ${err.message}`);
    throw e;
  }
}

export function restoreCommand(): Command {
  const cmd = new Command('restore')
    .argument('<file>', 'a backup made by `coffeechat backup` (SQLite or JSON) or `export json`')
    .description(
      'put a backup back into an empty database (--force replaces the data there, after copying it aside on SQLite); through --server, a JSON backup',
    )
    .option('--force', 'replace the data this database holds for you')
    .option('--json', 'print JSON');
  return actClient(cmd, async (client, o, [path]) => {
    const force = !!o.force;
    // Checked first, so a mistyped name changes nothing (and nothing is copied aside or sent).
    const head = await readHead(path!);
    let before: { file: string } | null = null;
    let report: RestoreReport;
    if (client.remote) {
      if (head === SQLITE_MAGIC)
        throw new AppError(
          'invalid_input',
          'Through --server the restore takes the JSON backup (`coffeechat backup --format json`); restore a SQLite backup where the database is.',
        );
      // The file is the request body, streamed; the server keeps its own size limit.
      report = await client.call('post', '/restore', { query: force ? { force: 'true' } : {}, body: createReadStream(path!) }, () =>
        Promise.reject(new Error('remote only')),
      );
    } else {
      const { ctx } = client as Session;
      const { backupBeforeRestore, restoreBackup } = await import('../app/backup.js');
      before = force ? await backupBeforeRestore(ctx) : null;
      // The file is read as a stream: a large backup never sits in memory whole.
      report = await restoreBackup(ctx, { file: path! }, { force });
    }
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

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The first bytes of the file to restore, or a clear error when it cannot be read. */
async function readHead(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(16);
      const { bytesRead } = await handle.read(buf, 0, 16, 0);
      return buf.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new AppError(
      'invalid_input',
      `Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a folder' : err.message}.`,
    );
  }
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
