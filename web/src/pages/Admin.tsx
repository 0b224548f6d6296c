// Accounts administration (server mode, admins only): invite people with a role, copy or revoke
// the invitation links, change a user's role, disable or re-enable an account, and make a
// password-reset link. Admins manage accounts, never what members write: nothing here reads it.
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { admin, adminKeys, ApiError, fieldErrors, messageOf, type AdminUserView, type InvitationView, type UserRole } from '../api';
import { useUser } from '../auth';
import { ROLE_LABEL } from '../components/AccountMenu';
import { SecondFactorRule } from '../components/TwoFactor';
import { EmptyState, LoadError, Loading } from '../components/common';
import { FormError, InlineError, SelectField, Status, SubmitRow, TextField } from '../components/Field';
import { useFormatters } from '../format';
import { useFocusFirstInvalid, usePageTitle } from '../hooks';

/** The roles an admin hands out; `owner` belongs to the local app only. */
const ROLES: UserRole[] = ['member', 'adviser', 'admin'];
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

/** What a page for admins shows to everyone else. */
export function AdminsOnly() {
  return (
    <div className="page page--narrow">
      <h1>Admins only</h1>
      <p className="notice">
        This page manages accounts and invitations, so only an admin of this server can open it. If you need an account changed, ask an
        admin.
      </p>
      <p>
        <Link to="/">Go to Today</Link>
      </p>
    </div>
  );
}

export function AdminPage() {
  usePageTitle('Admin');
  const user = useUser();
  if (!user || user.role !== 'admin') return <AdminsOnly />;
  return (
    <div className="page">
      <h1>Accounts</h1>
      <p className="lede">Invite job seekers and advisers, and manage their accounts. What they keep in coffeechat stays theirs.</p>
      <Invitations />
      <Users selfId={user.id} />
      <SecondFactorRule />
    </div>
  );
}

/** A link to hand to someone, with a Copy button (or the text selected when copying is not allowed). */
function CopyLink({ label, url }: { label: string; url: string }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Copied.');
    } catch {
      ref.current?.select();
      setStatus('Could not copy automatically; the link is selected, so press Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="calendar-feed__url">
        <input id={id} ref={ref} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <Status message={status} />
    </div>
  );
}

function forbiddenOr(e: unknown) {
  return e instanceof ApiError && e.status === 403 ? <AdminsOnly /> : null;
}

function Invitations() {
  const qc = useQueryClient();
  const f = useFormatters();
  const list = useQuery({ queryKey: adminKeys.invitations, queryFn: admin.invitations });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('member');
  const [made, setMade] = useState<InvitationView | null>(null);
  /** The open invitation whose link is shown (an admin who lost it can copy it again). */
  const [shown, setShown] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () => admin.invite({ email: email.trim(), role }),
    onMutate: () => setMade(null),
    onSuccess: async (inv) => {
      setMade(inv);
      setEmail('');
      await qc.invalidateQueries({ queryKey: adminKeys.invitations });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => admin.revokeInvitation(id),
    onSuccess: async (_, id) => {
      if (made?.id === id) setMade(null);
      await qc.invalidateQueries({ queryKey: adminKeys.invitations });
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, invite.error);
  const errors = invite.isError ? fieldErrors(invite.error) : {};

  return (
    <section className="panel" aria-labelledby="inv-title">
      <h2 id="inv-title">Invitations</h2>
      <p>An invitation is a link for one person to create their account with the role you choose. Send it to them yourself.</p>
      <form
        ref={formRef}
        className="form"
        aria-label="Invite someone"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <FormError error={invite.isError && !errors.email && !errors.role ? messageOf(invite.error) : null} />
        <div className="form-grid">
          <TextField label="E-mail" type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="off" required />
          <SelectField<UserRole> label="Role" value={role} onChange={setRole} options={ROLE_OPTIONS} error={errors.role} />
        </div>
        <SubmitRow
          label="Make an invitation"
          pendingLabel="Making…"
          pending={invite.isPending}
          done={made ? `Invitation for ${made.email} made.` : null}
        />
      </form>
      {made ? <CopyLink label={`Invitation link for ${made.email}`} url={made.url} /> : null}

      <h3>Open invitations</h3>
      {list.isPending ? <Loading what="Loading the invitations" /> : null}
      {list.isError ? (forbiddenOr(list.error) ?? <LoadError error={list.error} retry={() => void list.refetch()} />) : null}
      {list.data && list.data.length === 0 ? <p className="muted">No invitation is waiting to be used.</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Open invitations</caption>
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((inv) => (
                <tr key={inv.id}>
                  <th scope="row">{inv.email}</th>
                  <td>{ROLE_LABEL[inv.role]}</td>
                  <td>{f.dateTime(inv.expiresAt)}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-expanded={shown === inv.id}
                        onClick={() => setShown((s) => (s === inv.id ? null : inv.id))}
                      >
                        Link<span className="visually-hidden"> of the invitation for {inv.email}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--danger-quiet button--small"
                        disabled={revoke.isPending && revoke.variables === inv.id}
                        onClick={() => revoke.mutate(inv.id)}
                      >
                        Revoke<span className="visually-hidden"> the invitation for {inv.email}</span>
                      </button>
                    </div>
                    {shown === inv.id ? <CopyLink label={`Link for ${inv.email}`} url={inv.url} /> : null}
                    {revoke.isError && revoke.variables === inv.id ? <InlineError error={messageOf(revoke.error)} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Users({ selfId }: { selfId: string }) {
  const list = useQuery({ queryKey: adminKeys.users, queryFn: admin.users });
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      {list.isPending ? <Loading what="Loading the users" /> : null}
      {list.isError ? (forbiddenOr(list.error) ?? <LoadError error={list.error} retry={() => void list.refetch()} />) : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState title="No users yet">
          <p>Invite someone above.</p>
        </EmptyState>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((u) => (
                <UserRow key={u.id} user={u} self={u.id === selfId} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function UserRow({ user, self }: { user: AdminUserView; self: boolean }) {
  const id = useId();
  const qc = useQueryClient();
  const [role, setRole] = useState<UserRole>(user.role);
  const [done, setDone] = useState<string | null>(null);
  const [resetUrl, setResetUrl] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (patch: { role?: UserRole; disabled?: boolean }) => admin.updateUser(user.id, patch),
    onMutate: () => setDone(null),
    onSuccess: async (u, patch) => {
      setRole(u.role);
      setDone(
        patch.role
          ? `${user.name} is now ${ROLE_LABEL[u.role].toLowerCase()}.`
          : u.disabled
            ? `${user.name} is disabled.`
            : `${user.name} is enabled.`,
      );
      await qc.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  const reset = useMutation({
    mutationFn: () => admin.resetLink(user.id),
    onMutate: () => setResetUrl(null),
    onSuccess: (r) => setResetUrl(r.url),
  });
  const error = update.isError ? messageOf(update.error) : reset.isError ? messageOf(reset.error) : null;

  return (
    <tr>
      <th scope="row">
        {user.name}
        {self ? <span className="muted"> (you)</span> : null}
      </th>
      <td>{user.email}</td>
      <td>
        {self ? (
          ROLE_LABEL[user.role]
        ) : (
          <form
            className="move"
            onSubmit={(e) => {
              e.preventDefault();
              if (role !== user.role) update.mutate({ role });
            }}
          >
            <label htmlFor={`${id}-role`} className="visually-hidden">
              Role of {user.name}
            </label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
              {ROLE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small" disabled={update.isPending || role === user.role}>
              Change<span className="visually-hidden"> the role of {user.name}</span>
            </button>
          </form>
        )}
      </td>
      <td>
        <p className="small">{user.disabled ? 'Disabled: cannot sign in.' : 'Active'}</p>
        {self ? null : (
          <div className="button-row">
            <button
              type="button"
              className={'button button--small ' + (user.disabled ? 'button--quiet' : 'button--danger-quiet')}
              disabled={update.isPending}
              onClick={() => update.mutate({ disabled: !user.disabled })}
            >
              {user.disabled ? 'Enable' : 'Disable'}
              <span className="visually-hidden"> {user.name}</span>
            </button>
            <button type="button" className="button button--quiet button--small" disabled={reset.isPending} onClick={() => reset.mutate()}>
              Password reset link<span className="visually-hidden"> for {user.name}</span>
            </button>
          </div>
        )}
        {resetUrl ? <CopyLink label={`Reset link for ${user.name}`} url={resetUrl} /> : null}
        <InlineError error={error} />
        <Status message={done} />
      </td>
    </tr>
  );
}
