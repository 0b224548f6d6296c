// coffeechat lint [FILE|-]: the do's and don'ts for a draft or a question plan. Prints where each
// finding is (line:column with the span underlined) and why; exits 1 when any finding is an error.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { lintText, needsStore } from '../app/lint.js';
import { AppError } from '../domain/errors.js';
import type { LintFinding, LintResult } from '../domain/lint/index.js';
import { textOrStdin } from './command.js';
import { fail, printJson, withClient, type GlobalOptions } from './runtime.js';

export function lintCommand(): Command {
  return new Command('lint')
    .description("check a message or a question plan (one question per line) against the do's and don'ts")
    .argument('[file]', 'the text to check; - or nothing reads standard input')
    .option('--purpose <purpose>', 'request | intro-request | follow-up | thank-you | update | thank-introducer | questions', 'request')
    .option('--channel <channel>', 'email | phone | linkedin', 'email')
    .option('--contact <id>', "the contact it is written to (checks their introducers' permissions)")
    .option('--interview <id>', 'the interview it belongs to (its contact, and its minutes for a question plan)')
    .option('--json', 'print { wordCount, findings } as JSON')
    .addHelpText(
      'after',
      `
Exit status: 0 when nothing breaks a rule, 1 when a finding is an error, 2 for bad input.

Examples:
  coffeechat lint draft.txt --contact 0199…
  coffeechat lint plan.txt --purpose questions --interview 0199…
  pbpaste | coffeechat lint - --channel linkedin --json`,
    )
    .action(async (file: string | undefined, _o: unknown, self: Command) => {
      const opts = self.optsWithGlobals() as GlobalOptions & Record<string, string | boolean | undefined>;
      try {
        const text = await readText(file);
        const input = {
          text,
          purpose: opts.purpose,
          channel: opts.channel,
          contactId: opts.contact,
          interviewId: opts.interview,
        };
        // Only a check naming a contact or interview needs the data (locally, the database is then opened).
        const result =
          needsStore(input) || opts.server || process.env.COFFEECHAT_SERVER
            ? await withClient(opts, (c) => c.call('post', '/lint', { body: input }, (ctx) => lintText(ctx, input)))
            : await lintText(null, input);
        if (opts.json) printJson(result);
        else printHuman(text, file && file !== '-' ? file : '<stdin>', result);
        if (result.findings.some((f) => f.severity === 'error')) process.exitCode = 1;
      } catch (e) {
        fail(e, !!opts.json);
      }
    });
}

async function readText(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') return (await textOrStdin('-')) ?? '';
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new AppError(
      'invalid_input',
      `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
}

/** 1-based line and column (in UTF-16 units, as the spans are) of an index. */
function position(text: string, at: number): { line: number; column: number; lineStart: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1, lineStart };
}

function printHuman(text: string, name: string, r: LintResult): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  for (const f of r.findings) {
    out(`${where(text, name, f)}: ${f.severity} ${f.rule}`);
    if (!(f.start === 0 && f.end === text.length)) for (const l of underline(text, f)) out(`  ${l}`);
    out(`  ${f.message}`);
    if (f.fix) out(`  Try: ${f.fix}`);
    out('');
  }
  const count = (s: LintFinding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const [e, w, i] = [count('error'), count('warning'), count('info')];
  out(
    r.findings.length === 0
      ? `${name}: no findings (${r.wordCount} words).`
      : `${name}: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} note${i === 1 ? '' : 's'} (${r.wordCount} words).`,
  );
}

function where(text: string, name: string, f: LintFinding): string {
  if (f.start === 0 && f.end === text.length) return `${name} (whole text)`;
  const p = position(text, f.start);
  return `${name}:${p.line}:${p.column}`;
}

/** The line the finding starts on, and carets under its span (up to the end of that line). */
function underline(text: string, f: LintFinding): string[] {
  const { lineStart } = position(text, f.start);
  const nl = text.indexOf('\n', lineStart);
  const lineEnd = nl < 0 ? text.length : nl;
  let from = lineStart;
  let to = lineEnd;
  // Long lines: show the span with some context around it.
  if (to - from > 140) {
    from = Math.max(lineStart, f.start - 40);
    to = Math.min(lineEnd, Math.max(f.end, f.start + 1) + 40, from + 140);
  }
  const shown = text.slice(from, to).replace(/\t/g, ' ');
  const lead = from > lineStart ? '…' : '';
  const tail = to < lineEnd ? '…' : '';
  const width = Math.max(1, Math.min(f.end, to) - f.start);
  return [`${lead}${shown}${tail}`, ' '.repeat(lead.length + f.start - from) + '^'.repeat(width)];
}
