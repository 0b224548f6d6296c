import { describe, expect, it } from 'vitest';
import { timeInvested, weekOf, weekReader, weeklyActivity } from './activity.js';
import { answersByQuestion } from './answers.js';
import { coverageOf } from './coverage.js';
import { progressAll } from './funnel.js';
import { referralTree } from './referral-tree.js';
import { ANSWER_NOTES, INTERVIEWS, INTRODUCTIONS, OUTCOMES, ROWS, TOUCHES } from './test-fixture.js';

const progress = progressAll(INTERVIEWS, TOUCHES);

describe('coverage', () => {
  it('counts notes of each kind and names the thin ones (fewer than three)', () => {
    expect(coverageOf(ROWS.kindCounts)).toEqual({
      industry: 4,
      'job-market': 0,
      'search-tips': 0,
      resume: 3,
      contacts: 1,
      thin: ['job-market', 'search-tips', 'contacts'],
    });
  });
});

describe('answers by question', () => {
  it('groups answers per question in the bank’s order, with the field filled in and who said them', () => {
    const a = answersByQuestion(ANSWER_NOTES, INTERVIEWS, ROWS.ownQuestions, 'UX research');
    expect(a.map((q) => q.questionId)).toEqual(['how-in', 'pay', 'mine-1', 'custom']);
    expect(a[0]).toEqual({
      questionId: 'how-in',
      topic: 'how-in',
      question: 'How did you get your start in UX research? What was the step that opened the door?',
      answers: [
        { interviewId: 'ana', contactName: 'Ana Ruiz', text: 'Through a hospital volunteer project.' },
        { interviewId: 'ed', contactName: 'Ed Moss', text: 'A contract role turned permanent.' },
      ],
      total: 2,
    });
    expect(a[2]).toMatchObject({ topic: 'portfolio', question: 'What makes a portfolio stand out in UX research?' });
    expect(a[3]).toMatchObject({ topic: 'custom', question: null, answers: [{ contactName: 'Cy Park' }], total: 1 });
  });

  it('gives each question its total when the store listed only the most recent answers', () => {
    const latest = ANSWER_NOTES.filter((n) => n.questionId !== 'how-in' || n.interviewId === 'ed');
    const a = answersByQuestion(latest, INTERVIEWS, ROWS.ownQuestions, 'UX research', { 'how-in': 2, pay: 40, 'mine-1': 1, custom: 1 });
    expect(a[0]).toMatchObject({ questionId: 'how-in', total: 2, answers: [{ contactName: 'Ed Moss' }] });
    expect(a.find((q) => q.questionId === 'pay')!.total).toBe(40);
  });
});

describe('referral tree', () => {
  it('roots at the interviewees nobody referred, with depth, size and the branches that led to outcomes', () => {
    const t = referralTree(INTERVIEWS, INTRODUCTIONS, OUTCOMES);
    expect([t.depth, t.nodes]).toEqual([2, 7]);
    expect(t.roots.map((r) => r.name)).toEqual(['Ana Ruiz', 'Bo Chen', 'Cy Park', 'Di Low', 'Fay Ng']);
    const ana = t.roots[0]!;
    expect(ana).toMatchObject({ interviewId: 'ana', status: 'thanked', outcomes: 0, ledToOutcome: true });
    const ed = ana.children[0]!;
    expect(ed).toMatchObject({ name: 'Ed Moss', interviewId: 'ed', status: 'dropped', outcomes: 1, ledToOutcome: true });
    expect(ed.children).toEqual([
      { contactId: 'p-gus', name: 'Gus Hale', interviewId: null, status: null, outcomes: 0, ledToOutcome: false, children: [] },
    ]);
    expect(t.roots[1]!.ledToOutcome).toBe(false);
  });

  it('survives a referral cycle, showing each person once', () => {
    const loop = [...INTRODUCTIONS, { ...INTRODUCTIONS[0]!, introducerId: 'p-ed', contactId: 'p-ana', interviewId: 'ed' }];
    const t = referralTree(INTERVIEWS, loop, []);
    expect(t.nodes).toBe(7);
    expect(t.roots.map((r) => r.name)).toEqual(['Bo Chen', 'Cy Park', 'Di Low', 'Fay Ng', 'Ed Moss']);
  });
});

describe('activity and time', () => {
  it('puts an instant in the local week starting on Monday', () => {
    expect(weekOf('2026-03-09T03:00:00.000Z', 'America/New_York')).toBe('2026-03-02');
    expect(weekOf('2026-03-09T03:00:00.000Z', 'UTC')).toBe('2026-03-09');
    expect(weekOf('2026-03-08T23:59:00.000Z', 'UTC')).toBe('2026-03-02');
  });

  it('reads weeks the same way with the per-day offset cache, across DST changes and odd offsets', () => {
    for (const tz of ['America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']) {
      const read = weekReader(tz);
      // Every 37 minutes through late March and early April 2026 (both hemispheres change clocks then).
      for (let t = Date.parse('2026-03-06T00:00:00Z'); t < Date.parse('2026-04-08T00:00:00Z'); t += 37 * 60_000) {
        const at = new Date(t).toISOString();
        expect(read(at), `${tz} ${at}`).toBe(weekOf(at, tz));
      }
    }
  });

  it('counts requests, meetings, thank-yous and updates per week, empty weeks between as zeros', () => {
    expect(weeklyActivity(INTERVIEWS, TOUCHES, progress, 'America/New_York')).toEqual([
      { week: '2026-03-02', requests: 4, meetings: 0, thankYous: 0, updates: 0 },
      { week: '2026-03-09', requests: 0, meetings: 2, thankYous: 1, updates: 0 },
      { week: '2026-03-16', requests: 0, meetings: 0, thankYous: 0, updates: 0 },
      { week: '2026-03-23', requests: 0, meetings: 0, thankYous: 0, updates: 0 },
      { week: '2026-03-30', requests: 0, meetings: 0, thankYous: 0, updates: 1 },
    ]);
    expect(weeklyActivity([], [], new Map(), 'UTC')).toEqual([]);
  });

  it('adds the minutes of held meetings to every prep sheet’s preparation time', () => {
    expect(timeInvested(INTERVIEWS, progress)).toEqual({ meetingMinutes: 50, prepMinutes: 25, minutesInvested: 75 });
  });
});
