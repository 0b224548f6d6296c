// Joining a server by invitation: the link an admin sent opens this page with ?invitation=….
// A used, expired or unknown invitation and an e-mail already taken get the same answer from the
// server, so this page cannot be used to find out who has an account.
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { accounts, fieldErrors, messageOf } from '../api';
import { useSession } from '../auth';
import { FormError, SubmitRow, TextField } from '../components/Field';
import { NEW_PASSWORD_HINT, PasswordField } from '../components/PasswordField';
import { useFocusFirstInvalid, usePageTitle } from '../hooks';

const FIELDS = ['email', 'name', 'password'];

export function RegisterPage() {
  usePageTitle('Create your account');
  const [params] = useSearchParams();
  const invitation = params.get('invitation')?.trim() ?? '';
  return (
    <div className="page page--narrow">
      <h1>Create your account</h1>
      {invitation ? (
        <RegisterForm invitation={invitation} />
      ) : (
        <p className="notice">
          Accounts on this server are by invitation. Open the link from your invitation, or ask the person who runs this server to invite
          you. <Link to="/login">Sign in</Link> if you already have an account.
        </p>
      )}
    </div>
  );
}

function RegisterForm({ invitation }: { invitation: string }) {
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const register = useMutation({
    mutationFn: () => accounts.register({ invitation, email: email.trim(), name: name.trim(), password }),
    // The gate then moves on to the user's start page.
    onSuccess: ({ user }) => signedIn(user),
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, register.error);
  const errors = register.isError ? fieldErrors(register.error) : {};
  const unplaced = register.isError && !FIELDS.some((k) => k in errors);

  return (
    <form
      ref={formRef}
      className="form panel"
      aria-label="Create your account"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        register.mutate();
      }}
    >
      <p className="muted">Use the e-mail address the invitation was sent to.</p>
      <FormError
        error={
          register.isError ? (unplaced ? messageOf(register.error) : 'The account was not made; see the notes beside the fields.') : null
        }
      />
      <TextField label="E-mail" type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="username" required />
      <TextField label="Your name" value={name} onChange={setName} error={errors.name} autoComplete="name" required />
      <PasswordField
        label="Password"
        hint={NEW_PASSWORD_HINT}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        error={errors.password}
        required
      />
      <SubmitRow label="Create the account" pendingLabel="Creating the account…" pending={register.isPending} done={null} />
    </form>
  );
}
