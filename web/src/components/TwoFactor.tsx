// The TOTP second factor on the Account page (server mode): set it up by scanning a QR code (drawn
// here as SVG squares from the server's module rows: the CSP allows no data: images) or typing the
// secret, confirm with a first code, keep the ten recovery codes shown once; replace those codes or
// turn the factor off later. `EnrolFirst` is the whole screen for a user the admin requires to set
// one up: nothing else opens until they do.
import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { admin, adminKeys, fieldErrors, messageOf, twoFactorApi, twoFactorKeys } from '../api';
import { useSession } from '../auth';
import { useSignOut } from './AccountMenu';
import { LoadError, Loading } from './common';
import { CheckboxField, FormError, InlineError, Status, SubmitRow, TextField } from './Field';
import { PasswordField } from './PasswordField';
import { useFocusFirstInvalid } from '../hooks';

/** The QR code as squares on a white margin (four modules, as the standard asks). */
export function QrCode({ rows, label }: { rows: string[]; label: string }) {
  const n = rows.length;
  const margin = 4;
  const size = n + margin * 2;
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      width={size * 5}
      height={size * 5}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect x={0} y={0} width={size} height={size} fill="#fff" />
      {rows.flatMap((row, y) =>
        [...row].map((cell, x) =>
          cell === '1' ? <rect key={`${x}-${y}`} x={x + margin} y={y + margin} width={1} height={1} fill="#000" /> : null,
        ),
      )}
    </svg>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="recovery-codes">
      <p>
        <strong>Save these recovery codes now</strong> (print them or keep them in a password manager). Each one signs you in once if you
        lose your phone. They are not shown again.
      </p>
      <ul aria-label="Recovery codes" className="recovery-codes__list">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onDone}>
          I have saved them
        </button>
      </div>
    </div>
  );
}

/** Setting up: scan, type the first code, then the recovery codes. */
function Enrol({ onEnabled }: { onEnabled: () => void }) {
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useMutation({ mutationFn: () => twoFactorApi.start() });
  const confirm = useMutation({
    mutationFn: () => twoFactorApi.confirm(code.trim()),
    onSuccess: (r) => setCodes(r.recoveryCodes),
    onError: () => setCode(''),
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, confirm.error);
  const errors = confirm.isError ? fieldErrors(confirm.error) : {};

  if (codes) return <RecoveryCodes codes={codes} onDone={onEnabled} />;
  if (!start.data)
    return (
      <>
        <FormError error={start.isError ? messageOf(start.error) : null} />
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={start.isPending} onClick={() => start.mutate()}>
            {start.isPending ? 'Starting…' : 'Set up a second factor'}
          </button>
        </div>
      </>
    );
  return (
    <form
      ref={formRef}
      className="form"
      aria-label="Set up a second factor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate();
      }}
    >
      <p>Scan this code with an authenticator app (such as Aegis, Google Authenticator, 1Password or Microsoft Authenticator).</p>
      <QrCode rows={start.data.qr} label="QR code to scan with your authenticator app" />
      <p>
        Cannot scan? Type this key into the app instead: <code aria-label="Secret key">{start.data.secret}</code>
      </p>
      <FormError error={confirm.isError && !errors.code ? messageOf(confirm.error) : null} />
      <TextField
        label="Code from the app"
        hint="The six digits the app shows now."
        value={code}
        onChange={setCode}
        autoComplete="one-time-code"
        error={errors.code}
        required
      />
      <SubmitRow label="Turn on the second factor" pendingLabel="Checking…" pending={confirm.isPending} done={null} />
    </form>
  );
}

/** Replace the recovery codes, or turn the second factor off; both need a current code. */
function Manage({ left, onChanged }: { left: number; onChanged: () => void }) {
  const [mode, setMode] = useState<'none' | 'codes' | 'off'>('none');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const act = useMutation({
    mutationFn: async () => {
      if (mode === 'codes') setCodes((await twoFactorApi.recoveryCodes(code.trim())).recoveryCodes);
      else await twoFactorApi.disable(password, code.trim());
    },
    onSuccess: () => {
      setCode('');
      setPassword('');
      if (mode === 'off') onChanged();
    },
    onError: () => setCode(''),
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, act.error);
  const errors = act.isError ? fieldErrors(act.error) : {};

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          setMode('none');
          onChanged();
        }}
      />
    );
  return (
    <>
      <p>
        Your second factor is <strong>on</strong>: signing in asks for a code from your authenticator app. Recovery codes left: {left}.
      </p>
      {mode === 'none' ? (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setMode('codes')}>
            New recovery codes…
          </button>
          <button type="button" className="button button--danger-quiet" onClick={() => setMode('off')}>
            Turn off…
          </button>
        </div>
      ) : (
        <form
          ref={formRef}
          className="form confirm"
          aria-label={mode === 'codes' ? 'Replace the recovery codes' : 'Turn the second factor off'}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate();
          }}
        >
          <FormError error={act.isError && !errors.code && !errors.password ? messageOf(act.error) : null} />
          {mode === 'off' ? (
            <PasswordField
              label="Your password"
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              error={errors.password}
              required
            />
          ) : null}
          <TextField
            label="Code from the app"
            hint={mode === 'off' ? 'Or one of your recovery codes.' : 'The old recovery codes stop working.'}
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            error={errors.code}
            required
          />
          <div className="button-row">
            <button type="submit" className={mode === 'off' ? 'button button--danger' : 'button button--primary'} disabled={act.isPending}>
              {mode === 'off' ? 'Turn the second factor off' : 'Make new recovery codes'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setMode('none')}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}

/** The Account page's section. */
export function TwoFactorPanel({ onEnabled }: { onEnabled?: () => void }) {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: twoFactorKeys.status, queryFn: twoFactorApi.status });
  const [done, setDone] = useState<string | null>(null);
  const refresh = (message: string) => {
    setDone(message);
    void qc.invalidateQueries({ queryKey: twoFactorKeys.status });
  };
  return (
    <section className="panel" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Second factor</h2>
      <Status message={done} />
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <LoadError error={status.error} retry={() => void status.refetch()} />
      ) : status.data.enabled ? (
        <Manage left={status.data.recoveryCodesLeft} onChanged={() => refresh('Your second factor settings are saved.')} />
      ) : (
        <>
          <p>
            {status.data.required
              ? 'This server requires a second factor for your account.'
              : 'A code from an app on your phone, asked for at each sign-in after your password, keeps your account safe even if your password leaks.'}
          </p>
          <Enrol
            onEnabled={() => {
              refresh('Your second factor is on.');
              onEnabled?.();
            }}
          />
        </>
      )}
    </section>
  );
}

/** What a user the admin requires to have a second factor sees, on every page, until they set one up. */
export function EnrolFirst() {
  const { reload } = useSession();
  const signOut = useSignOut();
  return (
    <div className="page page--narrow">
      <h1>Set up a second factor</h1>
      <p className="notice">This server requires advisers and admins to use a second factor. Set it up to continue.</p>
      <TwoFactorPanel onEnabled={reload} />
      <div className="button-row">
        <button type="button" className="button button--quiet" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out
        </button>
      </div>
    </div>
  );
}

/** The Admin page's rule: advisers and admins must use a second factor; and who has one on. */
export function SecondFactorRule() {
  const qc = useQueryClient();
  const policy = useQuery({ queryKey: twoFactorKeys.policy, queryFn: admin.twoFactor });
  const users = useQuery({ queryKey: adminKeys.users, queryFn: admin.users });
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (required: boolean) => admin.setTwoFactor(required),
    onMutate: () => setDone(null),
    onSuccess: (p) => {
      qc.setQueryData(twoFactorKeys.policy, p);
      setDone(p.required ? 'Advisers and admins must now use a second factor.' : 'A second factor is now optional for everyone.');
    },
  });
  const reset = useMutation({
    mutationFn: (u: { id: string; name: string }) => admin.resetTwoFactor(u.id),
    onMutate: () => setDone(null),
    onSuccess: async (_, u) => {
      setDone(`${u.name}'s second factor is off: they sign in with their password and set up a new one.`);
      await qc.invalidateQueries({ queryKey: twoFactorKeys.policy });
    },
  });
  const on = new Set(policy.data?.enabled ?? []);
  const withOne = (users.data ?? []).filter((u) => on.has(u.id));
  return (
    <section className="panel" aria-labelledby="second-factor-rule-title">
      <h2 id="second-factor-rule-title">Second factor</h2>
      {policy.isPending ? <Loading /> : null}
      {policy.isError ? <LoadError error={policy.error} retry={() => void policy.refetch()} /> : null}
      {policy.data ? (
        <>
          <CheckboxField
            label="Advisers and admins must use a second factor"
            hint="Those without one can still sign in, but must set it up before anything else. Turn yours on first (Your account)."
            checked={save.isPending ? !!save.variables : policy.data.required}
            onChange={(required) => save.mutate(required)}
          />
          <InlineError error={save.isError ? messageOf(save.error) : reset.isError ? messageOf(reset.error) : null} />
          <Status message={done} />
          <p className="small">
            {withOne.length
              ? `Second factor on: ${withOne.map((u) => u.name || u.email).join(', ')}.`
              : 'Nobody has a second factor on yet.'}
          </p>
          {withOne.length ? (
            <ul className="plain-list" aria-label="Accounts with a second factor">
              {withOne.map((u) => (
                <li key={u.id}>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={reset.isPending}
                    onClick={() => reset.mutate({ id: u.id, name: u.name || u.email })}
                  >
                    Turn off the second factor of {u.name || u.email}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
