import { describe, expect, it } from 'vitest';
import { computeInsights, computeOverall, networkGrowth } from './index.js';
import { INTERVIEWS, INTRODUCTIONS, ROWS, TOUCHES } from './test-fixture.js';

const NOW = new Date('2026-04-02T09:00:00.000Z');

describe('computeInsights', () => {
  it('puts every figure of the hand-built campaign in the shape scripts rely on', () => {
    const x = computeInsights(ROWS, NOW, 'America/New_York');
    expect(Object.keys(x)).toEqual(
      expect.arrayContaining(['funnel', 'replyRate', 'coverage', 'answers', 'pay', 'referralTree', 'minutesInvested']),
    );
    expect(x.asOf).toBe('2026-04-02T09:00:00.000Z');
    expect(x.funnel).toEqual({ identified: 6, requested: 5, replied: 3, scheduled: 3, held: 2, referrals: 2, outcomes: 1 });
    expect(x.replyRate.byTemplate['tpl-a']).toEqual({ sent: 2, replied: 1, rate: 0.5, smallSample: true });
    expect(x.coverage.thin).toEqual(['job-market', 'search-tips', 'contacts']);
    expect([x.referralTree.depth, x.referralTree.nodes]).toEqual([2, 7]);
    expect([x.minutesInvested, x.meetingMinutes, x.prepMinutes]).toEqual([75, 50, 25]);
    expect(x.activity).toHaveLength(5);
    expect(x.outcomes).toEqual([
      {
        outcomeId: 'o1',
        kind: 'job-interview',
        note: 'Researcher at CareLoop',
        at: '2026-03-25T09:00:00.000Z',
        credits: [
          { interviewId: 'ed', contactName: 'Ed Moss', depth: 0 },
          { interviewId: 'ana', contactName: 'Ana Ruiz', depth: 1 },
        ],
      },
    ]);
  });

  it('reads pay only from notes on the pay question, as yearly figures', () => {
    const x = computeInsights(ROWS, NOW, 'UTC');
    expect(x.pay).toMatchObject({ count: 1, min: 90_000, median: 90_000, max: 90_000, currency: 'USD', period: 'year', other: [] });
    expect(x.pay!.figures[0]).toMatchObject({ interviewId: 'ana', contactName: 'Ana Ruiz' });
    const noPay = computeInsights({ ...ROWS, answerNotes: ROWS.answerNotes.filter((n) => n.questionId !== 'pay') }, NOW, 'UTC');
    expect(noPay.pay).toBeNull();
  });

  it('takes a figure without a currency in the user’s currency only when no note names one', () => {
    const only = (text: string) => ({ ...ROWS, defaultCurrency: 'EUR', answerNotes: [{ ...ROWS.answerNotes[0]!, text }] });
    expect(computeInsights(only('about 70k a year'), NOW, 'UTC').pay).toMatchObject({ currency: 'EUR', count: 1 });
  });

  it('counts terms from the notes on the strengths, opportunities and threats questions', () => {
    const notes = [
      { id: 's1', interviewId: 'ana', questionId: 'strengths', text: 'Patience and curiosity.', at: '2026-03-10T14:00:00.000Z' },
      { id: 's2', interviewId: 'ed', questionId: 'strengths', text: 'Curiosity above all.', at: '2026-03-16T03:00:00.000Z' },
      { id: 't1', interviewId: 'ed', questionId: 'threats', text: 'Budget cuts.', at: '2026-03-16T03:00:00.000Z' },
    ];
    const x = computeInsights({ ...ROWS, answerNotes: notes }, NOW, 'UTC');
    expect(x.strengths[0]).toEqual({ term: 'curiosity', count: 2 });
    expect(x.opportunities).toEqual([]);
    expect(x.threats.map((t) => t.term)).toContain('budget');
  });

  it('works out pay and terms from every analysed note, not only the answers listed', () => {
    const strengths = (id: string, text: string) => ({
      id,
      interviewId: 'ed',
      questionId: 'strengths',
      text,
      at: '2026-03-16T03:00:00.000Z',
    });
    const analysed = [...ROWS.answerNotes, strengths('s1', 'Curiosity.'), strengths('s2', 'Curiosity again.')];
    const x = computeInsights(
      { ...ROWS, answerNotes: [strengths('s2', 'Curiosity again.')], answerTotals: { strengths: 2 }, analysedNotes: analysed },
      NOW,
      'UTC',
    );
    expect(x.strengths[0]).toEqual({ term: 'curiosity', count: 2 });
    expect(x.pay).toMatchObject({ count: 1, min: 90_000 });
    expect(x.answers).toEqual([
      expect.objectContaining({ questionId: 'strengths', total: 2, answers: [expect.objectContaining({ text: 'Curiosity again.' })] }),
    ]);
  });
});

describe('the overall view', () => {
  it('adds up every campaign and counts the people reached through referrals per local month', () => {
    const other = { ...INTERVIEWS[3]!, id: 'zed', campaignId: 'c2', contactId: 'p-zed', status: 'held' as const, minutes: 45 };
    const x = computeOverall(
      {
        campaigns: [
          { id: 'c1', field: 'UX research', status: 'active' },
          { id: 'c2', field: 'Data journalism', status: 'ended' },
          { id: 'c3', field: 'Empty', status: 'active' },
        ],
        interviews: [...INTERVIEWS, other],
        touches: TOUCHES,
        introductions: INTRODUCTIONS,
        outcomeCounts: { c1: 1 },
      },
      NOW,
      'America/New_York',
    );
    expect(x.campaigns.map((c) => [c.campaignId, c.funnel.identified, c.funnel.held, c.funnel.referrals, c.minutesInvested])).toEqual([
      ['c1', 6, 2, 2, 75],
      ['c2', 1, 1, 0, 45],
      ['c3', 0, 0, 0, 0],
    ]);
    expect(x.totals).toEqual({
      identified: 7,
      requested: 6,
      replied: 3,
      scheduled: 4,
      held: 3,
      referrals: 2,
      outcomes: 1,
      minutesInvested: 120,
    });
    // Gus was referred at 03:00 UTC on 1 April: still 31 March in New York.
    expect(x.networkGrowth).toEqual([{ month: '2026-03', referred: 2, total: 2 }]);
    expect(networkGrowth(INTRODUCTIONS, 'UTC')).toEqual([
      { month: '2026-03', referred: 1, total: 1 },
      { month: '2026-04', referred: 1, total: 2 },
    ]);
  });
});
