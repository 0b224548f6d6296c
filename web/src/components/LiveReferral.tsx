// Quick capture of a referral during the conversation: a name, how to reach them, and whether the
// user may say who sent them. Without a connection it waits on this device (see live-sync.ts).
import { useState, type FormEvent } from 'react';
import { fieldErrors, messageOf, type Referral } from '../api';
import type { LiveOutbox, PendingReferral } from '../live-sync';
import type { Permission } from '../../../src/domain/types';
import { FormError, TextField } from './Field';

const ASKED: { value: Permission; label: string }[] = [
  { value: 'granted', label: 'Yes' },
  { value: 'not-asked', label: 'Not asked' },
  { value: 'declined', label: 'No' },
];

export function LiveReferral({
  outbox,
  saved,
  waiting,
  onSaved,
}: {
  outbox: LiveOutbox;
  saved: Referral[];
  waiting: PendingReferral[];
  onSaved: (text: string) => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [permission, setPermission] = useState<Permission>('not-asked');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errs = fieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(new Error('Give at least a name.'));
      return;
    }
    setBusy(true);
    try {
      const r = await outbox.addReferral({
        name: name.trim(),
        permission,
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      });
      onSaved(
        r.queued
          ? `${name.trim()} is kept on this device and will be added when the connection is back.`
          : `Referral added: ${r.referral.contact.name}${r.referral.matched ? ' (already in your contacts)' : ''}.`,
      );
      setName('');
      setEmail('');
      setPhone('');
      setPermission('not-asked');
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="live-section" aria-labelledby="live-referral-title">
      <h2 id="live-referral-title">Who else should I talk to?</h2>
      {saved.length || waiting.length ? (
        <ul className="live-referrals">
          {saved.map((r) => (
            <li key={r.introduction.id}>
              <strong>{r.contact.name}</strong>{' '}
              <span className="muted">
                {r.introduction.permission === 'granted'
                  ? '· may use the name'
                  : r.introduction.permission === 'declined'
                    ? '· do not use the name'
                    : '· name not asked'}
              </span>
            </li>
          ))}
          {waiting.map((r) => (
            <li key={r.localId}>
              <strong>{r.name}</strong> <span className="muted">· waiting to sync</span>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="live-referral-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error && !errs.name && !errs.email && !errs.phone ? messageOf(error) : null} />
        <TextField label="Name" value={name} onChange={setName} error={errs.name} autoComplete="off" />
        <TextField label="E-mail" type="email" value={email} onChange={setEmail} error={errs.email} autoComplete="off" />
        <TextField label="Phone" type="tel" value={phone} onChange={setPhone} error={errs.phone} autoComplete="off" />
        <fieldset className="live-choice">
          <legend>May I use your name?</legend>
          {ASKED.map((a) => (
            <label key={a.value} className="live-choice__option">
              <input
                type="radio"
                name="live-permission"
                value={a.value}
                checked={permission === a.value}
                onChange={() => setPermission(a.value)}
              />
              {a.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary live-wide" disabled={busy}>
          Add referral
        </button>
      </form>
    </section>
  );
}
