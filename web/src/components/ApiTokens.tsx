// Account → API tokens (server mode): make a token for a script or for the CLI talking to this
// server (`coffeechat --server URL --token TOKEN`), see it once to copy it, list the tokens by name
// and prefix with their scope, expiry and last use, and revoke one (confirmed first, since the
// scripts using it stop at once).
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldErrors, messageOf, tokensApi, tokensKey, type TokenScope, type TokenView } from '../api';
import { useFormatters } from '../format';
import { useFocusFirstInvalid } from '../hooks';
import { LoadError, Loading } from './common';
import { FormError, InlineError, SelectField, Status, SubmitRow, TextField } from './Field';

const SCOPES: { value: TokenScope; label: string }[] = [
  { value: 'read', label: 'Read only' },
  { value: 'write', label: 'Read and change' },
];
const SCOPE_LABEL: Record<TokenScope, string> = { read: 'Read only', write: 'Read and change' };

/** Expiry choices in days; '' is never. */
const EXPIRY: { value: string; label: string }[] = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'One year' },
  { value: '', label: 'Never' },
];

export function ApiTokens() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: tokensKey, queryFn: tokensApi.list });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [days, setDays] = useState('90');
  const [made, setMade] = useState<(TokenView & { token: string }) | null>(null);
  const create = useMutation({
    mutationFn: () => tokensApi.create({ name: name.trim(), scope, expiresInDays: days ? Number(days) : null }),
    onMutate: () => setMade(null),
    onSuccess: async (t) => {
      setMade(t);
      setName('');
      await qc.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, create.error);
  const errors = create.isError ? fieldErrors(create.error) : {};

  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p>
        A token lets a script, or the coffeechat command line on another computer, use your account on this server without your password:{' '}
        <code>coffeechat --server ADDRESS --token TOKEN today</code>. A read-only token can look but not change anything. Anyone holding a
        token can act as you within its scope, so keep it secret and revoke it when you no longer need it.
      </p>
      <form
        ref={formRef}
        className="form"
        aria-label="Make an API token"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <FormError error={create.isError && !errors.name && !errors.scope && !errors.expiresInDays ? messageOf(create.error) : null} />
        <div className="form-grid">
          <TextField
            label="Token name"
            hint="What it is for, e.g. “laptop” or “nightly export”."
            value={name}
            onChange={setName}
            error={errors.name}
            maxLength={80}
            autoComplete="off"
            required
          />
          <SelectField<TokenScope> label="Access" value={scope} onChange={setScope} options={SCOPES} error={errors.scope} />
          <SelectField<string> label="Expires after" value={days} onChange={setDays} options={EXPIRY} error={errors.expiresInDays} />
        </div>
        <SubmitRow
          label="Make a token"
          pendingLabel="Making…"
          pending={create.isPending}
          done={made ? `Token “${made.name}” made.` : null}
        />
      </form>
      {made ? <NewToken token={made.token} onDone={() => setMade(null)} /> : null}

      <h3>Your tokens</h3>
      {list.isPending ? <Loading what="Loading your tokens" /> : null}
      {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? <p className="muted">You have no API tokens.</p> : null}
      {list.data && list.data.length > 0 ? <TokenTable tokens={list.data} /> : null}
    </section>
  );
}

/** The token itself, this once: copy it now or make another. */
function NewToken({ token, onDone }: { token: string; onDone: () => void }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setStatus('Copied the token.');
    } catch {
      ref.current?.select();
      setStatus('Could not copy automatically; the token is selected, so press Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <div className="notice" role="group" aria-label="The new token, shown once">
      <div className="field">
        <label htmlFor={id}>Your new token</label>
        <p className="hint" id={`${id}-hint`}>
          Copy it now: it is not shown again. Only a fingerprint of it is kept, so nobody can look it up later, not even an admin.
        </p>
        <div className="calendar-feed__url">
          <input
            id={id}
            ref={ref}
            type="text"
            readOnly
            value={token}
            aria-describedby={`${id}-hint`}
            spellCheck={false}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            Copy<span className="visually-hidden"> the new token</span>
          </button>
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="button button--quiet" onClick={onDone}>
          I have copied it
        </button>
      </div>
      <Status message={status} />
    </div>
  );
}

function TokenTable({ tokens }: { tokens: TokenView[] }) {
  const f = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Your API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Access</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{SCOPE_LABEL[t.scope]}</td>
              <td>{t.expired ? `Expired ${f.date(t.expiresAt)}` : t.expiresAt ? f.date(t.expiresAt) : 'Never'}</td>
              <td>{t.lastUsedAt ? f.dateTime(t.lastUsedAt) : 'Never used'}</td>
              <td>
                <Revoke token={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Revoke({ token }: { token: TokenView }) {
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => tokensApi.revoke(token.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
  if (!confirming)
    return (
      <button type="button" className="button button--danger-quiet button--small" aria-expanded={false} onClick={() => setConfirming(true)}>
        Revoke…<span className="visually-hidden"> the token {token.name}</span>
      </button>
    );
  return (
    <div className="confirm" role="group" aria-label={`Revoke the token ${token.name}?`}>
      <p>Scripts using “{token.name}” stop working at once.</p>
      <div className="button-row">
        <button type="button" className="button button--danger button--small" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
          {revoke.isPending ? 'Revoking…' : `Yes, revoke “${token.name}”`}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
      <InlineError error={revoke.isError ? messageOf(revoke.error) : null} />
    </div>
  );
}
