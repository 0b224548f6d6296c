// Forgotten password. Without a token: ask for a reset link (the answer is the same for every
// e-mail). With ?token=… (from that link, or one an admin made): choose a new password.
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { accounts, fieldErrors, messageOf } from '../api';
import { useSession } from '../auth';
import { FormError, Status, SubmitRow, TextField } from '../components/Field';
import { NEW_PASSWORD_HINT, PasswordField } from '../components/PasswordField';
import { useFocusFirstInvalid, usePageTitle } from '../hooks';
import type { SignInNotice } from './Login';

export function ResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  usePageTitle(token ? 'Choose a new password' : 'Reset your password');
  return (
    <div className="page page--narrow">
      <h1>{token ? 'Choose a new password' : 'Reset your password'}</h1>
      {token ? <NewPasswordForm token={token} /> : <AskForLink />}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}

function AskForLink() {
  const [email, setEmail] = useState('');
  const ask = useMutation({ mutationFn: () => accounts.requestReset(email.trim()) });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, ask.error);
  const errors = ask.isError ? fieldErrors(ask.error) : {};
  return (
    <form
      ref={formRef}
      className="form panel"
      aria-label="Reset your password"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate();
      }}
    >
      <p>Enter the e-mail address of your account. If the server can send e-mail, a link to choose a new password is on its way.</p>
      <p className="muted">If no e-mail comes, ask the person who runs this server for a reset link.</p>
      <FormError error={ask.isError && !errors.email ? messageOf(ask.error) : null} />
      <TextField label="E-mail" type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="username" required />
      <SubmitRow label="Send a reset link" pendingLabel="Sending…" pending={ask.isPending} done={null} />
      <Status message={ask.data?.message} />
    </form>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const { session } = useSession();
  const [password, setPassword] = useState('');
  const confirm = useMutation({
    mutationFn: () => accounts.confirmReset(token, password),
    onSuccess: () => {
      const notice = 'Your password is changed. Sign in with the new one.';
      // Someone signed in who followed a link keeps their session; everyone else signs in anew.
      if (session?.user) void navigate('/account', { replace: true });
      else void navigate('/login', { replace: true, state: { notice } satisfies SignInNotice });
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, confirm.error);
  const errors = confirm.isError ? fieldErrors(confirm.error) : {};
  return (
    <form
      ref={formRef}
      className="form panel"
      aria-label="Choose a new password"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate();
      }}
    >
      <FormError error={confirm.isError && !errors.password ? messageOf(confirm.error) : null} />
      <PasswordField
        label="New password"
        hint={NEW_PASSWORD_HINT}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        error={errors.password}
        required
      />
      <SubmitRow label="Save the new password" pendingLabel="Saving…" pending={confirm.isPending} done={null} />
    </form>
  );
}
