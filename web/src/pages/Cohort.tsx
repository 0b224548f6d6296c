// The adviser's cohort dashboard (/cohort): every member who shared a campaign with the adviser,
// with meetings held per week over the last eight weeks (in the member's own zone), overdue
// actions and stalled campaigns — counted over the shared campaigns only — and a link to each
// shared campaign. Stalled is said in words, never by colour alone.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { adviser, shareKeys, type CohortMember } from '../api';
import { EmptyState, LoadError, Loading } from '../components/common';
import { ACCESS_LABEL } from '../components/SharingPanel';
import { plural, useFormatters } from '../format';
import { usePageTitle } from '../hooks';

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** A member-local Monday `YYYY-MM-DD` as written (read at UTC midnight so no zone moves it). */
const weekLabel = (week: string) => shortDay.format(new Date(`${week}T00:00:00Z`));
const nameOf = (m: CohortMember) => m.name ?? m.email ?? 'A member';

export function CohortPage() {
  usePageTitle('Cohort');
  const cohort = useQuery({ queryKey: shareKeys.cohort, queryFn: adviser.cohort });
  const members = cohort.data?.members ?? [];
  return (
    <div className="page cohort-page">
      <h1>Your cohort</h1>
      <p className="lede">
        The people who shared a campaign with you, and how their search is going. Only what they shared is counted: their other campaigns
        stay private.
      </p>
      {cohort.isPending ? <Loading what="Loading your cohort" /> : null}
      {cohort.isError ? <LoadError error={cohort.error} retry={() => void cohort.refetch()} /> : null}
      {cohort.isSuccess && members.length === 0 ? (
        <EmptyState title="Nobody has shared a campaign with you yet">
          <p>When someone shares a campaign with the e-mail address of your account, they appear here.</p>
        </EmptyState>
      ) : null}
      {members.length ? (
        <>
          <section className="panel" aria-labelledby="cohort-glance">
            <h2 id="cohort-glance">At a glance</h2>
            <div className="table-wrap" role="region" aria-labelledby="cohort-caption" tabIndex={0}>
              <table className="table cohort-table">
                <caption id="cohort-caption" className="visually-hidden">
                  Members who shared campaigns with you
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col" className="num">
                      Meetings held, last 8 weeks
                    </th>
                    <th scope="col" className="num">
                      Overdue actions
                    </th>
                    <th scope="col" className="num">
                      Stalled campaigns
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <a href={`#member-${m.id}`}>{nameOf(m)}</a>
                      </th>
                      <td className="num">{m.heldLast8Weeks}</td>
                      <td className="num">
                        {m.overdueActions ? <span className="badge badge--overdue">{m.overdueActions} overdue</span> : '0'}
                      </td>
                      <td className="num">{m.stalledCampaigns}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {members.map((m) => (
            <MemberSection key={m.id} member={m} />
          ))}
        </>
      ) : null}
    </div>
  );
}

function MemberSection({ member: m }: { member: CohortMember }) {
  const f = useFormatters();
  const titleId = `member-${m.id}`;
  return (
    <section className="panel cohort-member" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {nameOf(m)}
      </h2>
      <p className="small muted">
        {m.name && m.email ? `${m.email} · ` : ''}
        {plural(m.campaigns.length, 'shared campaign')} · weeks in their time zone ({m.timezone})
      </p>

      <div className="table-wrap" role="region" aria-labelledby={`${titleId}-weeks`} tabIndex={0}>
        <table className="table">
          <caption id={`${titleId}-weeks`}>Meetings held per week</caption>
          <thead>
            <tr>
              {m.weeks.map((w, i) => (
                <th key={w.week} scope="col" className="num">
                  {i === m.weeks.length - 1 ? 'This week' : `Week of ${weekLabel(w.week)}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {m.weeks.map((w) => (
                <td key={w.week} className="num">
                  {w.held}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>

      <h3>Shared campaigns</h3>
      <ul className="outcome-list">
        {m.campaigns.map((c) => (
          <li key={c.id} className="outcome">
            <p className="outcome__title">
              <Link to={`/adviser/campaigns/${c.id}`}>{c.field}</Link>{' '}
              {c.stalled ? <span className="badge badge--overdue">Stalled</span> : null}
              {c.status === 'ended' ? <span className="badge badge--ended">Ended</span> : null}
            </p>
            <p className="small">
              Last activity {f.date(c.lastActivityAt)} · {plural(c.heldLast8Weeks, 'meeting')} held in 8 weeks ·{' '}
              {plural(c.overdueActions, 'overdue action')} · {ACCESS_LABEL[c.access]}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
