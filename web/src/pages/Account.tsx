// Your account (server mode): who you are signed in as, signing out, the JSON backup of
// everything you own, and deleting the account with all its data (confirmed with the password).
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { accounts, fieldErrors, messageOf } from '../api';
import { useSession, useUser } from '../auth';
import { FormError } from '../components/Field';
import { PasswordField } from '../components/PasswordField';
import { ApiTokens } from '../components/ApiTokens';
import { TwoFactorPanel } from '../components/TwoFactor';
import { useFocusFirstInvalid, usePageTitle } from '../hooks';
import { ROLE_LABEL, useSignOut } from '../components/AccountMenu';

export function AccountPage() {
  usePageTitle('Your account');
  const user = useUser();
  const signOut = useSignOut();
  if (!user) return null;
  return (
    <div className="page page--narrow">
      <h1>Your account</h1>
      <section className="panel" aria-labelledby="who-title">
        <h2 id="who-title">Signed in</h2>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{ROLE_LABEL[user.role]}</dd>
          </div>
        </dl>
        <div className="button-row">
          <button type="button" className="button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </section>
      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">Your data</h2>
        <p>
          Download everything you keep here as a coffeechat JSON backup. It can be imported into another coffeechat, on this computer or a
          server.
        </p>
        <div className="button-row">
          <a className="button" href={accounts.exportUrl} download>
            Download a JSON backup
          </a>
        </div>
      </section>
      <TwoFactorPanel />
      <ApiTokens />
      <DeleteAccount />
    </div>
  );
}

function DeleteAccount() {
  const { signedOut } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useMutation({
    mutationFn: () => accounts.deleteAccount(password),
    onSuccess: () => signedOut('Your account and everything in it are deleted.'),
    onError: () => setPassword(''),
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, remove.error);
  const errors = remove.isError ? fieldErrors(remove.error) : {};

  return (
    <section className="panel" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your account</h2>
      <p>
        Deleting the account deletes everything in it at once: contacts, campaigns, interviews, notes and shares. It cannot be undone, so
        download a backup first if you may want any of it.
      </p>
      {!open ? (
        <div className="button-row">
          <button type="button" className="button button--danger-quiet" aria-expanded={false} onClick={() => setOpen(true)}>
            Delete my account…
          </button>
        </div>
      ) : (
        <form
          ref={formRef}
          className="form confirm"
          aria-label="Confirm deleting your account"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate();
          }}
        >
          <FormError error={remove.isError && !errors.password ? messageOf(remove.error) : null} />
          <PasswordField
            label="Your password"
            hint="To make sure it is you."
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={errors.password}
            required
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete my account and all its data'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
              Keep my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
