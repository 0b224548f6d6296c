// What the field brief needs beyond the insights figures: the people met, the notes with who said
// them, the debriefs, and what is still to do — a few set-based reads per campaign, never one per
// interview.
import type { Kysely } from 'kysely';
import type { InsightKind } from '../domain/types.js';
import type { Database } from './schema.js';

/** Interview statuses in which the conversation took place. */
const MET = ['held', 'thanked', 'in-touch'];
/** Actions still waiting for the user (a snoozed one comes back). */
const PENDING = ['open', 'snoozed'];

export interface BriefPerson {
  interviewId: string;
  name: string;
  organisation: string | null;
  title: string | null;
  status: string;
  /** When they met (held_at, else the scheduled time). */
  at: string | null;
}

export interface BriefNote {
  id: string;
  interviewId: string;
  contactName: string;
  questionId: string | null;
  text: string;
  at: string;
  kinds: InsightKind[];
}

export interface BriefDebrief {
  interviewId: string;
  contactName: string;
  learned: string | null;
  fit: string | null;
  open: string | null;
}

export interface BriefAction {
  kind: string;
  reason: string;
  dueAt: string;
  contactName: string | null;
}

export interface BriefProspect {
  interviewId: string;
  name: string;
  organisation: string | null;
  /** Who referred them in one of this campaign's interviews, or null for a prospect the user found. */
  referredBy: string | null;
}

export function briefStore(db: Kysely<Database>) {
  const inCampaign = (userId: string, campaignId: string) =>
    db
      .selectFrom('interviews')
      .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
      .where('interviews.user_id', '=', userId)
      .where('interviews.campaign_id', '=', campaignId);

  return {
    /** When the campaign ended (null while it runs); the domain Campaign does not carry it. */
    async endedAt(userId: string, campaignId: string): Promise<string | null> {
      const r = await db
        .selectFrom('campaigns')
        .select('ended_at')
        .where('user_id', '=', userId)
        .where('id', '=', campaignId)
        .executeTakeFirst();
      return r?.ended_at ?? null;
    },

    /** The people the user has met in the campaign, in the order they met. */
    async people(userId: string, campaignId: string): Promise<BriefPerson[]> {
      const rows = await inCampaign(userId, campaignId)
        .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
        .select([
          'interviews.id as interview_id',
          'interviews.status',
          'interviews.held_at',
          'interviews.scheduled_at',
          'contacts.name',
          'contacts.title',
          'organisations.name as organisation',
        ])
        .where('interviews.status', 'in', MET)
        .execute();
      return rows
        .map((r) => ({
          interviewId: r.interview_id,
          name: r.name,
          organisation: r.organisation,
          title: r.title,
          status: r.status,
          at: r.held_at ?? r.scheduled_at,
        }))
        .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.name.localeCompare(b.name));
    },

    /** Every note taken in the campaign's interviews, oldest first, with its kinds. */
    async notes(userId: string, campaignId: string): Promise<BriefNote[]> {
      const rows = await inCampaign(userId, campaignId)
        .innerJoin('notes', 'notes.interview_id', 'interviews.id')
        .select(['notes.id', 'notes.interview_id', 'notes.question_id', 'notes.text', 'notes.at', 'contacts.name as contact_name'])
        .orderBy('notes.at')
        .orderBy('notes.id')
        .execute();
      const kinds = await inCampaign(userId, campaignId)
        .innerJoin('notes', 'notes.interview_id', 'interviews.id')
        .innerJoin('note_kinds', 'note_kinds.note_id', 'notes.id')
        .select(['note_kinds.note_id', 'note_kinds.kind'])
        .execute();
      const byNote = new Map<string, InsightKind[]>();
      for (const k of kinds) byNote.set(k.note_id, [...(byNote.get(k.note_id) ?? []), k.kind as InsightKind]);
      return rows.map((r) => ({
        id: r.id,
        interviewId: r.interview_id!,
        contactName: r.contact_name,
        questionId: r.question_id,
        text: r.text,
        at: r.at,
        kinds: (byNote.get(r.id) ?? []).sort(),
      }));
    },

    /** The debriefs written for the campaign's interviews, oldest meeting first. */
    async debriefs(userId: string, campaignId: string): Promise<BriefDebrief[]> {
      const rows = await inCampaign(userId, campaignId)
        .innerJoin('interview_debriefs', 'interview_debriefs.interview_id', 'interviews.id')
        .select([
          'interviews.id as interview_id',
          'interviews.held_at',
          'contacts.name as contact_name',
          'interview_debriefs.learned',
          'interview_debriefs.fit',
          'interview_debriefs.open_questions',
        ])
        .orderBy('interviews.held_at')
        .orderBy('interviews.id')
        .execute();
      return rows.map((r) => ({
        interviewId: r.interview_id,
        contactName: r.contact_name,
        learned: r.learned,
        fit: r.fit,
        open: r.open_questions,
      }));
    },

    /** Actions still to do on the campaign's interviews, earliest due first. */
    async pendingActions(userId: string, campaignId: string): Promise<BriefAction[]> {
      const rows = await inCampaign(userId, campaignId)
        .innerJoin('actions', 'actions.interview_id', 'interviews.id')
        .select(['actions.kind', 'actions.reason', 'actions.due_at', 'contacts.name as contact_name'])
        .where('actions.status', 'in', PENDING)
        .orderBy('actions.due_at')
        .orderBy('actions.id')
        .execute();
      return rows.map((r) => ({ kind: r.kind, reason: r.reason, dueAt: r.due_at, contactName: r.contact_name }));
    },

    /** Prospects not asked yet, each with who referred them in this campaign (if anyone did). */
    async prospects(userId: string, campaignId: string): Promise<BriefProspect[]> {
      const rows = await inCampaign(userId, campaignId)
        .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
        .select(['interviews.id as interview_id', 'interviews.contact_id', 'contacts.name', 'organisations.name as organisation'])
        .where('interviews.status', '=', 'prospect')
        .orderBy('contacts.sort_name')
        .orderBy('interviews.id')
        .execute();
      const referrers = await db
        .selectFrom('introductions')
        .innerJoin('interviews', 'interviews.id', 'introductions.interview_id')
        .innerJoin('contacts', 'contacts.id', 'introductions.introducer_id')
        .select(['introductions.contact_id', 'contacts.name'])
        .where('introductions.user_id', '=', userId)
        .where('interviews.campaign_id', '=', campaignId)
        .orderBy('introductions.created_at')
        .execute();
      const by = new Map<string, string>();
      for (const r of referrers) if (!by.has(r.contact_id)) by.set(r.contact_id, r.name);
      return rows.map((r) => ({
        interviewId: r.interview_id,
        name: r.name,
        organisation: r.organisation,
        referredBy: by.get(r.contact_id) ?? null,
      }));
    },
  };
}
