// The insights of one campaign and of all campaigns together, as the insights page shows them.
// Loaded lazily by the page, so the charting code (d3-scale and the SVG charts) stays out of the
// first download.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CampaignInsights, OverallInsights } from '../../../../src/domain/insights/types';
import { INSIGHT_KINDS } from '../../labels';
import { api } from '../../api';
import { plural } from '../../format';
import { EmptyState } from '../common';
import { ActivityChart, CoverageChart, FunnelChart, ReplyRates } from './charts';
import { ChartFigure, DataTable, Legend, SERIES_STYLES } from './chart-kit';
import { LineChart } from './LineChart';
import { Answers, duration, Outcomes, Pay, ReferralTreeView, Terms, TimeInvested } from './sections';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel ins-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function CampaignReport({ insights }: { insights: CampaignInsights }) {
  const templates = useQuery({ queryKey: ['templates', 'all'], queryFn: () => api.templates.list(), staleTime: 60_000 });
  const templateNames = Object.fromEntries((templates.data?.items ?? []).map((t) => [t.id, t.name]));
  const f = insights.funnel;
  const campaignLink = <Link to={`/campaigns/${insights.campaignId}`}>the campaign’s page</Link>;

  if (f.identified === 0) {
    return (
      <EmptyState title="No one in this campaign yet">
        <p>Add the people you would like to talk to on {campaignLink}; the funnel, reply rates and the rest fill in as you reach out.</p>
      </EmptyState>
    );
  }
  const notes = INSIGHT_KINDS.reduce((n, k) => n + insights.coverage[k], 0);
  return (
    <>
      <Section id="ins-progress" title="How the campaign is going">
        <div className="ins-grid">
          <FunnelChart funnel={f} />
          <ActivityChart activity={insights.activity} />
        </div>
      </Section>

      <Section id="ins-replies" title="Which requests get answers">
        <ReplyRates rates={insights.replyRate} templateNames={templateNames} />
      </Section>

      {f.held === 0 ? (
        <EmptyState title="No conversations held yet">
          <p>
            What you learn appears here once you have talked to someone: schedule a conversation from {campaignLink}, then take notes in
            live mode or on the conversation’s page.
          </p>
        </EmptyState>
      ) : notes === 0 && insights.answers.length === 0 ? (
        <EmptyState title="No notes yet">
          <p>
            You have held {f.held} {f.held === 1 ? 'conversation' : 'conversations'} but noted nothing yet. Open a conversation from{' '}
            {campaignLink} and write down what you learned, marking the kind of insight; the coverage, answers and pay figures come from
            those notes.
          </p>
        </EmptyState>
      ) : (
        <>
          <Section id="ins-learned" title="What you have learned">
            <CoverageChart coverage={insights.coverage} />
          </Section>
          <Section id="ins-answers" title="Answers by question">
            <Answers campaignId={insights.campaignId} answers={insights.answers} />
          </Section>
          <Section id="ins-pay" title="Pay">
            <Pay pay={insights.pay} />
          </Section>
          <Section id="ins-terms" title="Strengths, opportunities and threats">
            <Terms insights={insights} />
          </Section>
        </>
      )}

      <Section id="ins-tree" title="Referral tree">
        <ReferralTreeView tree={insights.referralTree} />
      </Section>

      <div className="ins-grid">
        <Section id="ins-time" title="Time invested">
          <TimeInvested insights={insights} />
          <p className="small muted">Minutes of the conversations held, plus the preparation time you recorded on their prep sheets.</p>
        </Section>
        <Section id="ins-outcomes" title="Outcomes">
          <Outcomes outcomes={insights.outcomes} />
        </Section>
      </div>
    </>
  );
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthOf = (m: string) => monthFormat.format(new Date(`${m}-01T00:00:00Z`));

export function OverallReport({ overall }: { overall: OverallInsights }) {
  const t = overall.totals;
  const growth = overall.networkGrowth;
  const last = growth[growth.length - 1];
  return (
    <>
      <dl className="ins-stats">
        <div>
          <dt>Campaigns</dt>
          <dd>{overall.campaigns.length}</dd>
        </div>
        <div>
          <dt>People identified</dt>
          <dd>{t.identified}</dd>
        </div>
        <div>
          <dt>Conversations held</dt>
          <dd>{t.held}</dd>
        </div>
        <div>
          <dt>Referrals</dt>
          <dd>{t.referrals}</dd>
        </div>
        <div>
          <dt>Outcomes</dt>
          <dd>{t.outcomes}</dd>
        </div>
        <div>
          <dt>Time invested</dt>
          <dd>{duration(t.minutesInvested)}</dd>
        </div>
      </dl>
      <DataTable
        caption="Each campaign's funnel"
        head={['Campaign', 'Identified', 'Asked', 'Replied', 'Held', 'Referrals', 'Outcomes', 'Time']}
        numeric={[1, 2, 3, 4, 5, 6, 7]}
        rows={overall.campaigns.map((c) => ({
          key: c.campaignId,
          cells: [
            <>
              <Link to={`/insights?campaign=${encodeURIComponent(c.campaignId)}`}>{c.field}</Link>
              {c.status === 'ended' ? <span className="small muted"> (ended)</span> : null}
            </>,
            c.funnel.identified,
            c.funnel.requested,
            c.funnel.replied,
            c.funnel.held,
            c.funnel.referrals,
            c.funnel.outcomes,
            duration(c.minutesInvested),
          ],
        }))}
      />
      {growth.length && last ? (
        <ChartFigure
          title="Your network’s growth through referrals"
          summary={`${growth.length === 1 ? `In ${monthOf(last.month)}` : `From ${monthOf(growth[0]!.month)} to ${monthOf(last.month)}`} you reached ${plural(
            last.total,
            'contact',
          )} through referrals, ${last.referred} of them in the last month.`}
          legend={
            <Legend
              items={[
                { key: 'total', label: 'In all (cumulative)', style: SERIES_STYLES[0] },
                { key: 'referred', label: 'New that month', style: SERIES_STYLES[1] },
              ]}
            />
          }
          table={
            <DataTable
              caption="Contacts reached through referrals, per month"
              head={['Month', 'New that month', 'In all']}
              numeric={[1, 2]}
              rows={growth.map((g) => ({ key: g.month, cells: [monthOf(g.month), g.referred, g.total] }))}
            />
          }
        >
          {(width, ids) => (
            <LineChart
              periods={growth.map((g) => g.month)}
              periodLabel={monthOf}
              series={[
                { key: 'total', label: 'In all', values: growth.map((g) => g.total) },
                { key: 'referred', label: 'New that month', values: growth.map((g) => g.referred) },
              ]}
              width={width}
              ids={ids}
            />
          )}
        </ChartFigure>
      ) : (
        <p className="muted">
          No one reached through a referral yet. At the end of each conversation, ask who else you should talk to and record the names they
          give; your network’s growth shows here month by month.
        </p>
      )}
    </>
  );
}
