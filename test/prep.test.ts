// The prep sheet: what it gathers (person, work history, introduction chain, plan, prompts), its
// validation, the prepare action that follows the checklist (fixed clock), the API's files and
// the CLI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listActions } from '../src/app/actions.js';
import { addIntroduction } from '../src/app/introductions.js';
import { getPrep, updatePrep } from '../src/app/prep.js';
import { scheduleInterview } from '../src/app/schedule.js';
import { updateSettings } from '../src/app/settings.js';
import { today } from '../src/app/today.js';
import { AppError } from '../src/domain/errors.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect, type TestCtx } from './harness.js';

async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_input')
      return (e.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    throw e;
  }
  return [];
}

const COMPLETE = { checklist: { role: true, news: true, public: true }, objectives: ['Learn how their team hires people from outside'] };

async function scheduledInterview(t: TestCtx) {
  await updateSettings(t, { timezone: 'UTC' });
  const i = await buildInterview(t);
  await scheduleInterview(t, i.id, { at: '2026-03-10T14:00:00Z' }); // Tuesday of the next week
  return i;
}

const prepareActions = async (t: TestCtx, interviewId: string) =>
  (await listActions(t, { interviewId })).filter((a) => a.kind === 'prepare');

eachDialect('prep sheet', (t) => {
  it('gathers the person, their work history, the introduction chain, the plan and the prompts', async () => {
    const bridge = await buildContact(t(), { name: 'Ada Byron', tie: 'acquaintance' });
    const person = await buildContact(t(), {
      name: 'Zoë Łukasiewicz',
      organisation: 'Nordlicht Health',
      title: 'Research lead',
      tie: 'cold',
      research: 'Spoke at a patient-safety meetup in 2025.',
    });
    await addIntroduction(t(), { introducerId: bridge.id, contactId: person.id, permission: 'granted' });
    const i = await buildInterview(t(), { contactId: person.id });

    const sheet = await getPrep(t(), i.id);
    expect(sheet.person).toMatchObject({ name: 'Zoë Łukasiewicz', organisation: 'Nordlicht Health', title: 'Research lead' });
    expect(sheet.person.research).toBe('Spoke at a patient-safety meetup in 2025.');
    expect(sheet.person.roles).toEqual([
      expect.objectContaining({ organisation: 'Nordlicht Health', title: 'Research lead', current: true }),
    ]);
    expect(sheet.connection.chain.map((c) => c.name)).toEqual(['Ada Byron', 'Zoë Łukasiewicz']);
    expect(sheet.connection.introducedBy).toEqual([{ id: bridge.id, name: 'Ada Byron', permission: 'granted' }]);
    expect(sheet.connection.summary).toMatch(/Ada Byron introduced you.*may mention/);
    expect(sheet.checklist.map((c) => [c.id, c.checked])).toEqual([
      ['role', false],
      ['news', false],
      ['public', false],
    ]);
    // The default agenda comes from the meeting's 20 minutes: 2 + 16 + 2, the referral question in the close.
    expect(sheet.agenda.custom).toBe(false);
    expect(sheet.agenda.items.map((a) => a.minutes)).toEqual([2, 16, 2]);
    expect(sheet.agenda.items[2]!.title).toMatch(/who else/i);
    expect(sheet.plan.questions.at(-1)?.id).toBe('who-else');
    expect(sheet.talkingPoints.map((p) => p.promptId)).toEqual(['prep-about-me', 'prep-why-field', 'prep-why-role', 'prep-why-org']);
    expect(sheet.talkingPoints[1]!.prompt).toContain('UX research in healthcare'); // {field} filled in
    expect(sheet.etiquette.join(' ')).toMatch(/on time/i);
    expect(sheet.etiquette.join(' ')).toMatch(/never ask for a job/i);
    expect(sheet).toMatchObject({ complete: false, prepMinutes: 0, updatedAt: null });
    expect(sheet.missing).toContain('at least one objective');
  });

  it('saves each field it is given and keeps the rest', async () => {
    const i = await buildInterview(t());
    await updatePrep(t(), i.id, {
      checklist: { role: true },
      researchNotes: 'Their annual report names three new clinics.',
      talkingPoints: { 'prep-why-field': 'I have spent a year volunteering in a clinic.' },
      prepMinutes: 35,
    });
    const s = await updatePrep(t(), i.id, {
      objectives: ['Hear how they moved from nursing into research'],
      agenda: [
        { title: 'Hello', minutes: 1 },
        { title: 'Questions', minutes: 17 },
        { title: 'Who else?', minutes: 2 },
      ],
    });
    expect(s.checklist.filter((c) => c.checked).map((c) => c.id)).toEqual(['role']);
    expect(s.researchNotes).toBe('Their annual report names three new clinics.');
    expect(s.objectives).toEqual(['Hear how they moved from nursing into research']);
    expect(s.agenda).toEqual({ custom: true, items: expect.arrayContaining([{ title: 'Hello', minutes: 1 }]) });
    expect(s.talkingPoints.find((p) => p.promptId === 'prep-why-field')!.text).toBe('I have spent a year volunteering in a clinic.');
    expect(s.prepMinutes).toBe(35);
    expect(s.updatedAt).toBe('2026-03-02T09:00:00.000Z');
    // null brings the default agenda back; an empty answer removes a talking point.
    const reset = await updatePrep(t(), i.id, { agenda: null, talkingPoints: { 'prep-why-field': '' } });
    expect(reset.agenda.custom).toBe(false);
    expect(reset.talkingPoints.every((p) => p.text === null)).toBe(true);
    expect((await getPrep(t(), i.id)).researchNotes).toBe('Their annual report names three new clinics.');
  });

  it('refuses bad input field by field, and unknown interviews', async () => {
    const i = await buildInterview(t());
    expect(
      await fieldsOf(
        updatePrep(t(), i.id, {
          checklist: { role: 'yes', gossip: true },
          objectives: ['   '],
          prepMinutes: -5,
          talkingPoints: { 'prep-hobbies': 'x' },
        }),
      ),
    ).toEqual(expect.arrayContaining(['checklist.role', 'checklist', 'objectives.0', 'prepMinutes', 'talkingPoints']));
    expect(await fieldsOf(updatePrep(t(), i.id, { agenda: [], colour: 'blue' }))).toEqual(expect.arrayContaining(['agenda', '(body)']));
    expect(await fieldsOf(updatePrep(t(), i.id, { prepMinutes: 2.5 }))).toEqual(['prepMinutes']);
    expect(await codeOf(getPrep(t(), 'nope'))).toBe('not_found');
    expect(await codeOf(updatePrep(t(), 'nope', { prepMinutes: 3 }))).toBe('not_found');
    expect((await getPrep(t(), i.id)).updatedAt).toBeNull(); // nothing half-saved
  });

  it('wants the prepare action two days ahead while the checklist is incomplete, and closes it when complete', async () => {
    const i = await scheduledInterview(t());
    const [open] = await prepareActions(t(), i.id);
    expect(open).toMatchObject({ status: 'open', dueAt: '2026-03-08T14:00:00.000Z' });

    // Sunday afternoon, two days before: it is on Today.
    t().clock.set('2026-03-08T15:00:00Z');
    expect((await today(t())).actions.map((a) => a.kind)).toContain('prepare');

    // Half done is not done.
    await updatePrep(t(), i.id, { checklist: { role: true, news: true, public: true } });
    expect((await prepareActions(t(), i.id))[0]!.status).toBe('open');

    const done = await updatePrep(t(), i.id, { objectives: COMPLETE.objectives });
    expect(done.complete).toBe(true);
    expect(await prepareActions(t(), i.id)).toEqual([expect.objectContaining({ id: open!.id, status: 'done' })]);
    expect((await today(t())).actions.map((a) => a.kind)).not.toContain('prepare');

    // Un-checking an item brings the same action back.
    await updatePrep(t(), i.id, { checklist: { news: false } });
    expect(await prepareActions(t(), i.id)).toEqual([expect.objectContaining({ id: open!.id, status: 'open' })]);
    expect((await today(t())).actions.map((a) => a.kind)).toContain('prepare');
  });

  it('never makes a prepare action for a meeting prepared before it was booked', async () => {
    await updateSettings(t(), { timezone: 'UTC' });
    const i = await buildInterview(t());
    await updatePrep(t(), i.id, COMPLETE);
    await scheduleInterview(t(), i.id, { at: '2026-03-10T14:00:00Z' });
    expect(await prepareActions(t(), i.id)).toEqual([]);
    expect((await listActions(t(), { interviewId: i.id })).map((a) => a.kind)).toContain('send-thank-you');
  });

  it('serves the sheet, its changes and its files over the API', async () => {
    const app = createServerApp({ deps: t(), userId: t().userId });
    const i = await scheduledInterview(t());
    const url = (path: string) => `http://127.0.0.1:5454/api/v1/interviews/${i.id}${path}`;
    const patch = (body: unknown) =>
      app.request(url('/prep'), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const bad = await patch({ prepMinutes: 'lots' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    const ok = await patch(COMPLETE);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { complete: boolean }).complete).toBe(true);
    expect(((await (await app.request(url('/prep'))).json()) as { objectives: string[] }).objectives).toEqual(COMPLETE.objectives);

    const md = await app.request(url('/prep.md'));
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe(`attachment; filename="coffeechat-prep-${i.id}.md"`);
    expect(await md.text()).toContain('- [x] Their role and background');

    const pdf = await app.request(url('/prep.pdf'));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/filename="coffeechat-prep-.*\.pdf"/);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect((await app.request('http://127.0.0.1:5454/api/v1/interviews/missing/prep.pdf')).status).toBe(404);
  });
});

describe('prep in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-prep-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => cli(['--db', db, ...args]);

  it('fills in the checklist, closes the prepare action and exports Markdown and PDF', () => {
    expect(run(['settings', 'set', 'timezone', 'UTC']).code).toBe(0);
    const contact = run(['contacts', 'add', '--name', 'Grace Hopper', '--organisation', 'Navy Labs', '--json']).json();
    const campaign = run(['campaigns', 'add', '--field', 'Compilers', '--situation', 'next-job', '--json']).json();
    const interview = run(['interviews', 'add', '--campaign', campaign.id, '--contact', contact.id, '--json']).json();
    expect(run(['schedule', interview.id, '--at', '2026-03-03 10:00']).code).toBe(0);
    const prepare = () =>
      run(['actions', 'list', '--interview', interview.id, '--status', 'open', '--json'])
        .json()
        .find((a: { kind: string }) => a.kind === 'prepare');
    expect(prepare()).toMatchObject({ status: 'open' });

    const half = run(['prep', '--interview', interview.id, '--check', 'role,news', '--minutes-spent', '30']);
    expect(half.code).toBe(0);
    expect(half.stdout).toMatch(/still to do: what not to ask because it is public; at least one objective/);
    const full = run([
      'prep',
      interview.id,
      '--check',
      'public',
      '--objective',
      'Learn what a compiler team looks for in a new hire',
      '--talking-point',
      'why-field=I wrote a toy compiler and loved it.',
      '--json',
    ]).json();
    expect(full).toMatchObject({ complete: true, prepMinutes: 30, objectives: ['Learn what a compiler team looks for in a new hire'] });
    expect(prepare()).toBeUndefined(); // no longer open

    const md = run(['prep', '--interview', interview.id]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Prep sheet: Grace Hopper/);
    expect(md.stdout).toContain('I wrote a toy compiler and loved it.');

    const out = join(dir, 'sheet.pdf');
    const pdf = run(['prep', '--interview', interview.id, '--format', 'pdf', '--out', out]);
    expect([pdf.code, pdf.stderr]).toEqual([0, `Wrote ${out}.\n`]);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');

    const badCheck = run(['prep', '--interview', interview.id, '--check', 'gossip', '--json']);
    expect([badCheck.code, badCheck.error().code]).toEqual([2, 'invalid_input']);
    const badFormat = run(['prep', '--interview', interview.id, '--format', 'docx']);
    expect(badFormat.code).toBe(2);
    const missing = run(['prep', '--interview', 'nope', '--json']);
    expect([missing.code, missing.error().code]).toEqual([1, 'not_found']);
  });
});
