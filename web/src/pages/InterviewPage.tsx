// One conversation from start to finish: who and for which campaign, where it stands (and the
// moves it allows), the meeting and its calendar file, the way to prepare, hold and follow up,
// and what has been logged about it so far.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, scheduleApi, type InterviewDetail, type TimelineItem } from '../api';
import { LoadError, Loading, StatusBadge } from '../components/common';
import { MoveControl } from '../components/MoveControl';
import { OutcomesPanel } from '../components/OutcomesPanel';
import { ScheduleForm } from '../components/ScheduleForm';
import { Timeline } from '../components/Timeline';
import { useFormatters } from '../format';
import { usePageTitle } from '../hooks';
import { INTERVIEW_STATUS_HINT, INTERVIEW_STATUS_LABEL, MODE_LABEL } from '../labels';

export function InterviewPage() {
  const { id = '' } = useParams();
  const interview = useQuery({ queryKey: ['interview', id], queryFn: () => api.interviews.get(id) });
  usePageTitle(interview.data ? `Interview with ${interview.data.contactName}` : 'Interview');
  if (interview.isPending || interview.isError) {
    return (
      <div className="page">
        <h1>Interview</h1>
        {interview.isPending ? <Loading /> : <LoadError error={interview.error} retry={() => void interview.refetch()} />}
      </div>
    );
  }
  return <InterviewView interview={interview.data} />;
}

function InterviewView({ interview: i }: { interview: InterviewDetail }) {
  const f = useFormatters();
  // The meeting can be set while the interview may still become (or already is) scheduled.
  const canSchedule = i.status === 'scheduled' || i.allowedMoves.includes('scheduled');
  const meeting = [
    i.minutes ? `${i.minutes} minutes` : null,
    i.mode ? MODE_LABEL[i.mode] : null,
    i.place,
    i.timezone ? `${i.timezone} time` : null,
  ].filter(Boolean);

  return (
    <div className="page interview-page">
      <section className="panel interview-page__head" aria-labelledby="interview-title">
        <p className="breadcrumb">
          <Link to="/interviews">Interviews</Link>
        </p>
        <h1 id="interview-title">Conversation with {i.contactName}</h1>
        <dl className="facts">
          <div>
            <dt>Person</dt>
            <dd>
              <Link to={`/contacts/${i.contactId}`}>{i.contactName}</Link>
            </dd>
          </div>
          <div>
            <dt>Campaign</dt>
            <dd>
              <Link to={`/campaigns/${i.campaignId}`}>{i.campaignField}</Link>
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={i.status} /> <span className="muted small">{INTERVIEW_STATUS_HINT[i.status]}</span>
            </dd>
          </div>
          <div>
            <dt>Meeting</dt>
            <dd>
              {i.scheduledAt ? (
                <>
                  <time dateTime={i.scheduledAt}>{f.dateTime(i.scheduledAt)}</time>
                  {meeting.length ? <span className="muted small"> · {meeting.join(' · ')}</span> : null}
                  {i.link ? (
                    <>
                      {' '}
                      · <a href={i.link}>video link</a>
                    </>
                  ) : null}
                </>
              ) : (
                <span className="muted">Not scheduled yet</span>
              )}
            </dd>
          </div>
        </dl>
        <MoveControl interview={i} referralHref={`/contacts/${i.contactId}?referralFor=${i.id}#referrals`} />
      </section>

      <nav className="panel interview-page__steps" aria-label="Work on this conversation">
        <ul className="interview-page__links">
          <li>
            <Link className="button" to={`/interviews/${i.id}/prep`}>
              Prepare
            </Link>
          </li>
          <li>
            <Link className="button" to={`/interviews/${i.id}/live`}>
              Live mode
            </Link>
          </li>
          <li>
            <Link className="button" to={`/interviews/${i.id}/draft`}>
              Draft a message
            </Link>
          </li>
        </ul>
      </nav>

      <section className="panel">
        {canSchedule ? (
          <ScheduleForm interview={i} />
        ) : (
          <>
            <h2>Meeting</h2>
            <p className="muted">
              {i.scheduledAt
                ? `The meeting was set for ${f.dateTime(i.scheduledAt)}; it can no longer be moved now that the conversation is ${INTERVIEW_STATUS_LABEL[i.status].toLowerCase()}.`
                : 'This conversation cannot be scheduled in its current status.'}
            </p>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="calendar-title">
        <h2 id="calendar-title">Calendar</h2>
        <ul className="plain">
          {i.scheduledAt && !canSchedule ? (
            <li>
              <a href={scheduleApi.icsHref(i.id)} download>
                Download this meeting (.ics)
              </a>
            </li>
          ) : null}
          <li>
            <a href="/api/v1/calendar.ics" download>
              Download all your meetings (.ics)
            </a>
          </li>
        </ul>
        <p className="small muted">
          To have meetings appear and move in your calendar by themselves, subscribe to your <Link to="/settings">calendar feed</Link>.
        </p>
      </section>

      <OutcomesPanel interviewId={i.id} />

      <InterviewRecords interview={i} />
    </div>
  );
}

/** The touches and notes of this conversation, newest first (edited on the contact's page). */
function InterviewRecords({ interview: i }: { interview: InterviewDetail }) {
  const f = useFormatters();
  const touches = useQuery({ queryKey: ['interview', i.id, 'touches'], queryFn: () => scheduleApi.touches(i.id) });
  const notes = useQuery({ queryKey: ['interview', i.id, 'notes'], queryFn: () => scheduleApi.notes(i.id) });
  const items: TimelineItem[] = [
    ...(touches.data?.items ?? []).map((t) => ({ ...t, type: 'touch' as const })),
    ...(notes.data?.items ?? []).map((n) => ({ ...n, type: 'note' as const })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const error = touches.error ?? notes.error;
  return (
    <section className="panel" aria-labelledby="records-title">
      <h2 id="records-title">Touches and notes</h2>
      {/* LEAD: the interview's touch and note forms can join here; for now they live on the contact page. */}
      <p className="small">
        <Link to={`/contacts/${i.contactId}`}>Log a touch or add a note on {i.contactName}’s page</Link>
      </p>
      {touches.isPending || notes.isPending ? <Loading /> : null}
      {error ? <LoadError error={error} /> : null}
      {touches.isSuccess && notes.isSuccess ? <Timeline items={items} f={f} name={i.contactName} /> : null}
    </section>
  );
}
