// The four charts of a campaign's insights: the funnel, activity per week, coverage of the five
// insight kinds and the reply rates. Each says in one sentence what it shows and carries a table.
import type { CampaignInsights, Funnel, RateEntry, WeekActivity } from '../../../../src/domain/insights/types';
import { SMALL_SAMPLE, THIN_NOTES } from '../../../../src/domain/insights/types';
import { plural } from '../../format';
import { CHANNEL_LABEL, INSIGHT_KINDS, INSIGHT_LABEL, TIE_LABEL } from '../../labels';
import { BarChart, type BarDatum } from './BarChart';
import { ChartFigure, DataTable, Legend, SERIES_STYLES, percent } from './chart-kit';
import { LineChart } from './LineChart';

export const FUNNEL_STAGES: { key: keyof Funnel; label: string }[] = [
  { key: 'identified', label: 'Identified' },
  { key: 'requested', label: 'Asked' },
  { key: 'replied', label: 'Replied' },
  { key: 'scheduled', label: 'Scheduled' },
  { key: 'held', label: 'Held' },
  { key: 'referrals', label: 'Referrals' },
  { key: 'outcomes', label: 'Outcomes' },
];

/** How each stage converts: a share of the stage before, and referrals and outcomes per conversation held. */
export function conversion(f: Funnel, i: number): string {
  const stage = FUNNEL_STAGES[i]!;
  const value = f[stage.key];
  if (i === 0) return '';
  if (stage.key === 'referrals' || stage.key === 'outcomes') {
    return f.held ? `${Number((value / f.held).toFixed(1))} per conversation held` : 'no conversation held yet';
  }
  const prev = FUNNEL_STAGES[i - 1]!;
  const before = f[prev.key];
  return before ? `${percent(value / before)} of ${prev.label.toLowerCase()}` : `none ${prev.label.toLowerCase()} yet`;
}

export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const bars: BarDatum[] = FUNNEL_STAGES.map((s, i) => ({
    key: s.key,
    label: i ? `${s.label} · ${conversion(funnel, i)}` : s.label,
    value: funnel[s.key],
    valueText: String(funnel[s.key]),
  }));
  const f = funnel;
  const summary =
    `Of ${f.identified} ${f.identified === 1 ? 'person' : 'people'} identified, ${f.requested} were asked, ${f.replied} replied, ` +
    `${f.scheduled} were scheduled and ${f.held} conversations were held, which gave ${f.referrals} ` +
    `${f.referrals === 1 ? 'referral' : 'referrals'} and ${f.outcomes} ${f.outcomes === 1 ? 'outcome' : 'outcomes'}.`;
  return (
    <ChartFigure
      title="The funnel"
      summary={summary}
      className="ins-funnel"
      table={
        <DataTable
          caption="The funnel, stage by stage"
          head={['Stage', 'Count', 'Conversion']}
          numeric={[1]}
          rows={FUNNEL_STAGES.map((s, i) => ({ key: s.key, cells: [s.label, f[s.key], conversion(f, i) || '—'] }))}
        />
      }
    >
      {(width, ids) => <BarChart bars={bars} width={width} ids={ids} />}
    </ChartFigure>
  );
}

const ACTIVITY = [
  { key: 'requests', label: 'Requests' },
  { key: 'meetings', label: 'Meetings' },
  { key: 'thankYous', label: 'Thank-yous' },
  { key: 'updates', label: 'Updates' },
] as const satisfies { key: keyof WeekActivity; label: string }[];

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A local date `YYYY-MM-DD` as written; read at UTC midnight so no zone moves it to another day. */
const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

export function ActivityChart({ activity }: { activity: WeekActivity[] }) {
  if (!activity.length) {
    return (
      <div className="ins-chart">
        <h3 className="ins-chart__title">Activity over weeks</h3>
        <p className="muted">Nothing sent or held yet. Requests, meetings, thank-yous and updates appear here week by week.</p>
      </div>
    );
  }
  const total = (k: (typeof ACTIVITY)[number]['key']) => activity.reduce((n, w) => n + w[k], 0);
  const busiest = activity.reduce((a, b) =>
    b.requests + b.meetings + b.thankYous + b.updates > a.requests + a.meetings + a.thankYous + a.updates ? b : a,
  );
  const first = activity[0]!.week;
  const last = activity[activity.length - 1]!.week;
  const summary =
    `${plural(activity.length, 'week')} from the week of ${longDay.format(dayOf(first))} to that of ` +
    `${longDay.format(dayOf(last))}: ${plural(total('requests'), 'request')}, ${plural(total('meetings'), 'meeting')}, ` +
    `${plural(total('thankYous'), 'thank-you')} and ${plural(total('updates'), 'update')}; ` +
    `the busiest was the week of ${longDay.format(dayOf(busiest.week))}.`;
  return (
    <ChartFigure
      title="Activity over weeks"
      summary={summary}
      legend={<Legend items={ACTIVITY.map((a, k) => ({ key: a.key, label: a.label, style: SERIES_STYLES[k]! }))} />}
      table={
        <DataTable
          caption="Activity per week"
          head={['Week of', ...ACTIVITY.map((a) => a.label)]}
          numeric={[1, 2, 3, 4]}
          rows={activity.map((w) => ({ key: w.week, cells: [longDay.format(dayOf(w.week)), ...ACTIVITY.map((a) => w[a.key])] }))}
        />
      }
    >
      {(width, ids) => (
        <LineChart
          periods={activity.map((w) => w.week)}
          periodLabel={(p) => shortDay.format(dayOf(p))}
          series={ACTIVITY.map((a) => ({ key: a.key, label: a.label, values: activity.map((w) => w[a.key]) }))}
          width={width}
          ids={ids}
        />
      )}
    </ChartFigure>
  );
}

export function CoverageChart({ coverage }: { coverage: CampaignInsights['coverage'] }) {
  const thin = new Set(coverage.thin);
  const bars: BarDatum[] = INSIGHT_KINDS.map((k) => ({
    key: k,
    label: INSIGHT_LABEL[k],
    value: coverage[k],
    valueText: `${coverage[k]} ${coverage[k] === 1 ? 'note' : 'notes'}`,
    flag: thin.has(k) ? 'thin' : null,
  }));
  const parts = INSIGHT_KINDS.map((k) => `${INSIGHT_LABEL[k]} ${coverage[k]}`).join(', ');
  const thinNames = coverage.thin.map((k) => INSIGHT_LABEL[k]);
  const summary = `Notes by kind of insight: ${parts}. ${
    thinNames.length ? `Thin, with fewer than ${THIN_NOTES} notes: ${thinNames.join(', ')}.` : 'No kind is thin.'
  }`;
  return (
    <ChartFigure
      title="Notes by kind of insight"
      summary={summary}
      note={
        thinNames.length ? (
          <p className="small ins-chart__note">
            Hatched bars are thin (fewer than {THIN_NOTES} notes): bring a question on them to your next conversations.
          </p>
        ) : null
      }
      table={
        <DataTable
          caption="Notes by kind of insight"
          head={['Kind', 'Notes', 'Thin?']}
          numeric={[1]}
          rows={INSIGHT_KINDS.map((k) => ({ key: k, cells: [INSIGHT_LABEL[k], coverage[k], thin.has(k) ? 'Thin' : '—'] }))}
        />
      }
    >
      {(width, ids) => <BarChart bars={bars} width={width} ids={ids} />}
    </ChartFigure>
  );
}

/** "2 of 5 (40%)" — a rate always with the counts behind it. */
export const rateText = (e: RateEntry) => `${percent(e.rate)} (${e.replied} of ${e.sent})`;

export function ReplyRateChart({
  title,
  what,
  entries,
}: {
  title: string;
  what: string;
  entries: { key: string; label: string; entry: RateEntry }[];
}) {
  if (!entries.length) {
    return (
      <div className="ins-chart">
        <h3 className="ins-chart__title">{title}</h3>
        <p className="muted">No requests sent yet, so no reply rate {what}.</p>
      </div>
    );
  }
  const sorted = [...entries].sort((a, b) => b.entry.sent - a.entry.sent || a.label.localeCompare(b.label));
  const small = sorted.filter((e) => e.entry.smallSample).length;
  const summary =
    `Reply rate ${what}: ` +
    sorted.map((e) => `${e.label} ${e.entry.replied} of ${e.entry.sent} replied (${percent(e.entry.rate)})`).join('; ') +
    '.' +
    (small
      ? ` ${small} of ${sorted.length} ${sorted.length === 1 ? 'rate rests' : 'rates rest'} on fewer than ${SMALL_SAMPLE} requests: a small sample.`
      : '');
  return (
    <ChartFigure
      title={title}
      summary={summary}
      note={
        small ? (
          <p className="small ins-chart__note">
            Hatched bars marked “small sample” rest on fewer than {SMALL_SAMPLE} requests: too few for the rate to mean much yet.
          </p>
        ) : null
      }
      table={
        <DataTable
          caption={`Reply rate ${what}`}
          head={['Sent as', 'Requests', 'Replied', 'Rate', 'Sample']}
          numeric={[1, 2, 3]}
          rows={sorted.map((e) => ({
            key: e.key,
            cells: [e.label, e.entry.sent, e.entry.replied, percent(e.entry.rate), e.entry.smallSample ? 'Small sample' : 'Enough'],
          }))}
        />
      }
    >
      {(width, ids) => (
        <BarChart
          bars={sorted.map((e) => ({
            key: e.key,
            label: e.label,
            value: e.entry.rate,
            valueText: rateText(e.entry),
            flag: e.entry.smallSample ? 'small sample' : null,
          }))}
          max={1}
          width={width}
          ids={ids}
        />
      )}
    </ChartFigure>
  );
}

const labelOf = (map: Record<string, string>, key: string) => map[key] ?? key;

export function ReplyRates({ rates, templateNames }: { rates: CampaignInsights['replyRate']; templateNames: Record<string, string> }) {
  const list = (r: Record<string, RateEntry>, names: (k: string) => string) =>
    Object.entries(r).map(([key, entry]) => ({ key, label: names(key), entry }));
  return (
    <div className="ins-grid">
      <ReplyRateChart title="Replies by channel" what="by channel" entries={list(rates.byChannel, (k) => labelOf(CHANNEL_LABEL, k))} />
      <ReplyRateChart
        title="Replies by template"
        what="by template"
        entries={list(rates.byTemplate, (k) => (k === 'none' ? 'No template' : (templateNames[k] ?? 'A deleted template')))}
      />
      <ReplyRateChart title="Replies by tie" what="by how well you knew them" entries={list(rates.byTie, (k) => labelOf(TIE_LABEL, k))} />
    </div>
  );
}
