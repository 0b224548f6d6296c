// coffeechat insights [--campaign ID] [--json] [--answers-limit N|all] — what a campaign has taught, in numbers; without
// --campaign, all campaigns together.
import { Command } from 'commander';
import { campaignInsights, overallInsights } from '../app/insights.js';
import { conversions } from '../domain/insights/funnel.js';
import type { CampaignInsights, OverallInsights, RateEntry } from '../domain/insights/types.js';
import { actClient } from './command.js';
import { printTable } from './runtime.js';

const out = (s = '') => process.stdout.write(s + '\n');
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (r: number) => `${Math.round(r * 100)}%`;
const hours = (minutes: number) => (minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`);
const money = (n: number, currency: string) => `${Math.round(n).toLocaleString('en-US')} ${currency}`;

function rates(title: string, entries: Record<string, RateEntry>): void {
  const keys = Object.keys(entries);
  if (!keys.length) return;
  out(`\nReplies by ${title}:`);
  printTable(
    keys.map((k) => {
      const e = entries[k]!;
      return [k, `${e.replied} of ${e.sent}`, percent(e.rate), e.smallSample ? 'small sample' : ''];
    }),
  );
}

function printCampaign(x: CampaignInsights): void {
  out(`Insights for "${x.field}"`);
  out('\nFunnel:');
  printTable(conversions(x.funnel).map((c) => [c.stage, String(c.count), c.rate === null ? '' : `${percent(c.rate)} of the step before`]));
  rates('channel', x.replyRate.byChannel);
  rates('template', x.replyRate.byTemplate);
  rates('tie', x.replyRate.byTie);
  const { thin, ...kinds } = x.coverage;
  out(
    `\nNotes by kind: ${Object.entries(kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  if (thin.length) out(`Thin so far: ${thin.join(', ')}`);
  if (x.pay) {
    out(
      `\nPay (${count(x.pay.count, 'figure')}, per year): ${money(x.pay.min, x.pay.currency)} to ${money(x.pay.max, x.pay.currency)}, median ${money(x.pay.median, x.pay.currency)}` +
        (x.pay.other.length ? `; ${x.pay.other.length} in other currencies` : ''),
    );
  }
  for (const [label, terms] of [
    ['Strengths named most', x.strengths],
    ['Opportunities named most', x.opportunities],
    ['Threats named most', x.threats],
  ] as const) {
    if (terms.length) out(`${label}: ${terms.map((t) => `${t.term} (${t.count})`).join(', ')}`);
  }
  if (x.answers.length) out(`\nAnswers gathered: ${x.answers.map((a) => `${a.topic} ${a.total}`).join(', ')}`);
  out(`\nReferral tree: ${count(x.referralTree.nodes, 'person', 'people')}, ${count(x.referralTree.depth, 'referral')} deep`);
  out(`Time invested: ${hours(x.minutesInvested)} (meetings ${hours(x.meetingMinutes)}, preparation ${hours(x.prepMinutes)})`);
  if (x.outcomes.length) {
    out('\nOutcomes:');
    for (const o of x.outcomes) {
      out(`  ${o.at.slice(0, 10)} ${o.kind}${o.note ? ` — ${o.note}` : ''} (from ${o.credits.map((c) => c.contactName).join(' ← ')})`);
    }
  }
  out('\nAdd --json for every figure, including weekly activity and the answers themselves (--answers-limit all for every answer).');
}

function printOverall(x: OverallInsights): void {
  if (!x.campaigns.length) {
    out('No campaigns yet. Start one with: coffeechat campaigns add --field "..." --situation career-change');
    return;
  }
  printTable(
    x.campaigns.map((c) => [
      c.campaignId,
      c.field,
      c.status,
      String(c.funnel.identified),
      String(c.funnel.requested),
      String(c.funnel.held),
      String(c.funnel.outcomes),
      hours(c.minutesInvested),
    ]),
    ['ID', 'FIELD', 'STATUS', 'PEOPLE', 'ASKED', 'MET', 'OUTCOMES', 'TIME'],
  );
  const t = x.totals;
  out(
    `\nAll together: ${count(t.identified, 'person', 'people')}, ${t.requested} asked, ${t.replied} replied, ${t.held} met, ${count(t.referrals, 'referral')}, ${count(t.outcomes, 'outcome')}, ${hours(t.minutesInvested)}.`,
  );
  const last = x.networkGrowth[x.networkGrowth.length - 1];
  if (last) out(`People reached through referrals: ${last.total} (since ${x.networkGrowth[0]!.month}).`);
}

export function insightsCommand(): Command {
  const cmd = new Command('insights')
    .description('what a campaign has taught, in numbers: funnel, reply rates, coverage, pay, referrals, time')
    .option('--campaign <id>', 'the campaign (without it: all campaigns together)')
    .option('--answers-limit <n>', 'answers listed per question in --json, the most recent (default 20), or "all"')
    .option('--json', 'print every figure as JSON');
  cmd.addHelpText(
    'after',
    `
Examples:
  coffeechat insights --campaign 0190... --json
  coffeechat insights --campaign 0190... --json --answers-limit all
  coffeechat insights`,
  );
  return actClient(cmd, async (client, o) => {
    if (typeof o.campaign === 'string') {
      const [id, query] = [o.campaign, { answersLimit: o.answersLimit }];
      const x = await client.call('get', '/campaigns/:id/insights', { params: { id }, query }, (ctx) => campaignInsights(ctx, id, query));
      return { json: x, text: () => printCampaign(x) };
    }
    const x = await client.call('get', '/insights', {}, (ctx) => overallInsights(ctx));
    return { json: x, text: () => printOverall(x) };
  });
}
