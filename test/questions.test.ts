// The question bank through the operations, the HTTP API and the real CLI, on both databases.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addQuestion, listQuestions } from '../src/app/questions.js';
import { BIN, cli } from './cli.js';
import { apiOf } from './http.js';
import { codeOf, eachDialect } from './harness.js';

eachDialect('question bank', (t) => {
  it('lists the built-in questions, TIARA and preparation prompts first, then your own', async () => {
    const all = await listQuestions(t());
    expect(all.slice(0, 3).map((q) => q.id)).toEqual(['why-field', 'how-in', 'highlights']);
    expect(all.find((q) => q.id === 'who-else')).toMatchObject({ topic: 'who-else', kind: 'topic', builtIn: true, insights: ['contacts'] });
    expect((await listQuestions(t(), { kind: 'prep' })).map((q) => q.id)).toEqual([
      'prep-about-me',
      'prep-why-field',
      'prep-why-role',
      'prep-why-org',
    ]);
    const mine = await addQuestion(t(), {
      topic: 'hiring',
      text: '  How do small clinics in {field}\nfind their first researcher?  ',
      minutes: 3,
      situations: ['career-change', 'new-graduate'],
    });
    expect(mine).toMatchObject({
      topic: 'hiring',
      kind: 'own',
      text: 'How do small clinics in {field} find their first researcher?',
      minutes: 3,
      situations: ['career-change', 'new-graduate'],
      builtIn: false,
    });
    const everywhere = await addQuestion(t(), { topic: 'tools', text: 'Which tools do you use every day?' });
    expect(everywhere).toMatchObject({ minutes: 2, situations: ['career-change', 'new-graduate', 're-entering', 'next-job'] });
    const list = await listQuestions(t());
    expect(list.slice(-2).map((q) => q.id)).toEqual([mine.id, everywhere.id]);
  });

  it('filters by situation: a career changer gets education and a second choice, someone changing jobs does not', async () => {
    const own = await addQuestion(t(), { topic: 'hiring', text: 'Who hires for this?', situations: ['new-graduate'] });
    const change = (await listQuestions(t(), { situation: 'career-change' })).map((q) => q.id);
    expect(change).toEqual(expect.arrayContaining(['education', 'second-choice', 'path']));
    expect(change).not.toContain(own.id);
    const next = (await listQuestions(t(), { situation: 'next-job' })).map((q) => q.id);
    expect(next).not.toContain('education');
    expect(next).not.toContain('second-choice');
    expect((await listQuestions(t(), { situation: 'new-graduate' })).map((q) => q.id)).toContain(own.id);
  });

  it('refuses bad questions with invalid_input', async () => {
    expect(await codeOf(addQuestion(t(), { topic: '', text: 'Fine?' }))).toBe('invalid_input');
    expect(await codeOf(addQuestion(t(), { topic: 'x', text: '   ' }))).toBe('invalid_input');
    expect(await codeOf(addQuestion(t(), { topic: 'x', text: 'Fine?', minutes: 0 }))).toBe('invalid_input');
    expect(await codeOf(addQuestion(t(), { topic: 'x', text: 'Fine?', situations: ['retired'] }))).toBe('invalid_input');
    expect(await codeOf(addQuestion(t(), { topic: 'x', text: 'How is {contact.firstName} doing?' }))).toBe('invalid_input');
    expect(await codeOf(listQuestions(t(), { situation: 'retired' }))).toBe('invalid_input');
  });

  it('serves GET and POST /questions', async () => {
    const call = apiOf(t());
    const created = await call('POST', '/questions', { topic: 'hiring', text: 'Who hires here?', situations: ['next-job'] });
    expect(created.status).toBe(201);
    const list = await call('GET', '/questions?situation=next-job');
    expect(list.body.items.map((q: { id: string }) => q.id)).toContain(created.body.id);
    expect(list.body.items.map((q: { id: string }) => q.id)).not.toContain('education');
    const bad = await call('POST', '/questions', { topic: 'hiring', text: 'Who?', minutes: 'lots' });
    expect([bad.status, bad.body.error.code, bad.body.error.details.fields[0].field]).toEqual([400, 'invalid_input', 'minutes']);
    expect((await call('GET', '/questions?situation=retired')).status).toBe(400);
  });
});

describe('coffeechat questions (real binary)', () => {
  it('adds and lists in the shape of the issue', () => {
    if (!existsSync(join(BIN, '../../dist/cli.js'))) throw new Error('The CLI is not built: run npm run build.');
    const env = { COFFEECHAT_DB: join(mkdtempSync(join(tmpdir(), 'coffeechat-q-')), 'cc.db') };
    const added = cli(
      [
        'questions',
        'add',
        '--topic',
        'hiring',
        '--text',
        'Who hires for {field}?',
        '--minutes',
        '3',
        '--situation',
        'career-change',
        '--json',
      ],
      env,
    );
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ topic: 'hiring', text: 'Who hires for {field}?', minutes: 3, situations: ['career-change'] });
    const list = cli(['questions', 'list', '--situation', 'career-change', '--json'], env);
    expect(list.code).toBe(0);
    const items = list.json() as { id: string; topic: string; text: string; minutes: number; situations: string[] }[];
    for (const q of items) expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'topic', 'text', 'minutes', 'situations']));
    expect(items.map((q) => q.id)).toEqual(expect.arrayContaining(['education', 'second-choice', 'who-else', added.json().id]));
    const prep = cli(['questions', 'list', '--kind', 'prep', '--json'], env).json() as { id: string }[];
    expect(prep.map((q) => q.id)).toEqual(['prep-about-me', 'prep-why-field', 'prep-why-role', 'prep-why-org']);
    const bad = cli(['questions', 'add', '--topic', 'x', '--text', 'Why?', '--situation', 'retired', '--json'], env);
    expect([bad.code, bad.error().code]).toEqual([2, 'invalid_input']);
  });
});
