// Plain-language words for the glossary's values, written once for every page. The lists repeat
// the enumerations of src/domain/types.ts (the web app imports only types from there); the
// `satisfies` checks make a new value there a compile error here until it has a label.
import type {
  ActionKind,
  Channel,
  Direction,
  FollowUpPreset,
  InsightKind,
  InterviewStatus,
  MeetingMode,
  Permission,
  Purpose,
  Response,
  Situation,
  TargetStatus,
  Tie,
} from '../../src/domain/types';
import type { ImportFormat } from './api';

export const INTERVIEW_STATUS_LABEL = {
  prospect: 'Prospect',
  requested: 'Requested',
  scheduled: 'Scheduled',
  held: 'Held',
  thanked: 'Thanked',
  'in-touch': 'In touch',
  declined: 'Declined',
  'no-response': 'No response',
  dropped: 'Dropped',
} satisfies Record<InterviewStatus, string>;

export const INTERVIEW_STATUS_HINT = {
  prospect: 'People you might ask. Log a request to them to move them on.',
  requested: 'You asked; waiting for an answer.',
  scheduled: 'A meeting is agreed.',
  held: 'You talked. Send a thank-you next.',
  thanked: 'Thanked. Keep them posted on what you did with their advice.',
  'in-touch': 'You keep them up to date every few weeks.',
  declined: 'They said no, or pointed you to someone else.',
  'no-response': 'No answer after following up; you moved on.',
  dropped: 'You decided not to pursue this one.',
} satisfies Record<InterviewStatus, string>;

export const INTERVIEW_STATUSES: InterviewStatus[] = [
  'prospect',
  'requested',
  'scheduled',
  'held',
  'thanked',
  'in-touch',
  'declined',
  'no-response',
  'dropped',
];
export const OPEN_FLOW: InterviewStatus[] = ['prospect', 'requested', 'scheduled', 'held', 'thanked', 'in-touch'];
export const CLOSED_FLOW: InterviewStatus[] = ['declined', 'no-response', 'dropped'];

/** What to log to reach a status that only a touch can bring about. */
export const REACHED_BY_TOUCH: Partial<Record<InterviewStatus, string>> = {
  requested: 'log an outbound request on their page',
  thanked: 'log an outbound thank-you on their page',
  'in-touch': 'log an outbound update on their page',
  declined: 'log their reply (negative or referral only) on their page',
};

export const SITUATION_LABEL = {
  'career-change': 'Changing careers',
  'new-graduate': 'New graduate',
  're-entering': 'Returning to work after a break',
  'next-job': 'Looking for the next job',
} satisfies Record<Situation, string>;
export const SITUATIONS = Object.keys(SITUATION_LABEL) as Situation[];

export const TIE_LABEL = {
  close: 'Close',
  acquaintance: 'Acquaintance',
  'friend-of-contact': 'Friend of a contact',
  cold: 'Cold',
} satisfies Record<Tie, string>;
export const TIE_HINT = {
  close: 'you know each other well',
  acquaintance: 'you have met or worked near each other',
  'friend-of-contact': 'someone you know knows them',
  cold: 'no connection yet',
} satisfies Record<Tie, string>;
export const TIES = Object.keys(TIE_LABEL) as Tie[];

export const PERMISSION_LABEL = {
  granted: 'May use their name',
  'not-asked': 'Not asked yet',
  declined: 'Asked not to be named',
} satisfies Record<Permission, string>;
export const PERMISSIONS = Object.keys(PERMISSION_LABEL) as Permission[];

export const CHANNEL_LABEL = {
  email: 'E-mail',
  phone: 'Phone',
  linkedin: 'LinkedIn',
  'in-person': 'In person',
  video: 'Video call',
  text: 'Text message',
} satisfies Record<Channel, string>;
export const CHANNELS = Object.keys(CHANNEL_LABEL) as Channel[];

export const DIRECTION_LABEL = {
  out: 'I reached out',
  in: 'They got in touch',
} satisfies Record<Direction, string>;

export const PURPOSE_LABEL = {
  request: 'Request for a conversation',
  'follow-up': 'Follow-up',
  'intro-request': 'Asking for an introduction',
  'thank-you': 'Thank-you',
  update: 'Update on my progress',
  reply: 'Reply',
  other: 'Other',
} satisfies Record<Purpose, string>;
export const PURPOSES = Object.keys(PURPOSE_LABEL) as Purpose[];

export const RESPONSE_LABEL = {
  positive: 'Yes, happy to talk',
  'delayed-positive': 'Yes, but later',
  negative: 'No',
  'referral-only': 'No, but suggested someone else',
  'out-of-office': 'Out-of-office reply',
} satisfies Record<Response, string>;
export const RESPONSES = Object.keys(RESPONSE_LABEL) as Response[];

export const INSIGHT_LABEL = {
  industry: 'Industry',
  'job-market': 'Job market',
  'search-tips': 'Job-search tips',
  resume: 'Résumé',
  contacts: 'Further contacts',
} satisfies Record<InsightKind, string>;
export const INSIGHT_KINDS = Object.keys(INSIGHT_LABEL) as InsightKind[];

export const ACTION_LABEL = {
  'ask-second-person': 'Ask a second person',
  'follow-up': 'Follow up',
  'move-on': 'Time to move on?',
  schedule: 'Agree a time to meet',
  prepare: 'Prepare for the meeting',
  'send-thank-you': 'Send a thank-you',
  'thank-introducer': 'Thank the introducer',
  'send-update': 'Send an update',
  'ask-introduction': 'Ask for an introduction',
} satisfies Record<ActionKind, string>;

export const PRESET_LABEL = {
  '3b7': 'Three, then seven business days (recommended)',
  single: 'One follow-up after ten days',
  weekly: 'Weekly for a month',
} satisfies Record<FollowUpPreset, string>;
export const PRESET_HINT = {
  '3b7':
    'No reply after 3 business days: ask a second person at the same organisation. After 7: send one polite follow-up to the first person. After that, move on.',
  single: 'One follow-up 10 days after your request; if there is still no answer 10 days later, move on.',
  weekly: 'A follow-up every week for four weeks, then move on in the fifth.',
} satisfies Record<FollowUpPreset, string>;
export const PRESETS = Object.keys(PRESET_LABEL) as FollowUpPreset[];

export const MODE_LABEL = {
  'in-person': 'in person',
  coffee: 'over coffee',
  breakfast: 'over breakfast',
  video: 'video call',
  phone: 'phone call',
} satisfies Record<MeetingMode, string>;

export const TARGET_STATUS_LABEL = {
  active: 'Active',
  'on-hold': 'On hold',
  'ruled-out': 'Ruled out',
  offer: 'Offer',
} satisfies Record<TargetStatus, string>;
export const TARGET_STATUSES = Object.keys(TARGET_STATUS_LABEL) as TargetStatus[];

/** LAMP motivation, 0 to 3: how much the user would like to work there. */
export const MOTIVATION_LABEL: Record<number, string> = {
  3: '3 — Dream employer',
  2: '2 — Keen',
  1: '1 — Mildly interested',
  0: '0 — Not interested',
};
export const MOTIVATIONS = [3, 2, 1, 0];

/** LAMP postings, 1 to 3: how relevant the organisation's current job postings are. */
export const POSTING_LABEL: Record<number, string> = {
  3: '3 — Postings fit well',
  2: '2 — Some related postings',
  1: '1 — None seen',
};
export const POSTINGS = [3, 2, 1];

export const IMPORT_FORMAT_LABEL = {
  auto: 'Recognise automatically',
  linkedin: 'LinkedIn connections (Connections.csv or the .zip)',
  google: 'Google Contacts (Google CSV)',
  outlook: 'Outlook contacts (CSV)',
  vcard: 'vCard (.vcf), from a phone or address book',
  csv: 'Another CSV with a header row',
  json: 'A coffeechat JSON backup',
} satisfies Record<ImportFormat, string>;
export const IMPORT_FORMATS = Object.keys(IMPORT_FORMAT_LABEL) as ImportFormat[];
