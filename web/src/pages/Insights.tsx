// Insights, first version: per campaign, how many conversations sit at each stage, and how many
// got at least that far. Richer figures (reply rates, missing insight kinds, the referral tree)
// come later.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Campaign, InterviewStatus } from '../../../src/domain/types';
import { api, keys, type InterviewDetail } from '../api';
import { EmptyState, LoadError, Loading } from '../components/common';
import { usePageTitle } from '../hooks';
import { INTERVIEW_STATUS_LABEL, INTERVIEW_STATUSES, SITUATION_LABEL } from '../labels';

/** Statuses that show an interview got at least as far as the key status. */
const REACHED: Partial<Record<InterviewStatus, InterviewStatus[]>> = {
  prospect: [...INTERVIEW_STATUSES],
  requested: ['requested', 'scheduled', 'held', 'thanked', 'in-touch', 'declined', 'no-response'],
  scheduled: ['scheduled', 'held', 'thanked', 'in-touch'],
  held: ['held', 'thanked', 'in-touch'],
  thanked: ['thanked', 'in-touch'],
  'in-touch': ['in-touch'],
};

export function InsightsPage() {
  usePageTitle('Insights');
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: () => api.campaigns.list() });
  const interviews = useQuery({ queryKey: keys.interviews({ all: true }), queryFn: () => api.interviews.list({ limit: 100000 }) });
  const pending = campaigns.isPending || interviews.isPending;
  const error = campaigns.error ?? interviews.error;
  const list = campaigns.data?.items ?? [];
  return (
    <div className="page">
      <h1>Insights</h1>
      <p className="lede">How far your conversations have come, campaign by campaign.</p>
      <p className="notice">
        This is a first, simple view. Richer insights are on their way: reply rates by channel and tie, the kinds of insight you are still
        missing, answers gathered per question, and the referral tree.
      </p>
      {pending ? <Loading what="Counting" /> : null}
      {error ? <LoadError error={error} /> : null}
      {!pending && !error && list.length === 0 ? (
        <EmptyState title="Nothing to count yet">
          <p>
            Insights appear once you have a <Link to="/campaigns">campaign</Link> with people in it.
          </p>
        </EmptyState>
      ) : null}
      {!pending && !error
        ? list.map((c) => (
            <Funnel key={c.id} campaign={c} interviews={(interviews.data?.items ?? []).filter((i) => i.campaignId === c.id)} />
          ))
        : null}
    </div>
  );
}

function Funnel({ campaign, interviews }: { campaign: Campaign; interviews: InterviewDetail[] }) {
  const total = interviews.length;
  const count = (ss: InterviewStatus[]) => interviews.filter((i) => ss.includes(i.status)).length;
  const id = `funnel-${campaign.id}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        <Link to={`/campaigns/${campaign.id}`}>{campaign.field}</Link>
      </h2>
      <p className="small muted">
        {SITUATION_LABEL[campaign.situation]}
        {campaign.status === 'ended' ? ' · ended' : ''} · {total} {total === 1 ? 'person' : 'people'}
      </p>
      {total === 0 ? (
        <p className="muted">No one added to this campaign yet.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={`Funnel for ${campaign.field}`} tabIndex={0}>
          <table className="table funnel">
            <caption className="visually-hidden">Interviews by status for {campaign.field}</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  Now here
                </th>
                <th scope="col" className="num">
                  Got this far
                </th>
                <th scope="col">
                  <span className="visually-hidden">Share of all people in the campaign</span>
                  <span aria-hidden="true">Share</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {INTERVIEW_STATUSES.map((s) => {
                const now = count([s]);
                const reached = REACHED[s] ? count(REACHED[s]) : null;
                const share = total ? Math.round(((reached ?? now) / total) * 100) : 0;
                return (
                  <tr key={s}>
                    <th scope="row">{INTERVIEW_STATUS_LABEL[s]}</th>
                    <td className="num">{now}</td>
                    <td className="num">{reached ?? <span className="muted">—</span>}</td>
                    <td>
                      <span className="bar" aria-hidden="true">
                        <span className="bar__fill" style={{ width: `${share}%` }} />
                      </span>
                      <span className="small"> {share}%</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
