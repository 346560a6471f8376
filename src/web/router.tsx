/** The route tree (code-based). Pages load lazily; every page but /login and the public /portal needs a session. */
import { lazy, Suspense, type ComponentType } from 'react';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MeContext, useMeQuery } from './session';
import { Shell } from './ui/Shell';
import { Loading } from './ui/common';

function page<T extends Record<string, ComponentType>>(load: () => Promise<T>, name: keyof T) {
  const C = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page at module load, never during render.
  return function Page() {
    return (
      <Suspense fallback={<Loading />}>
        <C />
      </Suspense>
    );
  };
}

const LoginPage = page(() => import('./features/auth/LoginPage'), 'LoginPage');
const PortalIndexPage = page(() => import('./features/portal/PortalPage'), 'PortalIndexPage');
const PortalPage = page(() => import('./features/portal/PortalPage'), 'PortalPage');
const PasswordPage = page(() => import('./features/auth/PasswordPage'), 'PasswordPage');
const DashboardPage = page(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const UnitsPage = page(() => import('./features/org/UnitsPage'), 'UnitsPage');
const UnitPage = page(() => import('./features/org/UnitPage'), 'UnitPage');
const PeoplePage = page(() => import('./features/org/PeoplePage'), 'PeoplePage');
const CalendarPage = page(() => import('./features/calendar/CalendarPage'), 'CalendarPage');
const AuditPage = page(() => import('./features/audit/AuditPage'), 'AuditPage');
const PlansPage = page(() => import('./features/plans/PlansPage'), 'PlansPage');
const PlanPage = page(() => import('./features/plans/PlanPage'), 'PlanPage');
const TasksPage = page(() => import('./features/plans/TasksPage'), 'TasksPage');
const TaskPage = page(() => import('./features/plans/TaskPage'), 'TaskPage');
const DocumentsPage = page(() => import('./features/plans/DocumentsPage'), 'DocumentsPage');
const ImportPage = page(() => import('./features/plans/ImportPage'), 'ImportPage');
const ReportsPage = page(() => import('./features/reports/ReportsPage'), 'ReportsPage');
const CyclePage = page(() => import('./features/reports/CyclePage'), 'CyclePage');
const UnitReportPage = page(() => import('./features/reports/UnitReportPage'), 'UnitReportPage');
const TemplatePage = page(() => import('./features/reports/TemplatePage'), 'TemplatePage');
const AgencyReportPage = page(() => import('./features/reports/AgencyReportPage'), 'AgencyReportPage');
const ReceptionPage = page(() => import('./features/reception/ReceptionPage'), 'ReceptionPage');
const CasesPage = page(() => import('./features/cases/CasesPage'), 'CasesPage');
const OversightPage = page(() => import('./features/cases/OversightPage'), 'OversightPage');
const CasePage = page(() => import('./features/cases/CasePage'), 'CasePage');

function NotFound() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Stack align="center">
        <Title order={2}>{t('app.notFound')}</Title>
        <Text c="dimmed">{t('app.notFoundHint')}</Text>
        <Button component={Link} to="/">
          {t('app.home')}
        </Button>
      </Stack>
    </Center>
  );
}

/** Everything behind the log-in: the shell, or a redirect to /login. */
function Authenticated() {
  const me = useMeQuery();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (me.isLoading) return <Loading />;
  if (!me.data) return <Navigate to="/login" />;
  if (me.data.user.mustChangePassword && path !== '/account/password') return <Navigate to="/account/password" />;
  return (
    <MeContext.Provider value={me.data}>
      <Shell>
        <Outlet />
      </Shell>
    </MeContext.Provider>
  );
}

const root = createRootRoute({ component: Outlet, notFoundComponent: NotFound });
const login = createRoute({ getParentRoute: () => root, path: '/login', component: LoginPage });
// The public citizen portal: outside the log-in, no session needed.
const portalIndex = createRoute({ getParentRoute: () => root, path: '/portal', component: PortalIndexPage });
const portal = createRoute({ getParentRoute: () => root, path: '/portal/$agency', component: PortalPage });
const app = createRoute({ getParentRoute: () => root, id: 'app', component: Authenticated });
const r = (path: string, component: ComponentType) => createRoute({ getParentRoute: () => app, path, component: component as never });

const routeTree = root.addChildren([
  login,
  portalIndex,
  portal,
  app.addChildren([
    r('/', DashboardPage),
    r('/account/password', PasswordPage),
    r('/org/units', UnitsPage),
    r('/org/units/$id', UnitPage),
    r('/org/people', PeoplePage),
    r('/calendar', CalendarPage),
    r('/audit', AuditPage),
    r('/plans', PlansPage),
    r('/plans/tasks', TasksPage),
    r('/plans/documents', DocumentsPage),
    r('/plans/import', ImportPage),
    r('/plans/$id', PlanPage),
    r('/plans/$planId/tasks/$id', TaskPage),
    r('/reports', ReportsPage),
    r('/reports/$id', CyclePage),
    r('/reports/$id/agency', AgencyReportPage),
    r('/reports/$id/template', TemplatePage),
    r('/reports/$id/units/$unitId', UnitReportPage),
    r('/reception', ReceptionPage),
    r('/cases', CasesPage),
    r('/cases/oversight', OversightPage),
    r('/cases/$id', CasePage),
  ]),
]);

export const router = createRouter({ routeTree, defaultNotFoundComponent: NotFound, context: { queryClient: undefined as unknown } });
