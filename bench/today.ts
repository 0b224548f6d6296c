// The Today figures over the large network (30,000 contacts, 10,000 interviews, 60,000 actions):
// the app's today() in-process beside the same three queries (settings, due actions, today's
// meetings) hand-written and run through better-sqlite3 prepared statements, and
// `GET /api/v1/today` from a real `coffeechat serve`.
import Database from 'better-sqlite3';
import type { Ctx } from '../src/app/context.js';
import { today } from '../src/app/today.js';
import { endOfLocalDay, startOfLocalDay } from '../src/domain/zoned.js';
import { type Figure } from './report.js';
import { compareInProcess, percentileFigures, type InProcessOptions } from './stats.js';

const DAY = 24 * 3600 * 1000;
/** Today's default cap per list (app/today.ts). */
const LIMIT = 50;
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** The queries today() runs, as the store writes them, without Kysely, zod or the mapping. */
export function rawToday(file: string, userId: string) {
  const db = new Database(file, { readonly: true });
  const settings = db.prepare('SELECT key, value FROM settings WHERE user_id = ?');
  // The five queries of store.actions.today, written out by hand.
  const cols = `actions.id, actions.kind, actions.contact_id, actions.interview_id, actions.due_at, actions.overdue_at,
    actions.status, actions.snoozed_until, actions.reason, contacts.name AS contact_name
    FROM actions LEFT JOIN contacts ON contacts.id = actions.contact_id WHERE actions.user_id = ?`;
  const lists = [
    db.prepare(`SELECT ${cols} AND actions.status = 'open' AND actions.due_at < ? ORDER BY actions.due_at, actions.id LIMIT ?`),
    db.prepare(
      `SELECT ${cols} AND actions.status = 'snoozed' AND actions.snoozed_until <= ? AND actions.due_at < ? ORDER BY actions.due_at, actions.id LIMIT ?`,
    ),
    db.prepare(
      `SELECT ${cols} AND actions.status = 'open' AND actions.due_at >= ? AND actions.due_at < ? ORDER BY actions.due_at, actions.id LIMIT ?`,
    ),
    db.prepare(`SELECT ${cols} AND actions.status = 'snoozed' AND actions.snoozed_until < ? AND actions.due_at < ?
      AND (actions.snoozed_until > ? OR actions.due_at >= ?)
      ORDER BY CASE WHEN actions.snoozed_until > actions.due_at THEN actions.snoozed_until ELSE actions.due_at END, actions.id LIMIT ?`),
  ];
  const counts = db.prepare(`SELECT
      SUM(CASE WHEN (status = 'open' AND due_at < @end) OR (status = 'snoozed' AND snoozed_until <= @now AND due_at < @end) THEN 1 ELSE 0 END) AS due,
      SUM(CASE WHEN ((status = 'open' AND due_at < @end) OR (status = 'snoozed' AND snoozed_until <= @now AND due_at < @end)) AND overdue_at <= @now THEN 1 ELSE 0 END) AS overdue,
      SUM(CASE WHEN (status = 'open' AND due_at >= @end) OR (status = 'snoozed' AND snoozed_until < @week AND (snoozed_until > @now OR due_at >= @end)) THEN 1 ELSE 0 END) AS upcoming
    FROM actions WHERE user_id = @user AND status IN ('open', 'snoozed') AND due_at < @week`);
  const meetings = db.prepare(`SELECT interviews.*, contacts.name AS contact_name, campaigns.field AS campaign_field FROM interviews
    JOIN contacts ON contacts.id = interviews.contact_id JOIN campaigns ON campaigns.id = interviews.campaign_id
    WHERE interviews.user_id = ? AND interviews.scheduled_at >= ? AND interviews.scheduled_at < ? AND interviews.status = 'scheduled'
    ORDER BY interviews.scheduled_at`);
  return {
    run(now: Date) {
      const s = Object.fromEntries((settings.all(userId) as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      const tz = s.timezone ?? 'UTC';
      const end = endOfLocalDay(now, tz);
      const weekEnd = endOfLocalDay(new Date(end.getTime() + 6 * DAY + DAY / 2), tz).toISOString();
      const [n, e, w] = [now.toISOString(), end.toISOString(), weekEnd];
      return [
        lists[0]!.all(userId, e, LIMIT),
        lists[1]!.all(userId, n, e, LIMIT),
        lists[2]!.all(userId, e, w, LIMIT),
        lists[3]!.all(userId, w, w, n, e, LIMIT),
        counts.get({ user: userId, now: n, end: e, week: w }),
        meetings.all(userId, startOfLocalDay(now, tz).toISOString(), e),
      ];
    },
    plan: () =>
      (db.prepare(`EXPLAIN QUERY PLAN ${lists[0]!.source}`).all(userId, '', 1) as { detail: string }[]).map((r) => r.detail).join(' | '),
    close: () => db.close(),
  };
}

export async function todayFigures(ctx: Ctx, file: string, o: InProcessOptions, log: (s: string) => void): Promise<Figure[]> {
  const raw = rawToday(file, ctx.userId);
  try {
    const t = await today(ctx);
    const c = t.counts;
    log(
      `Measuring Today (${c.overdue + c.dueToday} due and ${c.upcoming} upcoming, of which ${t.actions.length} and ${t.upcoming.length} shown; ${c.meetings} meetings)…`,
    );
    log(`  plan: ${raw.plan()}`);
    const now = ctx.clock.now();
    const r = await compareInProcess(
      () => now,
      () => today(ctx),
      (n) => raw.run(n),
      o,
    );
    log(
      `  app p50 ${ms(r.subject.p50)} p99 ${ms(r.subject.p99)} · raw p50 ${ms(r.baseline.p50)} p99 ${ms(r.baseline.p99)} (${r.subject.samples} samples each)`,
    );
    const [p99, p50] = percentileFigures('today.30k', r, 'raw better-sqlite3: the same queries', { max: 5 });
    // The goal on the ratio: what the app adds to its queries, whatever the machine.
    return [p99!, { ...p99!, name: 'today.30k.p99.vs-raw', goal: { ratioMax: 3 } }, p50!];
  } finally {
    raw.close();
  }
}
