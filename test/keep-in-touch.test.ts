// Thanks and keeping in touch: the update rule with a fixed clock (4 weeks after the last touch of
// any kind with the person, overdue at 6, reset by any touch, stopped by the campaign's end and by
// "done keeping in touch", back on reopen / undo), then the same on both databases with the
// drafts that quote the advice noted and report what the user did since.
import { describe, expect, it } from 'vitest';
import { listActions } from '../src/app/actions.js';
import { endCampaign, reopenCampaign } from '../src/app/campaigns.js';
import { draft } from '../src/app/drafts.js';
import { addInterview, getInterview, moveInterview } from '../src/app/interviews.js';
import { addIntroduction } from '../src/app/introductions.js';
import { setKeepInTouch } from '../src/app/keep-in-touch.js';
import { addNote } from '../src/app/notes.js';
import { addOutcome } from '../src/app/outcomes.js';
import { updateSettings } from '../src/app/settings.js';
import { today } from '../src/app/today.js';
import { logTouch } from '../src/app/touches.js';
import {
  planActions,
  updatesToResume,
  type ExistingAction,
  type FollowThroughSettings,
  type InterviewFacts,
  type TouchFact,
} from '../src/domain/follow-through.js';
import { adviceFrom, shortQuote } from '../src/domain/templates/progress.js';
import { createServerApp } from '../src/server/app.js';
import { buildCampaign, buildContact } from './factories.js';
import { codeOf, eachDialect, type TestCtx } from './harness.js';

const S: FollowThroughSettings = { timeZone: 'UTC', country: null, preset: '3b7' };
const THANKED = '2026-03-12T18:00:00.000Z';

const touch = (purpose: TouchFact['purpose'], at: string, over: Partial<TouchFact> = {}): TouchFact => ({
  interviewId: 'i1',
  direction: 'out',
  purpose,
  response: null,
  objection: null,
  at,
  planned: false,
  ...over,
});

function thanked(touches: TouchFact[], over: Partial<InterviewFacts> = {}): InterviewFacts {
  return {
    interview: { id: 'i1', status: 'thanked', scheduledAt: '2026-03-12T15:00:00.000Z', minutes: 30, heldAt: '2026-03-12T15:30:00.000Z' },
    contact: { id: 'c1', name: 'Maya Okafor', organisation: null, doNotContact: false },
    introducer: null,
    prepared: true,
    touches,
    actions: [],
    ...over,
  };
}

let n = 0;
const action = (kind: ExistingAction['kind'], dueAt: string, status: ExistingAction['status'] = 'open'): ExistingAction => ({
  id: `a${++n}`,
  kind,
  dueAt,
  status,
  createdAt: THANKED,
  closedAt: status === 'open' ? null : '2026-03-20T10:00:00.000Z',
});
const made = (f: InterviewFacts) => planActions(f, S).create.map((a) => [a.kind, a.dueAt, a.overdueAt]);

describe('keeping in touch: the rule', () => {
  it('asks for an update 4 weeks after the last touch of any kind, overdue at 6', () => {
    expect(made(thanked([touch('thank-you', THANKED)]))).toEqual([['send-update', '2026-04-09T18:00:00.000Z', '2026-04-23T18:00:00.000Z']]);
    // An inbound message is a touch too.
    const answer = touch('other', '2026-03-14T08:00:00.000Z', { direction: 'in' });
    expect(made(thanked([touch('thank-you', THANKED), answer]))).toEqual([
      ['send-update', '2026-04-11T08:00:00.000Z', '2026-04-25T08:00:00.000Z'],
    ]);
  });

  it('is reset by a later touch in any interview with the person', () => {
    const upd = action('send-update', '2026-04-09T18:00:00.000Z');
    const elsewhere = touch('request', '2026-03-25T11:00:00.000Z', { interviewId: 'i2' });
    const plan = planActions(thanked([touch('thank-you', THANKED), elsewhere], { actions: [upd] }), S);
    expect(plan.create.map((a) => [a.kind, a.dueAt])).toEqual([['send-update', '2026-04-22T11:00:00.000Z']]);
    expect(plan.close).toEqual([{ id: upd.id, status: 'done' }]);
  });

  it('stops when the campaign ends or the user is done keeping in touch, and the open reminder is dismissed', () => {
    for (const stop of [{ campaignEnded: true }, { doneKeepingInTouch: true }]) {
      const upd = action('send-update', '2026-04-09T18:00:00.000Z');
      const plan = planActions(
        thanked([touch('thank-you', THANKED), touch('update', '2026-03-30T09:00:00.000Z')], { actions: [upd], ...stop }),
        S,
      );
      expect(plan).toEqual({ create: [], close: [{ id: upd.id, status: 'dismissed' }], move: [] });
    }
  });

  it('comes back when the stop is lifted: the dismissed reminder is reopened, not duplicated', () => {
    const upd = action('send-update', '2026-04-09T18:00:00.000Z', 'dismissed');
    const f = thanked([touch('thank-you', THANKED)], { actions: [upd] });
    expect(updatesToResume({ ...f, campaignEnded: true }, S)).toEqual([]);
    expect(updatesToResume(f, S)).toEqual([upd.id]);
    expect(planActions({ ...f, actions: [{ ...upd, status: 'open', closedAt: null }] }, S)).toEqual({ create: [], close: [], move: [] });
    // A reminder the user dismissed stays dismissed on an ordinary sync.
    expect(planActions(f, S)).toEqual({ create: [], close: [], move: [] });
    // When touches moved on meanwhile, nothing is reopened: the plan makes the new one.
    const later = thanked([touch('thank-you', THANKED), touch('other', '2026-04-01T09:00:00.000Z', { direction: 'in' })], {
      actions: [upd],
    });
    expect(updatesToResume(later, S)).toEqual([]);
    expect(made(later)).toEqual([['send-update', '2026-04-29T09:00:00.000Z', '2026-05-13T09:00:00.000Z']]);
  });
});

describe('the advice a thank-you quotes', () => {
  const note = (text: string, kinds: string[], at: string, questionId: string | null = null) => ({ text, kinds, at, questionId });

  it('prefers search tips and résumé advice, the latest first, over descriptions and names', () => {
    const notes = [
      note('Read the trade press every week.', ['search-tips'], '2026-03-12T15:05:00Z'),
      note('Ask Daniel at CareLoop.', ['contacts'], '2026-03-12T15:25:00Z'),
      note('The field is growing fast.', ['industry'], '2026-03-12T15:20:00Z'),
      note('Lead with the research you did as a teacher. It counts.', ['resume'], '2026-03-12T15:15:00Z'),
    ];
    expect(adviceFrom(notes)).toBe('Lead with the research you did as a teacher.');
    expect(adviceFrom(notes.filter((x) => !x.kinds.includes('resume') && !x.kinds.includes('search-tips')))).toBe(
      'The field is growing fast.',
    );
    expect(
      adviceFrom([note('Ask Daniel.', ['contacts'], '2026-03-12T15:25:00Z'), note('untagged', [], '2026-03-12T15:26:00Z')]),
    ).toBeNull();
  });

  it('keeps the quote short, cut at a word', () => {
    const long = `Build ${'small careful studies '.repeat(15)}first`;
    const q = shortQuote(long)!;
    expect(q.length).toBeLessThanOrEqual(200);
    expect(q.endsWith('…')).toBe(true);
    expect(long.startsWith(`${q.slice(0, -1)} `)).toBe(true); // whole words only
    expect(shortQuote('  Two\n\nlines.  And more. ')).toBe('Two lines.');
  });
});

/** A held meeting with a person, at the clock's time. */
async function meet(ctx: TestCtx, campaignId: string, contactId: string) {
  const i = await addInterview(ctx, { campaignId, contactId });
  await moveInterview(ctx, i.id, { status: 'scheduled' });
  return moveInterview(ctx, i.id, { status: 'held', noReferrals: true });
}

const errors = <F extends { severity: string }>(d: { findings: F[] }) => d.findings.filter((f) => f.severity === 'error');
const openOf = async (ctx: TestCtx, interviewId: string) =>
  (await listActions(ctx, { status: 'open', interviewId })).map((a) => [a.kind, a.dueAt]);

eachDialect('thanks and keeping in touch', (t) => {
  async function setUp() {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC', name: 'Jordan Whitfield' });
    const campaign = await buildCampaign(ctx, { field: 'UX research in healthcare' });
    const maya = await buildContact(ctx, { name: 'Maya Okafor', emails: ['maya@example.org'] });
    return { ctx, campaign, maya };
  }

  it('the thank-you quotes the advice noted, reads well without any, and logging it thanks and closes the action', async () => {
    const { ctx, campaign, maya } = await setUp();
    const i = await meet(ctx, campaign.id, maya.id);
    const bare = await draft(ctx, { interviewId: i.id, purpose: 'thank-you' });
    expect(bare.body).toContain('Your advice gave me a much clearer idea of where to start.');
    expect(bare.body).not.toMatch(/[{}[\]]/);
    expect(errors(bare)).toEqual([]);

    await addNote(ctx, { interviewId: i.id, text: 'Volunteer for a usability study first. Then apply.', kinds: ['search-tips'] });
    await addNote(ctx, { interviewId: i.id, text: 'Try Daniel Kim at CareLoop.', kinds: ['contacts'] });
    const quoted = await draft(ctx, { interviewId: i.id, purpose: 'thank-you' });
    expect(quoted.body).toContain('“Volunteer for a usability study first.”');
    expect(quoted.body).not.toContain('Daniel');
    expect(errors(quoted)).toEqual([]);

    expect(await openOf(ctx, i.id)).toEqual([['send-thank-you', '2026-03-02T09:00:00.000Z']]);
    ctx.clock.set('2026-03-02T17:00:00.000Z');
    await logTouch(ctx, { contactId: maya.id, channel: 'email', purpose: 'thank-you', text: quoted.body });
    expect((await getInterview(ctx, i.id)).status).toBe('thanked');
    expect((await listActions(ctx, { status: 'done', interviewId: i.id })).map((a) => a.kind)).toEqual(['send-thank-you']);
    expect(await openOf(ctx, i.id)).toEqual([['send-update', '2026-03-30T17:00:00.000Z']]);
  });

  it('the introducer is thanked with the person named and how the conversation went', async () => {
    const { ctx, campaign, maya } = await setUp();
    const ana = await buildContact(ctx, { name: 'Ana Ruiz', emails: ['ana@example.org'] });
    await addIntroduction(ctx, { introducerId: ana.id, contactId: maya.id, permission: 'granted' });
    const i = await meet(ctx, campaign.id, maya.id);
    const bo = await buildContact(ctx, { name: 'Bo Chen' });
    await addIntroduction(ctx, { introducerId: maya.id, contactId: bo.id, interviewId: i.id, permission: 'granted' });
    await addNote(ctx, { interviewId: i.id, text: 'Join the local UX research meetup.', kinds: ['search-tips'] });
    expect((await listActions(ctx, { status: 'open', interviewId: i.id })).map((a) => a.kind)).toEqual([
      'send-thank-you',
      'thank-introducer',
    ]);
    const d = await draft(ctx, { interviewId: i.id, purpose: 'thank-introducer' });
    expect(d.recipient.name).toBe('Ana Ruiz');
    expect(d.body).toMatch(/^Dear Ana,\n\nThank you for putting me in touch with Maya Okafor\./);
    expect(d.body).toContain('Maya was generous with advice and suggested one more person I could talk to.');
    expect(d.body).toContain('“Join the local UX research meetup.”');
    expect(d.body).not.toMatch(/[{}[\]]|\.\./);
    expect(errors(d)).toEqual([]);
  });

  it('the update reports the people met since, the advice and the outcomes; with nothing yet, it asks for the user’s words', async () => {
    const { ctx, campaign, maya } = await setUp();
    const i = await meet(ctx, campaign.id, maya.id);
    await addNote(ctx, { interviewId: i.id, text: 'Get a portfolio review before applying.', kinds: ['resume'] });
    await logTouch(ctx, { contactId: maya.id, channel: 'email', purpose: 'thank-you' });
    const early = await draft(ctx, { interviewId: i.id, purpose: 'update' });
    expect(errors(early).map((f) => early.body.slice(f.start, f.end))).toEqual(['[what you did with the advice, and what came of it]']);

    ctx.clock.set('2026-03-16T10:00:00.000Z');
    const tom = await buildContact(ctx, { name: 'Tom Lindqvist' });
    await addIntroduction(ctx, { introducerId: maya.id, contactId: tom.id, interviewId: i.id, permission: 'granted' });
    const withTom = await meet(ctx, campaign.id, tom.id);
    await meet(ctx, campaign.id, (await buildContact(ctx, { name: 'Priya Raman' })).id);
    await addOutcome(ctx, { interviewId: withTom.id, kind: 'job-interview', note: 'UX researcher at CareLoop' });
    ctx.clock.set('2026-03-30T10:00:00.000Z');
    const d = await draft(ctx, { interviewId: i.id, purpose: 'update' });
    expect(d.body).toContain('Your advice has stayed with me: “Get a portfolio review before applying.”');
    expect(d.body).toContain('Since we last spoke I have met Tom Lindqvist, whom you suggested, and one other person in the field.');
    expect(d.body).toContain('Some news: I have been invited to a job interview (UX researcher at CareLoop), thanks to you.');
    expect(d.body).not.toContain('Priya');
    expect(d.body).not.toMatch(/[{}[\]]/);
    expect(errors(d)).toEqual([]);

    // After the update is logged, the report starts again from there.
    await logTouch(ctx, { contactId: maya.id, channel: 'email', purpose: 'update', text: d.body });
    expect((await getInterview(ctx, i.id)).status).toBe('in-touch');
    const next = await draft(ctx, { interviewId: i.id, purpose: 'update' });
    expect(next.body).toContain('[what you did with the advice, and what came of it]');
  });

  it('update reminders: due at 4 weeks, overdue at 6, reset by a touch in another campaign, stopped by the campaign’s end until it reopens', async () => {
    const { ctx, campaign, maya } = await setUp();
    const i = await meet(ctx, campaign.id, maya.id);
    await logTouch(ctx, { contactId: maya.id, channel: 'email', purpose: 'thank-you' });
    expect(await openOf(ctx, i.id)).toEqual([['send-update', '2026-03-30T09:00:00.000Z']]);
    ctx.clock.set('2026-03-30T09:00:00.000Z');
    expect((await today(ctx)).actions.map((a) => [a.kind, a.overdue])).toEqual([['send-update', false]]);
    ctx.clock.set('2026-04-13T09:00:00.000Z');
    expect((await today(ctx)).actions.map((a) => [a.kind, a.overdue])).toEqual([['send-update', true]]);

    const other = await addInterview(ctx, { campaignId: (await buildCampaign(ctx, { field: 'Service design' })).id, contactId: maya.id });
    await logTouch(ctx, { contactId: maya.id, interviewId: other.id, channel: 'email', direction: 'in', purpose: 'other' });
    expect(await openOf(ctx, i.id)).toEqual([['send-update', '2026-05-11T09:00:00.000Z']]);

    await endCampaign(ctx, campaign.id);
    expect(await openOf(ctx, i.id)).toEqual([]);
    await logTouch(ctx, {
      contactId: maya.id,
      interviewId: other.id,
      channel: 'phone',
      direction: 'in',
      purpose: 'other',
      at: '2026-04-13T08:00:00Z',
    });
    expect(await openOf(ctx, i.id)).toEqual([]);
    await reopenCampaign(ctx, campaign.id);
    expect(await openOf(ctx, i.id)).toEqual([['send-update', '2026-05-11T09:00:00.000Z']]);
    expect(
      (await listActions(ctx, { interviewId: i.id })).filter((a) => a.kind === 'send-update' && a.dueAt === '2026-05-11T09:00:00.000Z'),
    ).toHaveLength(1);
  });

  it('done keeping in touch stops the reminders for that person; undo brings them back (API and operation)', async () => {
    const { ctx, campaign, maya } = await setUp();
    const i = await meet(ctx, campaign.id, maya.id);
    await logTouch(ctx, { contactId: maya.id, channel: 'email', purpose: 'thank-you' });
    const app = createServerApp({ deps: ctx, userId: ctx.userId });
    const post = async (body: unknown, id = i.id) => {
      const res = await app.request(`http://127.0.0.1:5454/api/v1/interviews/${id}/keep-in-touch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { keepInTouchDoneAt: string | null; error?: { code: string } } };
    };
    const off = await post({ on: false });
    expect(off.status).toBe(200);
    expect(off.body.keepInTouchDoneAt).toBe('2026-03-02T09:00:00.000Z');
    expect(await openOf(ctx, i.id)).toEqual([]);
    expect((await listActions(ctx, { status: 'dismissed', interviewId: i.id })).map((a) => a.kind)).toEqual(['send-update']);
    ctx.clock.set('2026-03-05T09:00:00.000Z');
    await setKeepInTouch(ctx, i.id, { on: false }); // again: the first time stays
    expect((await getInterview(ctx, i.id)).keepInTouchDoneAt).toBe('2026-03-02T09:00:00.000Z');
    await logTouch(ctx, { contactId: maya.id, channel: 'email', direction: 'in', purpose: 'other', at: '2026-03-02T12:00:00Z' });
    expect(await openOf(ctx, i.id)).toEqual([]);

    const on = await post({ on: true });
    expect([on.status, on.body.keepInTouchDoneAt]).toEqual([200, null]);
    expect(await openOf(ctx, i.id)).toEqual([['send-update', '2026-03-30T12:00:00.000Z']]);
    expect((await post({ on: 'no' })).status).toBe(400);
    expect((await post({ on: true, extra: 1 })).status).toBe(400);
    expect((await post({ on: false }, 'nope')).status).toBe(404);
    expect(await codeOf(setKeepInTouch(ctx, i.id, {}))).toBe('invalid_input');
  });
});
