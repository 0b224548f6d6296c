// One person: who they are and how you know them (always in view), their conversations, what
// happened so far, and forms to log a touch, add a note and record introductions.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Contact } from '../../../src/domain/types';
import { api, keys, messageOf, type InterviewDetail } from '../api';
import { useAnnounce } from '../components/Announcer';
import { LoadError, Loading, StatusBadge } from '../components/common';
import { ContactForm } from '../components/ContactForm';
import { FormError, SelectField } from '../components/Field';
import { Introductions } from '../components/Introductions';
import { IntroChain } from '../components/IntroChain';
import { WorkHistory } from '../components/WorkHistory';
import { MoveControl } from '../components/MoveControl';
import { NoteForm } from '../components/NoteForm';
import { Timeline } from '../components/Timeline';
import { TouchForm } from '../components/TouchForm';
import { useFormatters } from '../format';
import { usePageTitle, useRefreshAll } from '../hooks';
import { INTERVIEW_STATUS_HINT, MODE_LABEL, TIE_HINT, TIE_LABEL } from '../labels';
import { webHref } from '../safe-url';

export function ContactPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const contact = useQuery({ queryKey: keys.contact(id), queryFn: () => api.contacts.get(id) });
  usePageTitle(contact.data?.name ?? 'Contact');

  if (contact.isPending) {
    return (
      <div className="page">
        <h1>Contact</h1>
        <Loading />
      </div>
    );
  }
  if (contact.isError) {
    return (
      <div className="page">
        <h1>Contact</h1>
        <LoadError error={contact.error} retry={() => void contact.refetch()} />
        <p>
          <Link to="/contacts">Back to contacts</Link>
        </p>
      </div>
    );
  }
  return <ContactView key={contact.data.id} contact={contact.data} referralFor={params.get('referralFor')} />;
}

function ContactView({ contact, referralFor }: { contact: Contact; referralFor: string | null }) {
  const f = useFormatters();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const refresh = useRefreshAll();
  const interviews = useQuery({
    queryKey: keys.interviews({ contactId: contact.id }),
    queryFn: () => api.interviews.list({ contactId: contact.id, limit: 200 }),
  });
  const timeline = useQuery({ queryKey: keys.timeline(contact.id), queryFn: () => api.contacts.timeline(contact.id) });
  const introducer = useQuery({
    queryKey: keys.contact(contact.introducedBy ?? ''),
    queryFn: () => api.contacts.get(contact.introducedBy ?? ''),
    enabled: Boolean(contact.introducedBy),
  });
  const remove = useMutation({
    mutationFn: () => api.contacts.remove(contact.id),
    onSuccess: async () => {
      announce(`Deleted ${contact.name}.`);
      await navigate('/contacts');
      await refresh(keys.contact(contact.id));
    },
  });
  const ivs = interviews.data?.items ?? [];

  return (
    <div className="page contact-page">
      <section className="person panel" aria-labelledby="person-name">
        <p className="breadcrumb">
          <Link to="/contacts">Contacts</Link>
        </p>
        <h1 id="person-name">{contact.name}</h1>
        {contact.doNotContact ? <p className="badge badge--dnc">Do not contact</p> : null}
        {editing ? (
          <>
            <h2 className="visually-hidden" id="edit-title">
              Edit {contact.name}
            </h2>
            <ContactForm
              contact={contact}
              headingId="edit-title"
              autoFocus
              onSaved={(c) => {
                setEditing(false);
                announce(`Saved ${c.name}.`);
                void refresh();
              }}
              onCancel={() => setEditing(false)}
            />
          </>
        ) : (
          <>
            <p className="person__role">{[contact.title, contact.organisation].filter(Boolean).join(' at ') || 'No role recorded'}</p>
            <dl className="facts">
              <div>
                <dt>Tie</dt>
                <dd>
                  {TIE_LABEL[contact.tie]} <span className="muted small">({TIE_HINT[contact.tie]})</span>
                </dd>
              </div>
              {contact.introducedBy ? (
                <div>
                  <dt>Introduced by</dt>
                  <dd>
                    <Link to={`/contacts/${contact.introducedBy}`}>{introducer.data?.name ?? 'their introducer'}</Link>
                  </dd>
                </div>
              ) : null}
              {contact.emails.length ? (
                <div>
                  <dt>E-mail</dt>
                  <dd>
                    <ul className="plain">
                      {contact.emails.map((e) => (
                        <li key={e}>
                          <a href={`mailto:${e}`}>{e}</a>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {contact.phones.length ? (
                <div>
                  <dt>Phone</dt>
                  <dd>
                    <ul className="plain">
                      {contact.phones.map((p) => (
                        <li key={p}>
                          <a href={`tel:${p.replace(/[^+\d]/g, '')}`}>{p}</a>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {contact.linkedinUrl ? (
                <div>
                  <dt>LinkedIn</dt>
                  <dd>
                    {webHref(contact.linkedinUrl) ? (
                      <a href={webHref(contact.linkedinUrl)!} rel="noopener noreferrer" target="_blank">
                        Profile<span className="visually-hidden"> of {contact.name} (opens in a new tab)</span>
                      </a>
                    ) : (
                      contact.linkedinUrl
                    )}
                  </dd>
                </div>
              ) : null}
              {contact.location ? (
                <div>
                  <dt>Location</dt>
                  <dd>{contact.location}</dd>
                </div>
              ) : null}
              {contact.tags.length ? (
                <div>
                  <dt>Tags</dt>
                  <dd>
                    <ul className="tags">
                      {contact.tags.map((t) => (
                        <li key={t}>
                          <Link className="tag" to={`/contacts?tag=${encodeURIComponent(t)}`}>
                            {t}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {contact.connectedOn ? (
                <div>
                  <dt>Connected</dt>
                  <dd>{contact.connectedOn}</dd>
                </div>
              ) : null}
            </dl>
            <IntroChain contact={contact} />
            <WorkHistory contact={contact} />
            {contact.research ? (
              <div className="research">
                <h2 className="h-small">Research notes</h2>
                <p className="prewrap">{contact.research}</p>
              </div>
            ) : null}
            <div className="button-row">
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit
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
            {confirmDelete ? (
              <div className="confirm" role="group" aria-labelledby="confirm-delete-text">
                <p id="confirm-delete-text">
                  Delete {contact.name} with all their touches, notes, introductions and interviews? This cannot be undone.
                </p>
                <div className="button-row">
                  <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                    Delete {contact.name}
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
      </section>

      <div className="contact-page__work">
        <section className="panel" aria-labelledby="conv-title">
          <h2 id="conv-title">Conversations</h2>
          {interviews.isError ? <LoadError error={interviews.error} retry={() => void interviews.refetch()} /> : null}
          {interviews.isSuccess && ivs.length === 0 ? <p className="muted">{contact.name} is not in any campaign yet.</p> : null}
          {ivs.length ? (
            <ul className="item-list">
              {ivs.map((i) => (
                <InterviewRow key={i.id} interview={i} f={f} />
              ))}
            </ul>
          ) : null}
          <AddToCampaign contact={contact} interviews={ivs} />
        </section>

        <section className="panel" aria-labelledby="record-title">
          <h2 id="record-title">Record</h2>
          {contact.doNotContact ? <p className="notice">{contact.name} asked not to be contacted. Log only what they started.</p> : null}
          <div className="record-grid">
            <TouchForm contactId={contact.id} contactName={contact.name} interviews={ivs} />
            <NoteForm contactId={contact.id} interviews={ivs} />
          </div>
        </section>

        <section className="panel" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          {timeline.isPending ? <Loading /> : null}
          {timeline.isError ? <LoadError error={timeline.error} retry={() => void timeline.refetch()} /> : null}
          {timeline.data ? <Timeline items={timeline.data.items} f={f} name={contact.name} /> : null}
        </section>

        <Introductions contact={contact} interviews={ivs} referralFor={referralFor} />
      </div>
    </div>
  );
}

function InterviewRow({ interview: i, f }: { interview: InterviewDetail; f: ReturnType<typeof useFormatters> }) {
  return (
    <li className="item">
      <p className="item__title">
        <Link to={`/campaigns/${i.campaignId}`}>{i.campaignField}</Link> <StatusBadge status={i.status} />
      </p>
      {i.scheduledAt ? (
        <p className="small">
          Meeting {f.dateTime(i.scheduledAt)}
          {i.minutes ? `, ${i.minutes} minutes` : ''}
          {i.mode ? `, ${MODE_LABEL[i.mode]}` : ''}
          {i.place ? `, ${i.place}` : ''}
        </p>
      ) : null}
      <p className="small muted">{INTERVIEW_STATUS_HINT[i.status]}</p>
      <p className="small">
        <Link to={`/interviews/${i.id}/draft`}>
          Draft a message<span className="visually-hidden"> about {i.campaignField}</span>
        </Link>
      </p>
      <MoveControl interview={i} referralHref={`/contacts/${i.contactId}?referralFor=${i.id}#referrals`} />
    </li>
  );
}

function AddToCampaign({ contact, interviews }: { contact: Contact; interviews: InterviewDetail[] }) {
  const campaigns = useQuery({ queryKey: [...keys.campaigns, 'active'], queryFn: () => api.campaigns.list('active') });
  const [campaignId, setCampaignId] = useState('');
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const add = useMutation({
    mutationFn: () => api.interviews.create({ campaignId, contactId: contact.id }),
    onSuccess: async (i) => {
      announce(`${contact.name} added to ${i.campaignField} as a prospect.`);
      setCampaignId('');
      await refresh();
    },
  });
  const available = (campaigns.data?.items ?? []).filter((c) => !interviews.some((i) => i.campaignId === c.id));
  if (!campaigns.data) return null;
  if (campaigns.data.items.length === 0) {
    return (
      <p className="small">
        <Link to="/campaigns?new=1">Create a campaign</Link> to start asking people for conversations.
      </p>
    );
  }
  if (available.length === 0) return null;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (campaignId) add.mutate();
      }}
    >
      <SelectField
        label="Add to a campaign"
        value={campaignId}
        onChange={setCampaignId}
        options={[{ value: '', label: 'Choose a campaign…' }, ...available.map((c) => ({ value: c.id, label: c.field }))]}
      />
      <button type="submit" className="button" disabled={!campaignId || add.isPending}>
        Add
      </button>
      <FormError error={add.isError ? messageOf(add.error) : null} />
    </form>
  );
}
