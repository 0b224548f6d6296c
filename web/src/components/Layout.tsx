// The shell around every page: skip link, header with the primary navigation (a disclosure menu
// on a phone), the main landmark, global keyboard shortcuts and their help.
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { isTyping } from '../hooks';
import { SessionGate, useSession } from '../auth';
import { AccountNavItems } from './AccountMenu';
import { AnnouncerProvider } from './Announcer';

const NAV = [
  { to: '/', label: 'Today', key: 't' },
  { to: '/contacts', label: 'Contacts', key: 'c' },
  { to: '/campaigns', label: 'Campaigns', key: 'a' },
  { to: '/interviews', label: 'Interviews', key: 'i' },
  { to: '/network', label: 'Network', key: 'w' },
  { to: '/insights', label: 'Insights', key: 'n' },
  { to: '/settings', label: 'Settings', key: 's' },
] as const;

const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['/'], what: 'Search contacts' },
  { keys: ['n'], what: 'New contact (on Contacts) or new campaign (on Campaigns)' },
  ...NAV.map((n) => ({ keys: ['g', n.key], what: `Go to ${n.label}` })),
  { keys: ['?'], what: 'Show this list' },
];

export function Layout() {
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const helpRef = useRef<HTMLDialogElement>(null);
  const shownPath = useRef(location.pathname);
  const { session } = useSession();
  // On a server with accounts, someone not signed in sees only the sign-in pages: no navigation.
  const signedOut = session?.accounts === true && !session.user;

  // Close the phone menu and move focus to the new page's heading after client-side navigation,
  // so that screen-reader and keyboard users start at the top of what changed.
  useEffect(() => {
    setMenuOpen(false);
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    // Wait for the page to finish loading, so that the heading focused is the one that stays.
    const started = Date.now();
    let raf = 0;
    const tryFocus = () => {
      const main = document.getElementById('main');
      if (main?.querySelector('.loading') && Date.now() - started < 3000) {
        raf = window.requestAnimationFrame(tryFocus);
        return;
      }
      const h1 = main?.querySelector<HTMLElement>('h1');
      const active = document.activeElement;
      // A page that already put the focus somewhere on purpose (a form's first field) keeps it.
      const placed = active && active !== main && main?.contains(active);
      if (h1 && !placed && !(location.state as { keepFocus?: boolean } | null)?.keepFocus) {
        h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: true });
      }
    };
    raf = window.requestAnimationFrame(tryFocus);
    return () => window.cancelAnimationFrame(raf);
  }, [location.pathname]);

  // Global shortcuts, in the capture phase so that a "g" sequence wins over a page's own keys.
  useEffect(() => {
    let gAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
      if (document.querySelector('dialog[open]')) return;
      const now = Date.now();
      if (gAt && now - gAt < 1200) {
        gAt = 0;
        const item = NAV.find((n) => n.key === e.key);
        if (item) {
          e.preventDefault();
          e.stopPropagation();
          void navigate(item.to);
        }
        return;
      }
      if (e.key === 'g') {
        gAt = now;
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if (e.key === '/') {
        e.preventDefault();
        e.stopPropagation();
        const search = document.querySelector<HTMLInputElement>('[data-search]');
        if (search) search.focus();
        else void navigate('/contacts', { state: { focusSearch: true, keepFocus: true } });
        return;
      }
      if (e.key === '?') {
        e.preventDefault();
        e.stopPropagation();
        helpRef.current?.showModal();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [navigate]);

  return (
    <AnnouncerProvider>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span aria-hidden="true" className="brand__mark">
              ☕
            </span>
            coffeechat
          </Link>
          {signedOut ? null : (
            <>
              <button
                type="button"
                className="nav-toggle"
                aria-expanded={menuOpen}
                aria-controls="primary-nav"
                onClick={() => setMenuOpen((o) => !o)}
              >
                Menu
              </button>
              <nav aria-label="Primary" id="primary-nav" className={'primary-nav' + (menuOpen ? ' is-open' : '')}>
                <ul>
                  {NAV.map((n) => (
                    <li key={n.to}>
                      <NavLink to={n.to} end={n.to === '/'}>
                        {n.label}
                      </NavLink>
                    </li>
                  ))}
                  <AccountNavItems />
                </ul>
              </nav>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <SessionGate>
          <Outlet />
        </SessionGate>
      </main>
      <footer className="site-footer">
        <p>
          {session?.accounts
            ? 'Your data is yours: only you, and advisers you share a campaign with, can see it.'
            : 'Your data stays in your own database.'}{' '}
          <button type="button" className="link-button" onClick={() => helpRef.current?.showModal()}>
            Keyboard shortcuts
          </button>
        </p>
      </footer>
      <dialog ref={helpRef} className="dialog" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p className="muted">Shortcuts never fire while you are typing in a field.</p>
        <dl className="shortcut-list">
          {SHORTCUTS.map((k) => (
            <div key={k.keys.join(' ')}>
              <dt>
                {k.keys.map((key, i) => (
                  <span key={i}>
                    {i > 0 ? ' then ' : ''}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{k.what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
      <ScrollRestoration />
    </AnnouncerProvider>
  );
}
