// coffeechat prep --interview ID [--format md|html|pdf] [--out FILE]   (the sheet, Markdown by default)
// coffeechat prep --interview ID --check role,news --objective TEXT --talking-point why-field=TEXT …
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { collect, actClient, textOrStdin, writeChunks } from './command.js';

const CHECK_IDS = ['role', 'news', 'public'] as const;
const FORMATS = ['md', 'html', 'pdf'] as const;

const bad = (field: string, message: string) =>
  new AppError('invalid_input', `Invalid input: ${field}: ${message}`, { fields: [{ field, message }] });

function checkIds(value: string | undefined, flag: string): string[] {
  if (value === undefined) return [];
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !(CHECK_IDS as readonly string[]).includes(id));
  if (unknown.length || ids.length === 0) throw bad(flag, `use a comma-separated list of ${CHECK_IDS.join(', ')} (got "${value}")`);
  return ids;
}

/** `why-field=I have…` or `prep-why-field=I have…` → ['prep-why-field', 'I have…']. */
function talkingPoint(value: string): [string, string] {
  const at = value.indexOf('=');
  if (at <= 0) throw bad('talking-point', `write it as PROMPT=TEXT, e.g. why-field="I have volunteered…" (got "${value}")`);
  const id = value.slice(0, at).trim();
  return [id.startsWith('prep-') ? id : `prep-${id}`, value.slice(at + 1)];
}

export function prepCommand(): Command {
  const cmd = new Command('prep')
    .argument('[id]', 'interview id (or --interview)')
    .description('show, export or fill in the prep sheet of an interview (Markdown on stdout by default)')
    .option('--interview <id>', 'interview id')
    .option('--format <format>', FORMATS.join(' | '), 'md')
    .option('--out <file>', 'write the sheet to this file (needed for pdf unless stdout is a pipe)')
    .option('--check <items>', `mark research done: ${CHECK_IDS.join(',')}`)
    .option('--uncheck <items>', 'mark research not done')
    .option('--notes <text>', 'research notes, replacing the stored ones ("-" reads stdin)')
    .option('--objective <text>', 'add an objective for this meeting (repeatable)', collect)
    .option('--clear-objectives', 'remove the stored objectives first')
    .option('--talking-point <prompt=text>', 'answer a preparation prompt: about-me, why-field, why-role, why-org (repeatable)', collect)
    .option('--minutes-spent <n>', 'minutes spent preparing so far')
    .option('--json', 'print the sheet as JSON')
    .addHelpText(
      'after',
      `
The checklist is complete when role, news and public are checked and there is at least one
objective; until then a "prepare" action comes up two days before the meeting.

Examples:
  coffeechat prep --interview ID                      the sheet as Markdown
  coffeechat prep --interview ID --format pdf --out sheet.pdf
  coffeechat prep --interview ID --check role,news,public --objective "Learn how teams hire juniors"
  coffeechat prep --interview ID --talking-point why-field="I have spent a year volunteering…" --minutes-spent 45`,
    );
  return actClient(cmd, async (client, o, [id]) => {
    const interviewId = (id ?? o.interview) as string | undefined;
    if (!interviewId) throw new AppError('invalid_input', 'Say which interview: coffeechat prep ID (or --interview ID).');
    const format = o.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw bad('format', `must be one of: ${FORMATS.join(', ')}`);
    const prep = () => import('../app/prep.js');
    const params = { id: interviewId };
    const getPrep = () => client.call('get', '/interviews/:id/prep', { params }, async (ctx) => (await prep()).getPrep(ctx, interviewId));

    const checked = checkIds(o.check as string | undefined, 'check');
    const unchecked = checkIds(o.uncheck as string | undefined, 'uncheck');
    const objectives = (o.objective as string[] | undefined) ?? [];
    const points = ((o.talkingPoint as string[] | undefined) ?? []).map(talkingPoint);
    const notes = await textOrStdin(o.notes as string | undefined);
    const editing =
      checked.length + unchecked.length + objectives.length + points.length > 0 ||
      notes !== undefined ||
      !!o.clearObjectives ||
      o.minutesSpent !== undefined;

    if (editing) {
      const before = await getPrep();
      const body = {
        ...(checked.length || unchecked.length
          ? { checklist: Object.fromEntries([...checked.map((c) => [c, true]), ...unchecked.map((c) => [c, false])]) }
          : {}),
        ...(notes !== undefined ? { researchNotes: notes } : {}),
        ...(objectives.length || o.clearObjectives ? { objectives: [...(o.clearObjectives ? [] : before.objectives), ...objectives] } : {}),
        ...(points.length ? { talkingPoints: Object.fromEntries(points) } : {}),
        ...(o.minutesSpent !== undefined ? { prepMinutes: o.minutesSpent } : {}),
      };
      const sheet = await client.call('patch', '/interviews/:id/prep', { params, body }, async (ctx) =>
        (await prep()).updatePrep(ctx, interviewId, body),
      );
      if (o.out === undefined && o.json) return { json: sheet, text: () => undefined };
      if (o.out === undefined) {
        return {
          json: sheet,
          text: () =>
            process.stdout.write(
              `Prep sheet for ${sheet.person.name} saved: ${sheet.complete ? 'checklist complete' : `still to do: ${sheet.missing.join('; ')}`}.\n`,
            ),
        };
      }
    } else if (o.json) {
      return { json: await getPrep(), text: () => undefined };
    }

    if (format === 'pdf' && !o.out && process.stdout.isTTY) {
      throw bad('out', 'a PDF is binary and would garble the terminal: write it to a file with --out sheet.pdf, or pipe it');
    }
    // The API serves the sheet as Markdown or PDF; the HTML page is the web app's own.
    if (client.remote && format === 'html') throw bad('format', 'through --server the sheet comes as md or pdf');
    const file = await client.download(`/interviews/:id/prep.${format}`, { params }, async (ctx) =>
      (await prep()).exportPrep(ctx, interviewId, format as 'md' | 'html' | 'pdf'),
    );
    await writeChunks(file, o.out as string | undefined);
  });
}
