// Campaigns: each exploration of a field, with how far its conversations have come.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Campaign } from '../../../src/domain/types';
import { api, keys, type InterviewDetail } from '../api';
import { useAnnounce } from '../components/Announcer';
import { CampaignForm } from '../components/CampaignForm';
import { EmptyState, LoadError, Loading } from '../components/common';
import { useFormatters, plural } from '../format';
import { usePageTitle, useRefreshAll, useShortcut } from '../hooks';
import { SITUATION_LABEL } from '../labels';

export function CampaignsPage() {
  usePageTitle('Campaigns');
  const [params, setParams] = useSearchParams();
  const [formOpen, setFormOpen] = useState(params.get('new') === '1');
  const [formKey, setFormKey] = useState(0);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const refresh = useRefreshAll();
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: () => api.campaigns.list() });
  const interviews = useQuery({ queryKey: keys.interviews({ all: true }), queryFn: () => api.interviews.list({ limit: 100000 }) });

  useEffect(() => {
    if (params.get('new') === '1') setParams({}, { replace: true });
  }, []);

  const openForm = () => {
    if (formOpen) {
      document.querySelector<HTMLInputElement>('#new-campaign input')?.focus();
      return;
    }
    setFormOpen(true);
    setFormKey((k) => k + 1);
  };
  useShortcut('n', openForm);

  const items = campaigns.data?.items ?? [];
  const active = items.filter((c) => c.status === 'active');
  const ended = items.filter((c) => c.status === 'ended');
  const byCampaign = new Map<string, InterviewDetail[]>();
  for (const i of interviews.data?.items ?? []) {
    const list = byCampaign.get(i.campaignId) ?? [];
    list.push(i);
    byCampaign.set(i.campaignId, list);
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>Campaigns</h1>
        <button
          type="button"
          className="button button--primary"
          aria-expanded={formOpen}
          aria-controls="new-campaign"
          onClick={() => (formOpen ? setFormOpen(false) : openForm())}
        >
          New campaign <kbd aria-hidden="true">n</kbd>
        </button>
      </div>
      <p className="lede">A campaign is one exploration: a field you want to understand, and the people you will talk to about it.</p>

      {formOpen ? (
        <section id="new-campaign" className="panel" aria-labelledby="new-campaign-title">
          <h2 id="new-campaign-title">New campaign</h2>
          <CampaignForm
            key={formKey}
            headingId="new-campaign-title"
            autoFocus
            onSaved={(c) => {
              announce(`Campaign “${c.field}” created. Now add the people you could talk to.`);
              void refresh();
              void navigate(`/campaigns/${c.id}`);
            }}
            onCancel={() => setFormOpen(false)}
          />
        </section>
      ) : null}

      {campaigns.isPending ? <Loading what="Loading campaigns" /> : null}
      {campaigns.isError ? <LoadError error={campaigns.error} retry={() => void campaigns.refetch()} /> : null}
      {campaigns.isSuccess && items.length === 0 && !formOpen ? (
        <EmptyState title="No campaigns yet">
          <p>
            Start with one field you are curious about. You can run several campaigns side by side, for example one per industry you are
            considering.
          </p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={openForm}>
              Create your first campaign
            </button>
            <Link className="button button--quiet" to="/">
              Or load sample data from Today
            </Link>
          </div>
        </EmptyState>
      ) : null}

      {active.length ? <CampaignList title="Active" id="active" campaigns={active} byCampaign={byCampaign} /> : null}
      {ended.length ? <CampaignList title="Ended" id="ended" campaigns={ended} byCampaign={byCampaign} /> : null}
    </div>
  );
}

function CampaignList({
  title,
  id,
  campaigns,
  byCampaign,
}: {
  title: string;
  id: string;
  campaigns: Campaign[];
  byCampaign: Map<string, InterviewDetail[]>;
}) {
  const f = useFormatters();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ul className="card-list">
        {campaigns.map((c) => {
          const ivs = byCampaign.get(c.id) ?? [];
          const held = ivs.filter((i) => ['held', 'thanked', 'in-touch'].includes(i.status)).length;
          return (
            <li key={c.id} className="card">
              <h3 className="card__title">
                <Link to={`/campaigns/${c.id}`}>{c.field}</Link>
              </h3>
              <p className="small">
                {SITUATION_LABEL[c.situation]} · started {f.date(c.createdAt)}
              </p>
              {c.objective ? <p className="card__objective">{c.objective}</p> : null}
              <p className="small muted">
                {ivs.length === 0 ? 'No one added yet' : `${plural(ivs.length, 'person', 'people')} · ${plural(held, 'conversation')} held`}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
