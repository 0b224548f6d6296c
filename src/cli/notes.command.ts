// coffeechat notes add|list
import { Command } from 'commander';
import * as notes from '../app/notes.js';
import { AppError } from '../domain/errors.js';
import { INSIGHT_KINDS } from '../domain/types.js';
import { act, collect, line, listLimit, textOrStdin } from './command.js';
import { printTable } from './runtime.js';

export function notesCommand(): Command {
  const cmd = new Command('notes').description('notes before, during and after interviews');
  act(
    cmd
      .command('add')
      .argument('[text]', 'the note, in quotes (or --text); - reads standard input')
      .description('add a note about a contact or an interview')
      .option('--contact <id>', 'about this contact')
      .option('--interview <id>', 'taken in this interview')
      .option('--question <id>', 'answering this question')
      .option('--text <text>', 'the note; - reads standard input')
      .option('--kind <kinds>', `kinds of insight, comma-separated or repeated: ${INSIGHT_KINDS.join(', ')}`, collect)
      .option('--at <time>', 'when (default now)')
      .option('--json', 'print the note as JSON'),
    async ({ ctx }, o, [positional]) => {
      const given = (o.text as string | undefined) ?? positional;
      if (given === undefined)
        throw new AppError(
          'invalid_input',
          'Give the note as text: coffeechat notes add --interview ID "TEXT" (or --text TEXT, or - for standard input).',
        );
      const n = await notes.addNote(ctx, {
        contactId: o.contact,
        interviewId: o.interview,
        questionId: o.question,
        text: await textOrStdin(given),
        kinds: ((o.kind as string[] | undefined) ?? [])
          .flatMap((k) => k.split(','))
          .map((k) => k.trim())
          .filter(Boolean),
        at: o.at,
      });
      return { json: n, text: line(`Noted (${n.id}).`) };
    },
  );
  act(
    cmd
      .command('list')
      .description('list notes, newest first')
      .option('--contact <id>', 'about this contact')
      .option('--interview <id>', 'from this interview')
      .option('--search <text>', 'only notes containing these words')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async ({ ctx }, o) => {
      const list = await notes.listNotes(ctx, { contactId: o.contact, interviewId: o.interview, q: o.search, limit: listLimit(o) });
      return {
        json: list,
        text: () =>
          list.length
            ? printTable(list.map((n) => [n.at.slice(0, 10), n.kinds.join(','), n.text.replace(/\s+/g, ' ')]))
            : line('No notes.')(),
      };
    },
  );
  return cmd;
}
