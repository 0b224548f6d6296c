// Done, snooze and dismiss on stored actions, Today's grouping, accepting a suggestion through a
// mutual contact, the API routes, and the CLI with COFFEECHAT_NOW.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptSuggestion, dismissAction, listActions, markDone, snoozeAction } from '../src/app/actions.js';
import { loadDemo } from '../src/app/demo.js';
import { updateSettings } from '../src/app/settings.js';
import { today } from '../src/app/today.js';
import { logTouch } from '../src/app/touches.js';
import { cli } from './cli.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect } from './harness.js';

eachDialect('actions', (t) => {
  async function requested() {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    const i = await buildInterview(ctx);
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'request' });
    return listActions(ctx, { status: 'open' });
  }

  it('marks done, snoozes and dismisses, refusing what does not apply', async () => {
    const ctx = t();
    const [ask, follow] = await requested();
    expect(await codeOf(markDone(ctx, 'nope'))).toBe('not_found');
    expect(await codeOf(snoozeAction(ctx, ask!.id, { until: '2026-03-01T09:00:00Z' }))).toBe('invalid_input');
    expect(await codeOf(snoozeAction(ctx, ask!.id, { until: 'next week' }))).toBe('invalid_input');
    expect(await codeOf(snoozeAction(ctx, ask!.id, {}))).toBe('invalid_input');

    const snoozed = await snoozeAction(ctx, ask!.id, { until: '2026-03-09T09:00' });
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-03-09T09:00:00.000Z' });
    // Due on Thursday, but snoozed to Monday: not on Thursday's list, back on Monday's.
    ctx.clock.set('2026-03-05T10:00:00.000Z');
    expect((await today(ctx)).actions).toEqual([]);
    expect((await today(ctx)).upcoming.map((a) => a.kind)).toEqual(['ask-second-person', 'follow-up']);
    ctx.clock.set('2026-03-09T10:00:00.000Z');
    expect((await today(ctx)).actions.map((a) => [a.kind, a.overdue])).toEqual([['ask-second-person', true]]);

    const done = await markDone(ctx, ask!.id);
    expect(done).toMatchObject({ status: 'done', closedAt: '2026-03-09T10:00:00.000Z' });
    expect(await codeOf(markDone(ctx, ask!.id))).toBe('invalid_transition');
    expect(await codeOf(snoozeAction(ctx, ask!.id, { until: '2026-04-01' }))).toBe('invalid_transition');
    expect((await dismissAction(ctx, follow!.id)).status).toBe('dismissed');
    expect(await codeOf(dismissAction(ctx, follow!.id))).toBe('invalid_transition');
    expect(await listActions(ctx, { status: 'open' })).toEqual([]);
    expect(await codeOf(listActions(ctx, { status: 'later' }))).toBe('invalid_input');
  });

  it('today counts overdue, due today, upcoming and meetings', async () => {
    const ctx = t();
    await requested();
    ctx.clock.set('2026-03-06T10:00:00.000Z');
    const day = await today(ctx);
    expect(day.counts).toEqual({ overdue: 1, dueToday: 0, upcoming: 1, meetings: 0 });
    expect(day.actions[0]).toMatchObject({ kind: 'ask-second-person', overdue: true, status: 'open' });
    expect(day.actions[0]!.contactName).toMatch(/^Person \d+ Example$/);
  });

  it('today shows the most urgent few of a long list and counts them all', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    const c = await buildCampaign(ctx);
    // Three requests on Monday 2 March, so each has an ask-second-person (Thu) and a follow-up (next Wed).
    for (let n = 0; n < 3; n++) {
      const i = await buildInterview(ctx, { campaignId: c.id });
      ctx.clock.set(`2026-03-02T0${n + 1}:00:00.000Z`);
      await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'request' });
    }
    // One ask-second-person snoozed to Friday morning comes back on Friday.
    const first = (await listActions(ctx, { status: 'open' })).find((a) => a.kind === 'ask-second-person')!;
    await snoozeAction(ctx, first.id, { until: '2026-03-06T08:00' });
    ctx.clock.set('2026-03-06T10:00:00.000Z');
    const all = await today(ctx);
    expect(all.counts).toEqual({ overdue: 3, dueToday: 0, upcoming: 3, meetings: 0 });
    expect(all.more).toEqual({ actions: 0, upcoming: 0 });
    const capped = await today(ctx, { limit: '2' });
    expect(capped.counts).toEqual(all.counts);
    expect(capped.actions.map((a) => a.id)).toEqual(all.actions.slice(0, 2).map((a) => a.id));
    expect(capped.upcoming.map((a) => a.id)).toEqual(all.upcoming.slice(0, 2).map((a) => a.id));
    expect(capped.more).toEqual({ actions: 1, upcoming: 1 });
    expect(all.actions.map((a) => a.dueAt)).toEqual([...all.actions.map((a) => a.dueAt)].sort());
    expect(all.actions.map((a) => a.id)).toContain(first.id);
    expect(await codeOf(today(ctx, { limit: '0' }))).toBe('invalid_input');
    expect(await codeOf(today(ctx, { limit: '1001' }))).toBe('invalid_input');
  });

  it('accepting a suggestion through a mutual contact adds the prospect and the introduction to ask for', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    const campaign = await buildCampaign(ctx);
    const via = await buildContact(ctx, { name: 'Tom Lindqvist' });
    const target = await buildContact(ctx, { name: 'Priya Raman', organisation: 'CareLoop' });
    const r = await acceptSuggestion(ctx, { campaignId: campaign.id, contactId: target.id, viaContactId: via.id });
    expect(r.interview).toMatchObject({ status: 'prospect', contactId: target.id });
    expect(r.action).toMatchObject({
      kind: 'ask-introduction',
      contactId: via.id,
      interviewId: r.interview.id,
      dueAt: '2026-03-02T09:00:00.000Z',
      overdue: false,
    });
    expect(r.action!.reason).toMatch(/Priya Raman at CareLoop.*Tom Lindqvist/);
    expect((await today(ctx)).actions.map((a) => a.kind)).toEqual(['ask-introduction']);
    expect(await codeOf(acceptSuggestion(ctx, { campaignId: campaign.id, contactId: target.id, viaContactId: via.id }))).toBe('conflict');
    expect(await codeOf(acceptSuggestion(ctx, { campaignId: campaign.id, contactId: via.id, viaContactId: via.id }))).toBe('invalid_input');
    const plain = await buildContact(ctx);
    expect((await acceptSuggestion(ctx, { campaignId: campaign.id, contactId: plain.id })).action).toBeNull();
    // Once the request goes out, asking for the introduction is done.
    await logTouch(ctx, { contactId: target.id, channel: 'email', purpose: 'request' });
    expect((await listActions(ctx, { status: 'done' })).map((a) => a.kind)).toEqual(['ask-introduction']);
  });

  it('the sample data makes its actions through the rules', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    ctx.clock.set('2026-03-05T09:00:00.000Z');
    await loadDemo(ctx);
    const day = await today(ctx);
    const kinds = day.actions.map((a) => `${a.kind}:${a.contactName}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'send-thank-you:Priya Raman',
        'thank-introducer:Priya Raman',
        'ask-second-person:Liam Chen',
        'prepare:Daniel Ferreira',
        'ask-introduction:Maya Okafor',
      ]),
    );
    expect(day.meetings.map((m) => m.contactName)).toEqual(['Daniel Ferreira']);
    expect(day.upcoming.map((a) => a.kind)).toContain('follow-up');
  });
});

describe('actions in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-actions-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], now = '2026-03-05T09:00:00Z') => cli(['--db', db, ...args], { COFFEECHAT_NOW: now });

  it('lists, snoozes, marks done and groups today by urgency', () => {
    expect(run(['settings', 'set', 'timezone', 'UTC']).code).toBe(0);
    expect(run(['demo']).code).toBe(0);
    const t = run(['today', '--json']).json();
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['now', 'actions', 'upcoming', 'meetings']));
    const human = run(['today']).stdout;
    expect(human).toMatch(/\d+ overdue, \d+ due today, \d+ in the next 7 days, 1 meeting\./);
    expect(human).toMatch(/Overdue \(\d+\)[\s\S]*Due today \(\d+\)[\s\S]*Next 7 days \(\d+\)[\s\S]*Meetings today \(1\)/);

    const open = run(['actions', 'list', '--status', 'open', '--json']).json() as { id: string; kind: string }[];
    const ask = open.find((a) => a.kind === 'ask-second-person')!;
    const snoozed = run(['actions', 'snooze', ask.id, '--until', '2026-03-09T09:00', '--json']).json();
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-03-09T09:00:00.000Z' });
    const past = run(['actions', 'snooze', ask.id, '--until', '2026-03-01', '--json']);
    expect([past.code, past.error().code]).toEqual([2, 'invalid_input']);
    expect(run(['actions', 'done', ask.id, '--json']).json()).toMatchObject({ status: 'done' });
    const again = run(['actions', 'dismiss', ask.id, '--json']);
    expect([again.code, again.error().code]).toEqual([1, 'invalid_transition']);
    expect(run(['actions', 'done', 'missing']).code).toBe(1);
    // A week later the follow-up to Liam is due.
    const later = run(['today', '--json'], '2026-03-11T12:00:00Z').json() as { actions: { kind: string; contactName: string }[] };
    expect(later.actions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'follow-up', contactName: 'Liam Chen' })]));
  });
});
