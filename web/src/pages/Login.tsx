// Sign in (server mode). Any failure reads the same ("Wrong e-mail or password."), as the server
// answers, so the page never tells whether an account exists.
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { accounts, fieldErrors, messageOf } from '../api';
import { useSession } from '../auth';
import { FormError, SubmitRow, TextField } from '../components/Field';
import { PasswordField } from '../components/PasswordField';
import { useFocusFirstInvalid, usePageTitle } from '../hooks';

/** A message another page leaves for the sign-in page (after sign-out, deletion or a reset). */
export interface SignInNotice {
  notice?: string;
}

export function LoginPage() {
  usePageTitle('Sign in');
  const { signedIn, notice: leftBySession } = useSession();
  const location = useLocation();
  const notice = leftBySession ?? (location.state as SignInNotice | null)?.notice ?? null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // An account with a second factor answers a right password with the code step.
  const [codeStep, setCodeStep] = useState(false);
  const login = useMutation({
    mutationFn: () => accounts.login({ email: email.trim(), password }),
    // The gate then moves on from this page, to `?next=` or the user's start page.
    onSuccess: (r) => {
      setPassword('');
      if ('user' in r) signedIn(r.user);
      else setCodeStep(true);
    },
    onError: () => setPassword(''),
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, login.error);
  const errors = login.isError ? fieldErrors(login.error) : {};

  if (codeStep)
    return (
      <CodeStep
        onExpired={() => {
          login.reset();
          setCodeStep(false);
        }}
      />
    );
  return (
    <div className="page page--narrow">
      <h1>Sign in</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form
        ref={formRef}
        className="form panel"
        aria-label="Sign in"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate();
        }}
      >
        <FormError error={login.isError && !errors.email && !errors.password ? messageOf(login.error) : null} />
        <TextField label="E-mail" type="email" value={email} onChange={setEmail} autoComplete="username" error={errors.email} required />
        <PasswordField
          label="Password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <SubmitRow label="Sign in" pendingLabel="Signing in…" pending={login.isPending} done={null} />
      </form>
      <p>
        <Link to="/reset">Forgot your password?</Link>
      </p>
      <p className="muted">
        No account yet? Accounts on this server are by invitation: ask the person who runs it, or your adviser, to invite you.
      </p>
    </div>
  );
}

/** The second step for an account with a second factor: a code from the app or a recovery code. */
function CodeStep({ onExpired }: { onExpired: () => void }) {
  const { signedIn } = useSession();
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () => accounts.loginCode(code.trim()),
    onSuccess: ({ user }) => signedIn(user),
    onError: () => setCode(''),
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, verify.error);
  const message = verify.isError ? messageOf(verify.error) : null;
  return (
    <div className="page page--narrow">
      <h1>Enter your code</h1>
      <form
        ref={formRef}
        className="form panel"
        aria-label="Second factor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          verify.mutate();
        }}
      >
        <FormError error={message} />
        <TextField
          label="Code"
          hint="The six digits your authenticator app shows, or one of your recovery codes."
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          required
        />
        <SubmitRow label="Sign in" pendingLabel="Checking…" pending={verify.isPending} done={null} />
      </form>
      {message && /expired/.test(message) ? (
        <p>
          <button type="button" className="button" onClick={onExpired}>
            Start again with your password
          </button>
        </p>
      ) : null}
    </div>
  );
}
