// Who is signed in. The server says once per page load (GET /session) whether it has accounts at
// all; without them (the local single-user app) nothing here shows and every page opens as
// before. With them, pages need a signed-in user: the gate sends everyone else to /login (or to
// /setup while the first admin is still to be made), and any 401 from the API does the same.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { accounts, whenSignedOut, type SessionUser, type SessionView, type UserRole } from './api';
import { LoadError, Loading } from './components/common';
import { EnrolFirst } from './components/TwoFactor';

interface SessionState {
  /** null until the server has answered. */
  session: SessionView | null;
  error: unknown;
  reload: () => void;
  /** After setup, sign-in or registration: the server has set the session cookie for `user`. */
  signedIn: (user: SessionUser) => void;
  /**
   * After sign-out, account deletion, or a 401: forget the user and everything shown for them.
   * The gate then opens the sign-in page, which shows `notice` (a sign-out the user asked for
   * starts afresh there; a lost session comes back to the page it was on).
   */
  signedOut: (notice?: string) => void;
  /** What the sign-in page says first, e.g. "You are signed out." */
  notice: string | null;
}

const SessionContext = createContext<SessionState | null>(null);

/** `initial`: the session as main.tsx already read it, if it did (then it is not asked again). */
export function SessionProvider({ children, initial = null }: { children: ReactNode; initial?: SessionView | null }) {
  const qc = useQueryClient();
  const [session, setSession] = useState<SessionView | null>(initial);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(() => {
    setError(null);
    accounts.session().then(setSession, setError);
  }, []);
  const known = useRef(initial !== null);
  useEffect(() => {
    if (!known.current) reload();
  }, [reload]);

  const signedIn = useCallback(
    (user: SessionUser) => {
      // Nothing cached for someone else (or for nobody) may show to this user.
      qc.clear();
      setNotice(null);
      const signed: SessionView = { accounts: true, setupNeeded: false, user };
      // An adviser or admin may first have to set up a second factor: the server's session says so.
      if (user.role === 'adviser' || user.role === 'admin') accounts.session().then(setSession, () => setSession(signed));
      else setSession(signed);
    },
    [qc],
  );
  const signedOut = useCallback((message?: string) => {
    setNotice(message ?? null);
    setSession((s) => (s?.user ? { ...s, user: null } : s));
  }, []);

  // Once signed out, the pages that showed the user's data are gone (the gate replaced them), so
  // their cached answers can go too: the next person at this browser must not see them.
  const userId = session?.user?.id ?? null;
  useEffect(() => {
    if (session?.accounts && !userId) qc.clear();
  }, [session?.accounts, userId, qc]);

  useEffect(() => {
    whenSignedOut(() => signedOut());
    return () => whenSignedOut(null);
  }, [signedOut]);

  const value = useMemo(
    () => ({ session, error, reload, signedIn, signedOut, notice }),
    [session, error, reload, signedIn, signedOut, notice],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession needs a SessionProvider around the app.');
  return s;
}

/** The signed-in user, or null (always null in the local app). */
export function useUser(): SessionUser | null {
  return useSession().session?.user ?? null;
}

/** Where a user starts after signing in. */
export function homeOf(role: UserRole): string {
  if (role === 'admin') return '/admin';
  if (role === 'adviser') return '/cohort';
  return '/';
}

/** `?next=` only ever names a page of this app, never another site. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

/** Pages for people who are not signed in. */
const SIGN_IN_PAGES = ['/login', '/setup', '/register', '/reset'];
/** Pages that only mean something on a server with accounts. */
const ACCOUNT_PAGES = [...SIGN_IN_PAGES, '/account', '/admin'];

/**
 * Shows the page when the session allows it and redirects otherwise. The local app (no accounts)
 * shows every page as it always has, and has no sign-in or account pages.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { session, error, reload, notice } = useSession();
  const location = useLocation();
  const path = location.pathname.replace(/\/+$/, '') || '/';

  if (error) {
    return (
      <div className="page">
        <h1>coffeechat</h1>
        <LoadError error={error} retry={reload} />
      </div>
    );
  }
  if (!session) return <Loading />;

  if (!session.accounts) return ACCOUNT_PAGES.includes(path) ? <Navigate to="/" replace /> : children;
  if (session.setupNeeded) return path === '/setup' ? children : <Navigate to="/setup" replace />;
  if (!session.user) {
    if (SIGN_IN_PAGES.includes(path) && path !== '/setup') return children;
    const here = location.pathname + location.search;
    const to = here === '/' || notice ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  // Signed in: the sign-in pages have nothing to offer (a reset link still works). This is also
  // how a sign-in, registration or setup moves on: to where the user was going, or their start.
  if (SIGN_IN_PAGES.includes(path) && path !== '/reset') {
    const next = safeNext(new URLSearchParams(location.search).get('next'));
    return <Navigate to={next ?? homeOf(session.user.role)} replace />;
  }
  if (session.enrolSecondFactor) return <EnrolFirst />;
  return children;
}
