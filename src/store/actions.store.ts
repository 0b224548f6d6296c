// Actions: what the user should do next, with a due time and why.
import type { Kysely } from 'kysely';
import type { Action, ActionKind, ActionStatus } from '../domain/types.js';
import type { ActionRow, Database } from './schema.js';

/** An action as stored: `overdue` is derived from `overdueAt` and the clock when it is read. */
export type StoredAction = Omit<Action, 'overdue'> & { overdueAt: string };

/** An action with its history, for the follow-through rules and the actions list. */
export type ActionRecord = StoredAction & { createdAt: string; closedAt: string | null };

export interface ActionQuery {
  status?: ActionStatus;
  contactId?: string;
  interviewId?: string;
  limit: number;
  offset: number;
}

export function actionsStore(db: Kysely<Database>) {
  const withName = () =>
    db
      .selectFrom('actions')
      .leftJoin('contacts', 'contacts.id', 'actions.contact_id')
      .selectAll('actions')
      .select('contacts.name as contact_name');

  return {
    async insert(userId: string, a: StoredAction, at: string): Promise<void> {
      await db
        .insertInto('actions')
        .values({
          id: a.id,
          user_id: userId,
          kind: a.kind,
          contact_id: a.contactId,
          interview_id: a.interviewId,
          due_at: a.dueAt,
          overdue_at: a.overdueAt,
          status: a.status,
          snoozed_until: a.snoozedUntil,
          reason: a.reason,
          created_at: at,
          closed_at: null,
        })
        .execute();
    },
    /**
     * What Today needs: open actions due before `until`, and snoozed ones whose snooze ends before
     * it (their due time may be later), earliest due first.
     */
    async due(userId: string, until: string, limit = 1000): Promise<StoredAction[]> {
      const rows = await withName()
        .where('actions.user_id', '=', userId)
        // Redundant with the OR below, but it lets the (user_id, status, due_at) index skip the
        // closed actions instead of reading every action of the user.
        .where('actions.status', 'in', ['open', 'snoozed'])
        .where((eb) =>
          eb.or([
            eb.and([eb('actions.status', '=', 'open'), eb('actions.due_at', '<', until)]),
            eb.and([eb('actions.status', '=', 'snoozed'), eb('actions.snoozed_until', '<', until)]),
          ]),
        )
        .orderBy('actions.due_at')
        .orderBy('actions.id')
        .limit(limit)
        .execute();
      return rows.map(toAction);
    },
    async get(userId: string, id: string): Promise<ActionRecord | undefined> {
      const row = await withName().where('actions.user_id', '=', userId).where('actions.id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    /** Every action of an interview, in any status, oldest first. */
    async forInterview(userId: string, interviewId: string): Promise<ActionRecord[]> {
      const rows = await withName()
        .where('actions.user_id', '=', userId)
        .where('actions.interview_id', '=', interviewId)
        .orderBy('actions.created_at')
        .orderBy('actions.id')
        .execute();
      return rows.map(toRecord);
    },
    async list(userId: string, q: ActionQuery): Promise<ActionRecord[]> {
      let qb = withName().where('actions.user_id', '=', userId);
      if (q.status) qb = qb.where('actions.status', '=', q.status);
      if (q.contactId) qb = qb.where('actions.contact_id', '=', q.contactId);
      if (q.interviewId) qb = qb.where('actions.interview_id', '=', q.interviewId);
      const rows = await qb.orderBy('actions.due_at').orderBy('actions.id').limit(q.limit).offset(q.offset).execute();
      return rows.map(toRecord);
    },
    /** Sets the status; `closedAt` is set for done and dismissed, cleared otherwise. */
    async setStatus(userId: string, id: string, status: ActionStatus, snoozedUntil: string | null, closedAt: string | null): Promise<void> {
      await db
        .updateTable('actions')
        .set({ status, snoozed_until: snoozedUntil, closed_at: closedAt })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    },
    async reschedule(userId: string, id: string, dueAt: string, overdueAt: string, reason: string): Promise<void> {
      await db
        .updateTable('actions')
        .set({ due_at: dueAt, overdue_at: overdueAt, reason })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    },
    /** Dismisses every open or snoozed action about a person (do not contact, a decline). */
    async dismissForContact(userId: string, contactId: string, closedAt: string): Promise<number> {
      const r = await db
        .updateTable('actions')
        .set({ status: 'dismissed', snoozed_until: null, closed_at: closedAt })
        .where('user_id', '=', userId)
        .where('contact_id', '=', contactId)
        .where('status', 'in', ['open', 'snoozed'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}

function toRecord(r: ActionRow & { contact_name: string | null }): ActionRecord {
  return { ...toAction(r), createdAt: r.created_at, closedAt: r.closed_at };
}

function toAction(r: ActionRow & { contact_name: string | null }): StoredAction {
  return {
    id: r.id,
    kind: r.kind as ActionKind,
    dueAt: r.due_at,
    overdueAt: r.overdue_at,
    status: r.status as ActionStatus,
    snoozedUntil: r.snoozed_until,
    contactId: r.contact_id,
    contactName: r.contact_name,
    interviewId: r.interview_id,
    reason: r.reason,
  };
}
