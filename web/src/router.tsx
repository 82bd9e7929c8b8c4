import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQuery } from './api/session';
import { RequirePermission } from './components/RequirePermission';
import { ActivitiesPage } from './routes/activities/ActivitiesPage';
import { ActivityDetailPage } from './routes/activities/ActivityDetailPage';
import { ActivityFormPage } from './routes/activities/ActivityFormPage';
import { parseActivitiesSearch, parseFocusSearch } from './routes/activities/search';
import { ApiKeysPage } from './routes/api-keys/ApiKeysPage';
import { AuditPage } from './routes/audit/AuditPage';
import { HelpIndexPage } from './routes/help/HelpIndexPage';
import { HelpTopicPage } from './routes/help/HelpTopicPage';
import { HomePage } from './routes/home/HomePage';
import { OpenFrame, OpenLayout, PublicLayout, SignedInLayout } from './routes/layouts';
import { NotFoundPage } from './routes/NotFoundPage';
import { OrganizationPage } from './routes/organization/OrganizationPage';
import { OutboxPage } from './routes/outbox/OutboxPage';
import { PeoplePage } from './routes/people/PeoplePage';
import { NewProviderPage } from './routes/providers/NewProviderPage';
import { ProviderDetailPage } from './routes/providers/ProviderDetailPage';
import { ProvidersPage } from './routes/providers/ProvidersPage';
import { ForgotPasswordPage } from './routes/public/ForgotPasswordPage';
import { InvitationPage } from './routes/public/InvitationPage';
import { LoginPage, safeRedirect } from './routes/public/LoginPage';
import { ResetPasswordPage } from './routes/public/ResetPasswordPage';
import { UploadDetailPage } from './routes/uploads/UploadDetailPage';
import { UploadsPage } from './routes/uploads/UploadsPage';

export type RouterContext = { queryClient: QueryClient };

const tokenSearch = (search: Record<string, unknown>) => ({
  token: typeof search.token === 'string' ? search.token : '',
});

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  // Unknown addresses render outside the layouts of the tree; give them the open frame by hand.
  notFoundComponent: () => (
    <OpenFrame>
      <NotFoundPage />
    </OpenFrame>
  ),
});

// ---- pages used without signing in -------------------------------------------------------------

const publicRoute = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicLayout });

const loginRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: function LoginRoute() {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirect={target} />;
  },
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={resetPasswordRoute.useSearch().token} />;
  },
});

const invitationRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/invitation',
  validateSearch: tokenSearch,
  component: function InvitationRoute() {
    return <InvitationPage token={invitationRoute.useSearch().token} />;
  },
});

// ---- pages for everyone, in the app frame when signed in -----------------------------------------

const openRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'open',
  beforeLoad: ({ context }) => context.queryClient.ensureQueryData(meQuery).then(() => undefined),
  component: OpenLayout,
});

const outboxRoute = createRoute({ getParentRoute: () => openRoute, path: '/outbox', component: OutboxPage });
const helpRoute = createRoute({ getParentRoute: () => openRoute, path: '/help', component: HelpIndexPage });
const helpTopicRoute = createRoute({
  getParentRoute: () => openRoute,
  path: '/help/$topic',
  component: function HelpTopicRoute() {
    return <HelpTopicPage topic={helpTopicRoute.useParams().topic} />;
  },
});

// ---- pages that need a session --------------------------------------------------------------------

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: SignedInLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organization',
  component: () => (
    <RequirePermission anyOf={['org.view']} title="Organisation">
      <OrganizationPage />
    </RequirePermission>
  ),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  component: () => (
    <RequirePermission anyOf={['org.view']} title="People">
      <PeoplePage />
    </RequirePermission>
  ),
});

const providersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/providers',
  component: () => (
    <RequirePermission anyOf={['providers.view']} title="Providers">
      <ProvidersPage />
    </RequirePermission>
  ),
});

const newProviderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/providers/new',
  component: () => (
    <RequirePermission anyOf={['providers.manage']} title="New provider">
      <NewProviderPage />
    </RequirePermission>
  ),
});

const providerDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/providers/$id',
  component: function ProviderDetailRoute() {
    const { id } = providerDetailRoute.useParams();
    return (
      <RequirePermission anyOf={['providers.view']} title="Provider">
        <ProviderDetailPage id={id} />
      </RequirePermission>
    );
  },
});

const activitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities',
  validateSearch: parseActivitiesSearch,
  component: function ActivitiesRoute() {
    return (
      <RequirePermission anyOf={['activities.view', 'providers.view']} title="Activities">
        <ActivitiesPage search={activitiesRoute.useSearch()} />
      </RequirePermission>
    );
  },
});

const newActivityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/new',
  component: () => (
    <RequirePermission anyOf={['activities.edit']} title="New activity">
      <ActivityFormPage />
    </RequirePermission>
  ),
});

const activityDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/$id',
  component: function ActivityDetailRoute() {
    const { id } = activityDetailRoute.useParams();
    return (
      <RequirePermission anyOf={['activities.view', 'providers.view']} title="Activity">
        <ActivityDetailPage id={id} />
      </RequirePermission>
    );
  },
});

const editActivityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/$id/edit',
  validateSearch: parseFocusSearch,
  component: function EditActivityRoute() {
    const { id } = editActivityRoute.useParams();
    const { focus } = editActivityRoute.useSearch();
    return (
      <RequirePermission anyOf={['activities.edit']} title="Edit activity">
        <ActivityFormPage id={id} focus={focus} />
      </RequirePermission>
    );
  },
});

const uploadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/uploads',
  component: () => (
    <RequirePermission anyOf={['activities.edit', 'archive.import']} title="Uploads">
      <UploadsPage />
    </RequirePermission>
  ),
});

const uploadDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/uploads/$id',
  component: function UploadDetailRoute() {
    const { id } = uploadDetailRoute.useParams();
    return (
      <RequirePermission anyOf={['activities.edit', 'archive.import']} title="Upload">
        <UploadDetailPage id={id} />
      </RequirePermission>
    );
  },
});

const apiKeysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/api-keys',
  component: () => (
    <RequirePermission anyOf={['api.manage']} title="API keys">
      <ApiKeysPage />
    </RequirePermission>
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: () => (
    <RequirePermission anyOf={['audit.view']} title="Audit trail">
      <AuditPage />
    </RequirePermission>
  ),
});

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([loginRoute, forgotPasswordRoute, resetPasswordRoute, invitationRoute]),
  openRoute.addChildren([outboxRoute, helpRoute, helpTopicRoute]),
  appRoute.addChildren([
    homeRoute,
    organizationRoute,
    peopleRoute,
    providersRoute,
    newProviderRoute,
    providerDetailRoute,
    activitiesRoute,
    newActivityRoute,
    activityDetailRoute,
    editActivityRoute,
    uploadsRoute,
    uploadDetailRoute,
    apiKeysRoute,
    auditRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Query data is cached by TanStack Query; the router need not cache loader results too.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
