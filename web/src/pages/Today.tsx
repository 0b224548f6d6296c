// Today: what to do now, what is coming this week, and today's meetings. On an empty database it
// is the "start here" page instead.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { startTransition, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Action } from '../../../src/domain/types';
import { api, keys, messageOf, type Overview, type TodayView } from '../api';
import { useAnnounce } from '../components/Announcer';
import { ActionItem } from '../components/ActionItem';
import { EmptyState, LoadError, Loading } from '../components/common';
import { FormError } from '../components/Field';
import { formattersFor, plural, type Formatters } from '../format';
import { usePageTitle, useRefreshAll } from '../hooks';
import { MODE_LABEL } from '../labels';

const MAX_LIMIT = 1000;

export function TodayPage() {
  usePageTitle('Today');
  const overview = useQuery({ queryKey: keys.overview, queryFn: api.overview });
  const empty = overview.data && overview.data.contacts === 0 && overview.data.campaigns === 0;
  // The server sends the most urgent 50 of each list; "Show all" asks for the rest.
  const [all, setAll] = useState(false);
  const today = useQuery({
    queryKey: [...keys.today, all ? 'all' : 'first'],
    queryFn: () => api.today(all ? MAX_LIMIT : undefined),
    // Asked for alongside the overview rather than after it: one round trip less before the day shows.
    enabled: !empty,
    placeholderData: keepPreviousData,
  });

  return (
    <div className="page">
      <h1>Today</h1>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <LoadError error={overview.error} retry={() => void overview.refetch()} /> : null}
      {empty ? <StartHere /> : null}
      {!empty && today.isPending && overview.isSuccess ? <Loading what="Loading your day" /> : null}
      {today.isError ? <LoadError error={today.error} retry={() => void today.refetch()} /> : null}
      {today.data && overview.data ? <Agenda today={today.data} overview={overview.data} showAll={() => setAll(true)} /> : null}
    </div>
  );
}

function StartHere() {
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const demo = useMutation({
    mutationFn: api.loadDemo,
    onSuccess: async (r) => {
      announce(`Sample data loaded: one campaign and ${plural(r.contacts, 'contact')}.`);
      await refresh();
    },
  });
  return (
    <section className="panel start-here" aria-labelledby="start-title">
      <h2 id="start-title">Start here</h2>
      <p>
        coffeechat helps you learn about a field from the people who work in it: you ask for twenty minutes of their time, listen, thank
        them, and keep in touch. Three first steps:
      </p>
      <ol className="steps">
        <li>
          <strong>Create a campaign.</strong> Name the field you want to explore (say, “UX research in healthcare”), your situation and what
          you hope to learn. <Link to="/campaigns?new=1">Create a campaign</Link>
        </li>
        <li>
          <strong>Add the people you know.</strong> Former colleagues, classmates, neighbours, friends of friends: acquaintances are often
          the most helpful. <Link to="/import">Import your LinkedIn connections</Link> (or Google, Outlook and phone contacts), or{' '}
          <Link to="/contacts?new=1">add a contact</Link> by hand.
        </li>
        <li>
          <strong>Add them to your campaign</strong> and ask the first one for twenty minutes. coffeechat then tells you when to follow up,
          prepare and say thank you.
        </li>
      </ol>
      <div className="start-here__demo">
        <p>
          Would you rather look around first? Load a sample campaign — a teacher exploring UX research in healthcare, part-way through — and
          see how the pieces fit together.
        </p>
        <button type="button" className="button button--primary" disabled={demo.isPending} onClick={() => demo.mutate()}>
          {demo.isPending ? 'Loading sample data…' : 'Load sample data'}
        </button>
        <FormError error={demo.isError ? messageOf(demo.error) : null} />
      </div>
    </section>
  );
}

/** While a campaign is not set up yet, the one thing to do next. */
function NextStep({ overview }: { overview: Overview }) {
  if (overview.campaigns === 0) {
    return (
      <p className="notice">
        Next step: <Link to="/campaigns?new=1">create a campaign</Link> for the field you want to explore, then add people to it.
      </p>
    );
  }
  if (overview.contacts === 0) {
    return (
      <p className="notice">
        Next step: <Link to="/import">import your LinkedIn connections</Link> or <Link to="/contacts?new=1">add the people you know</Link>,
        then add them to your campaign.
      </p>
    );
  }
  if (overview.interviews === 0) {
    return (
      <p className="notice">
        Next step: open a <Link to="/campaigns">campaign</Link> and add the people it suggests you ask first.
      </p>
    );
  }
  return null;
}

function Agenda({ today, overview, showAll }: { today: TodayView; overview: Overview; showAll: () => void }) {
  const f = formattersFor(today.timezone);
  const overdue = today.actions.filter((a) => a.overdue);
  const dueToday = today.actions.filter((a) => !a.overdue);
  const campaigns = useQuery({ queryKey: [...keys.campaigns, 'active'], queryFn: () => api.campaigns.list('active') });
  const campaign = campaigns.data?.items[0];
  const c = today.counts;
  const counts = [
    { n: c.overdue, what: 'overdue', cls: 'count--overdue' },
    { n: c.dueToday, what: 'due today', cls: '' },
    { n: c.upcoming, what: 'in the next 7 days', cls: '' },
    { n: c.meetings, what: c.meetings === 1 ? 'meeting today' : 'meetings today', cls: '' },
  ];
  const more = (n: number) =>
    n > 0 ? (
      <p className="today-more">
        {plural(n, 'more action')} not shown.{' '}
        <button type="button" className="button button--small" onClick={showAll}>
          Show all
        </button>
      </p>
    ) : null;
  const nothing = today.actions.length === 0 && today.upcoming.length === 0 && today.meetings.length === 0;
  return (
    <>
      <p className="lede">{f.longDate(today.now)}.</p>
      <ul className="today-counts" aria-label="At a glance">
        {counts.map((c) => (
          <li key={c.what} className={'today-count ' + c.cls}>
            <span className="today-count__n">{c.n}</span> {c.what}
          </li>
        ))}
      </ul>
      <NextStep overview={overview} />
      {nothing ? (
        <EmptyState title="Nothing to follow up">
          <p>
            No one is waiting on you. The next step is to ask someone new for twenty minutes:{' '}
            {campaign ? (
              <Link to={`/campaigns/${campaign.id}#suggestions`}>see whom to ask first in “{campaign.field}”</Link>
            ) : (
              <Link to="/campaigns">open a campaign to see whom to ask first</Link>
            )}
            .
          </p>
        </EmptyState>
      ) : null}
      <div className="today-grid">
        {overdue.length ? (
          <section aria-labelledby="overdue-title" className="panel today-grid__wide">
            <h2 id="overdue-title">
              Overdue <span className="muted">({c.overdue})</span>
            </h2>
            <ActionList actions={overdue} f={f} now={today.now} />
            {dueToday.length === 0 ? more(today.more.actions) : null}
          </section>
        ) : null}
        <section aria-labelledby="due-title" className="panel">
          <h2 id="due-title">Due today</h2>
          {dueToday.length === 0 ? (
            <p className="muted">
              {overdue.length ? 'Nothing else is due today.' : 'You are up to date.'}{' '}
              {campaign ? (
                <>
                  A good moment to <Link to={`/campaigns/${campaign.id}#suggestions`}>see whom to ask next</Link>.
                </>
              ) : null}
            </p>
          ) : (
            <>
              <ActionList actions={dueToday} f={f} now={today.now} />
              {more(today.more.actions)}
            </>
          )}
        </section>
        <section aria-labelledby="meet-title" className="panel">
          <h2 id="meet-title">Today’s meetings</h2>
          {today.meetings.length === 0 ? (
            <p className="muted">No meetings today.</p>
          ) : (
            <ul className="item-list">
              {today.meetings.map((m) => (
                <li key={m.id} className="item">
                  <p className="item__title" id={`meeting-${m.id}`}>
                    <Link to={`/contacts/${m.contactId}`}>{m.contactName ?? 'Contact'}</Link>
                    {m.scheduledAt ? <span className="item__when"> at {f.time(m.scheduledAt)}</span> : null}
                  </p>
                  <p className="muted small">
                    {[m.minutes ? `${m.minutes} minutes` : null, m.mode ? MODE_LABEL[m.mode] : null, m.place, m.campaignField]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="small">
                    <Link to={`/interviews/${m.id}`} aria-describedby={`meeting-${m.id}`}>
                      Open the meeting
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="next-title" className="panel today-grid__wide">
          <h2 id="next-title">Next 7 days</h2>
          {today.upcoming.length === 0 ? (
            <p className="muted">Nothing scheduled for the coming week.</p>
          ) : (
            <>
              <ActionList actions={today.upcoming} f={f} now={today.now} showDate />
              {more(today.more.upcoming)}
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** About a screenful: what the first render of a list builds (see ActionList). */
const FIRST_RENDER = 6;

function ActionList({ actions, f, now, showDate }: { actions: Action[]; f: Formatters; now: string; showDate?: boolean }) {
  // Up to 150 actions are a lot of page to build in one go, and the browser shows nothing until it
  // is built: the first screenful of each list comes at once and the rest follows in a transition,
  // which React builds in slices between frames, so the page shows and answers meanwhile.
  const [complete, setComplete] = useState(actions.length <= FIRST_RENDER);
  useEffect(() => {
    if (!complete) startTransition(() => setComplete(true));
  }, [complete]);
  return (
    <ul className="item-list">
      {(complete ? actions : actions.slice(0, FIRST_RENDER)).map((a) => (
        <ActionItem key={a.id} action={a} f={f} now={now} showDate={showDate} />
      ))}
    </ul>
  );
}
