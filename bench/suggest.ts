// The `suggest` figure: the app's whom-to-ask-first over the large network, against its floor in
// the same run, the same first candidate query (the introduced contacts with the upper bound of
// their scores, best first) and the same detail reads for those candidates, hand-written and run
// through better-sqlite3 prepared statements. The app does more only when its first read does not
// settle the list (see src/app/suggest.ts).
import Database from 'better-sqlite3';
import { suggestContacts } from '../src/app/suggest.js';
import type { Ctx } from '../src/app/context.js';
import { relevancePrefixes, touchCuts } from '../src/domain/suggest.js';
import { figure, type Figure } from './report.js';
import { compareInProcess } from './stats.js';

const LIMIT = 20;
const BATCH = LIMIT + 100; // as src/app/suggest.ts reads first

export function rawSuggest(file: string, userId: string) {
  const db = new Database(file, { readonly: true });
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const marks = (n: number) => Array(n).fill('?').join(',');

  return {
    reads(campaign: { id: string; field: string }, now: Date) {
      const prefixes = relevancePrefixes(campaign.field);
      const { recent, year } = touchCuts(now);
      const relevant = prefixes.length
        ? `(${prefixes.map(() => 'c.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)').join(' OR ')})`
        : '0';
      const bound = `(CASE WHEN w.warmth >= 100 THEN 100 WHEN w.warmth >= 80 OR c.tie = 'friend-of-contact' THEN 80
          WHEN c.tie = 'acquaintance' THEN 60 WHEN c.tie = 'close' THEN 50
          WHEN o.kind = 'association' OR EXISTS (SELECT 1 FROM contact_tags g WHERE g.contact_id = c.id AND (g.tag LIKE '%association%' OR g.tag LIKE '%guild%' OR g.tag LIKE '%society%'))
            OR (${relevant} AND c.title <> '') THEN 30 ELSE 10 END)
        + (CASE WHEN ${relevant} THEN 15 ELSE 0 END)
        + COALESCE((SELECT t.motivation * 4 + t.posting * 2 FROM targets t WHERE t.campaign_id = ? AND t.organisation_id = c.organisation_id AND t.status <> 'ruled-out'), 0)
        + (CASE WHEN EXISTS (SELECT 1 FROM touches h WHERE h.contact_id = c.id AND h.planned = 0 AND h.at >= ?) THEN 5 ELSE 0 END)`;
      const candidates = prepare(`SELECT c.id, ${bound} AS bound
        FROM (SELECT i.contact_id, max(CASE WHEN i.permission = 'granted' THEN 100 WHEN k.do_not_contact = 0 AND k.tie IN ('close', 'acquaintance') THEN 80 ELSE 0 END) AS warmth
              FROM introductions i CROSS JOIN contacts k WHERE k.id = i.introducer_id AND i.user_id = ? GROUP BY i.contact_id) w
        CROSS JOIN contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
        WHERE c.id = w.contact_id AND c.do_not_contact = 0 AND c.id NOT IN (
          SELECT contact_id FROM interviews WHERE user_id = ? AND (status = 'requested' OR (campaign_id = ? AND status <> 'prospect'))
          UNION ALL SELECT contact_id FROM touches WHERE user_id = ? AND planned = 0 AND at >= ?
          UNION ALL SELECT c2.id FROM targets t2 CROSS JOIN contacts c2 WHERE c2.organisation_id = t2.organisation_id AND t2.user_id = ? AND t2.campaign_id = ? AND t2.status = 'ruled-out')
        ORDER BY bound DESC LIMIT ?`);
      const terms = prefixes.map((p) => `"${p}"*`);
      // The bound names `relevant` twice, so its terms are bound twice, in order of appearance.
      const rows = candidates.all(
        ...terms,
        ...terms,
        campaign.id,
        year,
        userId,
        userId,
        campaign.id,
        userId,
        recent,
        userId,
        campaign.id,
        BATCH + 1,
      ) as { id: string; bound: number }[];
      const ids = rows.slice(0, BATCH).map((r) => r.id);
      const n = ids.length;
      if (!n) return rows;
      const contacts = prepare(
        `SELECT c.id, c.name, c.tie, c.do_not_contact, c.organisation_id, c.title, o.name AS organisation, o.kind FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id IN (${marks(n)})`,
      ).all(ids);
      const intros = prepare(
        `SELECT introducer_id, contact_id, permission FROM introductions WHERE contact_id IN (${marks(n)}) ORDER BY created_at, id`,
      ).all(ids) as { introducer_id: string }[];
      const introducers = [...new Set(intros.map((i) => i.introducer_id))];
      return [
        rows,
        contacts,
        intros,
        prepare(`SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (${marks(n)})`).all(ids),
        prepare(
          `SELECT contact_id, max(at) AS last FROM touches WHERE contact_id IN (${marks(n)}) AND planned = 0 GROUP BY contact_id`,
        ).all(ids),
        prepare(`SELECT contact_id, campaign_id, status FROM interviews WHERE contact_id IN (${marks(n)})`).all(ids),
        prepare('SELECT organisation_id, motivation, posting, status FROM targets WHERE user_id = ? AND campaign_id = ?').all(
          userId,
          campaign.id,
        ),
        introducers.length
          ? prepare(`SELECT id, name, tie, do_not_contact, organisation_id FROM contacts WHERE id IN (${marks(introducers.length)})`).all(
              introducers,
            )
          : [],
      ];
    },
    close: () => db.close(),
  };
}

/** Measures `suggest` for the first campaign of the bench user. */
export async function suggestFigure(ctx: Ctx, file: string, quick: boolean, log: (s: string) => void): Promise<Figure> {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const raw = rawSuggest(file, ctx.userId);
  try {
    log('Measuring suggest (whom to ask first) over the whole network…');
    const campaign = (await ctx.store.campaigns.list(ctx.userId, { limit: 1, offset: 0 }))[0]!;
    const now = ctx.clock.now();
    const ranked = await compareInProcess(
      () => campaign,
      (c) => suggestContacts(ctx, { campaignId: c.id, limit: LIMIT }),
      (c) => raw.reads(c, now),
      quick ? { warmup: 2, rounds: 3, perRound: 3 } : { warmup: 10, rounds: 5, perRound: 20 },
    );
    log(
      `  app p50 ${ms(ranked.subject.p50)} · raw candidate query and reads p50 ${ms(ranked.baseline.p50)} (${ranked.subject.samples} samples each)`,
    );
    return figure({
      name: 'suggest.30k.p50',
      value: ranked.subject.p50,
      unit: 'ms',
      better: 'lower',
      baseline: { name: 'raw better-sqlite3: the same candidate query and detail reads, p50', value: ranked.baseline.p50 },
      goal: { max: 50 },
    });
  } finally {
    raw.close();
  }
}
