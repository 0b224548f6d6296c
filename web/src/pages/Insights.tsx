// What the campaigns have taught: pick a campaign (remembered in the URL as ?campaign=ID) to see
// its funnel, activity, coverage, reply rates, answers, pay, referral tree, time and outcomes, and
// download its field brief; below, all campaigns together. The charts load as a separate chunk.
import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Campaign } from '../../../src/domain/types';
import { api, insights, insightsKey, keys } from '../api';
import { EmptyState, LoadError, Loading } from '../components/common';
import { usePageTitle } from '../hooks';

const CampaignReport = lazy(() => import('../components/insights/report').then((m) => ({ default: m.CampaignReport })));
const OverallReport = lazy(() => import('../components/insights/report').then((m) => ({ default: m.OverallReport })));

/** Active campaigns first, each group in the order the server lists them. */
function ordered(list: Campaign[]): Campaign[] {
  return [...list.filter((c) => c.status !== 'ended'), ...list.filter((c) => c.status === 'ended')];
}

export function InsightsPage() {
  usePageTitle('Insights');
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: () => api.campaigns.list() });
  const list = ordered(campaigns.data?.items ?? []);
  const asked = params.get('campaign');
  const chosen = list.find((c) => c.id === asked) ?? list[0];

  return (
    <div className="page ins-page">
      <h1>Insights</h1>
      <p className="lede">What your conversations have taught you, and how the campaign itself is going.</p>
      {campaigns.isPending ? <Loading what="Loading your campaigns" /> : null}
      {campaigns.error ? <LoadError error={campaigns.error} retry={() => void campaigns.refetch()} /> : null}
      {campaigns.data && !list.length ? (
        <EmptyState title="No campaign yet">
          <p>
            Insights come from a campaign: the field you are exploring and the people you talk to about it.{' '}
            <Link to="/campaigns">Start a campaign</Link>, add a few people and reach out; the figures fill in as you go.
          </p>
        </EmptyState>
      ) : null}
      {chosen ? (
        <>
          <div className="ins-toolbar">
            <div className="field ins-picker">
              <label htmlFor="ins-campaign">Campaign</label>
              <select id="ins-campaign" value={chosen.id} onChange={(e) => setParams({ campaign: e.target.value }, { replace: true })}>
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.field}
                    {c.status === 'ended' ? ' (ended)' : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className="button-row ins-brief" role="group" aria-label="Field brief">
              <a className="button" href={insights.briefUrl(chosen.id, 'pdf')} download>
                Download the field brief (PDF)
              </a>
              <a className="button button--quiet" href={insights.briefUrl(chosen.id, 'md')} download>
                Field brief as Markdown
              </a>
            </div>
          </div>
          <CampaignInsightsView campaign={chosen} />
          <section className="panel ins-section ins-overall" aria-labelledby="ins-overall">
            <h2 id="ins-overall">All campaigns together</h2>
            <OverallInsightsView />
          </section>
        </>
      ) : null}
    </div>
  );
}

function CampaignInsightsView({ campaign }: { campaign: Campaign }) {
  const q = useQuery({ queryKey: insightsKey(campaign.id), queryFn: () => insights.campaign(campaign.id) });
  if (q.isPending) return <Loading what={`Working out what “${campaign.field}” has taught you`} />;
  if (q.error) return <LoadError error={q.error} retry={() => void q.refetch()} />;
  return (
    <Suspense fallback={<Loading what="Drawing the charts" />}>
      <CampaignReport insights={q.data} />
    </Suspense>
  );
}

function OverallInsightsView() {
  const q = useQuery({ queryKey: insightsKey(), queryFn: () => insights.overall() });
  if (q.isPending) return <Loading what="Adding up all campaigns" />;
  if (q.error) return <LoadError error={q.error} retry={() => void q.refetch()} />;
  return (
    <Suspense fallback={<Loading what="Drawing the charts" />}>
      <OverallReport overall={q.data} />
    </Suspense>
  );
}
