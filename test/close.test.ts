// Closing an interview: the referral question must be answered, a closed interview stays closed,
// the debrief is kept, and the thank-you actions fall due when the meeting ends (fixed clock).
// Then the same through the real binary: notes, a referral and close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listActions } from '../src/app/actions.js';
import { closeInterview, getDebrief, updateDebrief } from '../src/app/close.js';
import { getInterview } from '../src/app/interviews.js';
import { addIntroduction } from '../src/app/introductions.js';
import { logTouch } from '../src/app/touches.js';
import { addReferral } from '../src/app/referrals.js';
import { scheduleInterview } from '../src/app/schedule.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect } from './harness.js';

eachDialect('closing an interview', (t) => {
  async function scheduled(over: { contactId?: string } = {}) {
    const i = await buildInterview(t(), over);
    await scheduleInterview(t(), i.id, { at: '2026-03-03T14:00:00Z', minutes: 30 });
    t().clock.set('2026-03-03T14:35:00.000Z');
    return i;
  }

  it('refuses to close until the referral question is answered, then holds it once', async () => {
    const i = await scheduled();
    expect(await codeOf(closeInterview(t(), i.id, {}))).toBe('referral_question_unanswered');
    expect((await getInterview(t(), i.id)).status).toBe('scheduled');
    await addReferral(t(), { interviewId: i.id, name: 'Rosa Lind', email: 'rosa@x.example' });
    const held = await closeInterview(t(), i.id, { debrief: { learned: 'Portfolios beat certificates', fit: 'Good', open: 'Pay bands' } });
    expect(held).toMatchObject({ status: 'held', heldAt: '2026-03-03T14:35:00.000Z', noReferrals: false });
    expect(held.debrief).toMatchObject({ learned: 'Portfolios beat certificates', fit: 'Good', open: 'Pay bands' });
    expect(await codeOf(closeInterview(t(), i.id, { noReferrals: true }))).toBe('invalid_transition');
    expect(await codeOf(closeInterview(t(), 'missing', {}))).toBe('not_found');
    const prospect = await buildInterview(t());
    expect(await codeOf(closeInterview(t(), prospect.id, { noReferrals: true }))).toBe('invalid_transition');
  });

  it('puts the thank-you (and thank-the-introducer) actions at the end of the meeting', async () => {
    const introducer = await buildContact(t(), { name: 'Hana Berg' });
    const person = await buildContact(t(), { name: 'Omar Diallo' });
    await addIntroduction(t(), { introducerId: introducer.id, contactId: person.id, permission: 'granted' });
    const i = await scheduled({ contactId: person.id });
    await closeInterview(t(), i.id, { noReferrals: true });
    const open = (await listActions(t(), { interviewId: i.id, status: 'open' })).map((a) => [a.kind, a.dueAt, a.overdue]);
    expect(open).toEqual(
      expect.arrayContaining([
        ['send-thank-you', '2026-03-03T14:30:00.000Z', false],
        ['thank-introducer', '2026-03-03T14:30:00.000Z', false],
      ]),
    );
    t().clock.set('2026-03-04T14:31:00.000Z'); // a day after the meeting ended: the thank-you is overdue
    const later = await listActions(t(), { interviewId: i.id, status: 'open' });
    expect(later.find((a) => a.kind === 'send-thank-you')?.overdue).toBe(true);
    expect(later.find((a) => a.kind === 'thank-introducer')?.overdue).toBe(false);

    // A thank-you to the introducer is what thank-introducer asks for; the interviewee's own stays open.
    await logTouch(t(), { contactId: introducer.id, channel: 'email', purpose: 'thank-you' });
    const after = await listActions(t(), { interviewId: i.id });
    expect(after.find((a) => a.kind === 'thank-introducer')?.status).toBe('done');
    expect(after.find((a) => a.kind === 'send-thank-you')?.status).toBe('open');
  });

  it('keeps the debrief, editable before and after closing', async () => {
    const i = await scheduled();
    expect(await getDebrief(t(), i.id)).toMatchObject({ learned: null, fit: null, open: null });
    await updateDebrief(t(), i.id, { learned: 'Hiring is slow in spring' });
    const held = await closeInterview(t(), i.id, { noReferrals: true, debrief: { fit: 'Closer than I thought' } });
    expect(held.debrief).toMatchObject({ learned: 'Hiring is slow in spring', fit: 'Closer than I thought', open: null });
    expect(await updateDebrief(t(), i.id, { learned: '' })).toMatchObject({ learned: null, fit: 'Closer than I thought' });
    expect(await codeOf(updateDebrief(t(), i.id, { mood: 'great' }))).toBe('invalid_input');
    expect(await codeOf(getDebrief(t(), 'missing'))).toBe('not_found');
  });

  it('serves POST /interviews/:id/close with the error codes of CONTRACTS.md', async () => {
    const app = createServerApp({ deps: t(), userId: t().userId });
    const i = await scheduled();
    const close = (body: unknown) =>
      app.request(`http://127.0.0.1:5454/api/v1/interviews/${i.id}/close`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = await close({});
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([
      409,
      'referral_question_unanswered',
    ]);
    const ok = await close({ noReferrals: true, debrief: { open: 'Which teams hire juniors' } });
    expect([ok.status, ((await ok.json()) as { status: string }).status]).toEqual([200, 'held']);
    const again = await close({ noReferrals: true });
    expect([again.status, ((await again.json()) as { error: { code: string } }).error.code]).toEqual([409, 'invalid_transition']);
    const debrief = await app.request(`http://127.0.0.1:5454/api/v1/interviews/${i.id}/debrief`);
    expect(await debrief.json()).toMatchObject({ open: 'Which teams hire juniors' });
  });
});

describe('notes, referral and close in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-close-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], now = '2026-03-02T09:00:00Z') => cli(['--db', db, ...args], { COFFEECHAT_NOW: now });

  it('takes tagged notes, records a referral, closes once and shows the thank-you on today', () => {
    expect(run(['settings', 'set', 'timezone', 'UTC']).code).toBe(0);
    const campaign = run(['campaigns', 'add', '--field', 'Health UX', '--situation', 'career-change', '--json']).json();
    const person = run(['contacts', 'add', '--name', 'Maya Okafor', '--email', 'maya@x.example', '--json']).json();
    const interview = run(['interviews', 'add', '--campaign', campaign.id, '--contact', person.id, '--json']).json();
    expect(run(['schedule', '--interview', interview.id, '--at', '2026-03-03T14:00:00Z', '--json']).code).toBe(0);

    const note = run([
      'notes',
      'add',
      '--interview',
      interview.id,
      '--question',
      'typical-day',
      '--kind',
      'industry,job-market',
      'Mornings go to research',
    ]);
    expect(note.code).toBe(0);
    const noted = run(['notes', 'add', '--interview', interview.id, '--kind', 'resume', 'Lead with the portfolio', '--json']).json();
    expect(noted).toMatchObject({ kinds: ['resume'], questionId: null, text: 'Lead with the portfolio', contactId: person.id });
    const notes = run(['notes', 'list', '--interview', interview.id, '--json']).json() as { kinds: string[]; questionId: string | null }[];
    expect(notes.map((n) => [n.questionId, n.kinds.join(',')])).toEqual(expect.arrayContaining([['typical-day', 'industry,job-market']]));
    const badKind = run(['notes', 'add', '--interview', interview.id, '--kind', 'gossip', 'x', '--json']);
    expect([badKind.code, badKind.error().code]).toEqual([2, 'invalid_input']);

    const early = run(['close', '--interview', interview.id, '--json'], '2026-03-03T14:25:00Z');
    expect([early.code, early.error().code]).toEqual([1, 'referral_question_unanswered']);
    const badPermission = run(['referral', 'add', '--interview', interview.id, '--name', 'Leo Park', '--permission', 'maybe', '--json']);
    expect([badPermission.code, badPermission.error().code]).toEqual([2, 'invalid_input']);
    const referral = run([
      'referral',
      'add',
      '--interview',
      interview.id,
      '--name',
      'Leo Park',
      '--email',
      'leo@x.example',
      '--permission',
      'granted',
      '--json',
    ]).json();
    expect(referral).toMatchObject({
      matched: false,
      contact: { name: 'Leo Park', source: 'referral' },
      introduction: { permission: 'granted' },
      interview: { status: 'prospect', campaignId: campaign.id },
    });
    expect(run(['referral', 'list', '--interview', interview.id, '--json']).json()).toHaveLength(1);

    const closed = run(
      ['close', '--interview', interview.id, '--learned', 'Research ops is a way in', '--fit', 'Good', '--open', 'Salary', '--json'],
      '2026-03-03T14:25:00Z',
    );
    expect(closed.code).toBe(0);
    expect(closed.json()).toMatchObject({
      id: interview.id,
      status: 'held',
      heldAt: expect.stringMatching(/^2026-03-03T14:25:00/),
      debrief: { learned: 'Research ops is a way in', fit: 'Good', open: 'Salary' },
    });
    const again = run(['close', '--interview', interview.id, '--no-referrals', '--json'], '2026-03-03T14:26:00Z');
    expect([again.code, again.error().code]).toEqual([1, 'invalid_transition']);
    const today = run(['today', '--json'], '2026-03-03T15:00:00Z').json() as {
      actions: { kind: string; dueAt: string; contactName: string }[];
    };
    expect(today.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'send-thank-you', dueAt: '2026-03-03T14:20:00.000Z', contactName: 'Maya Okafor' }),
      ]),
    );
  });

  it('closes with --no-referrals', () => {
    const campaign = run(['campaigns', 'add', '--field', 'Data', '--situation', 'next-job', '--json']).json();
    const person = run(['contacts', 'add', '--name', 'Tom Reyes', '--json']).json();
    const interview = run(['interviews', 'add', '--campaign', campaign.id, '--contact', person.id, '--json']).json();
    run(['schedule', interview.id, '--at', '2026-03-03T10:00:00Z']);
    const closed = run(['close', interview.id, '--no-referrals', '--json'], '2026-03-03T10:30:00Z');
    expect(closed.stderr).toBe('');
    expect(closed.json()).toMatchObject({ status: 'held', noReferrals: true });
  });
});
