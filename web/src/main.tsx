// Entry point: the query cache, the routes, and the shell.
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { accounts, api, ApiError, keys, type SessionView } from './api';
import { SessionProvider } from './auth';
import { Layout } from './components/Layout';
import { TodayPage } from './pages/Today';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // A 4xx will not get better by asking again; network hiccups might.
      retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

function RouteError() {
  const e = useRouteError();
  const message = isRouteErrorResponse(e) ? `${e.status} ${e.statusText}` : e instanceof Error ? e.message : 'Unknown error';
  return (
    <main id="main" className="page">
      <h1>Something went wrong</h1>
      <p>This page failed to show: {message}</p>
      <p>
        <Link to="/">Go to Today</Link> or reload the page.
      </p>
    </main>
  );
}

// Today is the home page and comes with the first script; every other page is its own chunk,
// fetched on the first visit to it, so that the first visit downloads and parses only what Today needs.
const page =
  <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  async () => ({ Component: (await load())[name] });

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <TodayPage /> },
      { path: '/contacts', lazy: page(() => import('./pages/Contacts'), 'ContactsPage') },
      { path: '/contacts/duplicates', lazy: page(() => import('./pages/Duplicates'), 'DuplicatesPage') },
      { path: '/contacts/:id', lazy: page(() => import('./pages/ContactPage'), 'ContactPage') },
      { path: '/import', lazy: page(() => import('./pages/Import'), 'ImportPage') },
      { path: '/campaigns', lazy: page(() => import('./pages/Campaigns'), 'CampaignsPage') },
      { path: '/campaigns/:id', lazy: page(() => import('./pages/CampaignPage'), 'CampaignPage') },
      { path: '/interviews', lazy: page(() => import('./pages/Interviews'), 'InterviewsPage') },
      { path: '/interviews/:id/draft', lazy: page(() => import('./pages/Draft'), 'DraftPage') },
      { path: '/interviews/:id/live', lazy: page(() => import('./pages/Live'), 'LivePage') },
      { path: '/interviews/:id/prep', lazy: page(() => import('./pages/Prep'), 'PrepPage') },
      { path: '/interviews/:id/next-person', lazy: page(() => import('./pages/NextPerson'), 'NextPersonPage') },
      { path: '/interviews/:id', lazy: page(() => import('./pages/InterviewPage'), 'InterviewPage') },
      { path: '/network', lazy: page(() => import('./pages/Network'), 'NetworkPage') },
      { path: '/insights', lazy: page(() => import('./pages/Insights'), 'InsightsPage') },
      { path: '/settings', lazy: page(() => import('./pages/Settings'), 'SettingsPage') },
      { path: '/login', lazy: page(() => import('./pages/Login'), 'LoginPage') },
      { path: '/setup', lazy: page(() => import('./pages/Setup'), 'SetupPage') },
      { path: '/register', lazy: page(() => import('./pages/Register'), 'RegisterPage') },
      { path: '/reset', lazy: page(() => import('./pages/Reset'), 'ResetPage') },
      { path: '/account', lazy: page(() => import('./pages/Account'), 'AccountPage') },
      { path: '/admin', lazy: page(() => import('./pages/Admin'), 'AdminPage') },
      { path: '/cohort', lazy: page(() => import('./pages/Cohort'), 'CohortPage') },
      { path: '/adviser/campaigns/:id', lazy: page(() => import('./pages/AdviserCampaign'), 'AdviserCampaignPage') },
      { path: '*', lazy: page(() => import('./pages/NotFound'), 'NotFoundPage') },
    ],
  },
]);

/**
 * Opening on Today, the server has already sent for the session and Today's data with the page
 * (a `Link: rel=preload` header, src/server/app.ts), so they are here or nearly: waiting a moment
 * for them lets React build the page once, instead of a "Loading" page three times over. Never
 * longer than `patience` ms, and never failing: without an answer the app starts as usual.
 */
async function firstAnswers(patience: number): Promise<SessionView | null> {
  const answers = (async () => {
    const session = await accounts.session();
    const seesToday = !session.accounts || (session.user?.role === 'member' && !session.enrolSecondFactor);
    if (window.location.pathname === '/' && seesToday)
      await Promise.all([
        queryClient.prefetchQuery({ queryKey: keys.overview, queryFn: api.overview }),
        queryClient.prefetchQuery({ queryKey: [...keys.today, 'first'], queryFn: () => api.today() }),
      ]);
    return session;
  })().catch(() => null);
  return Promise.race([answers, new Promise<null>((resolve) => setTimeout(() => resolve(null), patience))]);
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
void firstAnswers(400).then((session) =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionProvider initial={session}>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
