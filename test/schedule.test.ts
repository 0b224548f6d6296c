// Scheduling (status, validation, the long-meeting warning, actions that follow) and the calendar
// files, read back with ical.js, a parser we did not write.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIcs } from './ics.js';
import { afterAll, describe, expect, it } from 'vitest';
import { listActions } from '../src/app/actions.js';
import { getInterview, moveInterview } from '../src/app/interviews.js';
import { calendarIcs, scheduleInterview } from '../src/app/schedule.js';
import { updateSettings } from '../src/app/settings.js';
import { AppError } from '../src/domain/errors.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect } from './harness.js';

async function fieldOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_input') return (e.details as { fields: { field: string }[] }).fields[0]?.field;
    throw e;
  }
  return undefined;
}

eachDialect('scheduling', (t) => {
  it('schedules a prospect in the user zone, reschedules it, and adds the prepare action', async () => {
    await updateSettings(t(), { timezone: 'Europe/Berlin' });
    const i = await buildInterview(t());
    const s = await scheduleInterview(t(), i.id, { at: '2026-03-10 14:00', mode: 'coffee', place: 'Café Kranzler' });
    expect(s).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-03-10T13:00:00.000Z',
      timezone: 'Europe/Berlin',
      minutes: 20,
      mode: 'coffee',
      place: 'Café Kranzler',
      localTime: '2026-03-10 14:00 Europe/Berlin',
      warning: null,
    });
    const kinds = (await listActions(t(), { interviewId: i.id })).map((a) => a.kind);
    expect(kinds).toContain('prepare');

    const moved = await scheduleInterview(t(), i.id, { at: '2026-03-12T09:30:00Z', timezone: 'America/New_York' });
    expect(moved).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-03-12T09:30:00.000Z',
      localTime: '2026-03-12 05:30 America/New_York',
    });
    expect(moved.place).toBe('Café Kranzler'); // a new time keeps the place unless it is given again
  });

  it('refuses bad times, zones, modes, lengths and links, naming the field', async () => {
    const i = await buildInterview(t());
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: 'next tuesday' }))).toBe('at');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-02-30 25:00' }))).toBe('at');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-03-01 10:00' }))).toBe('at'); // in the past
    expect(await fieldOf(scheduleInterview(t(), i.id, {}))).toBe('at');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-03-10 14:00', timezone: 'Mars/Olympus' }))).toBe('timezone');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-03-10 14:00', mode: 'telepathy' }))).toBe('mode');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-03-10 14:00', minutes: 4 }))).toBe('minutes');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-03-10 14:00', minutes: 181 }))).toBe('minutes');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-03-10 14:00', minutes: 12.5 }))).toBe('minutes');
    expect(await fieldOf(scheduleInterview(t(), i.id, { at: '2026-03-10 14:00', link: 'javascript:alert(1)' }))).toBe('link');
    expect((await getInterview(t(), i.id)).status).toBe('prospect');
    expect(await codeOf(scheduleInterview(t(), 'missing', { at: '2026-03-10 14:00' }))).toBe('not_found');
  });

  it('warns past 30 minutes and refuses to schedule a held interview', async () => {
    const i = await buildInterview(t());
    const long = await scheduleInterview(t(), i.id, { at: '2026-03-10T14:00:00Z', minutes: 45 });
    expect(long.minutes).toBe(45);
    expect(long.warning).toMatch(/45 minutes/);
    expect((await scheduleInterview(t(), i.id, { at: '2026-03-10T14:00:00Z', minutes: 30 })).warning).toBeNull();
    await moveInterview(t(), i.id, { status: 'held', noReferrals: true });
    expect(await codeOf(scheduleInterview(t(), i.id, { at: '2026-03-11T14:00:00Z' }))).toBe('invalid_transition');
  });

  it('writes calendar events with stable UIDs, zone-correct times across DST, an alarm and escaped text', async () => {
    await updateSettings(t(), { timezone: 'Europe/Berlin' });
    const ada = await buildContact(t(), { name: 'Ada Lovelace' });
    const before = await buildInterview(t(), { contactId: ada.id });
    const after = await buildInterview(t());
    const place = 'Room 4; Building B, 2nd floor\nAsk at the desk, "Coffee, Inc."';
    await scheduleInterview(t(), before.id, { at: '2026-03-27 14:00', place, mode: 'in-person' });
    await scheduleInterview(t(), after.id, { at: '2026-03-30 14:00', minutes: 25, link: 'https://meet.example.org/abc?x=1&y=2' });
    await buildInterview(t()); // a prospect: not on the calendar

    const text = await calendarIcs(t(), {});
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260330T140000');
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const events = parseIcs(text);
    expect(events.map((e) => e.uid)).toEqual([`${before.id}@coffeechat`, `${after.id}@coffeechat`]);
    const [b, a] = events;
    // 14:00 in Berlin is 13:00Z before the switch on 29 March and 12:00Z after it.
    expect([b!.start, b!.end, b!.tzid]).toEqual(['2026-03-27T13:00:00.000Z', '2026-03-27T13:20:00.000Z', 'Europe/Berlin']);
    expect([a!.start, a!.end, a!.tzid]).toEqual(['2026-03-30T12:00:00.000Z', '2026-03-30T12:25:00.000Z', 'Europe/Berlin']);
    expect(b!.summary).toBe('Coffee chat with Ada Lovelace');
    expect(b!.location).toBe(place);
    expect(b!.description).toContain('UX research in healthcare');
    expect(a!.url).toBe('https://meet.example.org/abc?x=1&y=2');
    expect(b!.stamp).toMatch(/Z$/);
    for (const e of events) expect(e.alarms).toEqual([['DISPLAY', '-PT30M']]);

    // Exporting again (and one interview alone) gives the same events.
    expect(await calendarIcs(t(), {})).toBe(text);
    const one = parseIcs(await calendarIcs(t(), { interviewId: after.id }));
    expect(one).toEqual([a]);
    expect(await codeOf(calendarIcs(t(), { interviewId: (await buildInterview(t())).id }))).toBe('invalid_transition');
  });

  it('serves scheduling and calendar files over the API', async () => {
    const app = createServerApp({ deps: t(), userId: t().userId });
    const i = await buildInterview(t());
    const post = (body: unknown) =>
      app.request(`http://127.0.0.1:5454/api/v1/interviews/${i.id}/schedule`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await post({ at: '2026-03-10T14:00:00Z', mode: 'fax' });
    expect(bad.status).toBe(400);
    const ok = await post({ at: '2026-03-10T14:00:00Z', mode: 'video', link: 'https://meet.example.org/x' });
    expect([ok.status, ((await ok.json()) as { status: string }).status]).toEqual([200, 'scheduled']);
    for (const path of [`/interviews/${i.id}/calendar.ics`, '/calendar.ics']) {
      const res = await app.request(`http://127.0.0.1:5454/api/v1${path}`);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(parseIcs(await res.text()).map((e) => e.start)).toEqual(['2026-03-10T14:00:00.000Z']);
    }
    expect((await app.request('http://127.0.0.1:5454/api/v1/interviews/missing/calendar.ics')).status).toBe(404);
  });
});

describe('schedule and calendar in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-schedule-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => cli(['--db', db, ...args]);

  it('schedules an interview and writes the calendar file', () => {
    expect(run(['settings', 'set', 'timezone', 'Europe/Berlin']).code).toBe(0);
    const contact = run(['contacts', 'add', '--name', 'Grace Hopper', '--json']).json();
    const campaign = run(['campaigns', 'add', '--field', 'Compilers', '--situation', 'next-job', '--json']).json();
    const interview = run(['interviews', 'add', '--campaign', campaign.id, '--contact', contact.id, '--json']).json();

    const s = run([
      'schedule',
      interview.id,
      '--at',
      '2026-03-30 14:00',
      '--minutes',
      '40',
      '--mode',
      'coffee',
      '--place',
      'Kiosk, Platz 1',
    ]);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('Grace Hopper: scheduled for 2026-03-30 14:00 Europe/Berlin, 40 minutes');
    expect(s.stderr).toMatch(/Warning: 40 minutes/);
    const again = run(['schedule', '--interview', interview.id, '--at', '2026-03-31 10:00', '--json']).json();
    expect(again).toMatchObject({ status: 'scheduled', scheduledAt: '2026-03-31T08:00:00.000Z', minutes: 40, place: 'Kiosk, Platz 1' });
    const bad = run(['schedule', interview.id, '--at', '2026-03-31 10:00', '--minutes', 'lots', '--json']);
    expect([bad.code, bad.error().code]).toEqual([2, 'invalid_input']);

    const out = join(dir, 'one.ics');
    expect(run(['calendar', '--interview', interview.id, '--out', out]).code).toBe(0);
    const [e] = parseIcs(readFileSync(out, 'utf8'));
    expect(e).toMatchObject({ uid: `${interview.id}@coffeechat`, summary: 'Coffee chat with Grace Hopper', location: 'Kiosk, Platz 1' });
    expect(e!.start).toBe('2026-03-31T08:00:00.000Z');
    expect(parseIcs(run(['calendar']).stdout).map((x) => x.uid)).toEqual([`${interview.id}@coffeechat`]);
    // The stable name of the same file: `export ics`.
    expect(run(['export', 'ics']).stdout).toBe(run(['calendar']).stdout);
  });
});
