// One campaign: what it explores, whom to ask first, adding people, the interview pipeline board,
// and the target organisations. Cards move only along the moves the server allows; each card has
// a keyboard-friendly "Move to" control, and cards can also be dragged between columns.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Campaign, Contact, InterviewStatus } from '../../../src/domain/types';
import { api, ApiError, keys, messageOf, type InterviewDetail } from '../api';
import { useAnnounce } from '../components/Announcer';
import { CampaignForm } from '../components/CampaignForm';
import { LoadError, Loading } from '../components/common';
import { ContactPicker } from '../components/ContactPicker';
import { FormError } from '../components/Field';
import { MoveControl, ReferralQuestion } from '../components/MoveControl';
import { CampaignOutcomes } from '../components/OutcomesPanel';
import { SharingPanel } from '../components/SharingPanel';
import { Suggestions } from '../components/Suggestions';
import { Targets } from '../components/Targets';
import { useFormatters, plural } from '../format';
import { usePageTitle, useRefreshAll } from '../hooks';
import { CLOSED_FLOW, INTERVIEW_STATUS_HINT, INTERVIEW_STATUS_LABEL, OPEN_FLOW, REACHED_BY_TOUCH, SITUATION_LABEL } from '../labels';

/** The status a touch moves an interview on from (a request moves a prospect, a thank-you a held one). */
function prevOf(status: InterviewStatus): InterviewStatus | null {
  const before: Partial<Record<InterviewStatus, InterviewStatus>> = {
    requested: 'prospect',
    thanked: 'held',
    'in-touch': 'thanked',
    declined: 'requested',
  };
  return before[status] ?? null;
}

export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useQuery({ queryKey: keys.campaign(id), queryFn: () => api.campaigns.get(id) });
  usePageTitle(campaign.data?.field ?? 'Campaign');
  if (campaign.isPending) {
    return (
      <div className="page">
        <h1>Campaign</h1>
        <Loading />
      </div>
    );
  }
  if (campaign.isError) {
    return (
      <div className="page">
        <h1>Campaign</h1>
        <LoadError error={campaign.error} retry={() => void campaign.refetch()} />
        <p>
          <Link to="/campaigns">Back to campaigns</Link>
        </p>
      </div>
    );
  }
  return <CampaignView key={campaign.data.id} campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const interviews = useQuery({
    queryKey: keys.interviews({ campaignId: campaign.id }),
    queryFn: () => api.interviews.list({ campaignId: campaign.id, limit: 100000 }),
  });
  const items = interviews.data?.items ?? [];
  return (
    <div className="page campaign-page">
      <CampaignHeader campaign={campaign} count={items.length} />
      <nav aria-label="On this page" className="jump-links">
        <ul>
          <li>
            <a href="#suggestions">Whom to ask first</a>
          </li>
          <li>
            <a href="#add-people">Add people</a>
          </li>
          <li>
            <a href="#pipeline">Pipeline</a>
          </li>
          <li>
            <a href="#targets">Target organisations</a>
          </li>
          <li>
            <a href="#outcomes">Outcomes</a>
          </li>
        </ul>
      </nav>
      <Suggestions campaign={campaign} interviews={items} />
      <AddPeople campaign={campaign} interviews={items} loaded={interviews.isSuccess} />
      <section id="pipeline" aria-labelledby="board-title" className="board-section">
        <h2 id="board-title">Pipeline</h2>
        {interviews.isPending ? <Loading what="Loading the pipeline" /> : null}
        {interviews.isError ? <LoadError error={interviews.error} retry={() => void interviews.refetch()} /> : null}
        {interviews.isSuccess && items.length === 0 ? (
          <p className="empty">
            No one in this campaign yet. Add a few people above: start with the first suggestions, people you know a little or who were
            introduced to you.
          </p>
        ) : null}
        {items.length ? <Board interviews={items} /> : null}
      </section>
      <Targets campaign={campaign} />
      <CampaignOutcomes campaignId={campaign.id} interviews={items} />
      <SharingPanel campaign={campaign} />
    </div>
  );
}

function CampaignHeader({ campaign, count }: { campaign: Campaign; count: number }) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const f = useFormatters();
  const toggle = useMutation({
    mutationFn: () => (campaign.status === 'active' ? api.campaigns.end(campaign.id) : api.campaigns.reopen(campaign.id)),
    onSuccess: async (c) => {
      announce(c.status === 'ended' ? 'Campaign ended. Its keep-in-touch reminders stop.' : 'Campaign reopened.');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.campaigns.remove(campaign.id),
    onSuccess: async () => {
      announce(`Deleted the campaign “${campaign.field}”.`);
      await navigate('/campaigns');
      await refresh(keys.campaign(campaign.id));
    },
  });
  return (
    <header className="panel campaign-head">
      <p className="breadcrumb">
        <Link to="/campaigns">Campaigns</Link>
      </p>
      <h1>{campaign.field}</h1>
      {editing ? (
        <>
          <h2 className="visually-hidden" id="edit-campaign-title">
            Edit campaign
          </h2>
          <CampaignForm
            campaign={campaign}
            headingId="edit-campaign-title"
            autoFocus
            onSaved={() => {
              setEditing(false);
              announce('Campaign saved.');
              void refresh();
            }}
            onCancel={() => setEditing(false)}
          />
        </>
      ) : (
        <>
          <p className="small">
            {SITUATION_LABEL[campaign.situation]} · started {f.date(campaign.createdAt)} · {plural(count, 'person', 'people')}
            {campaign.status === 'ended' ? (
              <>
                {' '}
                · <span className="badge badge--ended">Ended</span>
              </>
            ) : null}
          </p>
          {campaign.objective ? <p className="objective">{campaign.objective}</p> : <p className="muted">No objective written yet.</p>}
          <div className="button-row">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="button button--quiet" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
              {campaign.status === 'active' ? 'End campaign' : 'Reopen campaign'}
            </button>
            <button
              type="button"
              className="button button--danger-quiet"
              aria-expanded={confirmDelete}
              onClick={() => setConfirmDelete((v) => !v)}
            >
              Delete…
            </button>
          </div>
          <FormError error={toggle.isError ? messageOf(toggle.error) : null} />
          {confirmDelete ? (
            <div className="confirm" role="group" aria-labelledby="confirm-campaign-delete">
              <p id="confirm-campaign-delete">
                Delete this campaign and its {plural(count, 'interview')}? The contacts stay. This cannot be undone.
              </p>
              <div className="button-row">
                <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                  Delete campaign
                </button>
                <button type="button" className="button button--quiet" onClick={() => setConfirmDelete(false)}>
                  Keep
                </button>
              </div>
              <FormError error={remove.isError ? messageOf(remove.error) : null} />
            </div>
          ) : null}
        </>
      )}
    </header>
  );
}

function AddPeople({ campaign, interviews, loaded }: { campaign: Campaign; interviews: InterviewDetail[]; loaded: boolean }) {
  // Open by default only for a campaign with nobody in it yet; after that the board comes first.
  const [chosen, setOpen] = useState<boolean | null>(null);
  const empty = loaded && interviews.length === 0;
  useEffect(() => {
    if (empty) setOpen((o) => o ?? true);
  }, [empty]);
  const open = chosen ?? empty;
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const add = useMutation({
    mutationFn: async (who: Contact | { create: string }) => {
      const person = 'create' in who ? await api.contacts.create({ name: who.create }) : who;
      return api.interviews.create({ campaignId: campaign.id, contactId: person.id });
    },
    onSuccess: async (i) => {
      announce(`${i.contactName} added as a prospect.`);
      await refresh();
    },
  });
  const unavailable = new Map<string, string>(interviews.map((i) => [i.contactId, `already here (${INTERVIEW_STATUS_LABEL[i.status]})`]));
  return (
    <section id="add-people" aria-labelledby="add-people-title" className="panel">
      <div className="section-head">
        <h2 id="add-people-title">Add people</h2>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={open}
          aria-controls="add-people-body"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide' : 'Add people'}
        </button>
      </div>
      {open ? (
        <div id="add-people-body">
          <p className="muted small">
            Someone not among the suggestions? Find anyone in your contacts, or add a new person. Each person you add starts as a prospect.
          </p>
          <ContactPicker
            label="Find a person to add"
            actionLabel={(c) => `Add ${c.name} to this campaign`}
            actionText="Add"
            unavailable={unavailable}
            busy={add.isPending}
            onPick={(c) => add.mutate(c)}
            onCreate={(name) => add.mutate({ create: name })}
            createLabel={(name) => `Create “${name}” and add them`}
          />
          <FormError error={add.isError ? messageOf(add.error) : null} />
        </div>
      ) : null}
    </section>
  );
}

interface Pending {
  interview: InterviewDetail;
  status: InterviewStatus;
}

function Board({ interviews }: { interviews: InterviewDetail[] }) {
  const [dragging, setDragging] = useState<InterviewDetail | null>(null);
  const [over, setOver] = useState<InterviewStatus | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [askReferral, setAskReferral] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const f = useFormatters();

  // Drag and drop goes through the same endpoint and the same refusals as the select control.
  const drop = useMutation({
    mutationFn: (a: Pending & { noReferrals?: boolean }) =>
      api.interviews.move(a.interview.id, { status: a.status, noReferrals: a.noReferrals }),
    onMutate: () => setError(null),
    onSuccess: (i) => {
      setAskReferral(null);
      announce(`${i.contactName} moved to ${INTERVIEW_STATUS_LABEL[i.status]}.`);
      void refresh().then(() => setFocusId(i.id));
    },
    onError: (e, a) => {
      if (e instanceof ApiError && e.code === 'referral_question_unanswered') {
        setAskReferral({ interview: a.interview, status: a.status });
        return;
      }
      const msg =
        e instanceof ApiError && e.code === 'invalid_transition'
          ? `${a.interview.contactName} cannot move there. ${e.message}`
          : messageOf(e);
      setError(msg);
      announce(msg, 'error');
    },
  });

  // A move the server would refuse is explained here, without a round trip.
  const refuse = (i: InterviewDetail, status: InterviewStatus) => {
    const how = REACHED_BY_TOUCH[status];
    const from = INTERVIEW_STATUS_LABEL[i.status];
    const options = i.allowedMoves.map((s) => INTERVIEW_STATUS_LABEL[s]).join(' or ');
    const msg =
      `${i.contactName} cannot be moved from ${from} to ${INTERVIEW_STATUS_LABEL[status]} by hand` +
      (how && i.status === prevOf(status) ? `; to get there, ${how}.` : '.') +
      (options ? ` From ${from} they can move to ${options}.` : '');
    setError(msg);
    announce(msg, 'error');
  };

  const column = (status: InterviewStatus) => {
    const cards = interviews.filter((i) => i.status === status);
    const allowed = dragging ? dragging.allowedMoves.includes(status) : false;
    const cls = [
      'column',
      dragging && dragging.status !== status ? (allowed ? 'column--can-drop' : 'column--no-drop') : '',
      over === status ? 'column--over' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <section
        key={status}
        className={cls}
        aria-labelledby={`col-${status}`}
        data-status={status}
        onDragOver={(e) => {
          if (!dragging || dragging.status === status) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          if (over !== status) setOver(status);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver((o) => (o === status ? null : o));
        }}
        onDrop={(e) => {
          e.preventDefault();
          setOver(null);
          if (dragging && dragging.status !== status) {
            if (dragging.allowedMoves.includes(status)) drop.mutate({ interview: dragging, status });
            else refuse(dragging, status);
          }
          setDragging(null);
        }}
      >
        <h3 id={`col-${status}`} className="column__title">
          {INTERVIEW_STATUS_LABEL[status]} <span className="count">{cards.length}</span>
        </h3>
        <p className="column__hint">{INTERVIEW_STATUS_HINT[status]}</p>
        {cards.length ? (
          <ul className="column__cards">
            {cards.map((i) => (
              <Card
                key={i.id}
                interview={i}
                focus={focusId === i.id}
                onFocused={() => setFocusId(null)}
                onMoved={(m) => setFocusId(m.id)}
                onDragStart={() => setDragging(i)}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(null);
                }}
                when={i.scheduledAt ? f.dateTime(i.scheduledAt) : null}
              />
            ))}
          </ul>
        ) : (
          <p className="column__empty">No one here.</p>
        )}
      </section>
    );
  };

  return (
    <>
      <p className="muted small board-help">
        Use the “Move to” control on a card, or drag the card to another column. Some steps happen when you log a touch on the person’s
        page: a request makes them <em>Requested</em>, a thank-you makes them <em>Thanked</em>.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="board">
        <div className="board__row board__row--flow">{OPEN_FLOW.map(column)}</div>
        <div className="board__row board__row--closed">{CLOSED_FLOW.map(column)}</div>
      </div>
      <ReferralQuestion
        open={askReferral !== null}
        name={askReferral?.interview.contactName ?? ''}
        href={askReferral ? `/contacts/${askReferral.interview.contactId}?referralFor=${askReferral.interview.id}#referrals` : '/'}
        pending={drop.isPending}
        onNoOne={() => askReferral && drop.mutate({ ...askReferral, noReferrals: true })}
        onClose={() => setAskReferral(null)}
      />
    </>
  );
}

interface CardProps {
  interview: InterviewDetail;
  focus: boolean;
  onFocused: () => void;
  onMoved: (i: InterviewDetail) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  when: string | null;
}

function Card({ interview: i, focus, onFocused, onMoved, onDragStart, onDragEnd, when }: CardProps) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focus && ref.current) {
      ref.current.focus();
      onFocused();
    }
  }, [focus, onFocused]);
  return (
    <li
      ref={ref}
      className="board-card"
      tabIndex={-1}
      draggable
      data-interview={i.id}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', i.id);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <p className="board-card__name" id={`card-name-${i.id}`}>
        <Link to={`/contacts/${i.contactId}`}>{i.contactName}</Link>
      </p>
      <p className="small">
        <Link to={`/interviews/${i.id}`} aria-describedby={`card-name-${i.id}`}>
          {when ? `Meeting ${when}` : 'Open the interview'}
        </Link>
      </p>
      {i.noReferrals ? <p className="small muted">No referrals given</p> : null}
      <MoveControl interview={i} onMoved={onMoved} />
    </li>
  );
}
