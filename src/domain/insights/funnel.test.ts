import { describe, expect, it } from 'vitest';
import { conversions, funnelOf, progressAll } from './funnel.js';
import { replyRates } from './rates.js';
import { INTERVIEWS, TOUCHES } from './test-fixture.js';

const progress = progressAll(INTERVIEWS, TOUCHES);

describe('funnel', () => {
  it('counts each interview for every stage it passed, replies only as CONTRACTS.md defines them', () => {
    expect(funnelOf(progress.values(), 2, 1)).toEqual({
      identified: 6,
      requested: 5, // all but Di; Fay was scheduled without a logged request
      replied: 3, // Ana, Bo's decline, Ed; Cy's out-of-office is not a reply
      scheduled: 3, // Ana, Ed (dropped after the meeting), Fay
      held: 2,
      referrals: 2,
      outcomes: 1,
    });
  });

  it('does not count an inbound touch from before the request as a reply', () => {
    const early = [
      { ...TOUCHES[1]!, interviewId: 'cy', response: 'positive' as const, at: '2026-03-01T10:00:00.000Z' },
      ...TOUCHES.filter((t) => t.interviewId === 'cy'),
    ];
    expect(progressAll(INTERVIEWS, early).get('cy')!.replied).toBe(false);
  });

  it('gives each stage as a share of the one before', () => {
    const c = conversions(funnelOf(progress.values(), 2, 1));
    expect(c.map((x) => [x.stage, x.count, x.rate])).toEqual([
      ['identified', 6, null],
      ['requested', 5, 5 / 6],
      ['replied', 3, 3 / 5],
      ['scheduled', 3, 1],
      ['held', 2, 2 / 3],
      ['referrals', 2, 1],
      ['outcomes', 1, 0.5],
    ]);
    expect(conversions(funnelOf([], 0, 0))[1]!.rate).toBe(0);
  });
});

describe('reply rates', () => {
  it('counts each asked interview once, by its first request’s channel and template and its contact’s tie', () => {
    const r = replyRates(INTERVIEWS, progress);
    expect(r.byChannel).toEqual({
      email: { sent: 3, replied: 2, rate: 2 / 3, smallSample: true },
      linkedin: { sent: 1, replied: 1, rate: 1, smallSample: true },
    });
    expect(r.byTemplate).toEqual({
      none: { sent: 1, replied: 1, rate: 1, smallSample: true },
      'tpl-a': { sent: 2, replied: 1, rate: 0.5, smallSample: true },
      'tpl-b': { sent: 1, replied: 1, rate: 1, smallSample: true },
    });
    expect(r.byTie).toEqual({
      acquaintance: { sent: 1, replied: 0, rate: 0, smallSample: true },
      close: { sent: 1, replied: 1, rate: 1, smallSample: true },
      cold: { sent: 2, replied: 2, rate: 1, smallSample: true },
    });
  });

  it('stops calling a rate a small sample at five requests', () => {
    const many = Array.from({ length: 5 }, (_, n) => ({ ...INTERVIEWS[2]!, id: `x${n}` }));
    const touches = many.map((i, n) => ({ ...TOUCHES[5]!, interviewId: i.id, at: `2026-03-0${n + 1}T10:00:00.000Z` }));
    const r = replyRates(many, progressAll(many, touches));
    expect(r.byChannel.email).toEqual({ sent: 5, replied: 0, rate: 0, smallSample: false });
  });
});
