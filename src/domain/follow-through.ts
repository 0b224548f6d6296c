// The follow-through rules (CONTRACTS.md, "Actions"): from what is known about one interview —
// its status, meeting, touches and the actions it already has — the actions it should have, and
// what to do with the ones that are no longer wanted. Pure: the app layer loads the state, calls
// `planActions` and writes the plan in the same transaction as the change that caused it.
//
// The plan is derived from state, not from the last event alone, so that running it again changes
// nothing, and an action the user has marked done or dismissed is never made again: a wanted
// action matches an existing one of the same kind and due time, whatever its status.
import { addBusinessDays, addCalendarDays, addHours, type BusinessCalendar } from './business-days.js';
import { isReply } from './lifecycle.js';
import type { ActionKind, ActionStatus, Direction, FollowUpPreset, InterviewStatus, Purpose, Response } from './types.js';

export interface FollowThroughSettings extends BusinessCalendar {
  preset: FollowUpPreset;
}

export interface TouchFact {
  interviewId: string | null;
  direction: Direction;
  purpose: Purpose;
  response: Response | null;
  objection: string | null;
  at: string;
  planned: boolean;
}

export interface ExistingAction {
  id: string;
  kind: ActionKind;
  dueAt: string;
  status: ActionStatus;
  createdAt: string;
  closedAt: string | null;
}

export interface InterviewFacts {
  interview: {
    id: string;
    status: InterviewStatus;
    scheduledAt: string | null;
    minutes: number;
    heldAt: string | null;
  };
  contact: { id: string; name: string; organisation: string | null; doNotContact: boolean };
  /** The introducer's name when the contact came through an introduction. */
  introducer: string | null;
  /** When the user sent the introducer a thank-you (outbound thank-you touches to them), any order. */
  introducerThanks?: string[];
  /** Whether the prep checklist is complete (no checklist yet counts as incomplete). */
  prepared: boolean;
  /** Every touch with the person, in any interview, in any order. */
  touches: TouchFact[];
  /** Every action this interview has had, in any status. */
  actions: ExistingAction[];
  /** The interview's campaign has ended: keeping in touch stops with it. */
  campaignEnded?: boolean;
  /** The user said they are done keeping in touch with the person of this interview. */
  doneKeepingInTouch?: boolean;
}

export interface NewAction {
  kind: ActionKind;
  dueAt: string;
  overdueAt: string;
  reason: string;
}

export interface ActionPlan {
  create: NewAction[];
  /** Open (or snoozed) actions that are no longer wanted: `done` when what they asked for happened. */
  close: { id: string; status: 'done' | 'dismissed' }[];
  /** Open actions that stay but whose time moved (a meeting moved). */
  move: { id: string; dueAt: string; overdueAt: string; reason: string }[];
}

interface Wanted extends NewAction {
  /** Kinds tied to the meeting match by kind alone, so that moving the meeting moves them. */
  byKind?: boolean;
}

/** "Booked solid" and its usual phrasings, in an objection heard on a reply. */
const BOOKED_SOLID =
  /\b(booked|busy|swamped|slammed|snowed under|packed|hectic|no time|full (calendar|diary|schedule)|calendar is full|diary is full|schedule is full)\b/i;

export function isBookedSolid(objection: string | null): boolean {
  return !!objection && BOOKED_SOLID.test(objection);
}

const isOpenish = (a: ExistingAction) => a.status === 'open' || a.status === 'snoozed';
const iso = (d: Date) => d.toISOString();

function dayName(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(at));
}

/** Updates are wanted until the campaign ends or the user says they are done with the person. */
const keepingInTouch = (f: InterviewFacts) => !f.campaignEnded && !f.doneKeepingInTouch;

/**
 * When keeping in touch resumes (a campaign reopened, "done keeping in touch" undone): the update
 * reminder the stop put away, to open again. The plan alone never reopens a dismissed action (the
 * user may have dismissed it), so the app calls this only when the user lifts a stop.
 */
export function updatesToResume(f: InterviewFacts, s: FollowThroughSettings): string[] {
  const wanted = wantedActions(f, s).filter((w) => w.kind === 'send-update');
  if (f.actions.some((a) => a.kind === 'send-update' && isOpenish(a))) return [];
  return wanted.flatMap((w) => {
    const a = f.actions.find((x) => x.kind === 'send-update' && x.status === 'dismissed' && x.dueAt === w.dueAt);
    return a ? [a.id] : [];
  });
}

/** What the interview should have now. */
export function wantedActions(f: InterviewFacts, s: FollowThroughSettings): Wanted[] {
  const { interview: i, contact: c } = f;
  if (c.doNotContact) return [];
  const name = c.name;
  const bd = (at: string | Date, n: number) => iso(addBusinessDays(new Date(at), n, s));
  const days = (at: string | Date, n: number) => iso(addCalendarDays(new Date(at), n, s.timeZone));
  const sent = f.touches.filter((t) => !t.planned).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const mine = sent.filter((t) => t.interviewId === i.id || t.interviewId === null);
  const out: Wanted[] = [];

  if (i.status === 'requested') {
    const request = mine.filter((t) => t.direction === 'out' && t.purpose === 'request').at(-1);
    if (request) {
      const after = mine.filter((t) => t.at >= request.at && t !== request);
      const reply = after.find((t) => isReply(t));
      if (reply) {
        if (reply.response === 'positive' || reply.response === 'delayed-positive') {
          const reason = isBookedSolid(reply.objection)
            ? `${name} said yes but is booked solid: offer a breakfast before work or a 15-minute call instead of a longer meeting.`
            : reply.response === 'delayed-positive'
              ? `${name} said yes, but later: suggest a date in the time they named and put it in the calendar.`
              : `${name} said yes: agree a time and a place for your 20 minutes.`;
          out.push({ kind: 'schedule', dueAt: reply.at, overdueAt: bd(reply.at, 2), reason });
        }
      } else {
        out.push(...chasing(f, s, request.at, after, name, bd, days));
      }
    }
  }

  const met = i.status === 'scheduled' || i.status === 'held' || i.status === 'thanked' || i.status === 'in-touch';
  const end = i.scheduledAt ? iso(addHours(new Date(i.scheduledAt), i.minutes / 60)) : i.heldAt;
  if (met && end) {
    if (i.status === 'scheduled' && i.scheduledAt && !f.prepared) {
      const due = iso(addCalendarDays(new Date(i.scheduledAt), -2, s.timeZone));
      out.push({
        kind: 'prepare',
        dueAt: due,
        overdueAt: iso(addHours(new Date(due), 24)),
        reason: `You meet ${name} on ${dayName(i.scheduledAt, s.timeZone)}: read up on them, set a short agenda and choose your questions.`,
        byKind: true,
      });
    }
    if (i.status === 'scheduled' || i.status === 'held') {
      out.push({
        kind: 'send-thank-you',
        dueAt: end,
        overdueAt: iso(addHours(new Date(end), 24)),
        reason: `Thank ${name} the same day: name one piece of advice you will act on.`,
        byKind: true,
      });
    }
    if (f.introducer && !introducerThanked(f)) {
      out.push({
        kind: 'thank-introducer',
        dueAt: end,
        overdueAt: iso(addHours(new Date(end), 48)),
        reason: `${f.introducer} introduced you to ${name}: thank them and say how the conversation went.`,
        byKind: true,
      });
    }
  }

  if ((i.status === 'thanked' || i.status === 'in-touch') && keepingInTouch(f)) {
    const last = sent.at(-1);
    if (last) {
      out.push({
        kind: 'send-update',
        dueAt: days(last.at, 28),
        overdueAt: days(last.at, 42),
        reason: `Four weeks since you were last in touch with ${name}: tell them what you did with their advice and how your search is going.`,
      });
    }
  }
  return out;
}

/** The follow-ups and the move-on of a request with no reply yet, by preset. */
function chasing(
  f: InterviewFacts,
  s: FollowThroughSettings,
  requestAt: string,
  after: TouchFact[],
  name: string,
  bd: (at: string | Date, n: number) => string,
  days: (at: string | Date, n: number) => string,
): Wanted[] {
  const where = f.contact.organisation ? ` at ${f.contact.organisation}` : '';
  const followUpTouches = after.filter((t) => t.direction === 'out' && t.purpose === 'follow-up');
  const on = dayName(requestAt, s.timeZone);
  const followUp = (dueAt: string, nth: number, of: number): Wanted => ({
    kind: 'follow-up',
    dueAt,
    overdueAt: bd(dueAt, 1),
    reason:
      of > 1
        ? `No reply yet from ${name} to your request of ${on}: send follow-up ${nth} of ${of}, short and friendly.`
        : `No reply yet from ${name} to your request of ${on}: send one short, friendly follow-up.`,
  });
  const moveOn = (dueAt: string, since: string): Wanted => ({
    kind: 'move-on',
    dueAt,
    overdueAt: bd(dueAt, 1),
    reason: `Still no reply from ${name} since ${since}: it is fine to move on. Mark it as no response and ask someone else${where}.`,
  });
  // When the follow-up was sent: the first follow-up touch, or else the moment the user marked the
  // follow-up action done (they may have sent it without logging it).
  const followedUpAt = (firstFollowUpDue: string): string | null =>
    followUpTouches[0]?.at ??
    f.actions.find((a) => a.kind === 'follow-up' && a.dueAt === firstFollowUpDue && a.status === 'done')?.closedAt ??
    null;

  if (s.preset === 'single') {
    const due = days(requestAt, 10);
    const sentAt = followedUpAt(due);
    const out = [followUp(due, 1, 1)];
    if (sentAt) out.push(moveOn(days(sentAt, 10), `your follow-up of ${dayName(sentAt, s.timeZone)}`));
    return out;
  }
  if (s.preset === 'weekly') {
    const out = [7, 14, 21, 28].map((n, k) => followUp(days(requestAt, n), k + 1, 4));
    out.push(moveOn(days(requestAt, 35), `your request of ${on} and four follow-ups`));
    return out;
  }
  const out: Wanted[] = [
    {
      kind: 'ask-second-person',
      dueAt: bd(requestAt, 3),
      overdueAt: bd(bd(requestAt, 3), 1),
      reason: `No reply from ${name} after 3 business days: ask a second person${where} as well, so you are not waiting on one answer.`,
    },
  ];
  const due = bd(requestAt, 7);
  out.push(followUp(due, 1, 1));
  const sentAt = followedUpAt(due);
  if (sentAt) out.push(moveOn(bd(sentAt, 7), `your follow-up of ${dayName(sentAt, s.timeZone)}`));
  return out;
}

/** The plan that turns the interview's actions into the wanted ones. */
export function planActions(f: InterviewFacts, s: FollowThroughSettings): ActionPlan {
  const wanted = wantedActions(f, s);
  const plan: ActionPlan = { create: [], close: [], move: [] };
  const claimed = new Set<string>();
  for (const w of wanted) {
    const same = f.actions.find((a) => !claimed.has(a.id) && a.kind === w.kind && a.dueAt === w.dueAt);
    const moved = !same && w.byKind ? f.actions.find((a) => !claimed.has(a.id) && a.kind === w.kind) : undefined;
    const match = same ?? moved;
    if (!match) {
      plan.create.push({ kind: w.kind, dueAt: w.dueAt, overdueAt: w.overdueAt, reason: w.reason });
      continue;
    }
    claimed.add(match.id);
    if (moved && isOpenish(moved)) plan.move.push({ id: moved.id, dueAt: w.dueAt, overdueAt: w.overdueAt, reason: w.reason });
  }
  // Follow-ups already sent (logged as touches) close the earliest follow-up actions, one each;
  // extra follow-up touches close nothing more and create nothing.
  const followUpsSent = followUpTouchCount(f);
  const followUps = wanted.filter((w) => w.kind === 'follow-up').slice(0, followUpsSent);
  for (const w of followUps) {
    const a = f.actions.find((x) => x.kind === 'follow-up' && x.dueAt === w.dueAt && isOpenish(x));
    if (a) plan.close.push({ id: a.id, status: 'done' });
    plan.create = plan.create.filter((c) => !(c.kind === 'follow-up' && c.dueAt === w.dueAt));
  }
  for (const a of f.actions) {
    if (claimed.has(a.id) || !isOpenish(a)) continue;
    // ask-introduction is made when a suggestion is accepted, not derived: it stays while the
    // interview waits as a prospect for the introduction.
    if (a.kind === 'ask-introduction' && f.interview.status === 'prospect' && !f.contact.doNotContact) continue;
    plan.close.push({ id: a.id, status: satisfied(a, f) ? 'done' : 'dismissed' });
  }
  return plan;
}

function followUpTouchCount(f: InterviewFacts): number {
  const mine = f.touches.filter((t) => !t.planned && (t.interviewId === f.interview.id || t.interviewId === null));
  const request = mine
    .filter((t) => t.direction === 'out' && t.purpose === 'request')
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .at(-1);
  if (!request) return 0;
  return mine.filter((t) => t.direction === 'out' && t.purpose === 'follow-up' && t.at >= request.at).length;
}

/** Whether an action that is no longer wanted was overtaken by what it asked for. */
function satisfied(a: ExistingAction, f: InterviewFacts): boolean {
  const st = f.interview.status;
  if (f.contact.doNotContact) return false;
  switch (a.kind) {
    case 'schedule':
      return st === 'scheduled' || st === 'held' || st === 'thanked' || st === 'in-touch';
    case 'send-thank-you':
      return st === 'thanked' || st === 'in-touch';
    case 'prepare':
      // A completed prep checklist is what the action asked for.
      return f.prepared || st === 'held' || st === 'thanked' || st === 'in-touch';
    case 'send-update':
      return keepingInTouch(f) && f.touches.some((t) => !t.planned && t.direction === 'out' && t.at > a.createdAt);
    case 'ask-introduction':
      return st !== 'prospect' && !CLOSED.includes(st);
    case 'thank-introducer':
      return introducerThanked(f);
    case 'ask-second-person':
    case 'follow-up':
    case 'move-on':
      // Follow-ups are closed as done by their touches above; the rest go only when overtaken.
      return false;
  }
}

const CLOSED: readonly InterviewStatus[] = ['declined', 'no-response', 'dropped'];

/** A thank-you to the introducer counts once the meeting has started (earlier ones were for the introduction). */
function introducerThanked(f: InterviewFacts): boolean {
  const start = f.interview.scheduledAt ?? f.interview.heldAt;
  return !!start && (f.introducerThanks ?? []).some((at) => at >= start);
}
