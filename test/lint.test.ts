// The linter through its two doors: POST /api/v1/lint (both databases) and `coffeechat lint`
// (the built binary), with introducer permissions and interview minutes read from the store.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../src/server/app.js';
import { BIN, cli } from './cli.js';
import { eachDialect } from './harness.js';

const REQUEST = 'Hi Ravi,\nMaya Okafor suggested I write to you. Would you have 20 minutes for a call next week?\nBest,\nLeah';
const PLAN = [
  'Why this field?',
  'How did you get in?',
  'What is a typical day?',
  'What do you like best?',
  'And least?',
  'What would you change?',
  'Which strengths matter?',
  'How is it changing?',
  'Who else should I talk to?',
].join('\n');

eachDialect('POST /api/v1/lint', (t) => {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await createServerApp({ deps: t(), userId: t().userId }).request(`http://127.0.0.1:5454/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: JSON.parse(await res.text()) };
  };
  const setUp = async (permission: string) => {
    const maya = (await call('POST', '/contacts', { name: 'Maya Okafor' })).body;
    const ravi = (await call('POST', '/contacts', { name: 'Ravi Menon' })).body;
    await call('POST', '/introductions', { introducerId: maya.id, contactId: ravi.id, permission });
    const campaign = (await call('POST', '/campaigns', { field: 'Conservation', situation: 'career-change' })).body;
    const interview = (await call('POST', '/interviews', { campaignId: campaign.id, contactId: ravi.id })).body;
    return { maya, ravi, interview };
  };

  it('lints a message with no context: no name check, word count and spans', async () => {
    const r = await call('POST', '/lint', { text: 'Hi Jo,\nIs your team hiring?' });
    expect(r.status).toBe(200);
    expect(r.body.wordCount).toBe(6);
    const job = r.body.findings.find((f: { rule: string }) => f.rule === 'asks-for-job');
    expect(job).toMatchObject({ severity: 'error', start: 7, end: 27 });
    expect(r.body.findings.map((f: { rule: string }) => f.rule)).not.toContain('name-without-permission');
    expect((await call('POST', '/lint', { text: REQUEST })).body.findings).toEqual([]);
  });

  it("reads the contact's introducers and their permissions", async () => {
    const { ravi, interview } = await setUp('not-asked');
    const byContact = await call('POST', '/lint', { text: REQUEST, contactId: ravi.id });
    expect(
      byContact.body.findings.map((f: { rule: string; start: number; end: number }) => [f.rule, REQUEST.slice(f.start, f.end)]),
    ).toEqual([['name-without-permission', 'Maya Okafor']]);
    const byInterview = await call('POST', '/lint', { text: REQUEST, interviewId: interview.id });
    expect(byInterview.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['name-without-permission']);
  });

  it('lets a granted introducer be named', async () => {
    const { ravi } = await setUp('granted');
    expect((await call('POST', '/lint', { text: REQUEST, contactId: ravi.id })).body.findings).toEqual([]);
  });

  it("checks a question plan against the interview's minutes (20, so 16 for questions)", async () => {
    const { interview } = await setUp('granted');
    expect((await call('POST', '/lint', { text: PLAN, purpose: 'questions' })).body.findings).toEqual([]);
    const r = await call('POST', '/lint', { text: PLAN, purpose: 'questions', interviewId: interview.id });
    expect(r.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['over-time']);
  });

  it('answers bad input with 400 and unknown ids with 404', async () => {
    const bad = await call('POST', '/lint', { text: 'Hi', purpose: 'cover-letter', channel: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.message).toMatch(/unknown purpose "cover-letter"/);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['channel', 'purpose']);
    expect((await call('POST', '/lint', {})).status).toBe(400);
    expect((await call('POST', '/lint', { text: 'Hi', extra: 1 })).status).toBe(400);
    expect((await call('POST', '/lint', { text: 'Hi', contactId: 'nobody' })).status).toBe(404);
    expect((await call('POST', '/lint', { text: 'Hi', interviewId: 'nothing' })).status).toBe(404);
  });
});

describe('coffeechat lint', () => {
  beforeAll(() => {
    if (!existsSync(join(BIN, '../../dist/cli.js'))) throw new Error('The CLI is not built: run npm run build (npm test does).');
  });
  const dir = () => mkdtempSync(join(tmpdir(), 'coffeechat-lint-'));

  it('prints { wordCount, findings } and exits 1 on an error', () => {
    const d = dir();
    const file = join(d, 'draft.txt');
    writeFileSync(file, 'Hi Jo,\nWe met at the fair. Would you have 20 minutes?\nCould you pass my CV to the hiring manager?\n');
    const r = cli(['lint', file, '--json'], { COFFEECHAT_DB: join(d, 'cc.db') });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(Object.keys(out).sort()).toEqual(['findings', 'wordCount']);
    expect(out.wordCount).toBe(21);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ rule: 'asks-for-job', severity: 'error', start: 54, end: 97 });
    for (const k of ['rule', 'severity', 'message', 'start', 'end']) expect(out.findings[0]).toHaveProperty(k);
    // No contact or interview: nothing to read, so no database is created.
    expect(existsSync(join(d, 'cc.db'))).toBe(false);
  });

  it('reads standard input, shows line:column with the span underlined, and exits 0 without errors', () => {
    const r = cli(['lint', '-', '--purpose', 'follow-up'], {}, 'Hi Jo,\nJust checking in on my note.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<stdin> (whole text): warning no-question');
    expect(r.stdout).toContain('1 warning');
    const job = cli(['lint', '--purpose', 'thank-you'], {}, 'Thanks again!\nAlso, is your company hiring?');
    expect(job.code).toBe(1);
    expect(job.stdout).toContain('<stdin>:2:7: error asks-for-job');
    expect(job.stdout).toContain('  Also, is your company hiring?\n        ^^^^^^^^^^^^^^^^^^^^^^^\n');
  });

  it('checks the introducer of --contact, and a plan against --interview minutes', () => {
    const e = { COFFEECHAT_DB: join(dir(), 'cc.db') };
    const maya = cli(['contacts', 'add', '--name', 'Maya Okafor', '--json'], e).json();
    const ravi = cli(['contacts', 'add', '--name', 'Ravi Menon', '--json'], e).json();
    expect(cli(['intro', 'add', '--introducer', maya.id, '--contact', ravi.id, '--json'], e).code).toBe(0);
    const named = cli(['lint', '-', '--contact', ravi.id, '--json'], e, REQUEST);
    expect(named.code).toBe(1);
    expect(named.json().findings.map((f: { rule: string }) => f.rule)).toEqual(['name-without-permission']);
    expect(cli(['lint', '-', '--json'], e, REQUEST).code).toBe(0);

    const campaign = cli(['campaigns', 'add', '--field', 'Conservation', '--situation', 'career-change', '--json'], e).json();
    const interview = cli(['interviews', 'add', '--campaign', campaign.id, '--contact', ravi.id, '--json'], e).json();
    const plan = cli(['lint', '-', '--purpose', 'questions', '--interview', interview.id, '--json'], e, PLAN);
    expect(plan.code).toBe(0);
    expect(plan.json().findings.map((f: { rule: string }) => f.rule)).toEqual(['over-time']);
  });

  it('refuses an unknown purpose or channel, a missing file and an unknown contact clearly', () => {
    const purpose = cli(['lint', '-', '--purpose', 'cover-letter'], {}, 'Hi');
    expect(purpose.code).toBe(2);
    expect(purpose.stderr).toMatch(/unknown purpose "cover-letter"; use one of request, intro-request/);
    const channel = cli(['lint', '-', '--channel', 'fax', '--json'], {}, 'Hi');
    expect(channel.code).toBe(2);
    expect(channel.error().code).toBe('invalid_input');
    const missing = cli(['lint', join(dir(), 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.txt: no such file/);
    const nobody = cli(['lint', '-', '--contact', 'nobody', '--json'], { COFFEECHAT_DB: join(dir(), 'cc.db') }, 'Hi');
    expect([nobody.code, nobody.error().code]).toEqual([1, 'not_found']);
  });
});
