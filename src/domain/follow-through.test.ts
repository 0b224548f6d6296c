import { describe, expect, it } from 'vitest';
import {
  isBookedSolid,
  planActions,
  type ExistingAction,
  type FollowThroughSettings,
  type InterviewFacts,
  type TouchFact,
} from './follow-through.js';
import type { InterviewStatus } from './types.js';

// Monday 2 March 2026, 09:00 UTC.
const MON = '2026-03-02T09:00:00.000Z';
const S: FollowThroughSettings = { timeZone: 'UTC', country: null, preset: '3b7' };

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
const reply = (response: TouchFact['response'], at: string, objection: string | null = null) =>
  touch('reply', at, { direction: 'in', response, objection });

function facts(status: InterviewStatus, touches: TouchFact[], over: Partial<InterviewFacts> = {}): InterviewFacts {
  return {
    interview: { id: 'i1', status, scheduledAt: null, minutes: 20, heldAt: null, ...(over.interview ?? {}) },
    contact: { id: 'c1', name: 'Maya Okafor', organisation: 'Northbridge Health', doNotContact: false, ...(over.contact ?? {}) },
    introducer: over.introducer ?? null,
    prepared: over.prepared ?? false,
    touches,
    actions: over.actions ?? [],
  };
}

const kinds = (f: InterviewFacts, s = S) => planActions(f, s).create.map((a) => [a.kind, a.dueAt, a.overdueAt]);
let n = 0;
const existing = (kind: ExistingAction['kind'], dueAt: string, status: ExistingAction['status'] = 'open', closedAt: string | null = null) =>
  ({ id: `a${++n}`, kind, dueAt, status, createdAt: MON, closedAt }) as ExistingAction;

describe('follow-through: the 3b7 preset', () => {
  it('asks a second person after 3 business days and follows up after 7', () => {
    expect(kinds(facts('requested', [touch('request', MON)]))).toEqual([
      ['ask-second-person', '2026-03-05T09:00:00.000Z', '2026-03-06T09:00:00.000Z'],
      ['follow-up', '2026-03-11T09:00:00.000Z', '2026-03-12T09:00:00.000Z'],
    ]);
  });

  it('names the person and their organisation in plain words', () => {
    const [ask, follow] = planActions(facts('requested', [touch('request', MON)]), S).create;
    expect(ask!.reason).toContain('Maya Okafor');
    expect(ask!.reason).toContain('Northbridge Health');
    expect(follow!.reason).toMatch(/No reply yet from Maya Okafor to your request of Monday 2 March/);
  });

  it('plans the move-on 7 business days after the follow-up touch, and closes the follow-up as done', () => {
    const fu = existing('follow-up', '2026-03-11T09:00:00.000Z');
    const ask = existing('ask-second-person', '2026-03-05T09:00:00.000Z');
    const plan = planActions(
      facts('requested', [touch('request', MON), touch('follow-up', '2026-03-10T15:00:00.000Z')], { actions: [ask, fu] }),
      S,
    );
    expect(plan.create.map((a) => [a.kind, a.dueAt, a.overdueAt])).toEqual([
      ['move-on', '2026-03-19T15:00:00.000Z', '2026-03-20T15:00:00.000Z'],
    ]);
    expect(plan.close).toEqual([{ id: fu.id, status: 'done' }]);
  });

  it('never makes more follow-ups than the preset allows', () => {
    const fu = existing('follow-up', '2026-03-11T09:00:00.000Z', 'done', '2026-03-10T15:00:00.000Z');
    const moveOn = existing('move-on', '2026-03-19T15:00:00.000Z');
    const ask = existing('ask-second-person', '2026-03-05T09:00:00.000Z', 'done');
    const touches = [touch('request', MON), touch('follow-up', '2026-03-10T15:00:00.000Z'), touch('follow-up', '2026-03-16T10:00:00.000Z')];
    expect(planActions(facts('requested', touches, { actions: [ask, fu, moveOn] }), S)).toEqual({ create: [], close: [], move: [] });
  });

  it('counts a follow-up marked done as sent', () => {
    const fu = existing('follow-up', '2026-03-11T09:00:00.000Z', 'done', '2026-03-11T12:00:00.000Z');
    expect(kinds(facts('requested', [touch('request', MON)], { actions: [fu] })).map((k) => k[0])).toEqual([
      'ask-second-person',
      'move-on',
    ]);
  });

  it('is idempotent: running the plan again on its own result changes nothing', () => {
    const f = facts('requested', [touch('request', MON)]);
    const made = planActions(f, S).create.map((a) => existing(a.kind, a.dueAt));
    expect(planActions({ ...f, actions: made }, S)).toEqual({ create: [], close: [], move: [] });
  });

  it('counts business days with the country’s holidays', () => {
    // Request on Thursday before Easter: Good Friday and Easter Monday do not count in GB.
    const f = facts('requested', [touch('request', '2026-04-02T09:00:00.000Z')]);
    expect(kinds(f, { ...S, country: 'GB' })[0]).toEqual(['ask-second-person', '2026-04-09T09:00:00.000Z', '2026-04-10T09:00:00.000Z']);
    expect(kinds(f)[0]).toEqual(['ask-second-person', '2026-04-07T09:00:00.000Z', '2026-04-08T09:00:00.000Z']);
  });
});

describe('follow-through: other presets', () => {
  it('single: one follow-up 10 days after the request, move-on 10 days after the follow-up', () => {
    const single = { ...S, preset: 'single' as const };
    expect(kinds(facts('requested', [touch('request', MON)]), single)).toEqual([
      ['follow-up', '2026-03-12T09:00:00.000Z', '2026-03-13T09:00:00.000Z'],
    ]);
    const fu = existing('follow-up', '2026-03-12T09:00:00.000Z');
    const plan = planActions(
      facts('requested', [touch('request', MON), touch('follow-up', '2026-03-12T10:00:00.000Z')], { actions: [fu] }),
      single,
    );
    expect(plan.create.map((a) => [a.kind, a.dueAt])).toEqual([['move-on', '2026-03-22T10:00:00.000Z']]);
    expect(plan.close).toEqual([{ id: fu.id, status: 'done' }]);
  });

  it('weekly: follow-ups at 7, 14, 21 and 28 days, move-on at 35; a follow-up touch closes the earliest', () => {
    const weekly = { ...S, preset: 'weekly' as const };
    const made = kinds(facts('requested', [touch('request', MON)]), weekly);
    expect(made.map((k) => [k[0], k[1]])).toEqual([
      ['follow-up', '2026-03-09T09:00:00.000Z'],
      ['follow-up', '2026-03-16T09:00:00.000Z'],
      ['follow-up', '2026-03-23T09:00:00.000Z'],
      ['follow-up', '2026-03-30T09:00:00.000Z'],
      ['move-on', '2026-04-06T09:00:00.000Z'],
    ]);
    const actions = made.map((k) => existing(k[0] as ExistingAction['kind'], k[1]!));
    const plan = planActions(
      facts('requested', [touch('request', MON), touch('follow-up', '2026-03-09T11:00:00.000Z')], { actions }),
      weekly,
    );
    expect(plan).toEqual({ create: [], close: [{ id: actions[0]!.id, status: 'done' }], move: [] });
  });
});

describe('follow-through: replies, declines and do not contact', () => {
  const chasing = () => [existing('ask-second-person', '2026-03-05T09:00:00.000Z'), existing('follow-up', '2026-03-11T09:00:00.000Z')];

  it('a positive reply cancels the chasing and asks to schedule, overdue after 2 business days', () => {
    const actions = chasing();
    const plan = planActions(facts('requested', [touch('request', MON), reply('positive', '2026-03-06T10:00:00.000Z')], { actions }), S);
    expect(plan.create.map((a) => [a.kind, a.dueAt, a.overdueAt])).toEqual([
      ['schedule', '2026-03-06T10:00:00.000Z', '2026-03-10T10:00:00.000Z'],
    ]);
    expect(plan.close).toEqual(actions.map((a) => ({ id: a.id, status: 'dismissed' })));
  });

  it('a booked-solid objection suggests a breakfast or a 15-minute call', () => {
    const f = facts('requested', [
      touch('request', MON),
      reply('delayed-positive', '2026-03-03T10:00:00.000Z', 'I am booked solid until April'),
    ]);
    expect(planActions(f, S).create[0]!.reason).toMatch(/breakfast.*15-minute call/);
    expect(isBookedSolid('Totally swamped right now')).toBe(true);
    expect(isBookedSolid('I would rather talk by phone')).toBe(false);
  });

  it('an out-of-office answer is not a reply', () => {
    expect(kinds(facts('requested', [touch('request', MON), reply('out-of-office', '2026-03-03T10:00:00.000Z')])).map((k) => k[0])).toEqual(
      ['ask-second-person', 'follow-up'],
    );
  });

  it('a decline, a drop or do-not-contact leave nothing open', () => {
    for (const f of [
      facts('declined', [touch('request', MON), reply('negative', '2026-03-03T10:00:00.000Z')], { actions: chasing() }),
      facts('dropped', [touch('request', MON)], { actions: chasing() }),
      facts('requested', [touch('request', MON)], {
        actions: chasing(),
        contact: { id: 'c1', name: 'M', organisation: null, doNotContact: true },
      }),
    ]) {
      const plan = planActions(f, S);
      expect(plan.create).toEqual([]);
      expect(plan.close.map((c) => c.status)).toEqual(['dismissed', 'dismissed']);
    }
  });

  it('only the latest request counts after a reopen', () => {
    const old = [touch('request', '2026-01-05T09:00:00.000Z'), reply('negative', '2026-01-06T09:00:00.000Z')];
    expect(kinds(facts('requested', [...old, touch('request', MON)])).map((k) => k[0])).toEqual(['ask-second-person', 'follow-up']);
    expect(kinds(facts('prospect', [...old]))).toEqual([]);
  });

  it('planned touches count for nothing', () => {
    expect(kinds(facts('requested', [touch('request', MON, { planned: true })]))).toEqual([]);
  });
});

describe('follow-through: meetings, thanks and updates', () => {
  const meeting = { id: 'i1', status: 'scheduled' as const, scheduledAt: '2026-03-12T15:00:00.000Z', minutes: 30, heldAt: null };

  it('schedules prepare 2 days before, the thank-you at the end, and thanks the introducer', () => {
    const f = facts('scheduled', [], { interview: meeting, introducer: 'Tom Lindqvist' });
    expect(kinds(f)).toEqual([
      ['prepare', '2026-03-10T15:00:00.000Z', '2026-03-11T15:00:00.000Z'],
      ['send-thank-you', '2026-03-12T15:30:00.000Z', '2026-03-13T15:30:00.000Z'],
      ['thank-introducer', '2026-03-12T15:30:00.000Z', '2026-03-14T15:30:00.000Z'],
    ]);
    expect(planActions(f, S).create[2]!.reason).toMatch(/^Tom Lindqvist introduced you to Maya Okafor/);
    expect(kinds({ ...f, prepared: true }).map((k) => k[0])).toEqual(['send-thank-you', 'thank-introducer']);
    // Thanking the introducer for the introduction itself (before the meeting) is not the thank-you asked for.
    expect(kinds({ ...f, introducerThanks: ['2026-03-09T09:00:00.000Z'] }).map((k) => k[0])).toContain('thank-introducer');
    expect(kinds({ ...f, introducerThanks: ['2026-03-12T18:00:00.000Z'] }).map((k) => k[0])).not.toContain('thank-introducer');
  });

  it('moves the meeting’s open actions when the meeting moves, and closes schedule as done', () => {
    const prep = existing('prepare', '2026-03-10T15:00:00.000Z');
    const thanks = existing('send-thank-you', '2026-03-12T15:30:00.000Z', 'done');
    const sched = existing('schedule', MON);
    const f = facts('scheduled', [], {
      interview: { ...meeting, scheduledAt: '2026-03-13T10:00:00.000Z' },
      actions: [prep, thanks, sched],
    });
    const plan = planActions(f, S);
    expect(plan.create).toEqual([]);
    expect(plan.move.map((m) => [m.id, m.dueAt])).toEqual([[prep.id, '2026-03-11T10:00:00.000Z']]);
    expect(plan.close).toEqual([{ id: sched.id, status: 'done' }]);
  });

  it('closes the thank-you once thanked, and asks for an update 4 weeks after the last touch (overdue at 6)', () => {
    const thanks = existing('send-thank-you', '2026-03-12T15:30:00.000Z');
    const f = facts('thanked', [touch('thank-you', '2026-03-12T18:00:00.000Z')], {
      interview: { ...meeting, status: 'thanked' },
      actions: [thanks],
    });
    const plan = planActions(f, S);
    expect(plan.create.map((a) => [a.kind, a.dueAt, a.overdueAt])).toEqual([
      ['send-update', '2026-04-09T18:00:00.000Z', '2026-04-23T18:00:00.000Z'],
    ]);
    expect(plan.close).toEqual([{ id: thanks.id, status: 'done' }]);
  });

  it('a newer touch replaces the update action with a later one', () => {
    const upd = existing('send-update', '2026-04-09T18:00:00.000Z');
    const f = facts('in-touch', [touch('thank-you', '2026-03-12T18:00:00.000Z'), touch('update', '2026-04-01T09:00:00.000Z')], {
      interview: { ...meeting, status: 'in-touch' },
      actions: [upd],
    });
    const plan = planActions(f, S);
    expect(plan.create.map((a) => [a.kind, a.dueAt])).toEqual([['send-update', '2026-04-29T09:00:00.000Z']]);
    expect(plan.close).toEqual([{ id: upd.id, status: 'done' }]);
  });

  it('keeps an ask-introduction while the interview waits as a prospect, and closes it once requested', () => {
    const ask = existing('ask-introduction', MON);
    expect(planActions(facts('prospect', [], { actions: [ask] }), S)).toEqual({ create: [], close: [], move: [] });
    expect(planActions(facts('requested', [touch('request', MON)], { actions: [ask] }), S).close).toEqual([{ id: ask.id, status: 'done' }]);
  });
});
