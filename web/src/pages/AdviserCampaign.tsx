// A campaign shared with the adviser (/adviser/campaigns/:id), read-only: what it explores, the
// people in it with their status and meeting dates, its insights, and the comments — with a form
// to add one when the member allowed comments. Nothing here links into the member's own pages.
import { lazy, Suspense, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { adviser, ApiError, fieldErrors, messageOf, shareKeys, type AdviserCampaign } from '../api';
import { LoadError, Loading, StatusBadge } from '../components/common';
import { FormError, SubmitRow, TextField } from '../components/Field';
import { ACCESS_LABEL, CommentList } from '../components/SharingPanel';
import { useFormatters } from '../format';
import { useFocusFirstInvalid, usePageTitle, useRefreshAll } from '../hooks';
import { MODE_LABEL, SITUATION_LABEL } from '../labels';

const AdviserInsights = lazy(() => import('../components/AdviserInsights').then((m) => ({ default: m.AdviserInsights })));

export function AdviserCampaignPage() {
  const { id = '' } = useParams();
  const shared = useQuery({ queryKey: shareKeys.adviserCampaign(id), queryFn: () => adviser.campaign(id) });
  usePageTitle(shared.data?.campaign.field ?? 'Shared campaign');
  if (shared.isPending || shared.isError) {
    const gone = shared.error instanceof ApiError && shared.error.status === 404;
    return (
      <div className="page">
        <p className="breadcrumb">
          <Link to="/cohort">Cohort</Link>
        </p>
        <h1>Shared campaign</h1>
        {shared.isPending ? <Loading /> : null}
        {gone ? (
          <p role="alert">This campaign is not shared with you, or no longer is: its owner may have revoked access or deleted it.</p>
        ) : shared.isError ? (
          <LoadError error={shared.error} retry={() => void shared.refetch()} />
        ) : null}
      </div>
    );
  }
  return <SharedCampaign view={shared.data} />;
}

function SharedCampaign({ view }: { view: AdviserCampaign }) {
  const f = useFormatters();
  const { campaign, member } = view;
  const memberName = member.name ?? member.email ?? 'A member';
  return (
    <div className="page adviser-campaign">
      <header className="panel campaign-head">
        <p className="breadcrumb">
          <Link to="/cohort">Cohort</Link>
        </p>
        <h1>{campaign.field}</h1>
        <p className="small">
          Shared by {memberName}
          {member.name && member.email ? ` (${member.email})` : ''} · {ACCESS_LABEL[view.access]} since {f.date(view.sharedAt)} ·{' '}
          {SITUATION_LABEL[campaign.situation]} · started {f.date(campaign.createdAt)}
          {campaign.status === 'ended' ? (
            <>
              {' '}
              · <span className="badge badge--ended">Ended</span>
            </>
          ) : null}
        </p>
        {campaign.objective ? <p className="objective prewrap">{campaign.objective}</p> : null}
      </header>

      <section className="panel" aria-labelledby="shared-people">
        <h2 id="shared-people">People in this campaign</h2>
        {view.interviews.length === 0 ? (
          <p className="empty">No one in this campaign yet.</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="shared-people" tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">People in this campaign, with their status and meeting</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Status</th>
                  <th scope="col">Meeting</th>
                  <th scope="col">Held</th>
                </tr>
              </thead>
              <tbody>
                {view.interviews.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.contactName}</th>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                    <td>
                      {i.scheduledAt ? `${f.dateTime(i.scheduledAt)}, ${i.minutes} min${i.mode ? ` (${MODE_LABEL[i.mode]})` : ''}` : '—'}
                    </td>
                    <td>{i.heldAt ? f.date(i.heldAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel ins-section" aria-labelledby="shared-insights">
        <h2 id="shared-insights">Insights</h2>
        <Suspense fallback={<Loading what="Drawing the charts" />}>
          <AdviserInsights insights={view.insights} />
        </Suspense>
      </section>

      <section className="panel" aria-labelledby="shared-comments">
        <h2 id="shared-comments">Comments</h2>
        {view.comments.length === 0 ? <p className="muted">No comments yet.</p> : <CommentList comments={view.comments} />}
        {view.access === 'comment' ? (
          <CommentForm campaignId={campaign.id} memberName={memberName} />
        ) : (
          <p className="small muted">{memberName} shared this campaign for reading only, so it cannot be commented on.</p>
        )}
      </section>
    </div>
  );
}

function CommentForm({ campaignId, memberName }: { campaignId: string; memberName: string }) {
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const refresh = useRefreshAll();
  const add = useMutation({
    mutationFn: () => adviser.comment(campaignId, text),
    onMutate: () => setDone(null),
    onSuccess: async () => {
      setText('');
      setDone(`Comment added; ${memberName} sees it on the campaign's page.`);
      await refresh();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, add.error);
  const errors = add.isError ? fieldErrors(add.error) : {};
  return (
    <form
      ref={formRef}
      className="form"
      aria-labelledby="add-comment"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="add-comment">Add a comment</h3>
      <TextField label="Comment" multiline rows={4} value={text} onChange={setText} maxLength={4000} required error={errors.text} />
      <FormError error={add.isError && !errors.text ? messageOf(add.error) : null} />
      <SubmitRow label="Add comment" pendingLabel="Adding…" pending={add.isPending} done={done} />
    </form>
  );
}
