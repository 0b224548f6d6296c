// The mail server coffeechat sends through when the user presses Send on a draft: host, port,
// user and from address only. The password is never stored or shown; it is read from the
// COFFEECHAT_SMTP_PASSWORD environment variable of the coffeechat process when sending.
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, fieldErrors, messageOf, type AllSettings } from '../api';
import { useFocusFirstInvalid, useRefreshAll } from '../hooks';
import { FormError, Status, TextField } from './Field';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function SmtpSettings({ initial }: { initial: AllSettings }) {
  const [host, setHost] = useState(str(initial['smtp.host']));
  const [port, setPort] = useState(str(initial['smtp.port']));
  const [user, setUser] = useState(str(initial['smtp.user']));
  const [from, setFrom] = useState(str(initial['smtp.from']));
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = useRefreshAll();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: () =>
      api.settings.update({
        'smtp.host': host.trim() || null,
        'smtp.port': port.trim() || null,
        'smtp.user': user.trim() || null,
        'smtp.from': from.trim() || null,
      }),
    onMutate: () => setSaved(null),
    onSuccess: async () => {
      setSaved('Mail server saved.');
      await refresh();
    },
  });
  useFocusFirstInvalid(formRef, save.error);
  const errors = save.isError ? fieldErrors(save.error) : {};
  return (
    <form
      ref={formRef}
      className="form"
      aria-labelledby="smtp-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="smtp-title">Sending e-mail</h2>
      <p className="hint">
        Optional. With your mail server here, drafts get a Send button; without it, open them in your mail app or copy them. The password is
        never stored: start coffeechat with the COFFEECHAT_SMTP_PASSWORD environment variable set.
      </p>
      <FormError error={save.isError && !Object.keys(errors).length ? messageOf(save.error) : null} />
      <div className="form-grid">
        <TextField
          label="Server (host)"
          value={host}
          onChange={setHost}
          error={errors['smtp.host']}
          autoComplete="off"
          placeholder="mail.example.org"
        />
        <TextField
          label="Port"
          type="number"
          value={port}
          onChange={setPort}
          error={errors['smtp.port']}
          hint="587 for STARTTLS, 465 for TLS"
        />
        <TextField label="User name" value={user} onChange={setUser} error={errors['smtp.user']} autoComplete="off" />
        <TextField label="From address" type="email" value={from} onChange={setFrom} error={errors['smtp.from']} autoComplete="email" />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save mail server'}
        </button>
        <Status message={saved} />
      </div>
    </form>
  );
}
