import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { allowedMoves, checkMove, isReply, statusAfterTouch } from './lifecycle.js';
import { INTERVIEW_STATUSES, type InterviewStatus } from './types.js';

const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('interview life cycle (CONTRACTS.md)', () => {
  // Every direct move the contract allows, and nothing else.
  const allowed: [InterviewStatus, InterviewStatus][] = [
    ['prospect', 'scheduled'],
    ['requested', 'scheduled'],
    ['scheduled', 'held'],
    ['requested', 'no-response'],
    ['declined', 'prospect'],
    ['no-response', 'prospect'],
    ['dropped', 'prospect'],
    ...(['prospect', 'requested', 'scheduled', 'held', 'thanked', 'in-touch'] as const).map(
      (s) => [s, 'dropped'] as [InterviewStatus, InterviewStatus],
    ),
  ];

  it('allows exactly the listed direct moves', () => {
    for (const from of INTERVIEW_STATUSES) {
      for (const to of INTERVIEW_STATUSES) {
        const ok = allowed.some(([f, t]) => f === from && t === to);
        expect(
          codeOf(() => checkMove(from, to, true)),
          `${from} → ${to}`,
        ).toBe(ok ? null : 'invalid_transition');
      }
    }
  });

  it('refuses moves that only a touch may make, and says which touch', () => {
    expect(() => checkMove('prospect', 'requested', true)).toThrow(/request touch/);
    expect(() => checkMove('held', 'thanked', true)).toThrow(/thank-you/);
    expect(() => checkMove('thanked', 'in-touch', true)).toThrow(/update/);
  });

  it('refuses closing without an answer to the referral question', () => {
    expect(codeOf(() => checkMove('scheduled', 'held', false))).toBe('referral_question_unanswered');
    expect(codeOf(() => checkMove('scheduled', 'held', true))).toBeNull();
  });

  it('moves along on touches', () => {
    const out = (purpose: 'request' | 'thank-you' | 'update' | 'follow-up') => ({ direction: 'out' as const, purpose, response: null });
    expect(statusAfterTouch('prospect', out('request'))).toBe('requested');
    expect(statusAfterTouch('requested', out('request'))).toBeNull();
    expect(statusAfterTouch('held', out('thank-you'))).toBe('thanked');
    expect(statusAfterTouch('thanked', out('update'))).toBe('in-touch');
    expect(statusAfterTouch('in-touch', out('update'))).toBeNull();
    expect(statusAfterTouch('prospect', out('follow-up'))).toBeNull();
  });

  it('declines on a negative or referral-only reply, and ignores out-of-office', () => {
    const reply = (response: 'negative' | 'referral-only' | 'out-of-office' | 'positive') => ({
      direction: 'in' as const,
      purpose: 'reply' as const,
      response,
    });
    expect(statusAfterTouch('requested', reply('negative'))).toBe('declined');
    expect(statusAfterTouch('requested', reply('referral-only'))).toBe('declined');
    expect(statusAfterTouch('requested', reply('out-of-office'))).toBeNull();
    expect(statusAfterTouch('requested', reply('positive'))).toBeNull();
    expect(isReply({ direction: 'in', response: 'out-of-office' })).toBe(false);
    expect(isReply({ direction: 'in', response: null })).toBe(true);
    expect(isReply({ direction: 'out', response: null })).toBe(false);
  });

  it('offers only forward paths from closed statuses', () => {
    expect(allowedMoves('declined')).toEqual(['prospect']);
    expect(allowedMoves('held')).toEqual(['dropped']);
  });
});
