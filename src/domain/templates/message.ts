// Small rules about a drafted message that the server and the web app share: which part of it is
// linted, which touch sending it logs, and the mailto: link that opens it in a mail app.
import type { InterviewStatus, Purpose } from '../types.js';
import type { TemplateChannel, TemplatePurpose } from './placeholders.js';

/**
 * In a call script, a line holding only `---` ends what the user says and starts the coaching
 * notes (objections and answers, questions to ask on the spot). Only the spoken part is linted.
 */
export const SCRIPT_BREAK = /^---[ \t]*$/m;

/** The part of a draft the linter checks: a call script's spoken part, anything else whole. */
export function lintablePart(body: string, channel: TemplateChannel): string {
  if (channel !== 'phone') return body;
  const m = SCRIPT_BREAK.exec(body);
  return m ? body.slice(0, m.index).replace(/\s+$/, '') : body;
}

/** Whether a draft goes to the introducer rather than to the contact. */
export function goesToIntroducer(purpose: TemplatePurpose): boolean {
  return purpose === 'intro-request' || purpose === 'thank-introducer';
}

/** The purpose of the touch logged when a draft is sent: thanking an introducer is a thank-you to them. */
export function touchPurposeFor(purpose: TemplatePurpose): Purpose {
  return purpose === 'thank-introducer' ? 'thank-you' : purpose;
}

/** The message an interview most likely needs next, for "Draft" links. */
export function suggestedPurpose(status: InterviewStatus): TemplatePurpose {
  switch (status) {
    case 'requested':
      return 'follow-up';
    case 'held':
      return 'thank-you';
    case 'thanked':
    case 'in-touch':
      return 'update';
    case 'prospect':
    case 'scheduled':
    case 'declined':
    case 'no-response':
    case 'dropped':
      return 'request';
  }
}

/**
 * A mailto: URL (RFC 6068) with the subject and body percent-encoded as UTF-8 and line breaks as
 * CRLF, so mail apps keep paragraphs and non-ASCII letters intact.
 */
export function mailtoUrl(to: string | null | undefined, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r\n|\r|\n/g, '\r\n'));
  const params = [subject ? `subject=${enc(subject)}` : '', body ? `body=${enc(body)}` : ''].filter(Boolean).join('&');
  const addr = to ? encodeURIComponent(to.trim()).replace(/%40/g, '@') : '';
  return `mailto:${addr}${params ? `?${params}` : ''}`;
}
