// First run of a server with accounts: the first admin account, made with the one-time setup token
// the server printed on its console, so that whoever reaches the page first cannot take it over.
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { accounts, fieldErrors, messageOf } from '../api';
import { useSession } from '../auth';
import { FormError, SubmitRow, TextField } from '../components/Field';
import { NEW_PASSWORD_HINT, PasswordField } from '../components/PasswordField';
import { useFocusFirstInvalid, usePageTitle } from '../hooks';

const FIELDS = ['token', 'email', 'name', 'password'];

export function SetupPage() {
  usePageTitle('Set up');
  const { signedIn } = useSession();
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const setup = useMutation({
    mutationFn: () => accounts.setup({ token: token.trim(), email: email.trim(), name: name.trim(), password }),
    // The gate then moves on to the admin page.
    onSuccess: ({ user }) => signedIn(user),
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, setup.error);
  const errors = setup.isError ? fieldErrors(setup.error) : {};
  const unplaced = setup.isError && !FIELDS.some((k) => k in errors);

  return (
    <div className="page page--narrow">
      <h1>Set up coffeechat</h1>
      <p className="lede">
        Make the first admin account. The admin invites job seekers and advisers and manages their accounts, but never sees what they write.
      </p>
      <form
        ref={formRef}
        className="form panel"
        aria-label="Set up"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setup.mutate();
        }}
      >
        <FormError
          error={setup.isError ? (unplaced ? messageOf(setup.error) : 'The account was not made; see the notes beside the fields.') : null}
        />
        <TextField
          label="Setup token"
          hint="The server printed it once on its console when it first started. It works one time only."
          value={token}
          onChange={setToken}
          error={errors.token}
          autoComplete="off"
          required
        />
        <TextField label="Your name" value={name} onChange={setName} error={errors.name} autoComplete="name" required />
        <TextField label="E-mail" type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="username" required />
        <PasswordField
          label="Password"
          hint={NEW_PASSWORD_HINT}
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          error={errors.password}
          required
        />
        <SubmitRow label="Make the admin account" pendingLabel="Making the account…" pending={setup.isPending} done={null} />
      </form>
    </div>
  );
}
