// Insights for the largest campaign of the large data set (2,500 interviews, some 35,000 notes of
// which half answer a question), as the insights page asks for them (the latest 20 answers per
// question listed, every note counted): campaignInsights() in-process beside reading the same rows
// through the store alone, so the figure shows what working out the numbers costs on top of the
// queries; and the insights page's request over HTTP.
import Database from 'better-sqlite3';
import type { Ctx } from '../src/app/context.js';
import { campaignInsights, campaignRows } from '../src/app/insights.js';
import { type Endpoint } from './http.js';
import { type Figure } from './report.js';
import { compareInProcess, percentileFigures } from './stats.js';

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The campaign with the most interviews, and how many notes hang off it. */
export function largestCampaign(file: string): { id: string; interviews: number; notes: number } {
  const db = new Database(file, { readonly: true });
  try {
    const c = db.prepare('SELECT campaign_id AS id, COUNT(*) AS n FROM interviews GROUP BY campaign_id ORDER BY n DESC LIMIT 1').get() as {
      id: string;
      n: number;
    };
    const notes = db
      .prepare('SELECT COUNT(*) AS n FROM notes JOIN interviews ON interviews.id = notes.interview_id WHERE interviews.campaign_id = ?')
      .get(c.id) as { n: number };
    return { id: c.id, interviews: c.n, notes: notes.n };
  } finally {
    db.close();
  }
}

export async function insightsFigures(ctx: Ctx, file: string, quick: boolean, log: (s: string) => void): Promise<Figure[]> {
  const c = largestCampaign(file);
  const first = await campaignInsights(ctx, c.id);
  log(
    `Measuring insights for a campaign of ${c.interviews} interviews and ${c.notes} notes (${first.answers.reduce((n, q) => n + q.answers.length, 0)} of ${first.answers.reduce((n, q) => n + q.total, 0)} answers listed, ${first.pay?.count ?? 0} pay figures)…`,
  );
  const r = await compareInProcess(
    () => c.id,
    (id) => campaignInsights(ctx, id),
    (id) => campaignRows(ctx, id),
    quick ? { warmup: 2, rounds: 3, perRound: 3 } : { warmup: 5, rounds: 5, perRound: 10 },
  );
  log(`  app p50 ${ms(r.subject.p50)} p99 ${ms(r.subject.p99)} · reading the rows p50 ${ms(r.baseline.p50)} (${r.subject.samples} runs)`);
  return percentileFigures('insights.campaign-2500', r, 'reading the same rows through the store', { max: 200 });
}

/** The insights page's data request. */
export const insightsEndpoint = (campaignId: string): Endpoint => ({
  path: `/campaigns/${campaignId}/insights`,
  name: 'insights.http.p99',
  goal: { max: 250 },
  rounds: 5,
  perRound: 20,
  warmup: 5,
});
