// What a filled template looks like once drafted for an interview: the API returns it and the
// web editor shows it, so both sides code against this one shape.
import type { LintFinding } from '../lint/types.js';
import type { Purpose } from '../types.js';
import type { TemplateChannel, TemplatePurpose } from './placeholders.js';

export interface Draft {
  interviewId: string;
  purpose: TemplatePurpose;
  channel: TemplateChannel;
  templateId: string;
  /** E-mail drafts only; null for a call script or a LinkedIn note. */
  subject: string | null;
  body: string;
  wordCount: number;
  findings: LintFinding[];
  /** Whom the message goes to: the contact, or the introducer for intro-request and thank-introducer. */
  recipient: { contactId: string; name: string; email: string | null };
  /** The purpose of the touch that sending or logging this draft records. */
  touchPurpose: Purpose;
  /** Things to do that the findings cannot point at (a placeholder left in the subject, a missing name). */
  hints: string[];
}
