// Which message an action asks for, so that a due follow-up or thank-you is one click (or one
// command) away from a filled, linted draft. Actions whose next step is not a message (prepare,
// move on, schedule) have none; asking a second person starts from the campaign's suggestions.
import type { TemplatePurpose } from './templates/placeholders.js';
import type { ActionKind } from './types.js';

export interface ActionDraft {
  purpose: TemplatePurpose;
  interviewId: string;
  /** For an introduction request: the mutual contact it goes to. */
  introducerId: string | null;
}

const PURPOSE_OF: Partial<Record<ActionKind, TemplatePurpose>> = {
  'follow-up': 'follow-up',
  'send-thank-you': 'thank-you',
  'send-update': 'update',
  'thank-introducer': 'thank-introducer',
  'ask-introduction': 'intro-request',
};

export function draftFor(a: { kind: ActionKind; interviewId: string | null; contactId: string | null }): ActionDraft | null {
  const purpose = PURPOSE_OF[a.kind];
  if (!purpose || !a.interviewId) return null;
  // An ask-introduction action is about the mutual contact, on the target's interview.
  return { purpose, interviewId: a.interviewId, introducerId: a.kind === 'ask-introduction' ? a.contactId : null };
}

/** The command that drafts it, for the CLI's human output. */
export function draftCommandLine(d: ActionDraft): string {
  return `coffeechat draft ${d.purpose} --interview ${d.interviewId}${d.introducerId ? ` --introducer ${d.introducerId}` : ''}`;
}

/** The web app's address of the draft page for it. */
export function draftHref(d: ActionDraft): string {
  const q = new URLSearchParams({ purpose: d.purpose });
  if (d.introducerId) q.set('introducer', d.introducerId);
  return `/interviews/${encodeURIComponent(d.interviewId)}/draft?${q.toString()}`;
}
