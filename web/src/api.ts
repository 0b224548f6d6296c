// The one typed client of the coffeechat HTTP API. Every request goes to a relative /api/v1 URL
// (the server refuses cross-origin writes) and every failure becomes an ApiError carrying the
// code, message and details of the server's `{ error: { code, message, details } }` body.
import type {
  Action,
  Campaign,
  Channel,
  Contact,
  Direction,
  FollowUpPreset,
  InsightKind,
  Interview,
  InterviewStatus,
  Introduction,
  MeetingMode,
  Note,
  Organisation,
  Outcome,
  OutcomeKind,
  Permission,
  Purpose,
  Response,
  Role,
  Settings,
  Situation,
  TargetStatus,
  Tie,
  Touch,
  UserRole,
} from '../../src/domain/types';
import type { TemplateChannel, TemplatePurpose } from '../../src/domain/templates/placeholders';
import type { FieldDifference, MergeChoice } from '../../src/domain/merge-fields';
import type { ContactFormat, ImportReport } from '../../src/formats/contact-record';
import type { Target } from '../../src/domain/targets';
import type { NetworkGraph } from '../../src/domain/network-graph';
import type { TemplateView } from '../../src/domain/templates/builtin';
import type { Draft } from '../../src/domain/templates/draft';
import type { LintFinding } from '../../src/domain/lint/types';
import type { PlanView } from '../../src/domain/question-plan';
import type { BankQuestion } from '../../src/domain/questions/types';
import type { AgendaItem, PrepPromptId, PrepView } from '../../src/formats/prep-document';
import type { CampaignInsights, OverallInsights, QuestionAnswers } from '../../src/domain/insights/types';
import type { AdviserCampaign, Cohort, CommentView, ShareAccess, ShareView } from '../../src/domain/sharing';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field problems of an `invalid_input` error, or an empty list. */
  get fields(): FieldProblem[] {
    const d = this.details as { fields?: unknown } | undefined;
    if (!d || !Array.isArray(d.fields)) return [];
    return d.fields.filter(
      (f): f is FieldProblem =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as FieldProblem).field === 'string' &&
        typeof (f as FieldProblem).message === 'string',
    );
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const NETWORK_MESSAGE = 'Could not reach the coffeechat server. Check that it is still running, then try again.';

/**
 * The CSRF token the server put in a cookie, echoed in a header on every write (double submit:
 * another site can make the browser send the cookie but cannot read it to set the header).
 */
function csrfHeader(): Record<string, string> {
  const m = /(?:^|;\s*)coffeechat_csrf=([^;]+)/.exec(document.cookie);
  return m ? { 'X-Coffeechat-CSRF': m[1]! } : {};
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...(method === 'GET' ? {} : csrfHeader()) } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let res: globalThis.Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, query), init);
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (res.status === 401) noticeSignedOut(path);
  if (res.status === 204) return undefined as T;
  return answer<T>(res.status, res.statusText, await res.text());
}

let onSignedOut: (() => void) | null = null;

/** Registers what to do when the server says the session is gone (auth.tsx: back to sign-in). */
export function whenSignedOut(handler: (() => void) | null): void {
  onSignedOut = handler;
}

/**
 * A 401 from an ordinary route means the session expired or was ended elsewhere. The accounts
 * routes answer 401 for a wrong password too, so they are left to the form that called them.
 */
function noticeSignedOut(path: string): void {
  if (path.startsWith('/auth/') || path === '/session' || path === '/account') return;
  onSignedOut?.();
}

/** The parsed body of a finished request, or the ApiError its `{ error }` body describes. */
function answer<T>(status: number, statusText: string, text: string): T {
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (status < 200 || status >= 300) {
    const err = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    const code = typeof err?.code === 'string' ? err.code : 'http_' + status;
    const message = typeof err?.message === 'string' ? err.message : `The server answered ${status} ${statusText}.`;
    throw new ApiError(status, code, message, err?.details);
  }
  return data as T;
}

/**
 * Sends a file as the raw request body (not JSON), through XMLHttpRequest because fetch cannot
 * report upload progress. `onProgress` gets the share sent, 0 to 1; the server then still reads
 * the file before it answers.
 */
function upload<T>(path: string, file: Blob, query: Query, onProgress?: (sent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`/api/v1${path}`, query));
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    if (onProgress) {
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      });
      xhr.upload.addEventListener('load', () => onProgress(1));
    }
    xhr.addEventListener('load', () => {
      if (xhr.status === 401) noticeSignedOut(path);
      try {
        resolve(answer<T>(xhr.status, xhr.statusText, xhr.responseText));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', NETWORK_MESSAGE)));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'aborted', 'The upload was stopped.')));
    xhr.send(file);
  });
}

// ---------------------------------------------------------------------------------------------
// Shapes the API returns beyond the domain types.

export interface Overview {
  contacts: number;
  campaigns: number;
  interviews: number;
}

export type InterviewDetail = Interview & {
  contactName: string;
  campaignField: string;
  allowedMoves: InterviewStatus[];
};

export type TimelineItem = ({ type: 'touch' } & Touch) | ({ type: 'note' } & Note);

export interface TodayView {
  now: string;
  timezone: string;
  actions: Action[];
  upcoming: Action[];
  meetings: (Interview & { contactName?: string; campaignField?: string })[];
  counts: { overdue: number; dueToday: number; upcoming: number; meetings: number };
  /** How many actions each list left out (the server caps each list). */
  more: { actions: number; upcoming: number };
}

export type ActionView = Action & { createdAt: string; closedAt: string | null };

export type AllSettings = Settings & Record<string, unknown>;

/** An introduction with the names of both people, as the contact's introductions list gives it. */
export type IntroductionView = Introduction & { introducerName: string; contactName: string };

export type ImportFormat = 'auto' | ContactFormat;

/** What an import did, or (dry run) would do. */
export type { ImportReport };

export type { Target };

export interface TargetInput {
  campaignId: string;
  organisation: string;
  motivation?: number;
  posting?: number;
  status?: TargetStatus;
}

/** Someone to ask first in a campaign, with the reasons in plain words. */
export interface Suggestion {
  contactId: string;
  name: string;
  score: number;
  reasons: string[];
  /** The mutual contact to ask for an introduction, when the best path runs through one. */
  via: string | null;
  viaContactId: string | null;
}

/** The network picture: who led to whom, and the shortest ways into a campaign's targets. */
export type { NetworkGraph };

/** A pair of contacts that may be one person, as the duplicate review shows it. */
export interface DuplicatePair {
  contactIds: [string, string];
  /** 0 to 1 */
  confidence: number;
  reasons: string[];
  signals: { kind: 'email' | 'linkedin' | 'phone' | 'name-org' | 'name'; detail: string }[];
  /** In the order of contactIds; a merge keeps the first. */
  contacts: [Contact, Contact];
  /** Where they differ; `keep` is the first contact, `winner` the side that wins unless the user picks. */
  differences: FieldDifference[];
}

/** One person in the chain from someone the user knows down to a contact. */
export interface ChainLink {
  id: string;
  name: string;
  tie: Tie;
}

/** A message template, built-in or the user's own (`{contact.firstName}`-style placeholders). */
export type MessageTemplate = TemplateView;

/** A template filled for one interview, with what the linter found. */
export type { Draft, LintFinding };

export interface SendInput {
  interviewId: string;
  purpose: TemplatePurpose;
  to?: string;
  subject: string;
  body: string;
  templateId?: string | null;
  introducerId?: string;
}

export type ContactSort = 'name' | '-name' | 'created' | '-created' | 'updated' | '-updated';

export interface ContactInput {
  name: string;
  givenName?: string | null;
  familyName?: string | null;
  emails?: string[];
  phones?: string[];
  organisation?: string | null;
  title?: string | null;
  linkedinUrl?: string | null;
  location?: string | null;
  tags?: string[];
  tie?: Tie;
  doNotContact?: boolean;
  research?: string | null;
  source?: 'manual' | 'referral';
}

export interface CampaignInput {
  field: string;
  situation: Situation;
  objective?: string | null;
}

export interface TouchInput {
  contactId: string;
  interviewId?: string | null;
  channel: Channel;
  direction?: Direction;
  purpose: Purpose;
  response?: Response | null;
  at?: string;
  text?: string | null;
  templateId?: string | null;
  objection?: string | null;
  objectionAnswer?: string | null;
}

export interface NoteInput {
  contactId?: string;
  interviewId?: string | null;
  text: string;
  kinds?: InsightKind[];
}

export interface IntroductionInput {
  introducerId: string;
  contactId: string;
  permission?: Permission;
  interviewId?: string | null;
}

export interface SettingsInput {
  'smtp.host'?: string | null;
  'smtp.port'?: string | null;
  'smtp.user'?: string | null;
  'smtp.from'?: string | null;
  name?: string | null;
  timezone?: string;
  country?: string | null;
  followUpPreset?: FollowUpPreset;
}

// ---------------------------------------------------------------------------------------------

export const api = {
  overview: () => request<Overview>('GET', '/overview'),
  today: (limit?: number) => request<TodayView>('GET', limit ? `/today?limit=${limit}` : '/today'),
  actions: {
    list: (status?: string) => request<{ items: ActionView[] }>('GET', '/actions', undefined, status ? { status } : {}),
    done: (id: string) => request<ActionView>('POST', `/actions/${encodeURIComponent(id)}/done`, {}),
    snooze: (id: string, until: string) => request<ActionView>('POST', `/actions/${encodeURIComponent(id)}/snooze`, { until }),
    dismiss: (id: string) => request<ActionView>('POST', `/actions/${encodeURIComponent(id)}/dismiss`, {}),
  },
  loadDemo: () => request<{ campaignId: string; contacts: number }>('POST', '/demo', {}),
  search: (q: string) => request<{ contacts: Contact[]; notes: Note[] }>('GET', '/search', undefined, { q }),
  duplicates: () => request<{ items: DuplicatePair[] }>('GET', '/duplicates'),

  contacts: {
    list: (q: { q?: string; sort?: ContactSort; tag?: string; limit?: number; offset?: number }) =>
      request<{ items: Contact[]; hasMore: boolean }>('GET', '/contacts', undefined, q),
    get: (id: string) => request<Contact>('GET', `/contacts/${encodeURIComponent(id)}`),
    create: (body: ContactInput) => request<Contact>('POST', '/contacts', body),
    chain: (id: string) => request<{ items: ChainLink[] }>('GET', `/contacts/${encodeURIComponent(id)}/chain`),
    roles: (id: string) => request<{ items: Role[] }>('GET', `/contacts/${encodeURIComponent(id)}/roles`),
    addRole: (id: string, body: RoleInput) => request<Role>('POST', `/contacts/${encodeURIComponent(id)}/roles`, body),
    updateRole: (roleId: string, body: Partial<RoleInput>) => request<Role>('PATCH', `/roles/${encodeURIComponent(roleId)}`, body),
    removeRole: (roleId: string) => request<void>('DELETE', `/roles/${encodeURIComponent(roleId)}`),
    merge: (keepId: string, otherId: string, choose: MergeChoice) =>
      request<Contact>('POST', `/contacts/${encodeURIComponent(keepId)}/merge`, { otherId, choose }),
    unmerge: (keptId: string) =>
      request<{ kept: Contact; restored: Contact }>('POST', `/contacts/${encodeURIComponent(keptId)}/unmerge`, {}),
    notDuplicate: (id: string, otherId: string) =>
      request<{ contactIds: [string, string] }>('POST', `/contacts/${encodeURIComponent(id)}/not-duplicate`, { otherId }),
    update: (id: string, body: Partial<ContactInput>) => request<Contact>('PATCH', `/contacts/${encodeURIComponent(id)}`, body),
    remove: (id: string) => request<void>('DELETE', `/contacts/${encodeURIComponent(id)}`),
    timeline: (id: string) => request<{ items: TimelineItem[] }>('GET', `/contacts/${encodeURIComponent(id)}/timeline`),
    introductions: (id: string) => request<{ items: IntroductionView[] }>('GET', `/contacts/${encodeURIComponent(id)}/introductions`),
    /** Imports a contacts file; a dry run reports what would happen and changes nothing. */
    import: (file: Blob, opts: { format: ImportFormat; dryRun: boolean }, onProgress?: (sent: number) => void) =>
      upload<ImportReport>('/import', file, { format: opts.format, dryRun: opts.dryRun }, onProgress),
  },

  introductions: {
    create: (body: IntroductionInput) => request<Introduction>('POST', '/introductions', body),
    setPermission: (id: string, permission: Permission) =>
      request<Introduction>('PATCH', `/introductions/${encodeURIComponent(id)}`, { permission }),
    remove: (id: string) => request<void>('DELETE', `/introductions/${encodeURIComponent(id)}`),
  },

  campaigns: {
    list: (status?: 'active' | 'ended') => request<{ items: Campaign[] }>('GET', '/campaigns', undefined, { status }),
    get: (id: string) => request<Campaign>('GET', `/campaigns/${encodeURIComponent(id)}`),
    create: (body: CampaignInput) => request<Campaign>('POST', '/campaigns', body),
    update: (id: string, body: Partial<CampaignInput>) => request<Campaign>('PATCH', `/campaigns/${encodeURIComponent(id)}`, body),
    remove: (id: string) => request<void>('DELETE', `/campaigns/${encodeURIComponent(id)}`),
    end: (id: string) => request<Campaign>('POST', `/campaigns/${encodeURIComponent(id)}/end`, {}),
    reopen: (id: string) => request<Campaign>('POST', `/campaigns/${encodeURIComponent(id)}/reopen`, {}),
    targets: (id: string) => request<{ items: Target[] }>('GET', `/campaigns/${encodeURIComponent(id)}/targets`),
    suggestions: (id: string, limit = 20) =>
      request<{ items: Suggestion[] }>('GET', `/campaigns/${encodeURIComponent(id)}/suggestions`, undefined, { limit }),
    /** Adds a suggested person as a prospect; through a mutual contact, also the action to ask them for an introduction. */
    acceptSuggestion: (id: string, contactId: string, viaContactId: string | null) =>
      request<{ interview: InterviewDetail; action: ActionView | null }>(
        'POST',
        `/campaigns/${encodeURIComponent(id)}/suggestions/accept`,
        {
          contactId,
          viaContactId,
        },
      ),
  },

  network: {
    graph: (campaignId?: string) => request<NetworkGraph>('GET', '/network/graph', undefined, { campaignId }),
  },

  targets: {
    create: (body: TargetInput) => request<Target>('POST', '/targets', body),
    update: (id: string, body: { motivation?: number; posting?: number; status?: TargetStatus }) =>
      request<Target>('PATCH', `/targets/${encodeURIComponent(id)}`, body),
    remove: (id: string) => request<void>('DELETE', `/targets/${encodeURIComponent(id)}`),
  },

  organisations: {
    list: () => request<{ items: (Organisation & { contacts: number })[] }>('GET', '/organisations'),
  },

  interviews: {
    list: (q: { campaignId?: string; contactId?: string; status?: InterviewStatus; limit?: number }) =>
      request<{ items: InterviewDetail[] }>('GET', '/interviews', undefined, q),
    get: (id: string) => request<InterviewDetail>('GET', `/interviews/${encodeURIComponent(id)}`),
    create: (body: { campaignId: string; contactId: string }) => request<InterviewDetail>('POST', '/interviews', body),
    move: (id: string, body: { status: InterviewStatus; noReferrals?: boolean }) =>
      request<InterviewDetail>('POST', `/interviews/${encodeURIComponent(id)}/move`, body),
  },

  /** The prep sheet of one interview; PATCH replaces each field it is given. */
  prep: {
    get: (id: string) => request<PrepView>('GET', `/interviews/${encodeURIComponent(id)}/prep`),
    update: (id: string, body: PrepPatch) => request<PrepView>('PATCH', `/interviews/${encodeURIComponent(id)}/prep`, body),
    /** Where the browser downloads the sheet as a file. */
    fileUrl: (id: string, format: 'md' | 'pdf') => `/api/v1/interviews/${encodeURIComponent(id)}/prep.${format}`,
  },

  touches: {
    create: (body: TouchInput) => request<Touch>('POST', '/touches', body),
  },

  notes: {
    create: (body: NoteInput) => request<Note>('POST', '/notes', body),
    remove: (id: string) => request<void>('DELETE', `/notes/${encodeURIComponent(id)}`),
  },

  /** Live mode: the question plan, notes per question, referrals, the debrief and closing. */
  live: {
    plan: (id: string) => request<LivePlan>('GET', `/interviews/${encodeURIComponent(id)}/plan`),
    addNote: (body: LiveNoteInput) => request<Note>('POST', '/notes', body),
    updateNote: (noteId: string, body: Partial<LiveNoteInput>) => request<Note>('PATCH', `/notes/${encodeURIComponent(noteId)}`, body),
    referrals: (id: string) => request<{ items: Referral[] }>('GET', `/interviews/${encodeURIComponent(id)}/referrals`),
    addReferral: (id: string, body: ReferralInput) =>
      request<Referral & { matched: boolean }>('POST', `/interviews/${encodeURIComponent(id)}/referrals`, body),
    close: (id: string, body: { noReferrals?: boolean; debrief?: Partial<DebriefInput> }) =>
      request<InterviewDetail & { debrief: Debrief }>('POST', `/interviews/${encodeURIComponent(id)}/close`, body),
  },

  templates: {
    list: (q: { purpose?: TemplatePurpose; channel?: TemplateChannel } = {}) =>
      request<{ items: MessageTemplate[] }>('GET', '/templates', undefined, q),
  },

  drafts: {
    create: (body: {
      interviewId: string;
      purpose: TemplatePurpose;
      channel?: TemplateChannel;
      templateId?: string;
      introducerId?: string;
    }) => request<Draft>('POST', '/drafts', body),
    check: (body: { interviewId: string; purpose: TemplatePurpose; channel: TemplateChannel; body: string; introducerId?: string }) =>
      request<{ wordCount: number; findings: LintFinding[] }>('POST', '/drafts/check', body),
    send: (body: SendInput) => request<{ sent: true; to: string; touch: Touch }>('POST', '/send', body),
  },

  settings: {
    get: () => request<AllSettings>('GET', '/settings'),
    update: (body: SettingsInput) => request<AllSettings>('PATCH', '/settings', body),
  },

  backups: {
    /** The automatic backups' folder and the latest ones (owner and admins). */
    status: () => request<BackupStatus>('GET', '/backups'),
    /** Puts a JSON backup back into this account; `force` replaces what is there. */
    restore: (file: Blob, force: boolean) => upload<RestoreReport>('/restore', file, { force: force ? 'true' : undefined }),
    downloadUrl: '/api/v1/export?format=json',
  },
};

export interface BackupFile {
  file: string;
  at: string;
  bytes: number;
  automatic: boolean;
}
export interface BackupStatus {
  automatic: boolean;
  folder: string | null;
  keep: number;
  backups: BackupFile[];
  note: string | null;
}
export interface RestoreReport {
  restored: Record<string, number>;
  skipped: Record<string, number>;
  replaced: boolean;
}

/** Query keys, in one place so that invalidation after a write can be broad and predictable. */
export const keys = {
  overview: ['overview'] as const,
  today: ['today'] as const,
  settings: ['settings'] as const,
  organisations: ['organisations'] as const,
  contacts: (q: object) => ['contacts', q] as const,
  contactSearch: (q: string) => ['contacts', 'pick', q] as const,
  contact: (id: string) => ['contact', id] as const,
  timeline: (id: string) => ['contact', id, 'timeline'] as const,
  introductions: (id: string) => ['contact', id, 'introductions'] as const,
  campaigns: ['campaigns'] as const,
  campaign: (id: string) => ['campaign', id] as const,
  targets: (campaignId: string) => ['campaign', campaignId, 'targets'] as const,
  suggestions: (campaignId: string) => ['campaign', campaignId, 'suggestions'] as const,
  interviews: (q: object) => ['interviews', q] as const,
  duplicates: ['duplicates'] as const,
  chain: (id: string) => ['contact', id, 'chain'] as const,
  roles: (id: string) => ['contact', id, 'roles'] as const,
  networkGraph: (campaignId: string) => ['network', campaignId] as const,
};

/** The question plan as live mode reads it (GET /interviews/:id/plan). */
export interface LivePlan {
  minutes: number;
  budgetMinutes: number;
  questions: { id: string; topic?: string; text: string; minutes: number }[];
}

export interface LiveNoteInput {
  interviewId: string;
  questionId: string | null;
  text: string;
  kinds: InsightKind[];
}

export interface ReferralInput {
  name: string;
  email?: string;
  phone?: string;
  permission: Permission;
}

/** A referral given in an interview: the contact, the introduction, and their prospect interview. */
export interface Referral {
  contact: Contact;
  introduction: Introduction;
  interview: InterviewDetail | null;
}

export interface DebriefInput {
  learned: string;
  fit: string;
  open: string;
}

export type Debrief = { interviewId: string; updatedAt: string | null } & { [K in keyof DebriefInput]: string | null };

export type { PrepView };

export interface PrepPatch {
  checklist?: Partial<Record<'role' | 'news' | 'public', boolean>>;
  researchNotes?: string | null;
  objectives?: string[];
  agenda?: AgendaItem[] | null;
  talkingPoints?: Partial<Record<PrepPromptId, string | null>>;
  prepMinutes?: number;
}

/** A job in a person's work history, as the forms send it (dates: 2021, 2021-04 or 2021-04-12). */
export interface RoleInput {
  organisation?: string | null;
  title?: string | null;
  from?: string | null;
  to?: string | null;
}

/** A readable message for any error a query or mutation may throw. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}

/** Per-field messages of an invalid_input error, keyed by the field path (`name`, `emails.0`). */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError) {
    for (const f of e.fields) if (!(f.field in out)) out[f.field] = f.message;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scheduling, calendar files and the private calendar feed (issue 5), and an interview's records.

export interface ScheduleInput {
  /** "2026-03-10T14:00" is read in `timezone`; an offset or Z is taken as it is. */
  at: string;
  timezone?: string;
  minutes?: number;
  mode?: MeetingMode | null;
  place?: string | null;
  link?: string | null;
}

export type ScheduledInterview = InterviewDetail & { localTime: string; warning: string | null };

export interface CalendarFeedView {
  /** Null when there is no feed (never made, or revoked). */
  url: string | null;
  createdAt: string | null;
}

export const scheduleApi = {
  schedule: (id: string, body: ScheduleInput) =>
    request<ScheduledInterview>('POST', `/interviews/${encodeURIComponent(id)}/schedule`, body),
  /** A same-origin link that downloads one interview's meeting as an .ics file. */
  icsHref: (id: string) => `/api/v1/interviews/${encodeURIComponent(id)}/calendar.ics`,
  touches: (interviewId: string) => request<{ items: Touch[] }>('GET', '/touches', undefined, { interviewId, limit: 500 }),
  notes: (interviewId: string) => request<{ items: Note[] }>('GET', '/notes', undefined, { interviewId, limit: 500 }),
  feed: () => request<CalendarFeedView>('GET', '/calendar/feed'),
  rotateFeed: () => request<CalendarFeedView>('POST', '/calendar/feed/rotate', {}),
  revokeFeed: () => request<void>('DELETE', '/calendar/feed'),
};

export const calendarFeedKey = ['calendar-feed'] as const;

// --- Question bank and question plans (issue 5) ----------------------------------------------

export type { PlanView, BankQuestion };

/** One entry of a plan as saved: a bank id (text and minutes from the bank unless given) or `custom` with its text. */
export interface PlanItemInput {
  id: string;
  text?: string;
  minutes?: number;
}

export const planKey = (interviewId: string) => ['interview', interviewId, 'plan'] as const;
export const questionsKey = (situation?: Situation) => ['questions', situation ?? 'all'] as const;

/** The saved plan, or the automatic suggestion (`saved: false`) until one is saved. */
export const getPlan = (interviewId: string) => request<PlanView>('GET', `/interviews/${encodeURIComponent(interviewId)}/plan`);
/** Saves the whole ordered list; the server keeps the referral question last. */
export const savePlan = (interviewId: string, questions: PlanItemInput[]) =>
  request<PlanView>('PUT', `/interviews/${encodeURIComponent(interviewId)}/plan`, { questions });
/** Replaces the plan with a fresh suggestion and saves it. */
export const autoPlan = (interviewId: string) => request<PlanView>('POST', `/interviews/${encodeURIComponent(interviewId)}/plan/auto`, {});
export const listQuestions = async (situation?: Situation) =>
  (await request<{ items: BankQuestion[] }>('GET', '/questions', undefined, { situation })).items;
export const addQuestion = (body: { topic: string; text: string; minutes?: number; situations?: Situation[] }) =>
  request<BankQuestion>('POST', '/questions', body);

// --- Outcomes and keeping in touch (issue 5) --------------------------------------------------

export type { Outcome, OutcomeKind };
export type { OutcomeCredit } from '../../src/domain/types';

export interface OutcomeInput {
  interviewId: string;
  kind: OutcomeKind;
  note?: string | null;
  /** ISO time; without an offset it is read in the user's zone. Default: now. */
  at?: string;
}

export const outcomesKey = (q: { campaignId?: string; interviewId?: string }) => ['outcomes', q] as const;

/** Outcomes, newest first: of a campaign, or those an interview is credited with (directly or up the chain). */
export const listOutcomes = async (q: { campaignId?: string; interviewId?: string }) =>
  (await request<{ items: Outcome[] }>('GET', '/outcomes', undefined, q)).items;
/** Records an outcome; the interviews whose referrals led there are credited too. */
export const addOutcome = (body: OutcomeInput) => request<Outcome>('POST', '/outcomes', body);
export const deleteOutcome = (id: string) => request<void>('DELETE', `/outcomes/${encodeURIComponent(id)}`);
/** `on: false` — done keeping in touch with the person (update reminders stop); `on: true` undoes it. */
export const setKeepInTouch = (interviewId: string, on: boolean) =>
  request<InterviewDetail & { keepInTouchDoneAt: string | null }>('POST', `/interviews/${encodeURIComponent(interviewId)}/keep-in-touch`, {
    on,
  });

// --- Insights (issue 6) -----------------------------------------------------------------------

export type { CampaignInsights, OverallInsights };

export const insightsKey = (campaignId?: string) => (campaignId ? (['insights', campaignId] as const) : (['insights'] as const));

export const insights = {
  /** What one campaign has taught, in numbers (GET /campaigns/:id/insights). */
  campaign: (id: string) => request<CampaignInsights>('GET', `/campaigns/${encodeURIComponent(id)}/insights`),
  /** All campaigns together, and the network's growth (GET /insights). */
  overall: () => request<OverallInsights>('GET', '/insights'),
  /** Every answer to one question of a campaign (GET /campaigns/:id/answers): the page lists the latest 20. */
  answers: (id: string, question: string) =>
    request<QuestionAnswers>('GET', `/campaigns/${encodeURIComponent(id)}/answers`, undefined, { question }),
  /** Where the browser downloads a campaign's field brief as a file. */
  briefUrl: (id: string, format: 'md' | 'pdf') => `/api/v1/campaigns/${encodeURIComponent(id)}/brief.${format}`,
};

// --- Accounts (issue 7, server mode) ----------------------------------------------------------

export type { UserRole };

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Whether the server has accounts at all, whether its first admin is still to be made, and who is signed in. */
export interface SessionView {
  accounts: boolean;
  setupNeeded: boolean;
  user: SessionUser | null;
  /** The admin requires a second factor of this user, who has none yet: nothing else opens until it is set up. */
  enrolSecondFactor?: boolean;
}

export type AdminUserView = SessionUser & { disabled: boolean; createdAt?: string };

export interface InvitationView {
  id: string;
  email: string;
  role: UserRole;
  /** The link to send the invited person; it opens /register?invitation=…. */
  url: string;
  expiresAt: string;
}

/** What a server without accounts (the local single-user app) amounts to. */
export const LOCAL_SESSION: SessionView = { accounts: false, setupNeeded: false, user: null };

export const accounts = {
  session: async (): Promise<SessionView> => {
    try {
      return await request<SessionView>('GET', '/session');
    } catch (e) {
      // A server from before accounts has no /session: it is the local app.
      if (e instanceof ApiError && e.status === 404) return LOCAL_SESSION;
      throw e;
    }
  },
  setup: (body: { token: string; email: string; name: string; password: string }) =>
    request<{ user: SessionUser }>('POST', '/auth/setup', body),
  /** An account with a second factor answers `codeNeeded`: the code step (`loginCode`) comes next. */
  login: (body: { email: string; password: string }) => request<{ user: SessionUser } | { codeNeeded: true }>('POST', '/auth/login', body),
  loginCode: (code: string) => request<{ user: SessionUser; recoveryCodesLeft?: number }>('POST', '/auth/login/code', { code }),
  logout: () => request<void>('POST', '/auth/logout', {}),
  register: (body: { invitation: string; email: string; name: string; password: string }) =>
    request<{ user: SessionUser }>('POST', '/auth/register', body),
  requestReset: (email: string) => request<{ message: string }>('POST', '/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) => request<void>('POST', '/auth/password-reset/confirm', { token, password }),
  deleteAccount: (password: string) => request<void>('DELETE', '/account', { password }),
  /** The JSON backup of everything the signed-in user owns (a download, not a fetch). */
  exportUrl: '/api/v1/export?format=json',
};

export const adminKeys = {
  users: ['admin', 'users'] as const,
  invitations: ['admin', 'invitations'] as const,
};

export const admin = {
  users: async () => (await request<{ items: AdminUserView[] }>('GET', '/admin/users')).items,
  updateUser: (id: string, patch: { role?: UserRole; disabled?: boolean }) =>
    request<AdminUserView>('PATCH', `/admin/users/${encodeURIComponent(id)}`, patch),
  resetLink: (id: string) => request<{ url: string }>('POST', `/admin/users/${encodeURIComponent(id)}/reset-link`, {}),
  invitations: async () => (await request<{ items: InvitationView[] }>('GET', '/admin/invitations')).items,
  invite: (body: { email: string; role: UserRole }) => request<InvitationView>('POST', '/admin/invitations', body),
  revokeInvitation: (id: string) => request<void>('DELETE', `/admin/invitations/${encodeURIComponent(id)}`),
  twoFactor: () => request<TwoFactorPolicy>('GET', '/admin/two-factor'),
  setTwoFactor: (required: boolean) => request<TwoFactorPolicy>('PUT', '/admin/two-factor', { required }),
  resetTwoFactor: (id: string) => request<void>('DELETE', `/admin/users/${encodeURIComponent(id)}/two-factor`),
};

// --- The TOTP second factor (issue 7, part 2; src/server/auth/second-factor.ts) ------------------

export interface TwoFactorStatus {
  enabled: boolean;
  /** The admin requires one of this account's role. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** Whether advisers and admins must use a second factor, and the ids of the accounts that have one. */
export interface TwoFactorPolicy {
  required: boolean;
  enabled: string[];
}

export const twoFactorKeys = { status: ['account', 'two-factor'] as const, policy: ['admin', 'two-factor'] as const };

export const twoFactorApi = {
  status: () => request<TwoFactorStatus>('GET', '/account/two-factor'),
  /** A new secret: base32 for typing in, the otpauth URI, and the QR code's rows of modules ('1' dark). */
  start: () => request<{ secret: string; uri: string; qr: string[] }>('POST', '/account/two-factor/start', {}),
  confirm: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/account/two-factor/confirm', { code }),
  recoveryCodes: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/account/two-factor/recovery-codes', { code }),
  disable: (password: string, code: string) => request<void>('DELETE', '/account/two-factor', { password, code }),
};

// --- Sharing with advisers and the cohort dashboard (issue 7, part 4) ---------------------------

export type { AdviserCampaign, Cohort, CommentView, ShareAccess, ShareView };
export type { CohortCampaign, CohortMember, SharedInterview } from '../../src/domain/sharing';

export const shareKeys = {
  shares: (campaignId: string) => ['shares', campaignId] as const,
  comments: (campaignId: string) => ['comments', campaignId] as const,
  cohort: ['adviser', 'cohort'] as const,
  adviserCampaign: (id: string) => ['adviser', 'campaign', id] as const,
};

const enc = encodeURIComponent;

export const sharing = {
  /** Who has access to one of your campaigns. */
  list: async (campaignId: string) => (await request<{ items: ShareView[] }>('GET', `/campaigns/${enc(campaignId)}/shares`)).items,
  /** Shares a campaign with an adviser's account; sharing again changes the access. */
  share: (campaignId: string, body: { email: string; access: ShareAccess }) =>
    request<ShareView>('POST', `/campaigns/${enc(campaignId)}/shares`, body),
  revoke: (shareId: string) => request<void>('DELETE', `/shares/${enc(shareId)}`),
  /** Advisers' comments on a campaign (yours, or one shared with you). */
  comments: async (campaignId: string) => (await request<{ items: CommentView[] }>('GET', `/campaigns/${enc(campaignId)}/comments`)).items,
};

export const adviser = {
  cohort: () => request<Cohort>('GET', '/adviser/cohort'),
  campaign: (id: string) => request<AdviserCampaign>('GET', `/adviser/campaigns/${enc(id)}`),
  comment: (id: string, text: string) => request<CommentView>('POST', `/adviser/campaigns/${enc(id)}/comments`, { text }),
};

// --- API tokens (issue 7, part 7): the Account page's list; src/app/tokens.ts has the rules ------

export type TokenScope = 'read' | 'write';

export interface TokenView {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  expired: boolean;
}

export const tokensKey = ['account', 'tokens'] as const;

export const tokensApi = {
  list: async () => (await request<{ items: TokenView[] }>('GET', '/account/tokens')).items,
  /** The answer carries the token itself, this once. */
  create: (body: { name: string; scope: TokenScope; expiresInDays: number | null }) =>
    request<TokenView & { token: string }>('POST', '/account/tokens', body),
  revoke: (id: string) => request<void>('DELETE', `/account/tokens/${enc(id)}`),
};
