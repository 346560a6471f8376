/**
 * The route tree, built from the web registry (`modules.ts`). Pages load lazily; every page but
 * the public ones (the log-in page, the citizen portal) needs a session.
 */
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadModuleTexts } from './i18n';
import type { WebModule, WebRoute } from './module';
import { WEB_MODULES } from './modules';
import { MeContext, useMeQuery } from './session';
import { Loading } from './ui/Loading';
import { Shell } from './ui/Shell';

/**
 * A page loaded on first visit together with its module's UI text (the page never shows bare keys)
 * and, unless it brings its own styles (the log-in page), `ui/page-setup.ts`. The setup is asked
 * for first so that its sheets come before the page's in the document, as in Mantine's order.
 */
function lazyPage(module: WebModule, route: WebRoute): ComponentType {
  const C = lazy(async () => {
    const setup = route.ownStyles ? undefined : import('./ui/page-setup');
    const [page] = await Promise.all([route.load(), loadModuleTexts(module), setup]);
    return { default: page };
  });
  // biome-ignore lint/correctness/noComponentHookFactories: called once per route when the tree is built, never during render.
  return function Page() {
    return (
      <Suspense fallback={<Loading />}>
        <C />
      </Suspense>
    );
  };
}

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
const app = createRoute({ getParentRoute: () => root, id: 'app', component: Authenticated });
const routes = WEB_MODULES.flatMap((m) => m.routes.map((r) => ({ ...r, page: lazyPage(m, r) })));
const publicRoutes = routes
  .filter((r) => r.public)
  .map((r) => createRoute({ getParentRoute: () => root, path: r.path, component: r.page as never }));
const privateRoutes = routes
  .filter((r) => !r.public)
  .map((r) => createRoute({ getParentRoute: () => app, path: r.path, component: r.page as never }));

const routeTree = root.addChildren([...publicRoutes, app.addChildren(privateRoutes)]);

export const router = createRouter({ routeTree, defaultNotFoundComponent: NotFound, context: { queryClient: undefined as unknown } });
