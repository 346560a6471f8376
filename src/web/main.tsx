// Mantine's styles for what the first page shows (the log-in page and the shell), in the order of
// @mantine/core/styles.css; the other components' styles come with the pages (ui/page-setup.ts).
// A component the shell or the log-in page starts using needs its file here (issue #17): the log-in
// page loads without page-setup, and a sheet it imported itself would be split into a chunk that
// page-setup's download puts after its own sheets (Paper's after Card's: a card no longer flex).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/AppShell.css';
import '@mantine/core/styles/Avatar.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Indicator.css';
import '@mantine/core/styles/NavLink.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Title.css';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './ui/app.css';
import { type ComponentType, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Badge, type CSSVariablesResolver, createTheme, MantineProvider, type MantineColorsTuple } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useNotifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { i18nReady } from './i18n';
import { router } from './router';
import { setOnUnauthenticated } from './api';
import { readableOn } from './ui/contrast';

// A calm, administrative palette: deep blue for actions and links; red only for the emblem and
// for danger (errors, overdue, delete).
const danchu: MantineColorsTuple = [
  '#edf3fb',
  '#d9e4f3',
  '#b0c7e6',
  '#84a8d9',
  '#5f8dcd',
  '#4880c7',
  '#3a74bd',
  '#2c62a6',
  '#235593',
  '#154680',
];

const theme = createTheme({
  colors: { danchu },
  primaryColor: 'danchu',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: '"Be Vietnam Pro", system-ui, sans-serif',
  headings: {
    fontFamily: '"Be Vietnam Pro", system-ui, sans-serif',
    fontWeight: '600',
    sizes: { h1: { fontSize: '1.75rem' }, h2: { fontSize: '1.5rem' }, h3: { fontSize: '1.25rem' }, h4: { fontSize: '1.1rem' } },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Vietnamese reads better in sentence case than in capitals with stacked diacritics.
    // Badges carry statuses: never cut them to "Đan…" in a tight table cell or flex row.
    Badge: Badge.extend({ defaultProps: { tt: 'none' }, styles: { root: { minWidth: 'max-content', flexShrink: 0 } } }),
  },
});

/**
 * Text colours that pass WCAG 1.4.3 (issue #14 point 8): light badges and buttons (shade 9 on
 * shade 1), coloured text and outlines (on white and on the grey page), and the "dimmed" grey.
 * Each is the palette's own colour darkened only as much as needed.
 */
const readableColors: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(t.colors.gray[6], ['#ffffff', t.colors.gray[0], t.colors.gray[1]]),
    '--mantine-color-placeholder': readableOn(t.colors.gray[5], ['#ffffff'], 4.5),
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    const text = readableOn(shades[7], ['#ffffff', t.colors.gray[0], shades[0], shades[1]]);
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], [shades[1], shades[2], '#ffffff']);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    // The dark shades are the ones pages pick for text (c="red.8", "orange.9" on orange-1).
    for (const k of [8, 9] as const)
      light[`--mantine-color-${name}-${k}`] = readableOn(shades[k], ['#ffffff', t.colors.gray[0], shades[0], shades[1]]);
    // Filled badges and buttons carry white text: red-7 under white is 3.9:1.
    light[`--mantine-color-${name}-filled`] = readableOn(shades[7], ['#ffffff']);
    light[`--mantine-color-${name}-filled-hover`] = readableOn(shades[8], ['#ffffff'], 5.2);
  }
  // A field's error message under the input (Mantine's red-6 is 3.3:1 on white).
  light['--mantine-color-error'] = readableOn(t.colors.red[6], ['#ffffff', t.colors.gray[0]]);
  return { variables: {}, light, dark: {} };
};

// The toasts' container (with its transitions and styles) loads with the first toast (issue #17):
// the toast waits in the notifications store and appears when the container has loaded. A failed
// download (offline, the likely moment for an error toast) must not take the app down with it:
// the container is mounted only once loaded, and the next toast tries again.
function ToastsOnDemand() {
  const { notifications, queue } = useNotifications();
  const waiting = notifications.length + queue.length;
  const [Toasts, setToasts] = useState<ComponentType | null>(null);
  useEffect(() => {
    if (!waiting || Toasts) return;
    let live = true;
    import('./ui/Toasts').then(
      (m) => live && setToasts(() => m.Toasts),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [waiting, Toasts]);
  return Toasts ? <Toasts /> : null;
}

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
setOnUnauthenticated(() => {
  queryClient.setQueryData(['me'], null);
  if (!window.location.pathname.startsWith('/login')) void router.navigate({ to: '/login' });
});

function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={readableColors}>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <ToastsOnDemand />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} context={{ queryClient }} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

// In English the shell's texts come first (Vietnamese is in the first page already).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
