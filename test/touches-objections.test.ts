// An objection heard on a touch and the answer that worked, kept together: through the operation,
// the HTTP API and `coffeechat log --objection … --answer …`, on both databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listTouches, logTouch } from '../src/app/touches.js';
import { AppError } from '../src/domain/errors.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildInterview } from './factories.js';
import { eachDialect } from './harness.js';

async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_input') {
      return ((e.details as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);
    }
    throw e;
  }
  throw new Error('expected invalid_input');
}

eachDialect('objections on touches', (t) => {
  it('keeps the objection and the answer that worked, and reads them back', async () => {
    const ctx = t();
    const i = await buildInterview(ctx);
    const touch = await logTouch(ctx, {
      contactId: i.contactId,
      channel: 'phone',
      purpose: 'request',
      objection: "  I'm booked solid this month ",
      objectionAnswer: 'Offered a 15-minute call before nine; she said yes.',
    });
    expect(touch).toMatchObject({
      objection: "I'm booked solid this month",
      objectionAnswer: 'Offered a 15-minute call before nine; she said yes.',
    });
    const [stored] = await listTouches(ctx, { contactId: i.contactId });
    expect(stored).toMatchObject({
      objection: "I'm booked solid this month",
      objectionAnswer: 'Offered a 15-minute call before nine; she said yes.',
    });
    // An objection with no answer that worked (yet) is fine; an empty answer is no answer.
    const plain = await logTouch(ctx, {
      contactId: i.contactId,
      channel: 'email',
      purpose: 'follow-up',
      objection: 'Not hiring',
      objectionAnswer: '',
    });
    expect([plain.objection, plain.objectionAnswer]).toEqual(['Not hiring', null]);
  });

  it('refuses an answer without the objection it answered, and one that is too long', async () => {
    const ctx = t();
    const i = await buildInterview(ctx);
    const base = { contactId: i.contactId, channel: 'phone', purpose: 'request' };
    expect(await fieldsOf(logTouch(ctx, { ...base, objectionAnswer: 'I asked for fifteen minutes instead.' }))).toEqual([
      'objectionAnswer',
    ]);
    expect(await fieldsOf(logTouch(ctx, { ...base, objection: 'Too busy', objectionAnswer: 'x'.repeat(2001) }))).toEqual([
      'objectionAnswer',
    ]);
    expect(await listTouches(ctx, { contactId: i.contactId })).toEqual([]);
  });

  it('are taken and given by the API', async () => {
    const ctx = t();
    const i = await buildInterview(ctx);
    const app = createServerApp({ deps: ctx, userId: ctx.userId });
    const post = (body: unknown) =>
      app.request('http://127.0.0.1:5454/api/v1/touches', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await post({
      contactId: i.contactId,
      channel: 'phone',
      purpose: 'request',
      objection: 'Swamped',
      objectionAnswer: 'Asked for a breakfast',
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ objection: 'Swamped', objectionAnswer: 'Asked for a breakfast' });
    const list = (await (await app.request(`http://127.0.0.1:5454/api/v1/touches?contactId=${i.contactId}`)).json()) as {
      items: unknown[];
    };
    expect(list.items[0]).toMatchObject({ objectionAnswer: 'Asked for a breakfast' });
    const bad = await post({ contactId: i.contactId, channel: 'phone', purpose: 'request', objectionAnswer: 'Asked for a breakfast' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  });
});

describe('coffeechat log --objection --answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-objections-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => cli(['--db', db, ...args]);

  it('logs both, and refuses an answer alone with exit 2', () => {
    const contact = run(['contacts', 'add', '--name', 'Maya Patel', '--json']).json() as { id: string };
    const args = ['log', '--contact', contact.id, '--purpose', 'request', '--channel', 'phone', '--json'];
    const logged = run([...args, '--objection', 'We are not hiring', '--answer', 'Said I only wanted advice, not a job']);
    expect(logged.code).toBe(0);
    expect(logged.json()).toMatchObject({ objection: 'We are not hiring', objectionAnswer: 'Said I only wanted advice, not a job' });
    const alone = run([...args, '--answer', 'Said I only wanted advice']);
    expect([alone.code, alone.error().code]).toEqual([2, 'invalid_input']);
    expect(alone.error().message).toMatch(/objection/);
  });
});
