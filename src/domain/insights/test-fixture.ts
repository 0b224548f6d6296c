// A small hand-built campaign for the insights' unit tests; every figure the tests expect can be
// counted from it by hand (see the comments).
import type { AnswerNote, CampaignRows, InterviewFact, IntroductionFact, OutcomeFact, TouchFact } from './rows.js';

const interview = (id: string, over: Partial<InterviewFact>): InterviewFact => ({
  id,
  campaignId: 'c1',
  contactId: `p-${id}`,
  contactName: id,
  tie: 'cold',
  status: 'prospect',
  scheduledAt: null,
  heldAt: null,
  minutes: 20,
  prepMinutes: 0,
  ...over,
});

export const INTERVIEWS: InterviewFact[] = [
  // Asked by e-mail with template A, answered, met (30 min, 15 prepared), thanked.
  interview('ana', {
    contactName: 'Ana Ruiz',
    tie: 'close',
    status: 'thanked',
    // Closed two weeks late: the meeting still counts in the week it happened.
    scheduledAt: '2026-03-10T14:00:00.000Z',
    heldAt: '2026-03-24T09:00:00.000Z',
    minutes: 30,
    prepMinutes: 15,
  }),
  // Asked on LinkedIn without a template; declined.
  interview('bo', { contactName: 'Bo Chen', status: 'declined' }),
  // Asked by e-mail with template A; only an out-of-office came back.
  interview('cy', { contactName: 'Cy Park', tie: 'acquaintance', status: 'requested' }),
  // Not asked yet.
  interview('di', { contactName: 'Di Low', tie: 'friend-of-contact' }),
  // Asked by e-mail with template B, answered late, met (Sunday 23:00 in New York), then dropped.
  interview('ed', {
    contactName: 'Ed Moss',
    status: 'dropped',
    scheduledAt: '2026-03-16T03:00:00.000Z',
    heldAt: '2026-03-16T03:00:00.000Z',
  }),
  // Scheduled in person without a logged request; 10 minutes prepared.
  interview('fay', { contactName: 'Fay Ng', tie: 'close', status: 'scheduled', scheduledAt: '2026-03-20T15:00:00.000Z', prepMinutes: 10 }),
];

const touch = (interviewId: string, over: Partial<TouchFact>): TouchFact => ({
  interviewId,
  channel: 'email',
  direction: 'out',
  purpose: 'request',
  response: null,
  at: '2026-03-02T10:00:00.000Z',
  templateId: null,
  ...over,
});

export const TOUCHES: TouchFact[] = [
  touch('ana', { templateId: 'tpl-a' }),
  touch('ana', { channel: 'email', direction: 'in', purpose: 'reply', response: 'positive', at: '2026-03-03T10:00:00.000Z' }),
  touch('ana', { purpose: 'thank-you', at: '2026-03-12T10:00:00.000Z' }),
  touch('bo', { channel: 'linkedin', at: '2026-03-03T10:00:00.000Z' }),
  touch('bo', { channel: 'linkedin', direction: 'in', purpose: 'reply', response: 'negative', at: '2026-03-05T10:00:00.000Z' }),
  touch('cy', { templateId: 'tpl-a', at: '2026-03-04T10:00:00.000Z' }),
  touch('cy', { direction: 'in', purpose: 'reply', response: 'out-of-office', at: '2026-03-05T10:00:00.000Z' }),
  // 03:00 UTC on Monday 9 March is still Sunday 8 March in New York: the week of 2 March there.
  touch('ed', { templateId: 'tpl-b', at: '2026-03-09T03:00:00.000Z' }),
  touch('ed', { direction: 'in', purpose: 'reply', response: 'delayed-positive', at: '2026-03-11T10:00:00.000Z' }),
  touch('ana', { purpose: 'update', at: '2026-03-31T10:00:00.000Z' }),
];

export const INTRODUCTIONS: IntroductionFact[] = [
  {
    introducerId: 'p-ana',
    introducerName: 'Ana Ruiz',
    contactId: 'p-ed',
    contactName: 'Ed Moss',
    interviewId: 'ana',
    createdAt: '2026-03-10T15:00:00.000Z',
  },
  {
    introducerId: 'p-ed',
    introducerName: 'Ed Moss',
    contactId: 'p-gus',
    contactName: 'Gus Hale',
    interviewId: 'ed',
    createdAt: '2026-04-01T03:00:00.000Z',
  },
];

export const OUTCOMES: OutcomeFact[] = [
  {
    id: 'o1',
    campaignId: 'c1',
    kind: 'job-interview',
    note: 'Researcher at CareLoop',
    at: '2026-03-25T09:00:00.000Z',
    credits: [
      { interviewId: 'ana', contactName: 'Ana Ruiz', depth: 1 },
      { interviewId: 'ed', contactName: 'Ed Moss', depth: 0 },
    ],
  },
];

const note = (id: string, interviewId: string, questionId: string, text: string, at: string): AnswerNote => ({
  id,
  interviewId,
  questionId,
  text,
  at,
});

export const ANSWER_NOTES: AnswerNote[] = [
  note('n1', 'ana', 'pay', 'Juniors start around $85-95k.', '2026-03-10T14:20:00.000Z'),
  note('n2', 'ed', 'how-in', 'A contract role turned permanent.', '2026-03-16T03:10:00.000Z'),
  note('n3', 'ana', 'how-in', 'Through a hospital volunteer project.', '2026-03-10T14:10:00.000Z'),
  note('n4', 'cy', 'custom', 'Said to write again in May.', '2026-03-05T11:00:00.000Z'),
  note('n5', 'ana', 'mine-1', 'Portfolio reviews matter most.', '2026-03-10T14:15:00.000Z'),
];

export const ROWS: CampaignRows = {
  campaign: { id: 'c1', field: 'UX research' },
  interviews: INTERVIEWS,
  touches: TOUCHES,
  kindCounts: { industry: 4, resume: 3, contacts: 1 },
  answerNotes: ANSWER_NOTES,
  introductions: INTRODUCTIONS,
  outcomes: OUTCOMES,
  ownQuestions: [{ id: 'mine-1', topic: 'portfolio', text: 'What makes a portfolio stand out in {field}?' }],
  defaultCurrency: 'USD',
};
