// The signed-in user in the header (server mode only): the pages their role adds, their name
// linking to the account page, and Sign out. The local app has no user and shows none of it.
import { useMutation } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { accounts, ApiError, messageOf, type UserRole } from '../api';
import { useSession } from '../auth';
import { useAnnounce } from './Announcer';

export const ROLE_LABEL: Record<UserRole, string> = {
  owner: 'Owner',
  member: 'Member (job seeker)',
  adviser: 'Adviser',
  admin: 'Admin',
};

/** Links only some roles get, after the everyday ones. */
export const ROLE_NAV: Partial<Record<UserRole, { to: string; label: string }>> = {
  admin: { to: '/admin', label: 'Admin' },
  adviser: { to: '/cohort', label: 'Cohort' },
};

/** Ends the session on the server, forgets the user here, and goes to the sign-in page. */
export function useSignOut() {
  const { signedOut } = useSession();
  const announce = useAnnounce();
  return useMutation({
    mutationFn: async () => {
      try {
        await accounts.logout();
      } catch (e) {
        // Already signed out (expired, or ended in another tab): that is what was asked for.
        if (!(e instanceof ApiError && e.status === 401)) throw e;
      }
    },
    onSuccess: () => signedOut('You are signed out.'),
    onError: (e) => announce(`Not signed out: ${messageOf(e)}`, 'error'),
  });
}

/** List items for the primary navigation: role pages, the account, Sign out. */
export function AccountNavItems() {
  const { session } = useSession();
  const signOut = useSignOut();
  const user = session?.user;
  if (!user) return null;
  const extra = ROLE_NAV[user.role];
  return (
    <>
      {extra ? (
        <li>
          <NavLink to={extra.to}>{extra.label}</NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to="/account">
          <span className="visually-hidden">Your account: </span>
          {user.name}
        </NavLink>
      </li>
      <li>
        <button type="button" className="button button--quiet button--small" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </li>
    </>
  );
}
