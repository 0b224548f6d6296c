// Deleting a template of one's own — through the operation, `DELETE /api/v1/templates/:id` and
// `coffeechat templates rm` — while the built-in ones refuse with a clear error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addTemplate, deleteTemplate, listTemplates } from '../src/app/templates.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { codeOf, eachDialect } from './harness.js';

const MINE = { name: 'Mine', purpose: 'thank-you', channel: 'email', subject: 'Thanks', body: 'Thank you {contact.firstName}!' };

eachDialect('deleting templates', (t) => {
  it('deletes your own, refuses the built-in ones, and reports an unknown id', async () => {
    const ctx = t();
    const mine = await addTemplate(ctx, MINE);
    await deleteTemplate(ctx, mine.id);
    expect((await listTemplates(ctx)).map((x) => x.id)).not.toContain(mine.id);
    expect(await codeOf(deleteTemplate(ctx, mine.id))).toBe('not_found');
    expect(await codeOf(deleteTemplate(ctx, 'thank-you-email'))).toBe('invalid_input');
    expect((await listTemplates(ctx)).map((x) => x.id)).toContain('thank-you-email');
  });

  it('are deleted through the API', async () => {
    const ctx = t();
    const app = createServerApp({ deps: ctx, userId: ctx.userId });
    const del = (id: string) => app.request(`http://127.0.0.1:5454/api/v1/templates/${id}`, { method: 'DELETE' });
    const mine = await addTemplate(ctx, MINE);
    expect((await del(mine.id)).status).toBe(204);
    expect((await app.request(`http://127.0.0.1:5454/api/v1/templates/${mine.id}`)).status).toBe(404);
    expect((await del(mine.id)).status).toBe(404);
    const builtIn = await del('request-call');
    expect(builtIn.status).toBe(400);
    const body = (await builtIn.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/built-in/);
  });
});

describe('coffeechat templates rm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-templates-rm-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => cli(['--db', db, ...args]);

  it('removes your template and refuses a built-in one', () => {
    const added = run([
      'templates',
      'add',
      '--name',
      'Short thanks',
      '--purpose',
      'thank-you',
      '--channel',
      'linkedin',
      '--body',
      'Thanks {contact.firstName}!',
      '--json',
    ]).json() as {
      id: string;
    };
    const rm = run(['templates', 'rm', added.id]);
    expect([rm.code, rm.stdout.trim()]).toEqual([0, `Deleted template ${added.id}.`]);
    expect(run(['templates', 'show', added.id]).code).toBe(1);
    const builtIn = run(['templates', 'rm', 'thank-you-email', '--json']);
    expect([builtIn.code, builtIn.error().code]).toEqual([2, 'invalid_input']);
    expect(builtIn.error().message).toMatch(/built-in/);
  });
});
