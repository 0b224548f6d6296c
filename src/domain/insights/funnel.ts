// The funnel: how many of a campaign's interviews reached each stage. An interview counts for
// every stage it passed, read from its status and from what was recorded (a touch, a meeting
// time), so an interview dropped after its meeting still counts as requested, scheduled and held.
import { isReply } from '../lifecycle.js';
import type { InterviewStatus } from '../types.js';
import type { InterviewFact, TouchFact } from './rows.js';
import type { Funnel } from './types.js';

/** Where one interview got to, as the funnel and the reply rates read it. */
export interface Progress {
  /** The first outbound request, if one was logged. */
  request: TouchFact | null;
  requested: boolean;
  /** At least one reply (CONTRACTS.md): inbound, not out-of-office, after the request. */
  replied: boolean;
  scheduled: boolean;
  held: boolean;
}

const HELD: readonly InterviewStatus[] = ['held', 'thanked', 'in-touch'];
const SCHEDULED: readonly InterviewStatus[] = ['scheduled', ...HELD];
/** Statuses that only follow a request (a decline and a move-on answer one). */
const ASKED: readonly InterviewStatus[] = ['requested', 'declined', 'no-response', ...SCHEDULED];

/** Touches grouped by interview, oldest first. */
export function touchesByInterview(touches: readonly TouchFact[]): Map<string, TouchFact[]> {
  const by = new Map<string, TouchFact[]>();
  for (const t of touches) {
    const list = by.get(t.interviewId);
    if (list) list.push(t);
    else by.set(t.interviewId, [t]);
  }
  for (const list of by.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return by;
}

export function progressOf(i: InterviewFact, touches: readonly TouchFact[]): Progress {
  const request = touches.find((t) => t.direction === 'out' && t.purpose === 'request') ?? null;
  const held = HELD.includes(i.status) || i.heldAt !== null;
  const scheduled = held || SCHEDULED.includes(i.status) || i.scheduledAt !== null;
  const requested = scheduled || request !== null || ASKED.includes(i.status);
  // Without a logged request, an inbound answer still counts when the status says one was asked.
  const replied = i.status === 'declined' || touches.some((t) => isReply(t) && (request ? t.at >= request.at : ASKED.includes(i.status)));
  return { request, requested, replied, scheduled, held };
}

/** Progress of every interview, by id. */
export function progressAll(interviews: readonly InterviewFact[], touches: readonly TouchFact[]): Map<string, Progress> {
  const by = touchesByInterview(touches);
  return new Map(interviews.map((i) => [i.id, progressOf(i, by.get(i.id) ?? [])]));
}

export function funnelOf(progress: Iterable<Progress>, referrals: number, outcomes: number): Funnel {
  const f: Funnel = { identified: 0, requested: 0, replied: 0, scheduled: 0, held: 0, referrals, outcomes };
  for (const p of progress) {
    f.identified++;
    if (p.requested) f.requested++;
    if (p.replied) f.replied++;
    if (p.scheduled) f.scheduled++;
    if (p.held) f.held++;
  }
  return f;
}

/** Each stage as a fraction of the one before it (0 when the one before is empty), for the text summary and charts. */
export function conversions(f: Funnel): { stage: keyof Funnel; count: number; rate: number | null }[] {
  const order: (keyof Funnel)[] = ['identified', 'requested', 'replied', 'scheduled', 'held', 'referrals', 'outcomes'];
  return order.map((stage, n) => {
    const before = n === 0 ? null : f[order[n - 1]!];
    return { stage, count: f[stage], rate: before === null ? null : before === 0 ? 0 : f[stage] / before };
  });
}
