// The rule catalogue (PRODUCT.md "Do's and don'ts", CONTRACTS.md "Linter"): stable ids, their
// severity, and the purposes each rule is applied to.
import type { LintPurpose, LintSeverity } from './types.js';

const MESSAGES: readonly LintPurpose[] = ['request', 'intro-request'];
const FOLLOW_UP: readonly LintPurpose[] = [...MESSAGES, 'follow-up'];
const EVERY_MESSAGE: readonly LintPurpose[] = [...FOLLOW_UP, 'thank-you', 'update', 'thank-introducer'];

export interface LintRule {
  id: string;
  /** The most severe level the rule reports (too-long and no-time-ask also report `info`). */
  severity: LintSeverity;
  purposes: readonly LintPurpose[];
  summary: string;
}

export const LINT_RULES: readonly LintRule[] = [
  {
    id: 'asks-for-job',
    severity: 'error',
    purposes: [...EVERY_MESSAGE, 'questions'],
    summary: 'Asks for a job, an opening, a referral to a position, or whether they are hiring.',
  },
  {
    id: 'name-without-permission',
    severity: 'error',
    purposes: EVERY_MESSAGE,
    summary: 'Names a mutual contact who has not agreed to their name being used.',
  },
  { id: 'unfilled-placeholder', severity: 'error', purposes: EVERY_MESSAGE, summary: 'Still holds a template placeholder or a blank.' },
  {
    id: 'researchable-question',
    severity: 'warning',
    purposes: [...MESSAGES, 'questions'],
    summary: 'Asks something a few minutes of research would answer.',
  },
  {
    id: 'asks-career-direction',
    severity: 'warning',
    purposes: [...MESSAGES, 'questions'],
    summary: 'Asks them to decide your career for you.',
  },
  {
    id: 'too-long',
    severity: 'warning',
    purposes: FOLLOW_UP,
    summary: 'Over 100 words (a note over 75 words is mentioned); over 300 characters on LinkedIn.',
  },
  { id: 'no-question', severity: 'warning', purposes: FOLLOW_UP, summary: 'Never actually asks for anything.' },
  {
    id: 'no-time-ask',
    severity: 'warning',
    purposes: MESSAGES,
    summary: 'Asks for no specific, small amount of time (a note), or for more than 30 minutes.',
  },
  {
    id: 'connection-not-first',
    severity: 'info',
    purposes: MESSAGES,
    summary: 'The opening sentence does not say how you are connected or why you are writing.',
  },
  { id: 'about-me', severity: 'info', purposes: MESSAGES, summary: 'Most of the message is about you rather than the reader.' },
  { id: 'attachment-resume', severity: 'warning', purposes: MESSAGES, summary: 'Attaches or pushes a résumé in a first request.' },
  {
    id: 'missing-referral-question',
    severity: 'warning',
    purposes: ['questions'],
    summary: 'The plan never asks "who else should I talk to?".',
  },
  { id: 'over-time', severity: 'warning', purposes: ['questions'], summary: 'The questions do not fit the agreed minutes (less four).' },
];

const BY_ID = new Map(LINT_RULES.map((r) => [r.id, r]));

export function applies(id: string, purpose: LintPurpose): boolean {
  return BY_ID.get(id)?.purposes.includes(purpose) ?? false;
}
