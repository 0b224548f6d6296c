// The linter's public shapes (issue 4): other layers (drafts, the editor, plans) code against these.

export type LintPurpose = 'request' | 'intro-request' | 'follow-up' | 'thank-you' | 'update' | 'thank-introducer' | 'questions';
export type LintChannel = 'email' | 'phone' | 'linkedin';
export type LintSeverity = 'error' | 'warning' | 'info';

export const LINT_PURPOSES: readonly LintPurpose[] = [
  'request',
  'intro-request',
  'follow-up',
  'thank-you',
  'update',
  'thank-introducer',
  'questions',
];
export const LINT_CHANNELS: readonly LintChannel[] = ['email', 'phone', 'linkedin'];

export interface LintFinding {
  rule: string;
  severity: LintSeverity;
  message: string;
  /** UTF-16 index of the first character the finding is about. */
  start: number;
  /** UTF-16 index just past the last character (exclusive). */
  end: number;
  fix?: string;
}

export interface LintIntroducer {
  name: string;
  permission: 'granted' | 'not-asked' | 'declined';
}

export interface LintOptions {
  purpose?: LintPurpose; // default 'request'
  channel?: LintChannel; // default 'email'
  /** People the message may name as the mutual contact; undefined = name-without-permission is not evaluated. */
  introducers?: LintIntroducer[];
  /** Agreed minutes of the meeting (questions purpose): enables over-time. */
  minutes?: number;
  /**
   * Question id -> minutes, for plans; optional. A line counts with these minutes when it starts
   * with the id followed by a colon ("who-else: Who else should I talk to?") or when its whole
   * text is a key.
   */
  questionMinutes?: Record<string, number>;
}

export interface LintResult {
  wordCount: number;
  findings: LintFinding[];
}
