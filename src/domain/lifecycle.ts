// The interview life cycle of CONTRACTS.md. Every status change, whatever asked for it (the CLI's
// `interviews move`, the board, the API, a logged touch), goes through `checkMove` or
// `statusAfterTouch`, so the rules live in one place.
import { AppError } from './errors.js';
import type { Direction, InterviewStatus, Purpose, Response } from './types.js';

export const CLOSED_STATUSES: readonly InterviewStatus[] = ['declined', 'no-response', 'dropped'];

export function isOpen(status: InterviewStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/**
 * The changes a user may make directly (board, `interviews move`). The others happen only as a
 * consequence of a touch (request, reply, thank-you, update), so moving there by hand is refused
 * with a message saying what to log instead.
 */
const MANUAL: Partial<Record<InterviewStatus, readonly InterviewStatus[]>> = {
  prospect: ['scheduled', 'dropped'],
  requested: ['scheduled', 'no-response', 'dropped'],
  scheduled: ['held', 'dropped'],
  held: ['dropped'],
  thanked: ['dropped'],
  'in-touch': ['dropped'],
  declined: ['prospect'],
  'no-response': ['prospect'],
  dropped: ['prospect'],
};

const BY_TOUCH_HINT: Partial<Record<InterviewStatus, string>> = {
  requested: 'log an outbound request touch to the contact',
  thanked: 'log an outbound thank-you touch to the contact',
  'in-touch': 'log an outbound update touch to the contact',
  declined: 'log an inbound reply with response negative or referral-only',
};

export function allowedMoves(from: InterviewStatus): readonly InterviewStatus[] {
  return MANUAL[from] ?? [];
}

/**
 * Checks a direct status change. `referralAnswered` says whether a referral or "no one" is on
 * record; moving to `held` needs it, exactly like `close`.
 */
export function checkMove(from: InterviewStatus, to: InterviewStatus, referralAnswered: boolean): void {
  if (!allowedMoves(from).includes(to)) {
    const hint = BY_TOUCH_HINT[to];
    const allowed = allowedMoves(from);
    throw new AppError(
      'invalid_transition',
      `An interview cannot move from ${from} to ${to}` +
        (hint ? `; to get there, ${hint}.` : '.') +
        (allowed.length ? ` From ${from} it can move to: ${allowed.join(', ')}.` : ''),
      { from, to, allowed },
    );
  }
  if (to === 'held' && !referralAnswered) {
    throw new AppError(
      'referral_question_unanswered',
      'Before closing, record the answer to "who else should I talk to?": a referral, or "no one".',
      { from, to },
    );
  }
}

/** The status an interview takes after a touch with its contact, or null when it stays put. */
export function statusAfterTouch(
  from: InterviewStatus,
  touch: { direction: Direction; purpose: Purpose; response: Response | null },
): InterviewStatus | null {
  if (touch.direction === 'out') {
    if (from === 'prospect' && touch.purpose === 'request') return 'requested';
    if (from === 'held' && touch.purpose === 'thank-you') return 'thanked';
    if (from === 'thanked' && touch.purpose === 'update') return 'in-touch';
    return null;
  }
  if (from === 'requested' && (touch.response === 'negative' || touch.response === 'referral-only')) {
    return 'declined';
  }
  return null;
}

/** A reply in the sense of CONTRACTS.md: inbound, with any response but out-of-office. */
export function isReply(touch: { direction: Direction; response: Response | null }): boolean {
  return touch.direction === 'in' && touch.response !== 'out-of-office';
}
