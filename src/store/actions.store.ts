// Actions: what the user should do next, with a due time and why.
import type { Kysely } from 'kysely';
import type { Action, ActionKind, ActionStatus } from '../domain/types.js';
import type { ActionRow, Database } from './schema.js';

/** An action as stored: `overdue` is derived from `overdueAt` and the clock when it is read. */
export type StoredAction = Omit<Action, 'overdue'> & { overdueAt: string };

export function actionsStore(db: Kysely<Database>) {
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
    /** Open actions (and snoozed ones whose time has come) due before `until`, earliest first. */
    async due(userId: string, now: string, until: string, limit = 500): Promise<StoredAction[]> {
      const rows = await db
        .selectFrom('actions')
        .leftJoin('contacts', 'contacts.id', 'actions.contact_id')
        .selectAll('actions')
        .select('contacts.name as contact_name')
        .where('actions.user_id', '=', userId)
        .where('actions.due_at', '<', until)
        .where((eb) =>
          eb.or([
            eb('actions.status', '=', 'open'),
            eb.and([eb('actions.status', '=', 'snoozed'), eb('actions.snoozed_until', '<=', now)]),
          ]),
        )
        .orderBy('actions.due_at')
        .orderBy('actions.id')
        .limit(limit)
        .execute();
      return rows.map(toAction);
    },
  };
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
