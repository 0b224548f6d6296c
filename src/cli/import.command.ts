// coffeechat import FILE — contacts from LinkedIn, Google, Outlook, vCard or a CSV.
import { createReadStream, statSync } from 'node:fs';
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { CONTACT_FORMATS } from '../formats/contact-record.js';
import { actClient } from './command.js';
import { noProgress, progressBar } from './progress.js';

export function importCommand(): Command {
  const cmd = new Command('import')
    .argument('<file>', "the file: Connections.csv (or LinkedIn's ZIP), a Google or Outlook CSV, a .vcf, or any CSV with a header")
    .description('import contacts; all or nothing, and re-importing the same file changes nothing')
    .option('--format <format>', `auto | ${CONTACT_FORMATS.join(' | ')}`, 'auto')
    .option('--dry-run', 'show what would happen, change nothing')
    .option('--strict', 'import nothing if any row has a problem')
    .option('--max-size <MB>', 'largest file accepted, in MB (default 50)')
    .option('--json', 'print the report as JSON');
  actClient(cmd, async (client, o, [file]) => {
    try {
      if (!statSync(file!).isFile()) throw new Error('not a file');
    } catch (e) {
      throw new AppError(
        'invalid_input',
        `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`,
      );
    }
    const maxMb = o.maxSize === undefined ? 50 : Number(o.maxSize);
    if (!Number.isFinite(maxMb) || maxMb <= 0)
      throw new AppError('invalid_input', `--max-size must be a number of megabytes (got "${String(o.maxSize)}").`);
    // A bar on a terminal only; scripts and pipes get just the report.
    const watched = process.stdout.isTTY && process.stderr.isTTY && !o.json;
    const progress = watched ? progressBar(statSync(file!).size, (s) => process.stderr.write(s)) : noProgress;
    // The readers and the matcher are large: loaded only when importing, not for every command.
    const options = { format: o.format as string, dryRun: !!o.dryRun, strict: !!o.strict };
    // Through --server the file is the request body and the server's own size limit applies.
    const report = await client
      .call('post', '/import', { query: options, body: client.remote ? progress.track(createReadStream(file!)) : undefined }, async (ctx) =>
        (await import('../app/import.js')).importContacts(ctx, progress.track(createReadStream(file!)), options, progress.row, {
          maxBytes: Math.round(maxMb * 1024 * 1024),
        }),
      )
      .finally(() => progress.done())
      .catch((e: unknown) => {
        // The readers do not know the file's name; the message should say which file failed.
        if (e instanceof AppError && e.code !== 'invalid_input') throw new AppError(e.code, `${file}: ${e.message}`, e.details);
        throw e;
      });
    return {
      json: report,
      text: () => {
        const out = (s: string) => process.stdout.write(s + '\n');
        out(`${report.dryRun ? 'Dry run (nothing written): ' : ''}${file} read as ${report.format}: ${report.rows} rows.`);
        out(
          `  created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, merged ${report.merged}, skipped ${report.skipped}`,
        );
        for (const e of report.errors.slice(0, 20)) out(`  line ${e.line}: ${e.message}`);
        if (report.errors.length > 20) out(`  … and ${report.errors.length - 20} more (see --json)`);
      },
    };
  });
  cmd.addHelpText(
    'after',
    '\nExamples:\n  coffeechat import ~/Downloads/Connections.csv --dry-run\n  coffeechat import contacts.vcf --json',
  );
  return cmd;
}
