// Row types: the database's vocabulary (snake_case), seen only inside src/store. Times are ISO
// text in UTC on both dialects and booleans are 0/1 integers, so one mapper serves both.
import type { Generated } from 'kysely';

export interface UserRow {
  id: string;
  email: string | null;
  name: string | null;
  role: string;
  created_at: string;
  /** Server mode (migration 11): the authentication library's user fields, and an admin's switch. */
  email_verified: Generated<number>;
  image: string | null;
  updated_at: string | null;
  disabled: Generated<number>;
}

/** A signed-in browser (better-auth's session). */
export interface AuthSessionRow {
  id: string;
  user_id: string;
  token: string;
  expires_at: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
  updated_at: string;
}

/** How a user signs in; for e-mail + password, provider_id 'credential' and the password's hash. */
export interface AuthAccountRow {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  password: string | null;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: string | null;
  refresh_token_expires_at: string | null;
  scope: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuthVerificationRow {
  id: string;
  identifier: string;
  value: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

/** Server-wide values: the cookie-signing secret, the setup token's hash. */
export interface AuthSettingRow {
  key: string;
  value: string;
}

/** Failed logins per e-mail or per address, counted in a window; locked until a time when over. */
export interface AuthThrottleRow {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export interface InvitationRow {
  id: string;
  token: string;
  token_hash: string;
  email: string;
  role: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PasswordResetRow {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface SettingRow {
  user_id: string;
  key: string;
  value: string;
}

export interface CampaignRow {
  id: string;
  user_id: string;
  field: string;
  situation: string;
  objective: string | null;
  status: string;
  created_at: string;
  ended_at: string | null;
}

export interface OrganisationRow {
  id: string;
  user_id: string;
  name: string;
  normalised_name: string;
  kind: string;
  website: string | null;
  notes: string | null;
  created_at: string;
}

export interface TargetRow {
  id: string;
  user_id: string;
  campaign_id: string;
  organisation_id: string;
  motivation: number;
  posting: number;
  status: string;
  created_at: string;
}

export interface ContactRow {
  id: string;
  user_id: string;
  name: string;
  sort_name: string;
  given_name: string | null;
  family_name: string | null;
  organisation_id: string | null;
  title: string | null;
  linkedin_url: string | null;
  location: string | null;
  tie: string;
  do_not_contact: number;
  source: string;
  connected_on: string | null;
  research: string | null;
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface ContactValueRow {
  contact_id: string;
  user_id: string;
  position: number;
  value: string;
}

export interface ContactTagRow {
  contact_id: string;
  user_id: string;
  tag: string;
}

export interface IntroductionRow {
  id: string;
  user_id: string;
  introducer_id: string;
  contact_id: string;
  permission: string;
  permission_at: string | null;
  interview_id: string | null;
  created_at: string;
}

export interface InterviewRow {
  id: string;
  user_id: string;
  campaign_id: string;
  contact_id: string;
  status: string;
  scheduled_at: string | null;
  timezone: string | null;
  minutes: number;
  mode: string | null;
  place: string | null;
  link: string | null;
  held_at: string | null;
  no_referrals: number;
  created_at: string;
  updated_at: string;
  /** When the user said they are done keeping in touch (null: updates still wanted). */
  keep_in_touch_done_at: string | null;
}

export interface TouchRow {
  id: string;
  user_id: string;
  contact_id: string;
  interview_id: string | null;
  channel: string;
  direction: string;
  purpose: string;
  response: string | null;
  at: string;
  text: string | null;
  template_id: string | null;
  objection: string | null;
  objection_answer: string | null;
  planned: number;
  created_at: string;
}

export interface ActionRow {
  id: string;
  user_id: string;
  kind: string;
  contact_id: string | null;
  interview_id: string | null;
  due_at: string;
  overdue_at: string;
  status: string;
  snoozed_until: string | null;
  reason: string;
  created_at: string;
  closed_at: string | null;
}

export interface QuestionRow {
  id: string;
  user_id: string;
  topic: string;
  text: string;
  situations: string;
  minutes: number;
  created_at: string;
}

export interface QuestionPlanRow {
  id: string;
  user_id: string;
  interview_id: string;
  minutes: number;
  created_at: string;
  updated_at: string;
}

export interface PlanItemRow {
  plan_id: string;
  user_id: string;
  position: number;
  question_id: string;
  text: string;
  minutes: number;
}

export interface NoteRow {
  id: string;
  user_id: string;
  contact_id: string | null;
  interview_id: string | null;
  question_id: string | null;
  text: string;
  at: string;
  created_at: string;
}

export interface NoteKindRow {
  note_id: string;
  user_id: string;
  kind: string;
}

export interface OutcomeRow {
  id: string;
  user_id: string;
  campaign_id: string;
  kind: string;
  description: string | null;
  at: string;
  created_at: string;
}

export interface OutcomeCreditRow {
  outcome_id: string;
  user_id: string;
  interview_id: string;
  /** 0 for the interview the outcome was recorded on; n for the one n introductions up the chain. */
  depth: number;
}

export interface TemplateRow {
  id: string;
  user_id: string;
  name: string;
  purpose: string;
  channel: string;
  subject: string | null;
  body: string;
  created_at: string;
}

export interface MergeRow {
  id: string;
  user_id: string;
  kept_id: string;
  other_id: string;
  snapshot: string;
  at: string;
  undone_at: string | null;
}

export interface RoleRow {
  id: string;
  user_id: string;
  contact_id: string;
  organisation_id: string | null;
  title: string | null;
  started_on: string | null;
  ended_on: string | null;
  source: string;
  created_at: string;
}

/** Two contacts the user said are different people (stored smaller id first). */
export interface NotDuplicateRow {
  user_id: string;
  contact_a: string;
  contact_b: string;
  at: string;
}

/** The debrief of one interview (what I learned, how it fits me, what I still need to know). */
export interface InterviewDebriefRow {
  interview_id: string;
  user_id: string;
  learned: string | null;
  fit: string | null;
  open_questions: string | null;
  updated_at: string;
}

/** A user's private calendar feed token (at most one per user), and its SHA-256 for lookups. */
export interface CalendarFeedRow {
  user_id: string;
  token: string;
  token_hash: string;
  created_at: string;
}

/** One interview's prep sheet; JSON text for the short lists (see its migration). */
export interface PrepSheetRow {
  interview_id: string;
  user_id: string;
  checked_role: number;
  checked_news: number;
  checked_public: number;
  research_notes: string | null;
  objectives: string;
  agenda: string | null;
  talking_points: string;
  prep_minutes: number;
  created_at: string;
  updated_at: string;
}

export interface Database {
  users: UserRow;
  settings: SettingRow;
  campaigns: CampaignRow;
  organisations: OrganisationRow;
  targets: TargetRow;
  contacts: ContactRow;
  contact_emails: ContactValueRow;
  contact_phones: ContactValueRow;
  contact_tags: ContactTagRow;
  introductions: IntroductionRow;
  interviews: InterviewRow;
  touches: TouchRow;
  actions: ActionRow;
  questions: QuestionRow;
  question_plans: QuestionPlanRow;
  plan_items: PlanItemRow;
  notes: NoteRow;
  note_kinds: NoteKindRow;
  outcomes: OutcomeRow;
  outcome_credits: OutcomeCreditRow;
  templates: TemplateRow;
  merges: MergeRow;
  not_duplicates: NotDuplicateRow;
  roles: RoleRow;
  prep_sheets: PrepSheetRow;
  interview_debriefs: InterviewDebriefRow;
  calendar_feeds: CalendarFeedRow;
  auth_sessions: AuthSessionRow;
  auth_accounts: AuthAccountRow;
  auth_verifications: AuthVerificationRow;
  auth_settings: AuthSettingRow;
  auth_throttle: AuthThrottleRow;
  invitations: InvitationRow;
  password_resets: PasswordResetRow;
  campaign_shares: CampaignShareRow;
  campaign_comments: CampaignCommentRow;
  api_tokens: ApiTokenRow;
  auth_two_factor: TwoFactorRow;
  auth_recovery_codes: RecoveryCodeRow;
  auth_pending_logins: PendingLoginRow;
}

/** An account's TOTP secret (base32); enabled once confirmed; last_step: newest time step accepted. */
export interface TwoFactorRow {
  user_id: string;
  secret: string;
  created_at: string;
  enabled_at: string | null;
  last_step: number;
}

/** A one-time recovery code, by its SHA-256; deleted when used. */
export interface RecoveryCodeRow {
  user_id: string;
  code_hash: string;
}

/** A sign-in waiting for its second factor: the SHA-256 of the cookie's value. */
export interface PendingLoginRow {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** An account's API token: only its SHA-256 and a short prefix for display; scope 'read' | 'write'. */
export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  scope: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

/** A campaign its owner shared with an adviser; access is 'read' or 'comment'. */
export interface CampaignShareRow {
  id: string;
  campaign_id: string;
  owner_id: string;
  adviser_id: string;
  access: string;
  created_at: string;
}

/** An adviser's comment on a shared campaign (kept with the campaign, not the share). */
export interface CampaignCommentRow {
  id: string;
  campaign_id: string;
  author_id: string;
  text: string;
  created_at: string;
}

/** Tables that hold a user's data, children before parents (the order a wipe deletes in). */
export const USER_TABLES = [
  'calendar_feeds',
  'not_duplicates',
  'merges',
  'roles',
  'prep_sheets',
  'outcome_credits',
  'outcomes',
  'note_kinds',
  'notes',
  'plan_items',
  'question_plans',
  'questions',
  'actions',
  'touches',
  'introductions',
  'interview_debriefs',
  'interviews',
  'contact_tags',
  'contact_phones',
  'contact_emails',
  'contacts',
  'targets',
  'organisations',
  'campaigns',
  'templates',
  'settings',
] as const;
