// Prep sheets: one row per interview. The short lists are JSON text, parsed defensively so that a
// hand-edited database degrades to an empty list rather than a crash.
import type { Kysely } from 'kysely';
import { bit, bool } from './rows.js';
import type { Database, PrepSheetRow } from './schema.js';

export interface AgendaItem {
  title: string;
  minutes: number;
}

export interface PrepChecklist {
  role: boolean;
  news: boolean;
  public: boolean;
}

export interface PrepRecord {
  interviewId: string;
  checklist: PrepChecklist;
  researchNotes: string | null;
  objectives: string[];
  /** Null: the default agenda, worked out from the meeting's length when read. */
  agenda: AgendaItem[] | null;
  /** Answers to the preparation prompts, by prompt id. */
  talkingPoints: Record<string, string>;
  prepMinutes: number;
  createdAt: string;
  updatedAt: string;
}

function json<T>(text: string | null, fallback: T, ok: (v: unknown) => boolean): T {
  if (text === null) return fallback;
  try {
    const v: unknown = JSON.parse(text);
    return ok(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isAgenda = (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof x.title === 'string' && typeof x.minutes === 'number');
const isStringMap = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

function toRecord(r: PrepSheetRow): PrepRecord {
  return {
    interviewId: r.interview_id,
    checklist: { role: bool(r.checked_role), news: bool(r.checked_news), public: bool(r.checked_public) },
    researchNotes: r.research_notes,
    objectives: json<string[]>(r.objectives, [], isStringList),
    agenda: json<AgendaItem[] | null>(r.agenda, null, isAgenda),
    talkingPoints: json<Record<string, string>>(r.talking_points, {}, isStringMap),
    prepMinutes: Number(r.prep_minutes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function prepStore(db: Kysely<Database>) {
  return {
    async get(userId: string, interviewId: string): Promise<PrepRecord | undefined> {
      const row = await db
        .selectFrom('prep_sheets')
        .selectAll()
        .where('user_id', '=', userId)
        .where('interview_id', '=', interviewId)
        .executeTakeFirst();
      return row && toRecord(row);
    },

    /** Writes the whole sheet, creating it on first save. */
    async save(userId: string, p: PrepRecord): Promise<void> {
      const values = {
        checked_role: bit(p.checklist.role),
        checked_news: bit(p.checklist.news),
        checked_public: bit(p.checklist.public),
        research_notes: p.researchNotes,
        objectives: JSON.stringify(p.objectives),
        agenda: p.agenda === null ? null : JSON.stringify(p.agenda),
        talking_points: JSON.stringify(p.talkingPoints),
        prep_minutes: p.prepMinutes,
        updated_at: p.updatedAt,
      };
      await db
        .insertInto('prep_sheets')
        .values({ ...values, interview_id: p.interviewId, user_id: userId, created_at: p.createdAt })
        .onConflict((oc) => oc.column('interview_id').doUpdateSet(values))
        .execute();
    },

    /** Minutes spent preparing per interview (insights read them). */
    async minutesByInterview(userId: string, interviewIds: string[]): Promise<Map<string, number>> {
      if (interviewIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('prep_sheets')
        .select(['interview_id', 'prep_minutes'])
        .where('user_id', '=', userId)
        .where('interview_id', 'in', interviewIds)
        .execute();
      return new Map(rows.map((r) => [r.interview_id, Number(r.prep_minutes)]));
    },
  };
}

export type PrepStore = ReturnType<typeof prepStore>;
