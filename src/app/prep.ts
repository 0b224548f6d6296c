// The prep sheet of one interview (issue 5, item 4): who the person is and how the user is
// connected, the research checklist, objectives, agenda, question plan, talking points, time spent
// and etiquette. The `prepare` action is wanted while the checklist is incomplete, so saving the
// sheet re-plans the interview's actions in the same transaction.
import * as z from 'zod';
import { notFound } from '../domain/errors.js';
import { OPENING_AND_CLOSE_MINUTES } from '../domain/question-plan.js';
import { builtInQuestion, fillField } from '../domain/questions/index.js';
import type { Tie } from '../domain/types.js';
import { isValidTimeZone } from '../domain/zoned.js';
import {
  PREP_CHECKLIST_IDS,
  PREP_PROMPT_IDS,
  type AgendaItem,
  type PrepChecklistId,
  type PrepPromptId,
  type PrepView,
  prepDocument,
} from '../formats/prep-document.js';
import type { Store } from '../store/index.js';
import type { PrepRecord } from '../store/prep.store.js';
import { syncActions } from './actions.js';
import type { Ctx } from './context.js';
import { contactChain } from './introductions.js';
import { getPlan } from './plans.js';
import { localTimeText } from './schedule.js';
import { getSettings } from './settings.js';
import { optionalText, parse, requiredText } from './validate.js';

export type { PrepView } from '../formats/prep-document.js';

export const CHECKLIST: readonly { id: PrepChecklistId; label: string; hint: string }[] = [
  {
    id: 'role',
    label: 'Their role and background',
    hint: 'Their current job, the road that led there, anything they have written or said in public.',
  },
  {
    id: 'news',
    label: "The organisation's recent news",
    hint: 'Launches, results, reorganisations, hiring: what they may be busy with right now.',
  },
  {
    id: 'public',
    label: 'What not to ask because it is public',
    hint: 'Anything the website, a report or a quick search answers; asking it spends their time on what you could read.',
  },
];

const PROMPT_LABEL: Record<PrepPromptId, string> = {
  'prep-about-me': 'About you, in a few sentences',
  'prep-why-field': 'Why this field',
  'prep-why-role': 'Why this kind of role',
  'prep-why-org': 'Why this organisation',
};

export const ETIQUETTE: readonly string[] = [
  'Be on time, or a few minutes early; in person, know the way and the room.',
  'Keep to the minutes you asked for; when they are up, offer to stop, and let them choose to go on.',
  'Ask who else you should talk to, and whether you may mention their name.',
  'Thank them the same day, naming one piece of advice you will act on.',
  'Never ask for a job: you came for their insight, not an opening.',
];

const minutesField = (max: number) =>
  z.coerce
    .number({ error: 'must be a whole number of minutes' })
    .int('must be a whole number of minutes')
    .min(0, 'cannot be negative')
    .max(max, `must be at most ${max}`);

export const prepPatch = z
  .object({
    checklist: z
      .object(Object.fromEntries(PREP_CHECKLIST_IDS.map((id) => [id, z.boolean({ error: 'must be true or false' }).optional()])))
      .strict()
      .optional(),
    researchNotes: optionalText(10_000),
    objectives: z.array(requiredText(300)).max(10, 'can hold at most 10 objectives').optional(),
    /** The whole agenda; null goes back to the default worked out from the meeting's minutes. */
    agenda: z
      .array(z.object({ title: requiredText(120), minutes: minutesField(180) }).strict())
      .min(1, 'needs at least one part (or null for the default)')
      .max(12, 'can hold at most 12 parts')
      .nullable()
      .optional(),
    talkingPoints: z
      .object(Object.fromEntries(PREP_PROMPT_IDS.map((id) => [id, optionalText(4_000)])))
      .strict()
      .optional(),
    prepMinutes: minutesField(10_000).optional(),
  })
  .strict();

export type PrepPatch = z.infer<typeof prepPatch>;

/** Checklist complete: every research item checked and at least one objective. */
export function prepComplete(r: Pick<PrepRecord, 'checklist' | 'objectives'>): boolean {
  return PREP_CHECKLIST_IDS.every((id) => r.checklist[id]) && r.objectives.length > 0;
}

function missingFor(r: Pick<PrepRecord, 'checklist' | 'objectives'>): string[] {
  const out = CHECKLIST.filter((c) => !r.checklist[c.id]).map((c) => c.label.toLowerCase());
  if (r.objectives.length === 0) out.push('at least one objective');
  return out;
}

/** Whether the interview's prep checklist is complete (the follow-through rules' `prepared` fact). */
export async function isPrepared(tx: Store, userId: string, interviewId: string): Promise<boolean> {
  const r = await tx.prep.get(userId, interviewId);
  return !!r && prepComplete(r);
}

/** Opening 2 minutes, the questions, close 2 minutes with the referral question (CONTRACTS.md). */
export function defaultAgenda(minutes: number): AgendaItem[] {
  const half = OPENING_AND_CLOSE_MINUTES / 2;
  return [
    { title: 'Opening: thank them, say who you are and why you asked', minutes: half },
    { title: 'Your questions', minutes: Math.max(0, minutes - OPENING_AND_CLOSE_MINUTES) },
    { title: 'Close: who else should I talk to? May I mention your name? Thank them', minutes: half },
  ];
}

function emptySheet(interviewId: string, now: string): PrepRecord {
  return {
    interviewId,
    checklist: { role: false, news: false, public: false },
    researchNotes: null,
    objectives: [],
    agenda: null,
    talkingPoints: {},
    prepMinutes: 0,
    createdAt: now,
    updatedAt: now,
  };
}

function connectionSummary(name: string, tie: Tie, introducedBy: { name: string; permission: string }[]): string {
  const first = introducedBy[0];
  if (first) {
    const others = introducedBy.length > 1 ? ` (and ${introducedBy.length - 1} more)` : '';
    const use =
      first.permission === 'granted'
        ? `you may mention ${first.name}'s name`
        : first.permission === 'declined'
          ? `${first.name} asked not to be named, so do not mention them`
          : `ask ${first.name} whether you may mention their name`;
    return `${first.name}${others} introduced you to ${name}: ${use}.`;
  }
  switch (tie) {
    case 'close':
      return `You know ${name} well.`;
    case 'acquaintance':
      return `You have met ${name} before; remind them where.`;
    case 'friend-of-contact':
      return `${name} is a friend of someone you know; say who.`;
    case 'cold':
      return `No introduction: a cold approach. Say how you found ${name} and why you chose them.`;
  }
}

/** The whole sheet: stored answers, or a blank sheet with the default agenda before the first save. */
export async function getPrep(ctx: Ctx, interviewId: string): Promise<PrepView> {
  const interview = await ctx.store.interviews.get(ctx.userId, interviewId);
  if (!interview) throw notFound('interview', interviewId);
  const contact = await ctx.store.contacts.get(ctx.userId, interview.contactId);
  if (!contact) throw notFound('contact', interview.contactId);
  const [roles, chain, intros, settings, stored, plan] = await Promise.all([
    ctx.store.roles.list(ctx.userId, contact.id),
    contactChain(ctx, contact.id),
    ctx.store.introductions.forContact(ctx.userId, contact.id),
    getSettings(ctx),
    ctx.store.prep.get(ctx.userId, interviewId),
    getPlan(ctx, interviewId),
  ]);
  const sheet = stored ?? emptySheet(interviewId, interview.createdAt);
  const introducedBy = intros
    .filter((i) => i.contactId === contact.id)
    .map((i) => ({ id: i.introducerId, name: i.introducerName, permission: i.permission }));
  const zone = interview.timezone && isValidTimeZone(interview.timezone) ? interview.timezone : settings.timezone;
  return {
    interviewId,
    campaignId: interview.campaignId,
    campaignField: interview.campaignField,
    status: interview.status,
    meeting: {
      scheduledAt: interview.scheduledAt,
      localTime: interview.scheduledAt ? localTimeText(new Date(interview.scheduledAt), zone) : null,
      minutes: interview.minutes,
      mode: interview.mode,
      place: interview.place,
      link: interview.link,
    },
    person: {
      contactId: contact.id,
      name: contact.name,
      organisation: contact.organisation,
      title: contact.title,
      location: contact.location,
      linkedinUrl: contact.linkedinUrl,
      research: contact.research,
      roles: roles.map((r) => ({ organisation: r.organisation, title: r.title, from: r.from, to: r.to, current: r.current })),
    },
    connection: {
      tie: contact.tie,
      chain,
      introducedBy,
      summary: connectionSummary(contact.name, contact.tie, introducedBy),
    },
    checklist: CHECKLIST.map((c) => ({ ...c, checked: sheet.checklist[c.id] })),
    researchNotes: sheet.researchNotes,
    objectives: sheet.objectives,
    agenda: sheet.agenda ? { items: sheet.agenda, custom: true } : { items: defaultAgenda(interview.minutes), custom: false },
    plan,
    talkingPoints: PREP_PROMPT_IDS.map((id) => ({
      promptId: id,
      label: PROMPT_LABEL[id],
      prompt: fillField(builtInQuestion(id)?.text ?? PROMPT_LABEL[id], interview.campaignField),
      text: sheet.talkingPoints[id] ?? null,
    })),
    prepMinutes: sheet.prepMinutes,
    etiquette: [...ETIQUETTE],
    complete: prepComplete(sheet),
    missing: missingFor(sheet),
    updatedAt: stored?.updatedAt ?? null,
  };
}

/**
 * Saves part of the sheet (each field given replaces the stored one). Completing the checklist
 * closes the open `prepare` action as done; un-completing it opens that action again, because the
 * user did not mark it done themselves.
 */
export async function updatePrep(ctx: Ctx, interviewId: string, input: unknown): Promise<PrepView> {
  const data = parse(prepPatch, input);
  await ctx.store.transaction(async (tx) => {
    const interview = await tx.interviews.get(ctx.userId, interviewId);
    if (!interview) throw notFound('interview', interviewId);
    const now = ctx.clock.now().toISOString();
    const cur = (await tx.prep.get(ctx.userId, interviewId)) ?? emptySheet(interviewId, now);
    const talkingPoints = { ...cur.talkingPoints };
    for (const [id, text] of Object.entries(data.talkingPoints ?? {})) {
      if (text) talkingPoints[id] = text;
      else delete talkingPoints[id];
    }
    const next: PrepRecord = {
      ...cur,
      checklist: { ...cur.checklist, ...(data.checklist as Partial<PrepRecord['checklist']> | undefined) },
      researchNotes: data.researchNotes === undefined ? cur.researchNotes : data.researchNotes,
      objectives: data.objectives ?? cur.objectives,
      agenda: data.agenda === undefined ? cur.agenda : data.agenda,
      talkingPoints,
      prepMinutes: data.prepMinutes ?? cur.prepMinutes,
      updatedAt: now,
    };
    await tx.prep.save(ctx.userId, next);
    if (prepComplete(cur) && !prepComplete(next) && interview.status === 'scheduled') {
      const done = (await tx.actions.forInterview(ctx.userId, interviewId))
        .filter((a) => a.kind === 'prepare' && a.status === 'done')
        .at(-1);
      if (done) await tx.actions.setStatus(ctx.userId, done.id, 'open', null, null);
    }
    await syncActions(ctx, tx, interviewId);
  });
  return getPrep(ctx, interviewId);
}

export const PREP_FORMATS = ['md', 'html', 'pdf'] as const;
export type PrepFormat = (typeof PREP_FORMATS)[number];

export const PREP_CONTENT_TYPES: Record<PrepFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** The sheet as a file: Markdown or HTML text, or the bytes of a PDF (renderers load on demand). */
export async function exportPrep(ctx: Ctx, interviewId: string, format: PrepFormat): Promise<string | Uint8Array> {
  const doc = prepDocument(await getPrep(ctx, interviewId), ctx.clock.now());
  if (format === 'md') return (await import('../formats/doc-markdown.js')).renderMarkdown(doc);
  if (format === 'html') return (await import('../formats/doc-html.js')).renderHtml(doc);
  return (await import('../formats/doc-pdf.js')).renderPdf(doc);
}
