// coffeechat questions list|add — the question bank: built-in questions and your own.
import { Command } from 'commander';
import * as questions from '../app/questions.js';
import { QUESTION_KINDS } from '../domain/questions/index.js';
import { SITUATIONS } from '../domain/types.js';
import { actClient, collect, line } from './command.js';
import { printTable } from './runtime.js';

export function questionsCommand(): Command {
  const cmd = new Command('questions').description('the question bank: topics, TIARA, preparation prompts and your own questions');
  actClient(
    cmd
      .command('list')
      .description('list the questions ({field} is replaced by the campaign field in a plan)')
      .option('--situation <situation>', `only questions that suit it: ${SITUATIONS.join(' | ')}`)
      .option('--kind <kind>', `${QUESTION_KINDS.join(' | ')} (prep: your own talking points, never asked)`)
      .option('--json', 'print a JSON array'),
    async (client, o) => {
      const query = { situation: o.situation, kind: o.kind };
      const { items: list } = await client.call('get', '/questions', { query }, async (ctx) => ({
        items: await questions.listQuestions(ctx, query),
      }));
      return {
        json: list,
        text: () => printTable(list.map((q) => [q.id, q.kind, `${q.minutes} min`, q.text])),
      };
    },
  );
  actClient(
    cmd
      .command('add')
      .description('add a question of your own to the bank')
      .requiredOption('--topic <topic>', 'what it is about, e.g. hiring')
      .requiredOption('--text <text>', 'the question; {field} stands for the campaign field')
      .option('--minutes <n>', 'minutes it usually takes with its answer (default 2)')
      .option('--situation <situation>', `a situation it suits, repeatable (default all): ${SITUATIONS.join(' | ')}`, collect)
      .option('--json', 'print the question as JSON'),
    async (client, o) => {
      const body = {
        topic: o.topic,
        text: o.text,
        ...(o.minutes !== undefined ? { minutes: o.minutes } : {}),
        ...(o.situation !== undefined ? { situations: o.situation } : {}),
      };
      const q = await client.call('post', '/questions', { body }, (ctx) => questions.addQuestion(ctx, body));
      return { json: q, text: line(`Added question ${q.id} (${q.topic}).`) };
    },
  );
  return cmd;
}
