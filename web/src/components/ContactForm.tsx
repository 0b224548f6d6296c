// The contact form, for both "New contact" (POST) and "Edit" (PATCH). Lists (e-mails, phones,
// tags) are typed comma-separated; the server's per-field errors are shown beside their field.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Contact, Tie } from '../../../src/domain/types';
import { useFocusFirstInvalid } from '../hooks';
import { api, fieldErrors, keys, messageOf, type ContactInput } from '../api';
import { splitList } from '../format';
import { TIE_HINT, TIE_LABEL, TIES } from '../labels';
import { CheckboxField, FormError, SelectField, TextField } from './Field';

interface State {
  name: string;
  emails: string;
  phones: string;
  organisation: string;
  title: string;
  linkedinUrl: string;
  location: string;
  tags: string;
  tie: Tie;
  doNotContact: boolean;
  research: string;
}

const blank: State = {
  name: '',
  emails: '',
  phones: '',
  organisation: '',
  title: '',
  linkedinUrl: '',
  location: '',
  tags: '',
  tie: 'acquaintance',
  doNotContact: false,
  research: '',
};

function fromContact(c: Contact): State {
  return {
    name: c.name,
    emails: c.emails.join(', '),
    phones: c.phones.join(', '),
    organisation: c.organisation ?? '',
    title: c.title ?? '',
    linkedinUrl: c.linkedinUrl ?? '',
    location: c.location ?? '',
    tags: c.tags.join(', '),
    tie: c.tie,
    doNotContact: c.doNotContact,
    research: c.research ?? '',
  };
}

function toInput(s: State): ContactInput {
  const orNull = (v: string) => (v.trim() ? v.trim() : null);
  return {
    name: s.name.trim(),
    emails: splitList(s.emails),
    phones: splitList(s.phones),
    organisation: orNull(s.organisation),
    title: orNull(s.title),
    linkedinUrl: orNull(s.linkedinUrl),
    location: orNull(s.location),
    tags: splitList(s.tags),
    tie: s.tie,
    doNotContact: s.doNotContact,
    research: orNull(s.research),
  };
}

/** Folds `emails.2`-style problems into one message for the list's field, naming the bad value. */
function errorsFor(e: unknown, sent: ContactInput | null): Record<string, string> {
  const raw = fieldErrors(e);
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(raw)) {
    const m = /^(emails|phones|tags)\.(\d+)/.exec(field);
    if (m) {
      const list = m[1] as 'emails' | 'phones' | 'tags';
      const value = sent?.[list]?.[Number(m[2])];
      const text = value !== undefined ? `“${value}” ${message}` : message;
      out[list] = out[list] ? `${out[list]}; ${text}` : text;
    } else {
      const key = field.split('.')[0] ?? field;
      if (!(key in out)) out[key] = message;
    }
  }
  return out;
}

interface Props {
  contact?: Contact;
  onSaved: (c: Contact) => void;
  onCancel?: () => void;
  /** Focus the name field when the form appears. */
  autoFocus?: boolean;
  headingId?: string;
}

export function ContactForm({ contact, onSaved, onCancel, autoFocus, headingId }: Props) {
  const [s, setS] = useState<State>(() => (contact ? fromContact(contact) : blank));
  const [sent, setSent] = useState<ContactInput | null>(null);
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const orgs = useQuery({ queryKey: keys.organisations, queryFn: api.organisations.list, staleTime: 30_000 });
  const save = useMutation({
    mutationFn: (input: ContactInput) => (contact ? api.contacts.update(contact.id, input) : api.contacts.create(input)),
    onSuccess: (c) => {
      if (!contact) {
        setS(blank);
        nameRef.current?.focus();
      }
      onSaved(c);
    },
  });
  useEffect(() => {
    if (autoFocus) nameRef.current?.focus();
  }, [autoFocus]);

  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const errors = save.isError ? errorsFor(save.error, sent) : {};
  const known = ['name', 'emails', 'phones', 'organisation', 'title', 'linkedinUrl', 'location', 'tags', 'tie', 'doNotContact', 'research'];
  const unplaced = save.isError && !Object.keys(errors).some((k) => known.includes(k));
  const set =
    <K extends keyof State>(k: K) =>
    (v: State[K]) =>
      setS((prev) => ({ ...prev, [k]: v }));
  const datalistId = contact ? `orgs-${contact.id}` : 'orgs-new';

  return (
    <form
      ref={formRef}
      className="form contact-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const input = toInput(s);
        setSent(input);
        save.mutate(input);
      }}
    >
      <FormError
        error={save.isError ? (unplaced ? messageOf(save.error) : 'Some fields need another look; see the notes beside them.') : null}
      />
      <div className="form-grid">
        <TextField label="Name" required value={s.name} onChange={set('name')} error={errors.name} inputRef={nameRef} autoComplete="off" />
        <TextField
          label="E-mail addresses"
          hint="Separate several with commas."
          value={s.emails}
          onChange={set('emails')}
          error={errors.emails}
          autoComplete="off"
        />
        <TextField
          label="Phone numbers"
          hint="Separate several with commas."
          value={s.phones}
          onChange={set('phones')}
          error={errors.phones}
          autoComplete="off"
        />
        <TextField
          label="Organisation"
          value={s.organisation}
          onChange={set('organisation')}
          error={errors.organisation}
          list={datalistId}
          autoComplete="off"
        />
        <datalist id={datalistId}>
          {(orgs.data?.items ?? []).map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        <TextField label="Job title" value={s.title} onChange={set('title')} error={errors.title} autoComplete="off" />
        <TextField
          label="LinkedIn profile"
          type="url"
          hint="The full address, starting with https://"
          value={s.linkedinUrl}
          onChange={set('linkedinUrl')}
          error={errors.linkedinUrl}
          autoComplete="off"
        />
        <TextField label="Location" value={s.location} onChange={set('location')} error={errors.location} autoComplete="off" />
        <TextField
          label="Tags"
          hint="Separate with commas, e.g. ux, former colleague."
          value={s.tags}
          onChange={set('tags')}
          error={errors.tags}
          autoComplete="off"
        />
        <SelectField<Tie>
          label="How well do you know them?"
          value={s.tie}
          onChange={set('tie')}
          error={errors.tie}
          options={TIES.map((t) => ({ value: t, label: `${TIE_LABEL[t]} — ${TIE_HINT[t]}` }))}
        />
        <CheckboxField
          label="Do not contact"
          hint="They asked not to be approached; coffeechat will not suggest them."
          checked={s.doNotContact}
          onChange={set('doNotContact')}
          error={errors.doNotContact}
        />
      </div>
      <TextField
        label="Research notes"
        hint="What you know of their role, background and organisation before you ask."
        multiline
        rows={4}
        value={s.research}
        onChange={set('research')}
        error={errors.research}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : contact ? 'Save changes' : 'Add contact'}
        </button>
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
