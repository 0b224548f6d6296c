// Drafting: fill a template for one interview from what coffeechat knows (the contact, the
// campaign, the introductions and their permissions, the user's name, the minutes asked, the
// advice noted), then lint it. Nothing is sent or logged here.
import * as z from 'zod';
import { AppError, notFound } from '../domain/errors.js';
import { lintMessage, type LintFinding } from '../domain/lint/index.js';
import {
  defaultTemplate,
  firstWord,
  goesToIntroducer,
  lintablePart,
  renderTemplate,
  TEMPLATE_CHANNELS,
  TEMPLATE_PURPOSES,
  touchPurposeFor,
  type Draft,
  type FillValues,
  type Template,
  type TemplateChannel,
  type TemplatePurpose,
} from '../domain/templates/index.js';
import { adviceFrom, progressValues, referralsClause } from '../domain/templates/progress.js';
import type { Contact } from '../domain/types.js';
import type { IntroductionView } from '../store/introductions.store.js';
import type { Ctx } from './context.js';
import { progressSince } from './outcomes.js';
import { getSettings } from './settings.js';
import { getTemplate } from './templates.js';
import { idText, parse } from './validate.js';

const purpose = z.enum(TEMPLATE_PURPOSES, { error: `must be one of: ${TEMPLATE_PURPOSES.join(', ')}` });
const channel = z.enum(TEMPLATE_CHANNELS, { error: `must be one of: ${TEMPLATE_CHANNELS.join(', ')}` });
const optionalId = z.string().trim().min(1).max(64).optional();

export const draftInput = z
  .object({ interviewId: idText, purpose, channel: channel.optional(), templateId: optionalId, introducerId: optionalId })
  .strict();

export const checkInput = z
  .object({
    interviewId: idText,
    purpose,
    channel: channel.default('email'),
    body: z.string().max(50_000, 'must be at most 50000 characters'),
    introducerId: optionalId,
  })
  .strict();

/** Everything a draft for one interview is filled and checked with. */
interface DraftContext {
  interviewId: string;
  contact: Contact;
  recipient: Contact;
  values: FillValues;
  lintIntroducers: { name: string; permission: 'granted' | 'not-asked' | 'declined' }[];
  minutes: number;
}

async function draftContext(ctx: Ctx, interviewId: string, p: TemplatePurpose, introducerId?: string): Promise<DraftContext> {
  const interview = await ctx.store.interviews.get(ctx.userId, interviewId);
  if (!interview) throw notFound('interview', interviewId);
  const [contact, campaign, settings, links, notes] = await Promise.all([
    ctx.store.contacts.get(ctx.userId, interview.contactId),
    ctx.store.campaigns.get(ctx.userId, interview.campaignId),
    getSettings(ctx),
    ctx.store.introductions.forContact(ctx.userId, interview.contactId),
    ctx.store.notes.list(ctx.userId, { interviewId, limit: 200, offset: 0 }),
  ]);
  if (!contact) throw notFound('contact', interview.contactId);
  const intros = links.filter((i) => i.contactId === contact.id);
  const recipient = goesToIntroducer(p) ? await introducerFor(ctx, contact, intros, p, introducerId) : contact;
  // Only an introduction whose permission is granted may be named to the contact.
  const granted = intros.find((i) => i.permission === 'granted' && i.introducerId !== recipient.id);
  const grantedPerson = granted ? await ctx.store.contacts.get(ctx.userId, granted.introducerId) : undefined;
  const minutes = interview.minutes > 0 ? interview.minutes : 20;
  const values: FillValues = {
    'contact.firstName': contact.givenName ?? firstWord(contact.name),
    'contact.lastName': contact.familyName,
    'contact.name': contact.name,
    'contact.organisation': contact.organisation,
    'contact.title': contact.title,
    'recipient.firstName': recipient.givenName ?? firstWord(recipient.name),
    'recipient.name': recipient.name,
    'introducer.name': grantedPerson?.name ?? null,
    'introducer.firstName': grantedPerson ? (grantedPerson.givenName ?? firstWord(grantedPerson.name)) : null,
    'campaign.field': campaign?.field ?? null,
    'campaign.objective': campaign?.objective ?? null,
    'user.name': settings.name,
    'user.firstName': firstWord(settings.name),
    minutes,
    advice: adviceFrom(notes),
    'conversation.referrals': referralsClause(links.filter((x) => x.introducerId === contact.id && x.interviewId === interviewId).length),
    ...(p === 'update' ? progressValues(await progressSince(ctx, interview)) : {}),
  };
  return {
    interviewId,
    contact,
    recipient,
    values,
    // The recipient is addressed by name, which is no use of their name towards someone else.
    lintIntroducers: intros
      .filter((i) => i.introducerId !== recipient.id)
      .map((i) => ({ name: i.introducerName, permission: i.permission })),
    minutes,
  };
}

/** The mutual contact an intro-request or thank-introducer message goes to. */
async function introducerFor(ctx: Ctx, contact: Contact, intros: IntroductionView[], p: TemplatePurpose, id?: string): Promise<Contact> {
  if (id) {
    // Asking for an introduction may go to anyone who knows them (e.g. suggest's "via");
    // thanking someone for one needs the introduction on record.
    if (p === 'thank-introducer' && !intros.some((i) => i.introducerId === id)) {
      throw new AppError('invalid_input', `That person is not recorded as having introduced you to ${contact.name}.`, {
        fields: [{ field: 'introducerId', message: `did not introduce ${contact.name}` }],
      });
    }
    if (id === contact.id) {
      throw new AppError('invalid_input', 'The introducer must be someone other than the contact.', {
        fields: [{ field: 'introducerId', message: 'is the contact' }],
      });
    }
    const c = await ctx.store.contacts.get(ctx.userId, id);
    if (!c) throw notFound('contact', id);
    return c;
  }
  const first = intros[0];
  if (!first) {
    throw new AppError(
      'invalid_input',
      `No one is recorded as knowing ${contact.name}: record the mutual contact first (coffeechat intro add --introducer ID --contact ${contact.id}), or name them with introducerId.`,
      { fields: [{ field: 'introducerId', message: 'is required: no introduction is recorded' }] },
    );
  }
  const c = await ctx.store.contacts.get(ctx.userId, first.introducerId);
  if (!c) throw notFound('contact', first.introducerId);
  return c;
}

/**
 * Whom a message about an interview goes to, and the interview its touch belongs to: the contact
 * and their interview, or, for intro-request and thank-introducer, the mutual contact (given, or
 * the earliest recorded introducer) with no interview of theirs named.
 */
export async function resolveRecipient(
  ctx: Ctx,
  q: { interviewId?: string; contactId?: string; introducerId?: string; purpose: TemplatePurpose },
): Promise<{ recipient: Contact; interviewId: string | undefined }> {
  if (!q.interviewId) {
    const c = await ctx.store.contacts.get(ctx.userId, q.contactId!);
    if (!c) throw notFound('contact', q.contactId!);
    return { recipient: c, interviewId: undefined };
  }
  const interview = await ctx.store.interviews.get(ctx.userId, q.interviewId);
  if (!interview) throw notFound('interview', q.interviewId);
  const contact = await ctx.store.contacts.get(ctx.userId, interview.contactId);
  if (!contact) throw notFound('contact', interview.contactId);
  if (goesToIntroducer(q.purpose)) {
    const intros = (await ctx.store.introductions.forContact(ctx.userId, contact.id)).filter((i) => i.contactId === contact.id);
    return { recipient: await introducerFor(ctx, contact, intros, q.purpose, q.introducerId ?? q.contactId), interviewId: undefined };
  }
  if (q.contactId && q.contactId !== contact.id) {
    throw new AppError('invalid_input', 'That interview is with another contact.', {
      fields: [{ field: 'contactId', message: 'is not the contact of that interview' }],
    });
  }
  return { recipient: contact, interviewId: interview.id };
}

async function pickTemplate(ctx: Ctx, p: TemplatePurpose, ch: TemplateChannel | undefined, templateId?: string): Promise<Template> {
  if (templateId) {
    const t = await getTemplate(ctx, templateId);
    if (t.purpose !== p) {
      throw new AppError('invalid_input', `Template ${templateId} is for ${t.purpose} messages, not ${p}.`, {
        fields: [{ field: 'templateId', message: `is a ${t.purpose} template` }],
      });
    }
    if (ch && t.channel !== ch) {
      throw new AppError('invalid_input', `Template ${templateId} is for ${t.channel}, not ${ch}.`, {
        fields: [{ field: 'channel', message: `template ${templateId} is for ${t.channel}` }],
      });
    }
    return t;
  }
  const channel = ch ?? 'email';
  const t = defaultTemplate(p, channel);
  if (!t) {
    const offered = TEMPLATE_CHANNELS.filter((c) => defaultTemplate(p, c));
    throw new AppError(
      'invalid_input',
      `There is no built-in ${p} template for ${channel}; built-in ones exist for: ${offered.join(', ')}. Add your own with coffeechat templates add.`,
      { fields: [{ field: 'channel', message: `no built-in ${p} template for ${channel}` }] },
    );
  }
  return t;
}

function lint(body: string, p: TemplatePurpose, ch: TemplateChannel, dc: DraftContext) {
  const r = lintMessage(lintablePart(body, ch), { purpose: p, channel: ch, introducers: dc.lintIntroducers, minutes: dc.minutes });
  return { wordCount: r.wordCount, findings: r.findings };
}

/** Fills a template for an interview and lints the result. */
export async function draft(ctx: Ctx, input: unknown): Promise<Draft> {
  const data = parse(draftInput, input);
  const template = await pickTemplate(ctx, data.purpose, data.channel, data.templateId);
  const dc = await draftContext(ctx, data.interviewId, data.purpose, data.introducerId);
  const body = renderTemplate(template.body, dc.values);
  const subject = template.channel === 'email' ? renderTemplate(template.subject ?? '', dc.values) : null;
  const hints: string[] = [];
  const unfilled = new Set([...body.unfilled, ...(subject?.unfilled ?? [])]);
  if (unfilled.has('user.name') || unfilled.has('user.firstName')) {
    hints.push('Set your name to sign your messages: Settings, or coffeechat settings set name "Your Name".');
  }
  if (subject?.unfilled.length) {
    hints.push(`The subject still holds ${subject.unfilled.map((u) => `{${u}}`).join(', ')}; fill it in before sending.`);
  }
  if (template.channel === 'email' && !dc.recipient.emails[0]) {
    hints.push(`No e-mail address is recorded for ${dc.recipient.name}; add one on their page, or type the address when you send.`);
  }
  return {
    interviewId: dc.interviewId,
    purpose: data.purpose,
    channel: template.channel,
    templateId: template.id,
    subject: subject?.text ?? null,
    body: body.text,
    ...lint(body.text, data.purpose, template.channel, dc),
    recipient: { contactId: dc.recipient.id, name: dc.recipient.name, email: dc.recipient.emails[0] ?? null },
    touchPurpose: touchPurposeFor(data.purpose),
    hints,
  };
}

/** Lints an edited draft with the same context as `draft` (introducer permissions, minutes, script part). */
export async function checkDraft(ctx: Ctx, input: unknown): Promise<{ wordCount: number; findings: LintFinding[] }> {
  const data = parse(checkInput, input);
  const dc = await draftContext(ctx, data.interviewId, data.purpose, data.introducerId);
  return lint(data.body, data.purpose, data.channel, dc);
}
