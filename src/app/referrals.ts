// Referrals: the answer to "who else should I talk to?". Each one becomes (or is matched to) a
// contact, an introduction from the interviewee with the permission to use their name, and a
// prospect interview in the same campaign — all in one transaction.
import * as z from 'zod';
import { foldName } from '../domain/contact-keys.js';
import { CONFIDENT, matchPair, type MatchInput } from '../domain/dedupe.js';
import { AppError, notFound } from '../domain/errors.js';
import { sortKey } from '../domain/names.js';
import { PERMISSIONS, type Contact, type Introduction } from '../domain/types.js';
import type { Store } from '../store/index.js';
import { syncPerson } from './actions.js';
import { createContact, updateContact } from './contacts.js';
import type { Ctx } from './context.js';
import { addInterview, withMoves, type InterviewDetail } from './interviews.js';
import { addNote } from './notes.js';
import { getSettings } from './settings.js';
import { idText, optionalText, parse, requiredText } from './validate.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** What the live page and the CLI send; the interview comes from the URL or `--interview`. */
export const referralBody = z
  .object({
    name: requiredText(200),
    email: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().pipe(z.email('is not a valid e-mail address')).optional()),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .min(3, 'is too short for a phone number')
        .max(40)
        .regex(/^[+()\d\s.\-/x#*]+$/i, 'may hold only digits, spaces and + ( ) - . /')
        .optional(),
    ),
    permission: z.enum(PERMISSIONS, { error: `must be one of: ${PERMISSIONS.join(', ')}` }).optional(),
    note: optionalText(2000),
  })
  .strict();
export const referralInput = referralBody.extend({ interviewId: idText }).strict();

export interface Referral {
  contact: Contact;
  introduction: Introduction;
  /** The referral's interview in the campaign; null when the person is marked do not contact. */
  interview: InterviewDetail | null;
}

const inTx = (ctx: Ctx, tx: Store): Ctx => ({ ...ctx, store: tx });

/**
 * The contact a referral already is, if the match is confident: a shared e-mail or phone that
 * the duplicate matcher scores at or above CONFIDENT, or else the same normalised name held by
 * exactly one contact whose addresses and numbers do not contradict the referral's.
 */
async function samePerson(ctx: Ctx, tx: Store, probe: MatchInput): Promise<Contact | null> {
  const ids = await tx.referrals.candidateIds(ctx.userId, { emails: probe.emails, phones: probe.phones, sortName: sortKey(probe.name) });
  if (!ids.length) return null;
  const contacts = await tx.contacts.getMany(ctx.userId, ids);
  const { country } = await getSettings(inTx(ctx, tx));
  let best: { contact: Contact; confidence: number } | null = null;
  for (const c of contacts) {
    const m = matchPair(c, probe, { defaultCountry: country });
    const strong = m?.signals.some((s) => s.kind === 'email' || s.kind === 'phone');
    if (m && strong && m.confidence >= CONFIDENT && (!best || m.confidence > best.confidence))
      best = { contact: c, confidence: m.confidence };
  }
  if (best) return best.contact;
  const key = foldName(probe.name);
  const named = contacts.filter((c) => foldName(c.name) === key);
  if (named.length !== 1) return null;
  const c = named[0]!;
  const clash = (mine: string[], theirs: string[]) => mine.length > 0 && theirs.length > 0;
  // Both sides have an e-mail (or a phone) and none matched above: two people with one name.
  if (clash(probe.emails, c.emails) || clash(probe.phones, c.phones)) return null;
  return c;
}

export async function addReferral(ctx: Ctx, input: unknown): Promise<Referral & { matched: boolean }> {
  const data = parse(referralInput, input);
  return ctx.store.transaction(async (tx) => {
    const c = inTx(ctx, tx);
    const from = await tx.interviews.get(ctx.userId, data.interviewId);
    if (!from) throw notFound('interview', data.interviewId);
    const name = data.name.replace(/\s+/g, ' ');
    const emails = data.email ? [data.email] : [];
    const phones = data.phone ? [data.phone] : [];
    const probe: MatchInput = { id: '', name, givenName: null, familyName: null, emails, phones, organisation: null, linkedinUrl: null };

    let contact = await samePerson(ctx, tx, probe);
    const matched = !!contact;
    if (contact?.id === from.contactId) {
      throw new AppError('invalid_input', `${contact.name} is the person this interview is with; a referral is someone else.`, {
        fields: [{ field: 'name', message: 'is the interviewee' }],
      });
    }
    if (contact) {
      // Keep what the user just learned: a new address or number goes onto the known contact.
      const newEmails = emails.filter((e) => !contact!.emails.some((x) => x.toLowerCase() === e));
      const newPhones = phones.filter((p) => !contact!.phones.includes(p));
      if (newEmails.length || newPhones.length) {
        contact = await updateContact(c, contact.id, {
          emails: [...contact.emails, ...newEmails],
          phones: [...contact.phones, ...newPhones],
        });
      }
    } else {
      contact = await createContact(c, { name, emails, phones, tie: 'friend-of-contact', source: 'referral' });
    }

    const now = ctx.clock.now().toISOString();
    let introduction = await tx.introductions.find(ctx.userId, from.contactId, contact.id);
    if (introduction) {
      // The same referral again (a retry from a phone that lost its connection): update, don't refuse.
      if (data.permission && data.permission !== introduction.permission) {
        await tx.introductions.setPermission(ctx.userId, introduction.id, data.permission, now);
      }
      if (!introduction.interviewId) await tx.introductions.setInterview(ctx.userId, introduction.id, from.id);
      introduction = (await tx.introductions.get(ctx.userId, introduction.id))!;
    } else {
      const permission = data.permission ?? 'not-asked';
      introduction = {
        id: ctx.ids(),
        introducerId: from.contactId,
        contactId: contact.id,
        permission,
        permissionAt: permission === 'not-asked' ? null : now,
        interviewId: from.id,
        createdAt: now,
      };
      await tx.introductions.insert(ctx.userId, introduction);
    }

    let interview: InterviewDetail | null = null;
    const existing = await tx.interviews.findByPair(ctx.userId, from.campaignId, contact.id);
    if (existing) interview = withMoves(existing);
    else if (!contact.doNotContact) interview = await addInterview(c, { campaignId: from.campaignId, contactId: contact.id });

    if (data.note) {
      await addNote(c, { contactId: contact.id, text: `Referred by ${from.contactName}: ${data.note}`, kinds: ['contacts'] });
    }
    // The referral's introducer may be new, which changes whom to thank after meeting them.
    await syncPerson(ctx, tx, contact.id);
    return { contact: (await tx.contacts.get(ctx.userId, contact.id))!, introduction, interview, matched };
  });
}

/** The referrals recorded in an interview, oldest first, each with its contact and interview. */
export async function listReferrals(ctx: Ctx, interviewId: string): Promise<Referral[]> {
  const from = await ctx.store.interviews.get(ctx.userId, interviewId);
  if (!from) throw notFound('interview', interviewId);
  const out: Referral[] = [];
  for (const id of await ctx.store.referrals.introductionIds(ctx.userId, interviewId)) {
    const introduction = await ctx.store.introductions.get(ctx.userId, id);
    const contact = introduction && (await ctx.store.contacts.get(ctx.userId, introduction.contactId));
    if (!introduction || !contact) continue;
    const i = await ctx.store.interviews.findByPair(ctx.userId, from.campaignId, contact.id);
    out.push({ contact, introduction, interview: i ? withMoves(i) : null });
  }
  return out;
}
