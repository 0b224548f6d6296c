// coffeechat notes add|list
import { Command } from 'commander';
import * as notes from '../app/notes.js';
import { AppError } from '../domain/errors.js';
import { INSIGHT_KINDS } from '../domain/types.js';
import { actClient, collect, line, listLimit, textOrStdin } from './command.js';
import { printTable } from './runtime.js';

export function notesCommand(): Command {
  const cmd = new Command('notes').description('notes before, during and after interviews');
  actClient(
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
    async (client, o, [positional]) => {
      const given = (o.text as string | undefined) ?? positional;
      if (given === undefined)
        throw new AppError(
          'invalid_input',
          'Give the note as text: coffeechat notes add --interview ID "TEXT" (or --text TEXT, or - for standard input).',
        );
      const body = {
        contactId: o.contact,
        interviewId: o.interview,
        questionId: o.question,
        text: await textOrStdin(given),
        kinds: ((o.kind as string[] | undefined) ?? [])
          .flatMap((k) => k.split(','))
          .map((k) => k.trim())
          .filter(Boolean),
        at: o.at,
      };
      const n = await client.call('post', '/notes', { body }, (ctx) => notes.addNote(ctx, body));
      return { json: n, text: line(`Noted (${n.id}).`) };
    },
  );
  actClient(
    cmd
      .command('list')
      .description('list notes, newest first')
      .option('--contact <id>', 'about this contact')
      .option('--interview <id>', 'from this interview')
      .option('--search <text>', 'only notes containing these words')
      .option('--limit <n>', 'at most this many')
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const query = { contactId: o.contact, interviewId: o.interview, q: o.search, limit: listLimit(o) };
      const { items: list } = await client.call('get', '/notes', { query }, async (ctx) => ({ items: await notes.listNotes(ctx, query) }));
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
