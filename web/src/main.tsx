// Entry point: the query cache, the routes, and the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from './api';
import { SessionProvider } from './auth';
import { Layout } from './components/Layout';
import { CampaignPage } from './pages/CampaignPage';
import { CampaignsPage } from './pages/Campaigns';
import { ContactPage } from './pages/ContactPage';
import { ContactsPage } from './pages/Contacts';
import { DraftPage } from './pages/Draft';
import { DuplicatesPage } from './pages/Duplicates';
import { ImportPage } from './pages/Import';
import { InsightsPage } from './pages/Insights';
import { InterviewsPage } from './pages/Interviews';
import { LivePage } from './pages/Live';
import { InterviewPage } from './pages/InterviewPage';
import { NetworkPage } from './pages/Network';
import { NotFoundPage } from './pages/NotFound';
import { PrepPage } from './pages/Prep';
import { AccountPage } from './pages/Account';
import { AdminPage } from './pages/Admin';
import { AdviserCampaignPage } from './pages/AdviserCampaign';
import { CohortPage } from './pages/Cohort';
import { LoginPage } from './pages/Login';
import { RegisterPage } from './pages/Register';
import { ResetPage } from './pages/Reset';
import { SetupPage } from './pages/Setup';
import { SettingsPage } from './pages/Settings';
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

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <TodayPage /> },
      { path: '/contacts', element: <ContactsPage /> },
      { path: '/contacts/duplicates', element: <DuplicatesPage /> },
      { path: '/contacts/:id', element: <ContactPage /> },
      { path: '/import', element: <ImportPage /> },
      { path: '/campaigns', element: <CampaignsPage /> },
      { path: '/campaigns/:id', element: <CampaignPage /> },
      { path: '/interviews', element: <InterviewsPage /> },
      { path: '/interviews/:id/draft', element: <DraftPage /> },
      { path: '/interviews/:id/live', element: <LivePage /> },
      { path: '/interviews/:id/prep', element: <PrepPage /> },
      { path: '/interviews/:id', element: <InterviewPage /> },
      { path: '/network', element: <NetworkPage /> },
      { path: '/insights', element: <InsightsPage /> },
      { path: '/settings', element: <SettingsPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/reset', element: <ResetPage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '/admin', element: <AdminPage /> },
      { path: '/cohort', element: <CohortPage /> },
      { path: '/adviser/campaigns/:id', element: <AdviserCampaignPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
