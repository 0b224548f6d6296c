// Drafting for an interview: the template filled from the contact, campaign, introductions (with
// their permissions), the user's name, the minutes and the advice noted; then linted. Through the
// operation, the API and the built CLI, on both databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft, draft } from '../src/app/drafts.js';
import { addIntroduction } from '../src/app/introductions.js';
import { addNote } from '../src/app/notes.js';
import { updateSettings } from '../src/app/settings.js';
import { addTemplate } from '../src/app/templates.js';
import { AppError } from '../src/domain/errors.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildCampaign, buildContact } from './factories.js';
import { codeOf, eachDialect, type TestCtx } from './harness.js';
import { addInterview } from '../src/app/interviews.js';

async function setUp(ctx: TestCtx, permission: 'granted' | 'not-asked' | 'declined' | null = null) {
  await updateSettings(ctx, { name: 'Jordan Whitfield' });
  const campaign = await buildCampaign(ctx, { field: 'UX research in healthcare' });
  const contact = await buildContact(ctx, {
    name: 'Maya Okafor',
    emails: ['maya@example.org'],
    organisation: 'Northbridge Health',
    title: 'Senior UX Researcher',
  });
  const tom = await buildContact(ctx, { name: 'Tom Lindqvist', emails: ['tom@example.org'] });
  if (permission) await addIntroduction(ctx, { introducerId: tom.id, contactId: contact.id, permission });
  const interview = await addInterview(ctx, { campaignId: campaign.id, contactId: contact.id });
  return { campaign, contact, tom, interview };
}

const errors = <F extends { severity: string }>(d: { findings: F[] }) => d.findings.filter((f) => f.severity === 'error');

eachDialect('drafts', (t) => {
  it('fills a request from the interview and names the introducer who gave permission', async () => {
    const { interview, contact } = await setUp(t(), 'granted');
    const d = await draft(t(), { interviewId: interview.id, purpose: 'request' });
    expect(d).toMatchObject({ templateId: 'request-email', channel: 'email', touchPurpose: 'request', hints: [] });
    expect(d.recipient).toEqual({ contactId: contact.id, name: 'Maya Okafor', email: 'maya@example.org' });
    expect(d.subject).toBe('Tom suggested I get in touch');
    expect(d.body).toMatch(/^Dear Maya,\n\nTom Lindqvist suggested I contact you, as your experience in UX research in healthcare/);
    expect(d.body).toContain('Would you have 20 minutes');
    expect(d.body).toMatch(/Jordan Whitfield$/);
    expect(d.body).not.toMatch(/[{}[\]]/);
    expect(errors(d)).toEqual([]);
    expect(d.findings.filter((f) => f.severity === 'warning')).toEqual([]);
    expect(d.wordCount).toBeLessThanOrEqual(100);
  });

  it('leaves out an introducer without permission, and the linter catches them if typed back in', async () => {
    for (const permission of ['not-asked', 'declined'] as const) {
      const { interview } = await setUp(t(), permission);
      const d = await draft(t(), { interviewId: interview.id, purpose: 'request' });
      expect(d.body).not.toContain('Tom');
      expect(d.subject).toBe('20 minutes of advice on UX research in healthcare?');
      expect(d.body).toContain('Your work at Northbridge Health is exactly the kind of experience');
      expect(errors(d)).toEqual([]);
      const edited = d.body.replace('Your work', 'Tom Lindqvist suggested I write. Your work');
      const checked = await checkDraft(t(), { interviewId: interview.id, purpose: 'request', body: edited });
      expect(checked.findings.map((f) => f.rule)).toContain('name-without-permission');
    }
  });

  it('uses the interview minutes, and keeps a missing name visible as an error with a hint', async () => {
    const { interview } = await setUp(t());
    await updateSettings(t(), { name: null });
    const row = (await t().store.interviews.get(t().userId, interview.id))!;
    await t().store.interviews.update(t().userId, { ...row, minutes: 15 });
    const d = await draft(t(), { interviewId: interview.id, purpose: 'request' });
    expect(d.body).toContain('Would you have 15 minutes');
    expect(d.body).toMatch(/\{user\.name\}$/);
    const unfilled = errors(d).filter((f) => f.rule === 'unfilled-placeholder');
    expect(unfilled).toHaveLength(1);
    expect(d.body.slice(unfilled[0]!.start, unfilled[0]!.end)).toBe('{user.name}');
    expect(d.hints.join(' ')).toMatch(/Set your name/);
  });

  it('drafts a LinkedIn note within 300 characters and a call script linted only where it is spoken', async () => {
    const { interview } = await setUp(t(), 'granted');
    const note = await draft(t(), { interviewId: interview.id, purpose: 'request', channel: 'linkedin' });
    expect(note).toMatchObject({ templateId: 'request-linkedin', subject: null });
    expect(note.body.length).toBeLessThanOrEqual(300);
    expect(note.findings.filter((f) => f.rule === 'too-long')).toEqual([]);
    expect(errors(note)).toEqual([]);
    const call = await draft(t(), { interviewId: interview.id, purpose: 'request', channel: 'phone' });
    expect(call.templateId).toBe('request-call');
    expect(call.body).toMatch(/not hiring/);
    const spokenEnd = call.body.indexOf('\n---');
    expect(spokenEnd).toBeGreaterThan(0);
    expect(call.findings.every((f) => f.end <= spokenEnd)).toBe(true);
    expect(errors(call)).toEqual([]);
  });

  it('sends an intro-request to the mutual contact, asking them to introduce the user', async () => {
    const { interview, tom } = await setUp(t(), 'not-asked');
    const d = await draft(t(), { interviewId: interview.id, purpose: 'intro-request' });
    expect(d.recipient).toEqual({ contactId: tom.id, name: 'Tom Lindqvist', email: 'tom@example.org' });
    expect(d.subject).toBe('Would you introduce me to Maya?');
    expect(d.body).toMatch(/^Hi Tom,/);
    expect(d.body).toContain('you know Maya Okafor at Northbridge Health');
    expect(errors(d)).toEqual([]);
    // Someone not yet on record may be asked too (suggest's "via"); without anyone it is refused.
    const other = await setUp(t());
    const priya = await buildContact(t(), { name: 'Priya Raman' });
    const viaPriya = await draft(t(), { interviewId: other.interview.id, purpose: 'intro-request', introducerId: priya.id });
    expect(viaPriya.body).toMatch(/^Hi Priya,/);
    const e = (await draft(t(), { interviewId: other.interview.id, purpose: 'intro-request' }).catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/intro add/);
    expect(await codeOf(draft(t(), { interviewId: other.interview.id, purpose: 'thank-introducer', introducerId: priya.id }))).toBe(
      'invalid_input',
    );
  });

  it('quotes the advice noted in the thank-you and thanks the introducer', async () => {
    const { interview, contact, tom } = await setUp(t(), 'granted');
    await addNote(t(), { interviewId: interview.id, text: 'Who to ask next: Daniel.', kinds: ['contacts'], at: '2026-03-01T10:00:00Z' });
    await addNote(t(), {
      interviewId: interview.id,
      text: 'Build two small case studies before applying anywhere. Also read about consent flows.',
      kinds: ['resume'],
      at: '2026-03-01T10:05:00Z',
    });
    const thanks = await draft(t(), { interviewId: interview.id, purpose: 'thank-you' });
    expect(thanks.subject).toBe('Thank you, Maya');
    expect(thanks.body).toContain('“Build two small case studies before applying anywhere.”');
    expect(errors(thanks)).toEqual([]);
    const intro = await draft(t(), { interviewId: interview.id, purpose: 'thank-introducer' });
    expect(intro).toMatchObject({ touchPurpose: 'thank-you', recipient: { contactId: tom.id } });
    expect(intro.body).toMatch(/^Dear Tom,\n\nThank you for putting me in touch with Maya Okafor/);
    expect(errors(intro)).toEqual([]);
    // The update needs the user's own words: the blank stays until they write them.
    const update = await draft(t(), { interviewId: interview.id, purpose: 'update' });
    expect(errors(update).map((f) => update.body.slice(f.start, f.end))).toEqual(['[what you did with the advice, and what came of it]']);
    expect(contact.id).toBeTruthy();
  });

  it('uses a chosen template and refuses ones that do not fit', async () => {
    const { interview } = await setUp(t());
    const mine = await addTemplate(t(), {
      name: 'Brief',
      purpose: 'follow-up',
      channel: 'email',
      subject: 'Still curious about {campaign.field}',
      body: 'Hi {contact.firstName}, any chance of {minutes} minutes this month? {user.firstName}',
    });
    const d = await draft(t(), { interviewId: interview.id, purpose: 'follow-up', templateId: mine.id });
    expect(d).toMatchObject({
      templateId: mine.id,
      subject: 'Still curious about UX research in healthcare',
      body: 'Hi Maya, any chance of 20 minutes this month? Jordan',
    });
    expect(await codeOf(draft(t(), { interviewId: interview.id, purpose: 'request', templateId: mine.id }))).toBe('invalid_input');
    expect(await codeOf(draft(t(), { interviewId: interview.id, purpose: 'follow-up', templateId: mine.id, channel: 'phone' }))).toBe(
      'invalid_input',
    );
    expect(await codeOf(draft(t(), { interviewId: interview.id, purpose: 'update', channel: 'phone' }))).toBe('invalid_input');
    expect(await codeOf(draft(t(), { interviewId: interview.id, purpose: 'reply' }))).toBe('invalid_input');
    expect(await codeOf(draft(t(), { interviewId: 'nope', purpose: 'request' }))).toBe('not_found');
  });

  it('lints edited text live through the API', async () => {
    const { interview } = await setUp(t());
    const app = createServerApp({ deps: t(), userId: t().userId });
    const post = async (path: string, body: unknown) => {
      const res = await app.request(`http://127.0.0.1:5454/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { body: string; findings: { rule: string; start: number; end: number }[] } };
    };
    const d = await post('/drafts', { interviewId: interview.id, purpose: 'request' });
    expect(d.status).toBe(200);
    const text = `${d.body.body}\n\nAre you hiring?`;
    const checked = await post('/drafts/check', { interviewId: interview.id, purpose: 'request', channel: 'email', body: text });
    const job = checked.body.findings.find((f) => f.rule === 'asks-for-job')!;
    expect(text.slice(job.start, job.end)).toContain('hiring');
    expect((await post('/drafts', { interviewId: interview.id, purpose: 'nonsense' })).status).toBe(400);
  });
});

describe('draft and templates CLI (built binary, SQLite file)', () => {
  it('prints { subject, body, findings } for an interview', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-draft-'));
    try {
      const db = join(dir, 'c.db');
      const run = (...args: string[]) => cli([...args, '--db', db]);
      run('settings', 'set', 'name', 'Jordan Whitfield');
      const campaign = run('campaigns', 'add', '--field', 'Data journalism', '--situation', 'new-graduate', '--json').json();
      const person = run('contacts', 'add', '--name', 'Bo Chen', '--email', 'bo@example.org', '--json').json();
      const iv = run('interviews', 'add', '--campaign', campaign.id, '--contact', person.id, '--json').json();
      const r = run('draft', 'request', '--interview', iv.id, '--json');
      expect(r.code, r.stderr).toBe(0);
      const d = r.json();
      expect(d.subject).toBe('20 minutes of advice on Data journalism?');
      expect(d.body).toMatch(/^Dear Bo,/);
      expect(d.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
      const text = run('draft', 'follow-up', '--interview', iv.id);
      expect(text.stdout).toMatch(/^To: Bo Chen <bo@example.org>\nSubject: Following up: 20 minutes on Data journalism/);
      const bad = run('draft', 'request', '--interview', iv.id, '--channel', 'fax', '--json');
      expect(bad.code).toBe(2);
      expect(bad.error().code).toBe('invalid_input');
      const tpl = cli([
        'templates',
        'add',
        '--name',
        'x',
        '--purpose',
        'request',
        '--channel',
        'email',
        '--body',
        'Hi {firstName}',
        '--db',
        db,
        '--json',
      ]);
      expect(tpl.code).toBe(2);
      expect(tpl.error().message).toContain('{firstName}');
      expect(cli(['templates', 'list', '--db', db, '--json']).json().length).toBeGreaterThanOrEqual(8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
