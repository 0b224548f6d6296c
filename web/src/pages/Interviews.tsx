// Every interview in every campaign, in one table, filterable by status.
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { InterviewStatus } from '../../../src/domain/types';
import { api, keys } from '../api';
import { EmptyState, LoadError, Loading, StatusBadge } from '../components/common';
import { SelectField } from '../components/Field';
import { useFormatters, plural } from '../format';
import { usePageTitle } from '../hooks';
import { INTERVIEW_STATUS_LABEL, INTERVIEW_STATUSES } from '../labels';

export function InterviewsPage() {
  usePageTitle('Interviews');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (INTERVIEW_STATUSES as string[]).includes(raw) ? (raw as InterviewStatus) : '';
  const f = useFormatters();
  const list = useQuery({
    queryKey: keys.interviews({ status }),
    queryFn: () => api.interviews.list({ status: status || undefined, limit: 100000 }),
  });
  const items = list.data?.items ?? [];

  return (
    <div className="page">
      <h1>Interviews</h1>
      <p className="lede">Every conversation across your campaigns, from prospect to keeping in touch.</p>
      <div className="toolbar">
        <SelectField<InterviewStatus | ''>
          label="Show"
          value={status}
          onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
          options={[
            { value: '', label: 'All statuses' },
            ...INTERVIEW_STATUSES.map((s) => ({ value: s, label: INTERVIEW_STATUS_LABEL[s] })),
          ]}
        />
      </div>
      <p className="visually-hidden" role="status">
        {list.isSuccess ? `${plural(items.length, 'interview')} shown.` : ''}
      </p>
      {list.isPending ? <Loading what="Loading interviews" /> : null}
      {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? (
        status ? (
          <EmptyState title={`No interviews are ${INTERVIEW_STATUS_LABEL[status].toLowerCase()}`}>
            <p>
              Try another status, or{' '}
              <button type="button" className="link-button" onClick={() => setParams({}, { replace: true })}>
                show all interviews
              </button>
              .
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No interviews yet">
            <p>
              An interview starts when you add someone to a campaign. Open a <Link to="/campaigns">campaign</Link> and use “Add people”.
            </p>
          </EmptyState>
        )
      ) : null}
      {items.length ? (
        <div className="table-wrap" role="region" aria-labelledby="interviews-caption" tabIndex={0}>
          <table className="table">
            <caption id="interviews-caption" className="visually-hidden">
              Interviews{status ? ` with status ${INTERVIEW_STATUS_LABEL[status]}` : ''}, most recently changed first
            </caption>
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Campaign</th>
                <th scope="col">Status</th>
                <th scope="col">Meeting</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <th scope="row" id={`row-name-${i.id}`}>
                    <Link to={`/contacts/${i.contactId}`}>{i.contactName}</Link>
                  </th>
                  <td>
                    <Link to={`/campaigns/${i.campaignId}`}>{i.campaignField}</Link>
                  </td>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td>
                    <Link to={`/interviews/${i.id}`} aria-describedby={`row-name-${i.id}`}>
                      {i.scheduledAt ? f.dateTime(i.scheduledAt) : 'Open the interview'}
                    </Link>
                  </td>
                  <td>{f.date(i.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
