// The follow-through rules on a real database, moving the injected clock: a request makes its
// actions on the right business days, replies and follow-ups move them on, declines and
// do-not-contact clear them.
import { expect, it } from 'vitest';
import { listActions, markDone } from '../src/app/actions.js';
import { updateContact } from '../src/app/contacts.js';
import { getInterview, moveInterview } from '../src/app/interviews.js';
import { updateSettings } from '../src/app/settings.js';
import { today } from '../src/app/today.js';
import { logTouch } from '../src/app/touches.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';
import { eachDialect, type TestCtx } from './harness.js';

const open = async (ctx: TestCtx) => (await listActions(ctx, { status: 'open' })).map((a) => [a.kind, a.dueAt]);
const dueNow = async (ctx: TestCtx) => (await today(ctx)).actions.map((a) => a.kind);

eachDialect('follow-through', (t) => {
  it('a request brings ask-second-person on business day 3 and follow-up on day 7; a positive reply replaces them with schedule', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    const i = await buildInterview(ctx);
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'request' }); // Monday 09:00
    expect(await open(ctx)).toEqual([
      ['ask-second-person', '2026-03-05T09:00:00.000Z'],
      ['follow-up', '2026-03-11T09:00:00.000Z'],
    ]);
    expect(await dueNow(ctx)).toEqual([]);
    ctx.clock.set('2026-03-04T12:00:00.000Z'); // Wednesday: nothing due yet, ask-second-person coming
    expect(await dueNow(ctx)).toEqual([]);
    expect((await today(ctx)).upcoming.map((a) => a.kind)).toEqual(['ask-second-person', 'follow-up']);
    ctx.clock.set('2026-03-05T08:00:00.000Z'); // Thursday: due today, not overdue
    const thu = await today(ctx);
    expect(thu.actions.map((a) => [a.kind, a.overdue])).toEqual([['ask-second-person', false]]);
    ctx.clock.set('2026-03-06T10:00:00.000Z'); // Friday: overdue
    expect((await today(ctx)).actions.map((a) => [a.kind, a.overdue])).toEqual([['ask-second-person', true]]);
    ctx.clock.set('2026-03-11T10:00:00.000Z');
    expect(await dueNow(ctx)).toEqual(['ask-second-person', 'follow-up']);

    await logTouch(ctx, {
      contactId: i.contactId,
      channel: 'email',
      direction: 'in',
      purpose: 'reply',
      response: 'positive',
      objection: 'Booked solid this month',
    });
    expect(await open(ctx)).toEqual([['schedule', '2026-03-11T10:00:00.000Z']]);
    const [schedule] = await listActions(ctx, { status: 'open' });
    expect(schedule!.reason).toMatch(/breakfast|15-minute call/);
    expect((await listActions(ctx, { status: 'dismissed' })).map((a) => a.kind).sort()).toEqual(['ask-second-person', 'follow-up']);

    await moveInterview(ctx, i.id, { status: 'scheduled' });
    expect(await open(ctx)).toEqual([]);
    expect((await listActions(ctx, { status: 'done' })).map((a) => a.kind)).toEqual(['schedule']);
  });

  it('a follow-up touch brings move-on 7 business days later; confirming it closes the request as no response', async () => {
    const ctx = t();
    const i = await buildInterview(ctx);
    await updateSettings(ctx, { timezone: 'Europe/London', country: 'GB' });
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'request', at: '2026-03-02T09:00' });
    ctx.clock.set('2026-03-11T12:00:00.000Z');
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'follow-up' });
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'follow-up' }); // one too many: changes nothing
    expect(await open(ctx)).toEqual([
      ['ask-second-person', '2026-03-05T09:00:00.000Z'],
      ['move-on', '2026-03-20T12:00:00.000Z'],
    ]);
    expect((await listActions(ctx, { status: 'done' })).map((a) => a.kind)).toEqual(['follow-up']);
    ctx.clock.set('2026-03-20T12:00:00.000Z');
    const moveOn = (await today(ctx)).actions.find((a) => a.kind === 'move-on')!;
    await markDone(ctx, moveOn.id);
    expect((await getInterview(ctx, i.id)).status).toBe('no-response');
    expect(await open(ctx)).toEqual([]);
  });

  it('the single and weekly presets', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC', followUpPreset: 'single' });
    const a = await buildInterview(ctx);
    await logTouch(ctx, { contactId: a.contactId, channel: 'email', purpose: 'request' });
    expect(await open(ctx)).toEqual([['follow-up', '2026-03-12T09:00:00.000Z']]);
    await updateSettings(ctx, { followUpPreset: 'weekly' });
    const b = await buildInterview(ctx);
    await logTouch(ctx, { contactId: b.contactId, channel: 'email', purpose: 'request' });
    const weekly = (await listActions(ctx, { status: 'open', interviewId: b.id })).map((x) => [x.kind, x.dueAt.slice(0, 10)]);
    expect(weekly).toEqual([
      ['follow-up', '2026-03-09'],
      ['follow-up', '2026-03-16'],
      ['follow-up', '2026-03-23'],
      ['follow-up', '2026-03-30'],
      ['move-on', '2026-04-06'],
    ]);
  });

  it('a decline, or marking someone do not contact, cancels every open action for them in every campaign', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    const person = await buildContact(ctx);
    const one = await buildInterview(ctx, { contactId: person.id });
    const two = await buildInterview(ctx, {
      contactId: person.id,
      campaignId: (await buildCampaign(ctx, { field: 'Data journalism' })).id,
    });
    await logTouch(ctx, { contactId: person.id, interviewId: one.id, channel: 'email', purpose: 'request' });
    await logTouch(ctx, { contactId: person.id, interviewId: two.id, channel: 'email', purpose: 'request' });
    expect((await open(ctx)).length).toBe(4);
    await logTouch(ctx, {
      contactId: person.id,
      interviewId: one.id,
      channel: 'email',
      direction: 'in',
      purpose: 'reply',
      response: 'negative',
    });
    expect(await open(ctx)).toEqual([]);

    const other = await buildInterview(ctx);
    await logTouch(ctx, { contactId: other.contactId, channel: 'email', purpose: 'request' });
    expect((await open(ctx)).length).toBe(2);
    await updateContact(ctx, other.contactId, { doNotContact: true });
    expect(await open(ctx)).toEqual([]);
    // Later touches do not bring them back.
    await logTouch(ctx, { contactId: other.contactId, channel: 'email', direction: 'in', purpose: 'other' });
    expect(await open(ctx)).toEqual([]);
  });

  it('a meeting brings prepare and thank-you; holding it and thanking leads to an update four weeks on', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    const i = await buildInterview(ctx);
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'request' });
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', direction: 'in', purpose: 'reply', response: 'positive' });
    await moveInterview(ctx, i.id, { status: 'scheduled' });
    // Scheduling fields come with `schedule`; until then the store sets them, as it would.
    const cur = (await ctx.store.interviews.get(ctx.userId, i.id))!;
    await ctx.store.transaction(async (tx) => {
      await tx.interviews.update(ctx.userId, { ...cur, scheduledAt: '2026-03-10T15:00:00.000Z', minutes: 30 });
      const { syncActions } = await import('../src/app/actions.js');
      await syncActions(ctx, tx, i.id);
    });
    expect(await open(ctx)).toEqual([
      ['prepare', '2026-03-08T15:00:00.000Z'],
      ['send-thank-you', '2026-03-10T15:30:00.000Z'],
    ]);
    ctx.clock.set('2026-03-10T16:00:00.000Z');
    await moveInterview(ctx, i.id, { status: 'held', noReferrals: true });
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'thank-you' });
    expect(await open(ctx)).toEqual([['send-update', '2026-04-07T16:00:00.000Z']]);
    expect((await listActions(ctx, { status: 'done' })).map((a) => a.kind).sort()).toEqual(['prepare', 'schedule', 'send-thank-you']);
  });
});
