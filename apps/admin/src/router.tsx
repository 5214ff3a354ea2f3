import type { OpenPatrolClient } from '@openpatrol/api-client';
import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { NotFoundPage, RouteErrorPage } from './components/error-pages.js';
import { prefetchDashboard } from './dashboard/dashboard.queries.js';
import { prefetchExecutionPage } from './executions/executions.queries.js';
import { PageLoader } from './components/states.js';
import { validateIssuesSearch } from './issues/issues-search.js';
import { validateScheduleSearch } from './schedule/schedule-search.js';
import { sessionQueryOptions } from './session/session.js';
import { validateNewTaskSearch } from './tasks/new-task-search.js';

export interface RouterContext {
  readonly queryClient: QueryClient;
  readonly api: OpenPatrolClient;
}

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

// Signed-out pages: a signed-in person who lands on one goes straight into the app.
async function redirectWhenSignedIn({ context }: { context: RouterContext }) {
  const session = await context.queryClient.ensureQueryData(sessionQueryOptions(context.api));
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router catches its redirects by design
  if (session) throw redirect({ to: '/' });
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: optionalString(search.redirect),
  }),
  beforeLoad: redirectWhenSignedIn,
  component: lazyRouteComponent(() => import('./session/sign-in-page.js'), 'SignInPage'),
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  beforeLoad: redirectWhenSignedIn,
  component: lazyRouteComponent(() => import('./session/sign-up-page.js'), 'SignUpPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(
    () => import('./session/password-reset-pages.js'),
    'ForgotPasswordPage',
  ),
});

// The paths of the links the server e-mails (`/reset-password?token=…`, `/invitations/accept?token=…`).
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: optionalString(search.token),
  }),
  component: lazyRouteComponent(
    () => import('./session/password-reset-pages.js'),
    'ResetPasswordPage',
  ),
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/accept',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: optionalString(search.token),
  }),
  component: lazyRouteComponent(
    () => import('./session/accept-invitation-page.js'),
    'AcceptInvitationPage',
  ),
});

/** Every page behind sign-in hangs under this layout, which checks the session first. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions(context.api));
    if (!session) {
      const target = location.href;
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router catches its redirects by design
      throw redirect({ to: '/sign-in', search: { redirect: target === '/' ? undefined : target } });
    }
  },
  component: lazyRouteComponent(() => import('./shell/app-layout.js'), 'AppLayout'),
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  loader: ({ context }) => prefetchDashboard(context.queryClient, context.api),
  component: lazyRouteComponent(() => import('./dashboard/dashboard-page.js'), 'DashboardPage'),
});

export interface LocationsSearch {
  search?: string;
  archived?: boolean;
}

const locationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/locations',
  validateSearch: (search: Record<string, unknown>): LocationsSearch => ({
    search: optionalString(search.search),
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('./locations/locations-page.js'), 'LocationsPage'),
});

const newLocationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/locations/new',
  component: lazyRouteComponent(() => import('./locations/location-pages.js'), 'NewLocationPage'),
});

const locationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/locations/$locationId',
  component: lazyRouteComponent(() => import('./locations/location-pages.js'), 'EditLocationPage'),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/management/api-tokens',
  component: lazyRouteComponent(() => import('./api-tokens/api-tokens-page.js'), 'ApiTokensPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('./profile/profile-page.js'), 'ProfilePage'),
});

// Screens built in parallel; each file is owned by its feature folder.
const scheduleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/schedule',
  validateSearch: validateScheduleSearch,
  component: lazyRouteComponent(() => import('./schedule/schedule-page.js'), 'SchedulePage'),
});

const newTaskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/new',
  validateSearch: validateNewTaskSearch,
  component: lazyRouteComponent(() => import('./tasks/task-editor-page.js'), 'NewTaskPage'),
});

const executionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/executions/$executionId',
  loader: ({ context, params }) =>
    prefetchExecutionPage(context.queryClient, context.api, params.executionId),
  component: lazyRouteComponent(() => import('./executions/execution-page.js'), 'ExecutionPage'),
});

const editExecutionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/executions/$executionId/edit',
  component: lazyRouteComponent(() => import('./tasks/task-editor-page.js'), 'EditTaskPage'),
});

const issuesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/issues',
  validateSearch: validateIssuesSearch,
  component: lazyRouteComponent(() => import('./issues/issues-page.js'), 'IssuesPage'),
});

const issueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/issues/$issueId',
  component: lazyRouteComponent(() => import('./issues/issue-page.js'), 'IssuePage'),
});

// Team, checklist templates (the location page carries its points).
export interface TeamSearch {
  search?: string;
  archived?: boolean;
  tab?: 'devices';
}

const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team',
  validateSearch: (search: Record<string, unknown>): TeamSearch => ({
    search: optionalString(search.search),
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    tab: search.tab === 'devices' ? 'devices' : undefined,
  }),
  component: lazyRouteComponent(() => import('./team/team-page.js'), 'TeamPage'),
});

const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team/$memberId',
  component: lazyRouteComponent(() => import('./team/member-page.js'), 'MemberPage'),
});

export interface ChecklistsSearch {
  search?: string;
  archived?: boolean;
}

const checklistsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/checklists',
  validateSearch: (search: Record<string, unknown>): ChecklistsSearch => ({
    search: optionalString(search.search),
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('./checklists/checklists-page.js'), 'ChecklistsPage'),
});

const newChecklistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/checklists/new',
  component: lazyRouteComponent(
    () => import('./checklists/checklist-pages.js'),
    'NewChecklistPage',
  ),
});

const checklistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/checklists/$checklistId',
  component: lazyRouteComponent(
    () => import('./checklists/checklist-pages.js'),
    'EditChecklistPage',
  ),
});

const alertsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/alerts',
  component: lazyRouteComponent(() => import('./alerts/alerts-page.js'), 'AlertsPage'),
});

const alertRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/management/alert-rules',
  component: lazyRouteComponent(() => import('./alerts/alert-rules-page.js'), 'AlertRulesPage'),
});

const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/management/webhooks',
  component: lazyRouteComponent(() => import('./webhooks/webhooks-page.js'), 'WebhooksPage'),
});

const webhookRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/management/webhooks/$webhookId',
  component: lazyRouteComponent(() => import('./webhooks/webhook-page.js'), 'WebhookPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('./reports/reports-page.js'), 'ReportsPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInvitationRoute,
  appRoute.addChildren([
    indexRoute,
    locationsRoute,
    newLocationRoute,
    locationRoute,
    apiTokensRoute,
    profileRoute,
    scheduleRoute,
    newTaskRoute,
    executionRoute,
    editExecutionRoute,
    issuesRoute,
    issueRoute,
    teamRoute,
    memberRoute,
    checklistsRoute,
    newChecklistRoute,
    checklistRoute,
    alertsRoute,
    alertRulesRoute,
    webhooksRoute,
    webhookRoute,
    reportsRoute,
  ]),
]);

export function createAdminRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    // Data freshness is TanStack Query's job; the router only decides what to show.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    // The router's default keeps a spinner up for at least 500 ms once shown, which made a page
    // whose data took 200 ms appear after 650 ms (measured in bench/admin-pages.bench.ts).
    defaultPendingMinMs: 0,
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAdminRouter>;
  }
}
