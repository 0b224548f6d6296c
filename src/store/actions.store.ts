// Actions: what the user should do next, with a due time and why.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Action, ActionKind, ActionStatus } from '../domain/types.js';
import { prepared, type Slots } from './prepared.js';
import type { ActionRow, Database } from './schema.js';

/** An action as stored: `overdue` is derived from `overdueAt` and the clock when it is read. */
export type StoredAction = Omit<Action, 'overdue'> & { overdueAt: string };

/** An action with its history, for the follow-through rules and the actions list. */
export type ActionRecord = StoredAction & { createdAt: string; closedAt: string | null };

/** Today's window: the end of the user's local day and of the seventh day after it. */
export interface TodayWindow {
  now: string;
  endOfDay: string;
  weekEnd: string;
  limit: number;
}

export interface TodayRows {
  /** Due by the end of the day (snoozed ones whose snooze has passed included), earliest first. */
  due: StoredAction[];
  /** Due in the next seven days, by when each comes back. */
  upcoming: StoredAction[];
  dueCount: number;
  overdueCount: number;
  upcomingCount: number;
}

/** When an action comes back to the list: its due time, or the end of its snooze if later. */
export const comesBackAt = (a: Pick<StoredAction, 'status' | 'snoozedUntil' | 'dueAt'>): string =>
  a.status === 'snoozed' && a.snoozedUntil && a.snoozedUntil > a.dueAt ? a.snoozedUntil : a.dueAt;

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

  const todayQueries = todayQueriesOf(db);

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
     * What Today shows, each list capped at `limit` and counted in full. Four narrow queries
     * instead of one wide one: each walks the (user_id, status, due_at) index in order and stops
     * at `limit`, so the cost follows what is shown, not how much is due. They are built once
     * (prepared.ts): on this path building them took longer than running them.
     */
    async today(userId: string, w: TodayWindow): Promise<TodayRows> {
      const v = { user: userId, now: w.now, end: w.endOfDay, week: w.weekEnd, limit: w.limit };
      const [openDue, backDue, openLater, snoozedLater, counts] = await Promise.all([
        todayQueries.openDue(v),
        todayQueries.backDue(v),
        todayQueries.openLater(v),
        todayQueries.snoozedLater(v),
        todayQueries.counts(v),
      ]);
      const byDue = (a: StoredAction, b: StoredAction) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1);
      const byBack = (a: StoredAction, b: StoredAction) => {
        const x = comesBackAt(a);
        const y = comesBackAt(b);
        return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
      };
      const c = counts[0];
      return {
        due: [...openDue, ...backDue].map(toAction).sort(byDue).slice(0, w.limit),
        upcoming: [...openLater, ...snoozedLater].map(toAction).sort(byBack).slice(0, w.limit),
        dueCount: Number(c?.due ?? 0),
        overdueCount: Number(c?.overdue ?? 0),
        upcomingCount: Number(c?.upcoming ?? 0),
      };
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

function toAction(r: Omit<ActionRow, 'user_id' | 'created_at' | 'closed_at'> & { contact_name: string | null }): StoredAction {
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

type TodaySlot = 'user' | 'now' | 'end' | 'week' | 'limit';

/** Today's five queries, prepared once per store (see `today`). */
function todayQueriesOf(db: Kysely<Database>) {
  const lean = (slot: Slots<TodaySlot>) =>
    db
      .selectFrom('actions')
      .leftJoin('contacts', 'contacts.id', 'actions.contact_id')
      .select([
        'actions.id',
        'actions.kind',
        'actions.contact_id',
        'actions.interview_id',
        'actions.due_at',
        'actions.overdue_at',
        'actions.status',
        'actions.snoozed_until',
        'actions.reason',
        'contacts.name as contact_name',
      ])
      .where('actions.user_id', '=', slot.text('user'));
  const open = (eb: ExpressionBuilder<Database, 'actions'>) => eb('actions.status', '=', 'open');
  const snoozed = (eb: ExpressionBuilder<Database, 'actions'>) => eb('actions.status', '=', 'snoozed');
  // A snoozed action is back once its snooze has passed; it then counts as due if it was due today.
  const back = (slot: Slots<TodaySlot>) => (eb: ExpressionBuilder<Database, 'actions'>) =>
    eb.and([snoozed(eb), eb('actions.snoozed_until', '<=', slot.text('now')), eb('actions.due_at', '<', slot.text('end'))]);
  const later = (slot: Slots<TodaySlot>) => (eb: ExpressionBuilder<Database, 'actions'>) =>
    eb.and([
      snoozed(eb),
      eb('actions.snoozed_until', '<', slot.text('week')),
      eb('actions.due_at', '<', slot.text('week')),
      eb.or([eb('actions.snoozed_until', '>', slot.text('now')), eb('actions.due_at', '>=', slot.text('end'))]),
    ]);
  const comesBack = sql<string>`CASE WHEN actions.snoozed_until > actions.due_at THEN actions.snoozed_until ELSE actions.due_at END`;
  return {
    openDue: prepared(db, (slot: Slots<TodaySlot>) =>
      lean(slot)
        .where(open)
        .where('actions.due_at', '<', slot.text('end'))
        .orderBy('actions.due_at')
        .orderBy('actions.id')
        .limit(slot.number('limit')),
    ),
    backDue: prepared(db, (slot: Slots<TodaySlot>) =>
      lean(slot).where(back(slot)).orderBy('actions.due_at').orderBy('actions.id').limit(slot.number('limit')),
    ),
    openLater: prepared(db, (slot: Slots<TodaySlot>) =>
      lean(slot)
        .where(open)
        .where('actions.due_at', '>=', slot.text('end'))
        .where('actions.due_at', '<', slot.text('week'))
        .orderBy('actions.due_at')
        .orderBy('actions.id')
        .limit(slot.number('limit')),
    ),
    snoozedLater: prepared(db, (slot: Slots<TodaySlot>) =>
      lean(slot).where(later(slot)).orderBy(comesBack).orderBy('actions.id').limit(slot.number('limit')),
    ),
    counts: prepared(db, (slot: Slots<TodaySlot>) =>
      db
        .selectFrom('actions')
        .where('user_id', '=', slot.text('user'))
        .where('status', 'in', ['open', 'snoozed'])
        .where('due_at', '<', slot.text('week'))
        .select((eb) => {
          const count = (cond: Expression<SqlBool>) => eb.fn.sum<number | string>(eb.case().when(cond).then(1).else(0).end());
          const due = eb.or([eb.and([open(eb), eb('due_at', '<', slot.text('end'))]), back(slot)(eb)]);
          return [
            count(due).as('due'),
            count(eb.and([due, eb('overdue_at', '<=', slot.text('now'))])).as('overdue'),
            count(eb.or([eb.and([open(eb), eb('due_at', '>=', slot.text('end'))]), later(slot)(eb)])).as('upcoming'),
          ];
        }),
    ),
  };
}
