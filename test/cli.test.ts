import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, serve } from './cli.js';
import { freshPgSchema, IN_CI, PG_URL } from './harness.js';

beforeAll(() => {
  if (!existsSync(join(BIN, '../../dist/cli.js'))) throw new Error('The CLI is not built: run npm run build (npm test does).');
});

const tmp = () => mkdtempSync(join(tmpdir(), 'coffeechat-cli-'));

describe('coffeechat CLI (SQLite file)', () => {
  const env = () => ({ COFFEECHAT_DB: join(tmp(), 'cc.db') });

  it('adds and lists in the JSON shapes of CONTRACTS.md', () => {
    const e = env();
    const campaign = cli(
      ['campaigns', 'add', '--field', 'UX research', '--situation', 'career-change', '--objective', 'Learn the field', '--json'],
      e,
    );
    expect(campaign.code).toBe(0);
    expect(Object.keys(campaign.json()).sort()).toEqual(['createdAt', 'field', 'id', 'objective', 'situation', 'status']);
    const contact = cli(
      [
        'contacts',
        'add',
        '--name',
        'Ana María López',
        '--email',
        'ana@example.org',
        '--email',
        'ana@work.example',
        '--phone',
        '+44 20 7946 0000',
        '--organisation',
        'Acme Ltd',
        '--title',
        'Researcher',
        '--linkedin',
        'https://linkedin.com/in/ana',
        '--tag',
        'ux',
        '--tag',
        'health',
        '--json',
      ],
      e,
    );
    expect(contact.code).toBe(0);
    const c = contact.json();
    for (const k of [
      'id',
      'name',
      'givenName',
      'familyName',
      'emails',
      'phones',
      'organisation',
      'title',
      'linkedinUrl',
      'tags',
      'tie',
      'doNotContact',
      'source',
      'connectedOn',
      'introducedBy',
    ])
      expect(c).toHaveProperty(k);
    expect(c).toMatchObject({
      givenName: 'Ana María',
      familyName: 'López',
      emails: ['ana@example.org', 'ana@work.example'],
      organisation: 'Acme Ltd',
      tags: ['health', 'ux'],
    });
    const interview = cli(['interviews', 'add', '--campaign', campaign.json().id, '--contact', c.id, '--json'], e);
    expect(interview.code).toBe(0);
    for (const k of ['id', 'campaignId', 'contactId', 'status', 'scheduledAt', 'minutes', 'mode', 'place', 'link', 'heldAt'])
      expect(interview.json()).toHaveProperty(k);
    const list = cli(['contacts', 'list', '--json'], e);
    expect(list.json().map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(cli(['interviews', 'list', '--campaign', campaign.json().id, '--json'], e).json()).toHaveLength(1);
    expect(cli(['campaigns', 'list', '--json'], e).json()).toHaveLength(1);
    expect(cli(['contacts', 'show', c.id], e).stdout).toMatch(/Acme Ltd/);
  });

  it('moves interviews only as the life cycle allows, with exit codes 1 and 2', () => {
    const e = env();
    const camp = cli(['campaigns', 'add', '--field', 'Policy', '--situation', 'next-job', '--json'], e).json();
    const person = cli(['contacts', 'add', '--name', 'Bo Chen', '--json'], e).json();
    const i = cli(['interviews', 'add', '--campaign', camp.id, '--contact', person.id, '--json'], e).json();
    const bad = cli(['interviews', 'move', i.id, 'thanked', '--json'], e);
    expect(bad.code).toBe(1);
    expect(bad.error().code).toBe('invalid_transition');
    expect(cli(['interviews', 'move', i.id, 'scheduled', '--json'], e).json().status).toBe('scheduled');
    const unanswered = cli(['interviews', 'move', i.id, 'held', '--json'], e);
    expect([unanswered.code, unanswered.error().code]).toEqual([1, 'referral_question_unanswered']);
    expect(cli(['interviews', 'move', i.id, 'held', '--no-referrals', '--json'], e).json().status).toBe('held');
    const log = cli(
      ['log', '--contact', person.id, '--purpose', 'thank-you', '--channel', 'email', '--text', '-', '--json'],
      e,
      'Thank you for the time!\n',
    );
    expect(log.code).toBe(0);
    expect(cli(['interviews', 'show', i.id, '--json'], e).json().status).toBe('thanked');
    const invalid = cli(['interviews', 'move', i.id, 'nonsense', '--json'], e);
    expect([invalid.code, invalid.error().code]).toEqual([2, 'invalid_input']);
    expect(cli(['interviews', 'move', 'no-such-id', 'dropped', '--json'], e).error().code).toBe('not_found');
  });

  it('reports invalid input and usage errors with exit code 2 and no stack trace', () => {
    const e = env();
    const r = cli(['contacts', 'add', '--name', 'X', '--email', 'nope', '--json'], e);
    expect(r.code).toBe(2);
    expect(r.error()).toMatchObject({ code: 'invalid_input' });
    expect(r.error().message).toMatch(/emails\.0/);
    const text = cli(['campaigns', 'add', '--field', 'X', '--situation', 'retired'], e);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/situation/);
    expect(text.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(cli(['contacts', 'list', '--bogus'], e).code).toBe(2);
    expect(cli(['contacts', 'add'], e).code).toBe(2);
    expect(cli(['contacts', 'list', '--limit', 'many', '--json'], e).code).toBe(2);
    expect(cli(['--help'], e).stdout).toMatch(/Examples:/);
  });

  it('covers notes, search, introductions, settings, today, demo and db path', () => {
    const e = env();
    expect(cli(['db', 'path'], e).stdout.trim()).toBe(e.COFFEECHAT_DB);
    expect(cli(['demo', '--json'], e).json().contacts).toBe(12);
    expect(cli(['demo'], e).code).toBe(1);
    const maya = cli(['contacts', 'list', '--search', 'maya okafor', '--json'], e).json()[0];
    const note = cli(
      [
        'notes',
        'add',
        '--contact',
        maya.id,
        '--text',
        'Hyperspecific advice: certification matters less',
        '--kind',
        'resume',
        '--kind',
        'search-tips',
        '--json',
      ],
      e,
    );
    expect(note.json().kinds).toEqual(['resume', 'search-tips']);
    expect(cli(['notes', 'list', '--search', 'hyperspecific', '--json'], e).json()).toHaveLength(1);
    expect(cli(['search', 'hyperspecific', '--json'], e).json().notes).toHaveLength(1);
    const other = cli(['contacts', 'add', '--name', 'New Person', '--json'], e).json();
    expect(cli(['intro', 'add', '--introducer', maya.id, '--contact', other.id, '--permission', 'granted', '--json'], e).code).toBe(0);
    expect(cli(['contacts', 'show', other.id, '--json'], e).json().introducedBy).toBe(maya.id);
    expect(cli(['intro', 'list', '--contact', other.id, '--json'], e).json()).toHaveLength(1);
    expect(cli(['settings', 'set', 'timezone', 'America/Chicago'], e).code).toBe(0);
    expect(cli(['settings', 'get', 'timezone'], e).stdout.trim()).toBe('America/Chicago');
    expect(cli(['settings', 'set', 'timezone', 'Moon/Base'], e).code).toBe(2);
    const day = cli(['today', '--json'], e, undefined);
    expect(day.json()).toHaveProperty('actions');
    expect(day.json().now).toMatch(/^2026-03-02T09:00:0\d/);
  });

  it('imports a file all or nothing, with the report of the contract', () => {
    const e = env();
    const file = join(BIN, '../../test/fixtures/formats/linkedin-connections.csv');
    const dry = cli(['import', file, '--dry-run', '--json'], e);
    expect(dry.code).toBe(0);
    expect(Object.keys(dry.json())).toEqual(
      expect.arrayContaining(['format', 'rows', 'created', 'updated', 'unchanged', 'merged', 'skipped', 'errors']),
    );
    expect(cli(['contacts', 'list', '--json'], e).json()).toHaveLength(0);
    const done = cli(['import', file, '--json'], e).json();
    expect(done).toMatchObject({ format: 'linkedin', created: 5, skipped: 1 });
    expect(done.errors[0].line).toBe(13);
    expect(cli(['import', file, '--json'], e).json()).toMatchObject({ created: 0, unchanged: 5 });
    const bad = cli(['import', join(BIN, '../../test/fixtures/formats/unterminated-quote.csv')], e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unterminated-quote\.csv: Unterminated quote.*line 4/);
    expect(cli(['import', '/no/such/file.csv'], e).code).toBe(2);
    const tooBig = cli(['import', file, '--max-size', '0.0001'], e);
    expect([tooBig.code, /larger than/i.test(tooBig.stderr)]).toEqual([1, true]);
    expect(cli(['contacts', 'list', '--json'], e).json()).toHaveLength(5);
  });

  it('finds duplicates, merges and unmerges', () => {
    const e = env();
    const a = cli(['contacts', 'add', '--name', 'Robert Smith', '--email', 'rob@example.org', '--json'], e).json();
    const b = cli(['contacts', 'add', '--name', 'Bob Smith', '--email', 'ROB@example.org', '--title', 'CTO', '--json'], e).json();
    const pairs = cli(['dedupe', '--json'], e).json();
    expect(pairs).toHaveLength(1);
    expect(Object.keys(pairs[0]).sort()).toEqual(['confidence', 'contactIds', 'reasons']);
    expect(cli(['contacts', 'merge', a.id, b.id, '--json'], e).json()).toMatchObject({ id: a.id, title: 'CTO' });
    expect(cli(['contacts', 'list', '--json'], e).json()).toHaveLength(1);
    expect(cli(['contacts', 'unmerge', a.id, '--json'], e).json().restored.id).toBe(b.id);
    expect(cli(['contacts', 'list', '--json'], e).json()).toHaveLength(2);
    expect(cli(['contacts', 'unmerge', a.id], e).code).toBe(1);
  });

  it('says clearly when the database cannot be opened', () => {
    const dir = tmp();
    const corrupt = join(dir, 'corrupt.db');
    writeFileSync(corrupt, 'this is not a database, just some text that is long enough to look like a header'.repeat(20));
    const r = cli(['contacts', 'list', '--db', corrupt]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a coffeechat database or is damaged/);
    const missing = cli(['contacts', 'list', '--db', join(dir, 'no/such/folder/x.db')]);
    expect([missing.code, /folder is missing or not writable/.test(missing.stderr)]).toEqual([1, true]);
    const pgDown = cli(['contacts', 'list', '--db', 'postgres://someone:s3cret-pw@127.0.0.1:1/db']);
    expect(pgDown.code).toBe(1);
    expect(pgDown.stderr).toMatch(/127\.0\.0\.1:1/);
    expect(pgDown.stderr).not.toMatch(/s3cret-pw/);
    expect(cli(['contacts', 'list'], { COFFEECHAT_NOW: 'yesterday' }).code).toBe(2);
  });

  it('uses the data directory by default, and the flag beats the environment', () => {
    const dir = tmp();
    expect(cli(['db', 'path'], { COFFEECHAT_DB: undefined, DATABASE_URL: undefined, COFFEECHAT_DATA_DIR: dir }).stdout.trim()).toBe(
      join(dir, 'coffeechat.db'),
    );
    expect(cli(['db', 'path', '--db', '/x/y.db'], { COFFEECHAT_DB: '/a/b.db' }).stdout.trim()).toBe('/x/y.db');
    expect(cli(['db', 'path'], { COFFEECHAT_DB: undefined, DATABASE_URL: 'postgres://u:pw@h:5/d' }).stdout.trim()).toBe(
      'postgres://u:***@h:5/d',
    );
    expect(
      cli(['contacts', 'add', '--name', 'In Data Dir'], { COFFEECHAT_DB: undefined, DATABASE_URL: undefined, COFFEECHAT_DATA_DIR: dir })
        .code,
    ).toBe(0);
    expect(existsSync(join(dir, 'coffeechat.db'))).toBe(true);
  });

  it('serves the API, refuses a second server on the same file, and lets the CLI write meanwhile', async () => {
    const e = env();
    const server = await serve([], e);
    try {
      const second = cli(['serve', '--port', '0'], e);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/Another coffeechat server \(pid \d+\) is already serving/);
      expect(cli(['contacts', 'add', '--name', 'Written By CLI'], e).code).toBe(0);
      const res = await fetch(`${server.url}/api/v1/contacts`);
      expect(((await res.json()) as { items: { name: string }[] }).items.map((c: { name: string }) => c.name)).toEqual(['Written By CLI']);
      const post = await fetch(`${server.url}/api/v1/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Written By API' }),
      });
      expect(post.status).toBe(201);
      expect(cli(['contacts', 'list', '--json'], e).json()).toHaveLength(2);
    } finally {
      await server.stop();
    }
    // The lock goes with the server: a new one starts.
    const again = await serve([], e);
    await again.stop();
  });

  it('runs with accounts when it listens beyond loopback', async () => {
    // Beyond loopback other people can reach it (issue 7): nothing answers without signing in.
    const wide = await serve(['--host', '127.0.0.2'], { COFFEECHAT_DB: join(tmp(), 'other.db') });
    try {
      expect((await fetch(`${wide.url}/api/v1/contacts`)).status).toBe(401);
      expect(((await (await fetch(`${wide.url}/api/v1/session`)).json()) as { accounts: boolean }).accounts).toBe(true);
    } finally {
      await wide.stop();
    }
  });
});

describe('coffeechat CLI (PostgreSQL)', () => {
  if (!PG_URL) {
    if (IN_CI) it('needs PostgreSQL in CI', () => expect.fail('COFFEECHAT_TEST_PG_URL is not set'));
    else it.skip('set COFFEECHAT_TEST_PG_URL to run the CLI on PostgreSQL', () => undefined);
    return;
  }
  it('works the same on a postgres:// URL given by DATABASE_URL', async () => {
    const schema = await freshPgSchema(PG_URL!);
    try {
      const e = { COFFEECHAT_DB: undefined, DATABASE_URL: schema.url };
      const c = cli(['contacts', 'add', '--name', 'Pat Postgres', '--email', 'pat@example.org', '--json'], e);
      expect(c.code).toBe(0);
      expect(
        cli(['contacts', 'list', '--search', 'pat', '--json'], e)
          .json()
          .map((x: { id: string }) => x.id),
      ).toEqual([c.json().id]);
      expect(cli(['db', 'path', '--json'], e).json().dialect).toBe('postgres');
    } finally {
      await schema.drop();
    }
  });
});
