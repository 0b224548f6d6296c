// What thank-you, thank-introducer and update messages say about the conversation and what came
// after it, in the user's voice: the advice worth quoting, how the conversation went, and the
// progress since the last touch (people met, outcomes). Pure: drafts.ts loads the facts.
import type { OutcomeKind } from '../types.js';

export interface AdviceNote {
  text: string;
  kinds: string[];
  questionId: string | null;
  at: string;
}

/** Questions whose answers are advice by nature (CONTRACTS.md question ids). */
const ADVICE_QUESTIONS = new Set(['advice', 'recommend', 'differently', 'resume', 'skills-fit', 'resources', 'assignments']);
/** Kinds of insight that tell the user what to do, before those that describe the field. */
const ACTIONABLE = new Set(['search-tips', 'resume']);
const DESCRIPTIVE = new Set(['industry', 'job-market']);

/** Lower is more worth quoting; null when a note is not advice at all (a name to contact, or untagged). */
function rank(n: AdviceNote): number | null {
  if (n.kinds.some((k) => ACTIONABLE.has(k))) return n.questionId && ADVICE_QUESTIONS.has(n.questionId) ? 0 : 1;
  if (n.questionId && ADVICE_QUESTIONS.has(n.questionId) && n.kinds.length > 0 && n.kinds.some((k) => k !== 'contacts')) return 1;
  if (n.kinds.some((k) => DESCRIPTIVE.has(k))) return 2;
  return null;
}

/**
 * A short quote from a note: its first sentence, or — when that runs long — its first words up
 * to a word boundary, with an ellipsis. Whitespace is folded to single spaces.
 */
export function shortQuote(text: string, max = 200): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const words = (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '');
  return `${words}…`;
}

/**
 * The advice to quote: of the interview's notes that carry advice (search tips and résumé
 * feedback first, answers to advice questions before other notes, then what they said about the
 * industry or job market), the latest — the last thing said is usually the conclusion.
 */
export function adviceFrom(notes: AdviceNote[]): string | null {
  const ranked = notes
    .map((n) => ({ n, r: rank(n) }))
    .filter((x): x is { n: AdviceNote; r: number } => x.r !== null && x.n.text.trim() !== '')
    .sort((a, b) => a.r - b.r || (a.n.at < b.n.at ? 1 : a.n.at > b.n.at ? -1 : 0));
  return ranked.length ? shortQuote(ranked[0]!.n.text) : null;
}

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number, one: string, many: string) => `${SMALL[n] ?? String(n)} ${n === 1 ? one : many}`;

/** "A", "A and B", "A, B and C". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How many people the contact pointed the user to in the conversation, as a thank-introducer clause. */
export function referralsClause(referrals: number): string | null {
  if (referrals <= 0) return null;
  return `suggested ${count(referrals, 'more person', 'more people')} I could talk to`;
}

export interface ProgressFacts {
  /** People the contact suggested whom the user has met since the last touch with them. */
  metThroughThem: string[];
  /** How many other people the user has met in the campaign since then (not named: discretion). */
  metOthers: number;
  /** Outcomes recorded since then, oldest first; `thanksToThem` when this conversation is credited. */
  outcomes: { kind: OutcomeKind; note: string | null; thanksToThem: boolean }[];
}

const OUTCOME_PHRASE: Record<OutcomeKind, string> = {
  'job-interview': 'I have been invited to a job interview',
  'job-offer': 'I have received a job offer',
  'referral-to-role': 'I have been referred for a role',
  'new-contact': 'I have made a useful new contact',
};

/** "Since we last spoke I have met Tom Li, whom you suggested, and two other people in the field." */
export function metSentence(p: ProgressFacts): string | null {
  const named = p.metThroughThem;
  if (named.length === 0 && p.metOthers === 0) return null;
  const others = p.metOthers > 0 ? count(p.metOthers, 'other person', 'other people') : '';
  if (named.length === 0) return `Since we last spoke I have talked with ${count(p.metOthers, 'more person', 'more people')} in the field.`;
  const them = `${listOf(named)}, whom you suggested`;
  return `Since we last spoke I have met ${them}${others ? `, and ${others} in the field` : ''}.`;
}

/** "Some news: I have been invited to a job interview (UX researcher at CareLoop), thanks to you." */
export function outcomesSentence(p: ProgressFacts): string | null {
  if (p.outcomes.length === 0) return null;
  const parts = p.outcomes.map((o) => {
    const note = o.note ? shortQuote(o.note, 100)?.replace(/[.!?]$/, '') : null;
    return `${OUTCOME_PHRASE[o.kind]}${note ? ` (${note})` : ''}${o.thanksToThem ? ', thanks to you' : ''}`;
  });
  const [first, ...rest] = parts;
  const lower = rest.map((x) => x.replace(/^I have /, 'I have also '));
  return `Some news: ${listOf([first!, ...lower])}.`;
}

/** The whole progress report, or null when there is nothing to report yet. */
export function progressReport(p: ProgressFacts): string | null {
  const s = [metSentence(p), outcomesSentence(p)].filter((x): x is string => x !== null);
  return s.length ? s.join(' ') : null;
}

/** The progress placeholders of a template, filled. */
export function progressValues(p: ProgressFacts): {
  progress: string | null;
  'progress.met': string | null;
  'progress.outcomes': string | null;
} {
  return { progress: progressReport(p), 'progress.met': metSentence(p), 'progress.outcomes': outcomesSentence(p) };
}
