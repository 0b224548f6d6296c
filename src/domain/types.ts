// The vocabulary of PRODUCT.md's glossary as TypeScript types. Enumerations are `as const`
// arrays so that zod schemas, migrations and UIs all read the same lists.
import type { ActionDraft } from './action-drafts.js';

/** Who a user is to the server: the local single-user owner, or an account's role (server mode). */
export const USER_ROLES = ['owner', 'member', 'adviser', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const SITUATIONS = ['career-change', 'new-graduate', 're-entering', 'next-job'] as const;
export type Situation = (typeof SITUATIONS)[number];

export const CAMPAIGN_STATUSES = ['active', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const TIES = ['close', 'acquaintance', 'friend-of-contact', 'cold'] as const;
export type Tie = (typeof TIES)[number];

export const PERMISSIONS = ['granted', 'not-asked', 'declined'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const INTERVIEW_STATUSES = [
  'prospect',
  'requested',
  'scheduled',
  'held',
  'thanked',
  'in-touch',
  'declined',
  'no-response',
  'dropped',
] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const MEETING_MODES = ['in-person', 'coffee', 'breakfast', 'video', 'phone'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const CHANNELS = ['email', 'phone', 'linkedin', 'in-person', 'video', 'text'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['out', 'in'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PURPOSES = ['request', 'follow-up', 'intro-request', 'thank-you', 'update', 'reply', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const RESPONSES = ['positive', 'negative', 'delayed-positive', 'referral-only', 'out-of-office'] as const;
export type Response = (typeof RESPONSES)[number];

export const ACTION_KINDS = [
  'ask-second-person',
  'follow-up',
  'move-on',
  'schedule',
  'prepare',
  'send-thank-you',
  'thank-introducer',
  'send-update',
  'ask-introduction',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['open', 'done', 'snoozed', 'dismissed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const INSIGHT_KINDS = ['industry', 'job-market', 'search-tips', 'resume', 'contacts'] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

export const TARGET_STATUSES = ['active', 'on-hold', 'ruled-out', 'offer'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const ORGANISATION_KINDS = ['employer', 'association'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const OUTCOME_KINDS = ['job-interview', 'job-offer', 'referral-to-role', 'new-contact'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** An interview credited with an outcome: the one it was recorded on (`direct`), or one whose referral led there. */
export interface OutcomeCredit {
  interviewId: string;
  contactId: string;
  contactName: string;
  /** 0 for the interview it was recorded on, n for the interview n introductions up the chain. */
  depth: number;
  direct: boolean;
}

/** A result of the search (a job interview, an offer, …), credited along the introduction chain. */
export interface Outcome {
  id: string;
  campaignId: string;
  /** The interview it was recorded on (null once that interview is deleted). */
  interviewId: string | null;
  kind: OutcomeKind;
  note: string | null;
  at: Instant;
  createdAt: Instant;
  /** The direct interview first, then the ones that led to it, nearest first. */
  credits: OutcomeCredit[];
}

export const FOLLOW_UP_PRESETS = ['3b7', 'single', 'weekly'] as const;
export type FollowUpPreset = (typeof FOLLOW_UP_PRESETS)[number];

export const CONTACT_SOURCES = ['manual', 'linkedin', 'google', 'outlook', 'vcard', 'referral', 'demo'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

/** ISO 8601 instant in UTC with `Z`, e.g. `2026-03-05T09:00:00.000Z`. */
export type Instant = string;

export interface Campaign {
  id: string;
  field: string;
  situation: Situation;
  objective: string | null;
  status: CampaignStatus;
  createdAt: Instant;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  website: string | null;
  notes: string | null;
  createdAt: Instant;
}

export interface Contact {
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  emails: string[];
  phones: string[];
  organisation: string | null;
  organisationId: string | null;
  title: string | null;
  linkedinUrl: string | null;
  location: string | null;
  tags: string[];
  tie: Tie;
  doNotContact: boolean;
  source: ContactSource;
  connectedOn: string | null;
  research: string | null;
  introducedBy: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}

/** One job in a person's work history; the open one (no `to`) that started last is their current job. */
export interface Role {
  id: string;
  contactId: string;
  organisationId: string | null;
  organisation: string | null;
  title: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null when not known. */
  from: string | null;
  to: string | null;
  current: boolean;
  source: ContactSource;
  createdAt: Instant;
}

export interface Introduction {
  id: string;
  introducerId: string;
  contactId: string;
  permission: Permission;
  permissionAt: Instant | null;
  interviewId: string | null;
  createdAt: Instant;
}

export interface Interview {
  id: string;
  campaignId: string;
  contactId: string;
  status: InterviewStatus;
  scheduledAt: Instant | null;
  timezone: string | null;
  minutes: number;
  mode: MeetingMode | null;
  place: string | null;
  link: string | null;
  heldAt: Instant | null;
  noReferrals: boolean;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface Touch {
  id: string;
  contactId: string;
  interviewId: string | null;
  channel: Channel;
  direction: Direction;
  purpose: Purpose;
  response: Response | null;
  at: Instant;
  text: string | null;
  templateId: string | null;
  objection: string | null;
  /** What the user answered to the objection, when it worked. */
  objectionAnswer: string | null;
  planned: boolean;
  createdAt: Instant;
}

export interface Note {
  id: string;
  contactId: string | null;
  interviewId: string | null;
  questionId: string | null;
  text: string;
  kinds: InsightKind[];
  at: Instant;
  createdAt: Instant;
}

export interface Action {
  id: string;
  kind: ActionKind;
  dueAt: Instant;
  overdue: boolean;
  status: ActionStatus;
  snoozedUntil: Instant | null;
  contactId: string | null;
  contactName: string | null;
  interviewId: string | null;
  reason: string;
  /** The message the action asks for, when its next step is one (set on the views, not stored). */
  draft?: ActionDraft | null;
}

export interface Settings {
  timezone: string;
  country: string | null;
  followUpPreset: FollowUpPreset;
  name: string | null;
}
