// A person's work history: the current job first, then earlier ones. Adding or removing a role
// changes the job shown at the top of the page, which follows the open role that
// started last.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Contact, Role } from '../../../src/domain/types';
import { api, fieldErrors, keys, messageOf, type RoleInput } from '../api';
import { useFocusFirstInvalid, useRefreshAll } from '../hooks';
import { useAnnounce } from './Announcer';
import { FormError, TextField } from './Field';

const when = (r: Role) => `${r.from ?? 'start unknown'} – ${r.to ?? (r.current ? 'now' : 'end unknown')}`;
const what = (r: Role) => [r.title, r.organisation].filter(Boolean).join(' at ');

export function WorkHistory({ contact }: { contact: Contact }) {
  const roles = useQuery({ queryKey: keys.roles(contact.id), queryFn: () => api.contacts.roles(contact.id) });
  const items = roles.data?.items ?? [];
  const [adding, setAdding] = useState(false);
  return (
    <section className="work-history" aria-labelledby="work-history-title">
      <h2 id="work-history-title" className="h-small">
        Work history
      </h2>
      {roles.isPending ? (
        <p className="loading">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">No jobs recorded. A new job from an import or an edit is added here, and the old one is kept.</p>
      ) : (
        <ol className="item-list roles">
          {items.map((r) => (
            <RoleRow key={r.id} role={r} />
          ))}
        </ol>
      )}
      {adding ? (
        <AddRole contact={contact} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          Add a job
        </button>
      )}
    </section>
  );
}

function RoleRow({ role }: { role: Role }) {
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const remove = useMutation({
    mutationFn: () => api.contacts.removeRole(role.id),
    onSuccess: async () => {
      announce(`Removed ${what(role)} from the work history.`);
      await refresh();
    },
    onError: (e) => announce(messageOf(e), 'error'),
  });
  return (
    <li className="item role" data-current={role.current || undefined}>
      <p className="item__title">
        {what(role)}
        {role.current ? <span className="badge">current</span> : null}
      </p>
      <p className="muted small">{when(role)}</p>
      <div className="button-row">
        <button type="button" className="button button--small button--quiet" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Remove<span className="visually-hidden"> {what(role)}</span>
        </button>
      </div>
    </li>
  );
}

function AddRole({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const [form, setForm] = useState<Required<{ [K in keyof RoleInput]: string }>>({ organisation: '', title: '', from: '', to: '' });
  const formRef = useRef<HTMLFormElement>(null);
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const add = useMutation({
    mutationFn: () => api.contacts.addRole(contact.id, form),
    onSuccess: async (r) => {
      announce(`Added ${what(r)}${r.current ? ', now their current job' : ''}.`);
      await refresh();
      onDone();
    },
  });
  useFocusFirstInvalid(formRef, add.error);
  const errors = fieldErrors(add.error);
  const set = (k: keyof RoleInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form ref={formRef} className="form role-form" onSubmit={submit} noValidate aria-label={`Add a job for ${contact.name}`}>
      <TextField label="Organisation" value={form.organisation} onChange={set('organisation')} error={errors.organisation} />
      <TextField label="Job title" value={form.title} onChange={set('title')} error={errors.title} />
      <TextField
        label="From"
        hint="A year, month or day: 2021, 2021-04 or 2021-04-12"
        value={form.from}
        onChange={set('from')}
        error={errors.from}
      />
      <TextField label="To" hint="Leave empty for a job they still have" value={form.to} onChange={set('to')} error={errors.to} />
      <FormError error={add.error && Object.keys(errors).length === 0 ? messageOf(add.error) : null} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          Add job
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
