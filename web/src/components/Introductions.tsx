// Who introduced this person, and whom they suggested in turn (referrals), with the permission
// to use the introducer's name — needed before naming them in a request.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Contact, Permission } from '../../../src/domain/types';
import { api, keys, messageOf, type InterviewDetail, type IntroductionView } from '../api';
import { useRefreshAll } from '../hooks';
import { INTERVIEW_STATUS_LABEL, PERMISSION_LABEL, PERMISSIONS } from '../labels';
import { useAnnounce } from './Announcer';
import { ContactPicker } from './ContactPicker';
import { FormError, SelectField } from './Field';

interface Props {
  contact: Contact;
  interviews: InterviewDetail[];
  /** Preselect this interview in the referral form and bring the form into view. */
  referralFor?: string | null;
}

export function Introductions({ contact, interviews, referralFor }: Props) {
  const intros = useQuery({ queryKey: keys.introductions(contact.id), queryFn: () => api.contacts.introductions(contact.id) });
  const items = intros.data?.items ?? [];
  const introducedBy = items.filter((i) => i.contactId === contact.id);
  const referred = items.filter((i) => i.introducerId === contact.id);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (referralFor && headingRef.current) {
      headingRef.current.scrollIntoView({ block: 'start' });
      headingRef.current.focus({ preventScroll: true });
    }
  }, [referralFor]);

  return (
    <>
      <section aria-labelledby="intro-by-title" className="panel">
        <h2 id="intro-by-title">Introduced by</h2>
        {introducedBy.length === 0 ? (
          <p className="muted">No introduction recorded. If someone you know put you in touch with {contact.name}, record it here.</p>
        ) : (
          <IntroList intros={introducedBy} side="introducer" interviews={interviews} contactName={contact.name} />
        )}
        <AddIntroducer contact={contact} taken={new Set(introducedBy.map((i) => i.introducerId))} />
      </section>
      <section id="referrals" aria-labelledby="referrals-title" className="panel">
        <h2 id="referrals-title" ref={headingRef} tabIndex={-1}>
          People {contact.name} suggested
        </h2>
        <p className="muted small">
          Ask every person “who else should I talk to?”. Each name they give becomes a contact introduced by {contact.name}.
        </p>
        {referred.length === 0 ? (
          <p className="muted">No referrals recorded yet.</p>
        ) : (
          <IntroList intros={referred} side="contact" interviews={interviews} contactName={contact.name} />
        )}
        <AddReferral
          contact={contact}
          interviews={interviews}
          referralFor={referralFor}
          taken={new Set(referred.map((i) => i.contactId))}
        />
      </section>
    </>
  );
}

function IntroList({
  intros,
  side,
  interviews,
  contactName,
}: {
  intros: IntroductionView[];
  side: 'introducer' | 'contact';
  interviews: InterviewDetail[];
  contactName: string;
}) {
  return (
    <ul className="item-list">
      {intros.map((i) => {
        const otherId = side === 'introducer' ? i.introducerId : i.contactId;
        const iv = i.interviewId ? interviews.find((x) => x.id === i.interviewId) : undefined;
        const name = side === 'introducer' ? i.introducerName : i.contactName;
        const question = side === 'introducer' ? `May you mention ${name}?` : `May you mention ${contactName} to ${name}?`;
        return <IntroRow key={i.id} intro={i} otherId={otherId} name={name} question={question} campaign={iv?.campaignField} />;
      })}
    </ul>
  );
}

function IntroRow({
  intro,
  otherId,
  name,
  question,
  campaign,
}: {
  intro: IntroductionView;
  otherId: string;
  name: string;
  question: string;
  campaign: string | undefined;
}) {
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const setPermission = useMutation({
    mutationFn: (p: Permission) => api.introductions.setPermission(intro.id, p),
    onSuccess: async (r) => {
      announce(`Permission recorded: ${PERMISSION_LABEL[r.permission].toLowerCase()}.`);
      await refresh();
    },
    onError: (e) => announce(messageOf(e), 'error'),
  });
  const remove = useMutation({
    mutationFn: () => api.introductions.remove(intro.id),
    onSuccess: async () => {
      announce('Introduction removed.');
      await refresh();
    },
    onError: (e) => announce(messageOf(e), 'error'),
  });
  return (
    <li className="item intro-row">
      <p className="item__title">
        <Link to={`/contacts/${otherId}`}>{name}</Link>
        {campaign ? <span className="muted small"> · from the conversation about {campaign}</span> : null}
      </p>
      <div className="intro-row__controls">
        <SelectField<Permission>
          label={question}
          className="field--inline"
          value={intro.permission}
          onChange={(p) => setPermission.mutate(p)}
          options={PERMISSIONS.map((p) => ({ value: p, label: PERMISSION_LABEL[p] }))}
        />
        <button type="button" className="button button--small button--quiet" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Remove<span className="visually-hidden"> introduction with {name}</span>
        </button>
      </div>
    </li>
  );
}

function AddIntroducer({ contact, taken }: { contact: Contact; taken: Set<string> }) {
  const [permission, setPermission] = useState<Permission>('not-asked');
  const [open, setOpen] = useState(false);
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const add = useMutation({
    mutationFn: (introducer: Contact) => api.introductions.create({ introducerId: introducer.id, contactId: contact.id, permission }),
    onSuccess: async (_r, introducer) => {
      announce(`Recorded: ${introducer.name} introduced ${contact.name}.`);
      setOpen(false);
      await refresh();
    },
  });
  const unavailable = new Map<string, string>([[contact.id, 'this person']]);
  for (const id of taken) unavailable.set(id, 'already recorded');
  if (!open) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        Record who introduced {contact.name}
      </button>
    );
  }
  return (
    <div className="subform" role="group" aria-labelledby="add-introducer-title">
      <h3 id="add-introducer-title">Who introduced {contact.name}?</h3>
      <SelectField<Permission>
        label="May you mention the introducer’s name?"
        value={permission}
        onChange={setPermission}
        options={PERMISSIONS.map((p) => ({ value: p, label: PERMISSION_LABEL[p] }))}
      />
      <ContactPicker
        label="Find the introducer"
        hint="Type part of their name."
        listWhenEmpty={false}
        actionLabel={(c) => `Choose ${c.name} as the introducer`}
        actionText="Choose"
        unavailable={unavailable}
        busy={add.isPending}
        onPick={(c) => add.mutate(c)}
      />
      <FormError error={add.isError ? messageOf(add.error) : null} />
      <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}

function AddReferral({
  contact,
  interviews,
  referralFor,
  taken,
}: {
  contact: Contact;
  interviews: InterviewDetail[];
  referralFor?: string | null | undefined;
  taken: Set<string>;
}) {
  const [permission, setPermission] = useState<Permission>('not-asked');
  const [interviewId, setInterviewId] = useState(referralFor ?? interviews.find((i) => i.status === 'scheduled')?.id ?? '');
  const [open, setOpen] = useState(Boolean(referralFor));
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  useEffect(() => {
    if (referralFor) {
      setInterviewId(referralFor);
      setOpen(true);
    }
  }, [referralFor]);
  const add = useMutation({
    mutationFn: async (who: Contact | { create: string }) => {
      const person = 'create' in who ? await api.contacts.create({ name: who.create, tie: 'friend-of-contact', source: 'referral' }) : who;
      await api.introductions.create({ introducerId: contact.id, contactId: person.id, permission, interviewId: interviewId || null });
      return person;
    },
    onSuccess: async (person) => {
      const iv = interviews.find((i) => i.id === interviewId);
      const next = iv && iv.status === 'scheduled' ? ' You can now mark the conversation as held.' : '';
      announce(`Recorded ${person.name} as suggested by ${contact.name}.${next}`);
      await refresh();
    },
  });
  const unavailable = new Map<string, string>([[contact.id, 'this person']]);
  for (const id of taken) unavailable.set(id, 'already recorded');
  if (!open) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        Record a referral from {contact.name}
      </button>
    );
  }
  return (
    <div className="subform" role="group" aria-labelledby="add-referral-title">
      <h3 id="add-referral-title">Record a referral</h3>
      <div className="form-grid">
        {interviews.length > 0 ? (
          <SelectField
            label="From which conversation?"
            value={interviewId}
            onChange={setInterviewId}
            options={[
              { value: '', label: 'Not from a conversation' },
              ...interviews.map((i) => ({ value: i.id, label: `${i.campaignField} (${INTERVIEW_STATUS_LABEL[i.status]})` })),
            ]}
          />
        ) : null}
        <SelectField<Permission>
          label={`May you say ${contact.name} sent you?`}
          value={permission}
          onChange={setPermission}
          options={PERMISSIONS.map((p) => ({ value: p, label: PERMISSION_LABEL[p] }))}
        />
      </div>
      <ContactPicker
        label="Who did they suggest?"
        hint="Type their name: pick them among your contacts, or add them as a new contact."
        listWhenEmpty={false}
        actionLabel={(c) => `Record ${c.name} as a referral`}
        actionText="Choose"
        unavailable={unavailable}
        busy={add.isPending}
        onPick={(c) => add.mutate(c)}
        onCreate={(name) => add.mutate({ create: name })}
        createLabel={(name) => `Add “${name}” as a new contact and record the referral`}
      />
      <FormError error={add.isError ? messageOf(add.error) : null} />
      <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
        Close
      </button>
    </div>
  );
}
