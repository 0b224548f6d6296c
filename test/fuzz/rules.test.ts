// Properties of the rule modules of src/domain (issue 8, item 3): the linter, business days, the
// interview life cycle, the follow-through plan, whom to suggest, the question plan and target
// ranking. Random but well-typed inputs (the app layer validates everything before it gets here);
// each must answer without throwing, within its contract, and the same way every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addCalendarDays, holidayDates, isBusinessDay } from '../../src/domain/business-days.js';
import { AppError } from '../../src/domain/errors.js';
import { planActions, type ExistingAction, type FollowThroughSettings, type InterviewFacts } from '../../src/domain/follow-through.js';
import { allowedMoves, checkMove, CLOSED_STATUSES, isReply, statusAfterTouch } from '../../src/domain/lifecycle.js';
import { LINT_CHANNELS, LINT_PURPOSES, LINT_RULES, lintMessage, type LintOptions } from '../../src/domain/lint/index.js';
import { budgetOf, lintPlan, suggestPlan, usedMinutes } from '../../src/domain/question-plan.js';
import { BUILT_IN_QUESTIONS } from '../../src/domain/questions/index.js';
import { suggest, type SuggestContact, type SuggestInput } from '../../src/domain/suggest.js';
import { rankTargets } from '../../src/domain/targets.js';
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  DIRECTIONS,
  FOLLOW_UP_PRESETS,
  INTERVIEW_STATUSES,
  PERMISSIONS,
  PURPOSES,
  RESPONSES,
  SITUATIONS,
  TARGET_STATUSES,
  TIES,
} from '../../src/domain/types.js';
import { localParts } from '../../src/domain/zoned.js';
import { caseOf, instant, isoInstant, nastyText, params, PROPERTY_MS, timeZone } from './support.js';

// ------------------------------------------------------------------------------------------- linter

const MESSAGE_WORDS = [
  'Hi {firstName},',
  'Dear [Name],',
  '____',
  'Could you',
  'is there an opening',
  "I'm looking for a job",
  'keep me in mind',
  'not asking for a job',
  'Will you',
  'Grace',
  'Maya',
  'Maya Okafor',
  'suggested I reach out',
  '20 minutes',
  '45 minutes',
  'a quick call',
  'What does your company do?',
  'Should I become a nurse?',
  'Who else should I talk to?',
  'I attached my resume',
  'I I I me my',
  '?',
  '.',
  '!',
  '\n',
  '\n\n',
  '---',
  'who-else: ',
  'pay: ',
];
const message = fc.array(fc.oneof(fc.constantFrom(...MESSAGE_WORDS), nastyText(12)), { maxLength: 40 }).map((w) => w.join(' '));
const lintOptions: fc.Arbitrary<LintOptions> = fc.record(
  {
    purpose: fc.constantFrom(...LINT_PURPOSES),
    channel: fc.constantFrom(...LINT_CHANNELS),
    introducers: fc.array(
      fc.record({
        name: fc.oneof(fc.constantFrom('Maya Okafor', 'Grace', 'Will', 'Ana'), nastyText(12)),
        permission: fc.constantFrom(...PERMISSIONS),
      }),
      { maxLength: 3 },
    ),
    minutes: fc.integer({ min: 0, max: 180 }),
    questionMinutes: fc.dictionary(fc.constantFrom('who-else', 'pay', 'path', 'x'), fc.integer({ min: 0, max: 30 })),
  },
  { requiredKeys: [] },
);
const RULES = new Map(LINT_RULES.map((r) => [r.id, r]));

describe('the linter (domain/lint)', () => {
  it(
    'every finding names a rule of the catalogue that applies to the purpose, and spans the text',
    () => {
      fc.assert(
        fc.property(fc.oneof(message, nastyText(300)), lintOptions, (text, options) => {
          const result = caseOf(() => lintMessage(text, options)) as ReturnType<typeof lintMessage>;
          expect(Number.isInteger(result.wordCount) && result.wordCount >= 0).toBe(true);
          for (const f of result.findings) {
            const rule = RULES.get(f.rule);
            expect(rule, f.rule).toBeDefined();
            expect(rule!.purposes).toContain(options.purpose ?? 'request');
            expect(['error', 'warning', 'info']).toContain(f.severity);
            expect(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} ${f.start}..${f.end} of ${text.length}`).toBe(true);
            expect(f.message.trim()).not.toBe('');
            if (f.rule === 'name-without-permission') expect(options.introducers).toBeDefined();
          }
          // Pure: the same text and options give the same answer.
          expect(lintMessage(text, options)).toEqual(result);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

// ------------------------------------------------------------------------------------ business days

const COUNTRIES = [null, 'GB', 'FR', 'US', 'DE-BY', 'NZ'] as const;

describe('business days (domain/business-days.ts)', () => {
  it(
    'N business days later is a later business day, keeping the time (and its milliseconds) from a business day',
    () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 1, max: 30 }), timeZone, fc.constantFrom(...COUNTRIES), (at, n, tz, country) => {
          const cal = { timeZone: tz, country };
          const out = caseOf(() => addBusinessDays(at, n, cal)) as Date;
          expect(out.getTime()).toBeGreaterThan(at.getTime());
          expect(isBusinessDay(out, cal)).toBe(true);
          if (country) {
            const p = localParts(out, tz);
            const day = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
            expect(holidayDates(country, p.year).has(day)).toBe(false);
          }
          const next = addBusinessDays(at, n + 1, cal);
          expect(next.getTime()).toBeGreaterThan(out.getTime());
          if (isBusinessDay(at, cal)) expect(((out.getTime() % 1000) + 1000) % 1000).toBe(((at.getTime() % 1000) + 1000) % 1000);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'counting in two steps from a business day is counting at once (zones without DST)',
    () => {
      fc.assert(
        fc.property(
          instant,
          fc.integer({ min: 1, max: 15 }),
          fc.integer({ min: 1, max: 15 }),
          fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Kathmandu'),
          fc.constantFrom(...COUNTRIES),
          (at, a, b, tz, country) => {
            const cal = { timeZone: tz, country };
            fc.pre(isBusinessDay(at, cal));
            expect(addBusinessDays(addBusinessDays(at, a, cal), b, cal).toISOString()).toBe(addBusinessDays(at, a + b, cal).toISOString());
          },
        ),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'calendar days there and back return to the same instant (zones without DST)',
    () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: -400, max: 400 }), fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Kathmandu'), (at, n, tz) => {
          expect(addCalendarDays(addCalendarDays(at, n, tz), -n, tz).toISOString()).toBe(at.toISOString());
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

// -------------------------------------------------------------------------------------- life cycle

const status = fc.constantFrom(...INTERVIEW_STATUSES);
const touchShape = fc.record({
  direction: fc.constantFrom(...DIRECTIONS),
  purpose: fc.constantFrom(...PURPOSES),
  response: fc.option(fc.constantFrom(...RESPONSES), { nil: null }),
});

describe('the interview life cycle (domain/lifecycle.ts)', () => {
  it(
    'a direct move succeeds exactly when allowed, and fails only with the two life-cycle codes',
    () => {
      fc.assert(
        fc.property(status, status, fc.boolean(), (from, to, referral) => {
          const out = caseOf(() => checkMove(from, to, referral), ['invalid_transition', 'referral_question_unanswered']);
          const allowed = allowedMoves(from).includes(to);
          if (!allowed) expect((out as AppError).code).toBe('invalid_transition');
          else if (to === 'held' && !referral) expect((out as AppError).code).toBe('referral_question_unanswered');
          else expect(out).toBeUndefined();
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'a touch moves only where no direct move goes, and never out of a closed status',
    () => {
      fc.assert(
        fc.property(status, touchShape, (from, touch) => {
          const to = statusAfterTouch(from, touch);
          if (to === null) return;
          expect(to).not.toBe(from);
          expect(allowedMoves(from)).not.toContain(to);
          expect(CLOSED_STATUSES).not.toContain(from);
          if (touch.direction === 'in') expect(isReply(touch)).toBe(true);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

// ---------------------------------------------------------------------------------- follow-through

const WINDOW = { min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true };
const at = fc.date(WINDOW).map((d) => d.toISOString());
const touchFact = fc.record({
  interviewId: fc.constantFrom('i1', 'i1', 'i2', null),
  direction: fc.constantFrom(...DIRECTIONS),
  purpose: fc.constantFrom(...PURPOSES),
  response: fc.option(fc.constantFrom(...RESPONSES), { nil: null }),
  objection: fc.option(fc.constantFrom('booked solid', 'busy this month', 'not interested'), { nil: null }),
  at,
  planned: fc.boolean(),
});
const facts: fc.Arbitrary<InterviewFacts> = fc.record({
  interview: fc.record({
    id: fc.constant('i1'),
    status,
    scheduledAt: fc.option(at, { nil: null }),
    minutes: fc.integer({ min: 10, max: 120 }),
    heldAt: fc.option(at, { nil: null }),
  }),
  contact: fc.record({
    id: fc.constant('c1'),
    name: fc.constantFrom('Maya Okafor', 'Tom'),
    organisation: fc.option(fc.constant('Acme'), { nil: null }),
    doNotContact: fc.boolean(),
  }),
  introducer: fc.option(fc.constant('Ana'), { nil: null }),
  introducerThanks: fc.array(at, { maxLength: 2 }),
  prepared: fc.boolean(),
  touches: fc.array(touchFact, { maxLength: 8 }),
  actions: fc.constant([] as ExistingAction[]),
  campaignEnded: fc.boolean(),
  doneKeepingInTouch: fc.boolean(),
});
const settings: fc.Arbitrary<FollowThroughSettings> = fc.record({
  timeZone,
  country: fc.constantFrom(null, 'GB', 'US'),
  preset: fc.constantFrom(...FOLLOW_UP_PRESETS),
});
const actionState = fc.array(
  fc.record({ kind: fc.constantFrom(...ACTION_KINDS), dueAt: at, status: fc.constantFrom(...ACTION_STATUSES), createdAt: at }),
  { maxLength: 5 },
);

/** The interview's actions after the plan is written, as the app layer writes it. */
function applyPlan(f: InterviewFacts, plan: ReturnType<typeof planActions>, now: string): ExistingAction[] {
  const closed = new Map(plan.close.map((c) => [c.id, c.status]));
  const moved = new Map(plan.move.map((m) => [m.id, m.dueAt]));
  const kept = f.actions.map((a) => ({
    ...a,
    status: closed.get(a.id) ?? a.status,
    closedAt: closed.has(a.id) ? now : a.closedAt,
    dueAt: moved.get(a.id) ?? a.dueAt,
  }));
  const made = plan.create.map((c, i) => ({
    id: `new-${i}`,
    kind: c.kind,
    dueAt: c.dueAt,
    status: 'open' as const,
    createdAt: now,
    closedAt: null,
  }));
  return [...kept, ...made];
}

describe('the follow-through plan (domain/follow-through.ts)', () => {
  it(
    'plans well-formed actions, touches only existing open ones, and planning again changes nothing',
    () => {
      fc.assert(
        fc.property(facts, actionState, settings, (f0, existing, s) => {
          const f = {
            ...f0,
            actions: existing.map((a, i) => ({
              ...a,
              id: `a${i}`,
              closedAt: a.status === 'done' || a.status === 'dismissed' ? a.createdAt : null,
            })),
          };
          const plan = caseOf(() => planActions(f, s)) as ReturnType<typeof planActions>;
          const open = new Set(f.actions.filter((a) => a.status === 'open' || a.status === 'snoozed').map((a) => a.id));
          for (const c of plan.create) {
            expect(ACTION_KINDS).toContain(c.kind);
            expect(new Date(c.dueAt).toISOString()).toBe(c.dueAt);
            expect(c.overdueAt >= c.dueAt, `${c.kind} overdue ${c.overdueAt} before due ${c.dueAt}`).toBe(true);
            expect(c.reason.trim()).not.toBe('');
          }
          const touched = [...plan.close.map((c) => c.id), ...plan.move.map((m) => m.id)];
          for (const id of touched) expect(open.has(id), id).toBe(true);
          expect(new Set(touched).size).toBe(touched.length);
          if (f.contact.doNotContact) {
            expect(plan.create).toEqual([]);
            expect(plan.close.map((c) => c.id).sort()).toEqual([...open].sort());
          }
          const again = planActions({ ...f, actions: applyPlan(f, plan, '2027-01-01T00:00:00.000Z') }, s);
          expect(again).toEqual({ create: [], close: [], move: [] });
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

// ------------------------------------------------------------------------------------------ suggest

const contactOf = (i: number): fc.Arbitrary<SuggestContact> =>
  fc.record({
    id: fc.constant(`c${i}`),
    name: fc.constantFrom('Ana', 'Ben', 'Cleo', 'Dev', 'Ana'),
    tie: fc.constantFrom(...TIES),
    doNotContact: fc.boolean(),
    organisationId: fc.option(fc.constantFrom('o1', 'o2', 'o3'), { nil: null }),
    organisation: fc.option(fc.constantFrom('Acme Health', 'Nursing Guild', 'Data Co'), { nil: null }),
    organisationIsAssociation: fc.boolean(),
    title: fc.option(fc.constantFrom('Head of Nursing', 'Senior Data Scientist', 'Clerk'), { nil: null }),
    tags: fc.array(fc.constantFrom('nursing', 'association', 'data'), { maxLength: 2 }),
    lastTouchAt: fc.option(isoInstant, { nil: null }),
  });
const suggestInput: fc.Arbitrary<SuggestInput> = fc.integer({ min: 0, max: 12 }).chain((n) =>
  fc.record({
    field: fc.constantFrom('nursing', 'data science', ''),
    now: fc.date(WINDOW),
    contacts: fc.tuple(...Array.from({ length: n }, (_, i) => contactOf(i))),
    introductions: fc
      .array(
        fc.record({
          introducerId: fc.constantFrom(...Array.from({ length: Math.max(n, 1) }, (_, i) => `c${i}`)),
          contactId: fc.constantFrom(...Array.from({ length: Math.max(n, 1) }, (_, i) => `c${i}`)),
          permission: fc.constantFrom(...PERMISSIONS),
        }),
        { maxLength: 4 },
      )
      .map((all) => all.filter((i) => i.introducerId !== i.contactId)), // the app refuses self-introductions
    inCampaign: fc.array(fc.tuple(fc.constantFrom('c0', 'c1', 'c2'), status), { maxLength: 3 }).map((e) => new Map(e)),
    requestedAnywhere: fc.array(fc.constantFrom('c0', 'c3', 'c4'), { maxLength: 2 }).map((e) => new Set(e)),
    targets: fc.array(
      fc.record({
        organisationId: fc.constantFrom('o1', 'o2', 'o3'),
        motivation: fc.integer({ min: 0, max: 3 }),
        posting: fc.integer({ min: 1, max: 3 }),
        status: fc.constantFrom(...TARGET_STATUSES),
      }),
      { maxLength: 3 },
    ),
  }),
);

describe('whom to ask first (domain/suggest.ts)', () => {
  it(
    'never suggests the excluded, sorts by score, and does not depend on the order of the contacts',
    () => {
      fc.assert(
        fc.property(suggestInput, fc.integer({ min: 0, max: 20 }), fc.integer(), (input, limit, seed) => {
          const out = caseOf(() => suggest(input, limit)) as ReturnType<typeof suggest>;
          expect(out.length).toBeLessThanOrEqual(limit);
          const byId = new Map(input.contacts.map((c) => [c.id, c]));
          const recent = input.now.getTime() - 30 * 24 * 3600 * 1000;
          for (const [i, s] of out.entries()) {
            const c = byId.get(s.contactId)!;
            expect(c).toBeDefined();
            expect(c.doNotContact).toBe(false);
            expect(input.requestedAnywhere.has(c.id)).toBe(false);
            expect([undefined, 'prospect']).toContain(input.inCampaign.get(c.id));
            if (c.lastTouchAt) expect(new Date(c.lastTouchAt).getTime()).toBeLessThan(recent + 24 * 3600 * 1000);
            expect(s.viaContactId).not.toBe(s.contactId);
            expect(s.reasons.length).toBeGreaterThan(0);
            if (i > 0) expect(out[i - 1]!.score).toBeGreaterThanOrEqual(s.score);
          }
          const shuffled = [...input.contacts].sort(
            (a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5) || a.id.localeCompare(b.id) * (seed % 2 ? 1 : -1),
          );
          expect(suggest({ ...input, contacts: shuffled }, limit)).toEqual(out);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

// --------------------------------------------------------------------- question plan, target ranking

describe('the question plan and target ranking', () => {
  it(
    'a suggested plan fits the budget, ends with who-else, and lints without throwing',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...SITUATIONS),
          fc.oneof(fc.constantFrom('nursing', 'data science'), nastyText(20)),
          fc.integer({ min: 0, max: 240 }),
          fc.dictionary(fc.constantFrom(...BUILT_IN_QUESTIONS.map((q) => q.id)), fc.integer({ min: 0, max: 5 })),
          (situation, field, minutes, answered) => {
            const coverage = { answered, kinds: { industry: 0, 'job-market': 2, 'search-tips': 0, resume: 1, contacts: 0 } };
            const plan = caseOf(() => suggestPlan({ situation, field, minutes, bank: BUILT_IN_QUESTIONS, coverage })) as ReturnType<
              typeof suggestPlan
            >;
            expect(plan.at(-1)?.id).toBe('who-else');
            expect(usedMinutes(plan.slice(0, -1))).toBeLessThanOrEqual(Math.max(0, budgetOf(minutes) - plan.at(-1)!.minutes));
            expect(new Set(plan.map((q) => q.id)).size).toBe(plan.length);
            for (const f of caseOf(() => lintPlan(plan, minutes)) as ReturnType<typeof lintPlan>) {
              if (f.questionIndex !== null) expect(f.questionIndex >= 0 && f.questionIndex < plan.length).toBe(true);
            }
          },
        ),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'ranking targets is a permutation that does not depend on the input order',
    () => {
      const target = fc.record({
        organisation: fc.string({ maxLength: 6 }),
        motivation: fc.integer({ min: 0, max: 3 }),
        posting: fc.integer({ min: 1, max: 3 }),
        status: fc.constantFrom(...TARGET_STATUSES),
        knownInside: fc.integer({ min: 0, max: 3 }),
      });
      fc.assert(
        fc.property(fc.uniqueArray(target, { selector: (t) => t.organisation, maxLength: 12 }), (targets) => {
          const ranked = rankTargets(targets);
          expect([...ranked].sort((a, b) => a.organisation.localeCompare(b.organisation))).toEqual(
            [...targets].sort((a, b) => a.organisation.localeCompare(b.organisation)),
          );
          expect(rankTargets([...targets].reverse())).toEqual(ranked);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});
