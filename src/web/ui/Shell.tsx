/**
 * The application shell: header (agency, search, language, notifications, user menu) and the
 * navigation organised by the six pillars of the motto (DESIGN.md). Modules not built yet are
 * shown but disabled; administration entries appear only with their capability.
 */
import {
  type ComponentPropsWithoutRef,
  cloneElement,
  lazy,
  type ReactElement,
  type ReactNode,
  Suspense,
  startTransition,
  useState,
} from 'react';
import {
  ActionIcon,
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  Indicator,
  VisuallyHidden,
  Loader,
  NavLink,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  IconAward,
  IconBell,
  IconLanguage,
  IconLayoutDashboard,
  IconMessages,
  IconMoodSmile,
  IconSearch,
  IconShieldCheck,
  IconSpeakerphone,
  IconStars,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, qs } from '../api';
import { setLanguage } from '../i18n';
import { useMe } from '../session';
import { showToast } from './notify';
import { type NavEntry, PILLARS, type Pillar } from '../module';
import { WEB_MODULES } from '../modules';
import type { NotificationList, SearchHit } from './ShellMenus';

const I = { size: 18, stroke: 1.6 };

/** Entries of modules not built yet: shown disabled ("sắp có") until a module brings an entry with the same key. */
const PLANNED: Omit<NavEntry, 'to'>[] = [
  { pillar: 'know', key: 'nav.disclosures', icon: <IconSpeakerphone {...I} />, order: 10 },
  { pillar: 'discuss', key: 'nav.consultations', icon: <IconMessages {...I} />, order: 10 },
  { pillar: 'discuss', key: 'nav.conferences', icon: <IconUsersGroup {...I} />, order: 20 },
  { pillar: 'do', key: 'nav.exemplars', icon: <IconAward {...I} />, order: 40 },
  { pillar: 'inspect', key: 'nav.inspection', icon: <IconShieldCheck {...I} />, order: 10 },
  { pillar: 'benefit', key: 'nav.surveys', icon: <IconMoodSmile {...I} />, order: 10 },
  { pillar: 'benefit', key: 'nav.ratings', icon: <IconStars {...I} />, order: 20 },
];

type ShownEntry = Omit<NavEntry, 'to'> & { to?: string };

/** The navigation by pillar: every module's entries, and the planned ones no module provides yet. */
const NAV: { pillar: Pillar; entries: ShownEntry[] }[] = (() => {
  const built: ShownEntry[] = WEB_MODULES.flatMap((m) => m.nav ?? []);
  const keys = new Set(built.map((e) => e.key));
  const all = [...built, ...PLANNED.filter((p) => !keys.has(p.key))];
  return PILLARS.map((pillar) => ({ pillar, entries: all.filter((e) => e.pillar === pillar).sort((a, b) => a.order - b.order) }));
})();

const PILLAR_KEYS: Record<Pillar, string> = {
  know: 'nav.know',
  discuss: 'nav.discuss',
  do: 'nav.do',
  inspect: 'nav.inspect',
  supervise: 'nav.supervise',
  benefit: 'nav.benefit',
  reports: 'nav.reportsGroup',
  admin: 'nav.admin',
};

/**
 * The header's dropdowns load on first use (issue #17, `ShellMenus.tsx`): pointing at or focusing
 * a trigger starts the download, a click opens the menu once it is in. A failed download leaves
 * the trigger as it was; the next click tries again.
 */
let shellMenus: Promise<typeof import('./ShellMenus')> | null = null;
function loadShellMenus() {
  if (!shellMenus) {
    shellMenus = import('./ShellMenus');
    shellMenus.catch(() => {
      shellMenus = null;
    });
  }
  return shellMenus;
}
const prefetchShellMenus = () => void loadShellMenus().catch(() => {});
const SearchResults = lazy(async () => ({ default: (await loadShellMenus()).SearchResults }));
const NotificationsMenu = lazy(async () => ({ default: (await loadShellMenus()).NotificationsMenu }));
const UserMenuDropdown = lazy(async () => ({ default: (await loadShellMenus()).UserMenu }));

/**
 * A header menu's trigger, announced as a menu button, until its first click; then the menu
 * (`children`, which renders the same trigger). The switch is a transition: the trigger stays on
 * screen, not a fallback, while the menu mounts.
 */
function OnDemandMenu({ trigger, children }: { trigger: ReactElement<ComponentPropsWithoutRef<'button'>>; children: ReactNode }) {
  const { t } = useTranslation();
  const [used, setUsed] = useState(false);
  const failed = () => showToast({ color: 'red', title: t('app.error'), message: t('app.loadFailed') });
  const idle = cloneElement(trigger, {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    onPointerEnter: prefetchShellMenus,
    onFocus: prefetchShellMenus,
    onClick: () => void loadShellMenus().then(() => startTransition(() => setUsed(true)), failed),
  });
  return <Suspense fallback={trigger}>{used ? children : idle}</Suspense>;
}

/** The search box's id; its results are `${SEARCH_ID}-dropdown` (Mantine's Popover naming). */
const SEARCH_ID = 'danchu-search';

function SearchBox() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  /** The results' code has loaded (asked for when the box gets the focus). */
  const [reached, setReached] = useState(false);
  /** The results' dropdown exists, so the box may point to it. */
  const [ready, setReady] = useState(false);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const navigate = useNavigate();
  const enabled = debounced.length >= 2;
  const hits = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => get<SearchHit[]>(`/api/search${qs({ q: debounced })}`),
    enabled,
    staleTime: 30_000,
  });
  const go = (h: SearchHit | undefined) => {
    if (!h?.link) return;
    setQ('');
    setOpened(false);
    void navigate({ to: h.link });
  };
  const open = opened && q.trim().length >= 2;
  const expanded = open && ready;
  return (
    <>
      <TextInput
        ref={setInput}
        // A search box with a list of results: the combobox carries the popover's aria-expanded
        // (what Popover.Target would set, the popover coming later).
        id={SEARCH_ID}
        role="combobox"
        aria-autocomplete="list"
        aria-haspopup="dialog"
        aria-expanded={expanded}
        aria-controls={expanded ? `${SEARCH_ID}-dropdown` : undefined}
        aria-label={t('app.search')}
        placeholder={t('app.searchPlaceholder')}
        leftSection={hits.isFetching ? <Loader size={14} /> : <IconSearch size={16} />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setOpened(true);
        }}
        onPointerEnter={prefetchShellMenus}
        onFocus={() => {
          setOpened(true);
          // Mounted once loaded: a failed download (offline) leaves a plain box, not an error.
          loadShellMenus().then(
            () => setReached(true),
            () => {},
          );
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go(hits.data?.[0]);
          if (e.key === 'Escape') setOpened(false);
        }}
        w={{ base: 150, xs: 220, md: 340 }}
      />
      {reached ? (
        <Suspense fallback={null}>
          <SearchResults
            id={SEARCH_ID}
            anchor={input}
            opened={open}
            onChange={setOpened}
            onReady={setReady}
            enabled={enabled}
            loading={hits.isLoading}
            hits={hits.data}
            go={go}
          />
        </Suspense>
      ) : null}
    </>
  );
}

function NotificationsBell() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => get<NotificationList>('/api/notifications'),
    refetchInterval: 60_000,
  });
  const unread = list.data?.unread ?? 0;
  const trigger = (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={unread ? t('notifications.titleUnread', { count: unread }) : t('notifications.title')}
    >
      <IconBell size={20} />
    </ActionIcon>
  );
  return (
    <Indicator disabled={!unread} label={unread > 99 ? '99+' : unread} size={16} color="red" offset={4}>
      <OnDemandMenu trigger={trigger}>
        <NotificationsMenu target={trigger} list={list.data} />
      </OnDemandMenu>
    </Indicator>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    // The browser's own tooltip: Mantine's Tooltip would add ~3 kB to the first page (issue #17).
    <Button
      variant="subtle"
      color="gray"
      size="compact-sm"
      leftSection={<IconLanguage size={16} />}
      onClick={() => setLanguage(other)}
      // The accessible name starts with the visible "EN"/"VI" (WCAG 2.5.3).
      aria-label={`${other.toUpperCase()} — ${t('app.language')}: ${other === 'en' ? 'English' : 'Tiếng Việt'}`}
      title={t('app.language')}
      lang={other}
    >
      {other.toUpperCase()}
    </Button>
  );
}

function UserMenu() {
  const me = useMe();
  const { t } = useTranslation();
  const initials = me.user.fullName
    .split(' ')
    .slice(-2)
    .map((w) => w[0])
    .join('');
  const trigger = (
    // Named by its content, so the visible name is part of the accessible one (WCAG 2.5.3).
    <UnstyledButton>
      <VisuallyHidden>{`${t('auth.account')}: ${me.user.fullName}`}</VisuallyHidden>
      <Group gap={6} wrap="nowrap" aria-hidden>
        <Avatar color="blue" radius="xl" size="sm" aria-hidden>
          {initials}
        </Avatar>
        <Text size="sm" fw={500} visibleFrom="lg">
          {me.user.fullName}
        </Text>
      </Group>
    </UnstyledButton>
  );
  return (
    <OnDemandMenu trigger={trigger}>
      <UserMenuDropdown target={trigger} />
    </OnDemandMenu>
  );
}

function isActive(path: string, e: ShownEntry & { to: string }): boolean {
  if (path === e.to) return true;
  if (e.activeFor) return e.activeFor.test(path);
  return path.startsWith(`${e.to}/`);
}

function Nav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const allowed = (e: ShownEntry) =>
    !e.capability || (Array.isArray(e.capability) ? e.capability : [e.capability]).some((c) => me.capabilities.includes(c));
  return (
    <Box component="nav" aria-label={t('nav.label')}>
      <NavLink
        component={Link}
        to="/"
        activeOptions={{ exact: true }}
        label={t('nav.dashboard')}
        leftSection={<IconLayoutDashboard {...I} />}
        active={path === '/'}
        onClick={onNavigate}
        fw={600}
      />
      {NAV.map((g) => {
        const entries = g.entries.filter(allowed);
        if (!entries.length) return null;
        const groupKey = PILLAR_KEYS[g.pillar];
        return (
          <Stack key={g.pillar} gap={0} mt="sm" role="group" aria-label={t(groupKey)}>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="sm" mb={2} style={{ letterSpacing: 0.4 }}>
              {t(groupKey)}
            </Text>
            {entries.map((e) =>
              e.to ? (
                <NavLink
                  key={e.key}
                  component={Link}
                  to={e.to}
                  activeOptions={{ exact: true }}
                  label={t(e.key)}
                  leftSection={e.icon}
                  active={isActive(path, { ...e, to: e.to })}
                  onClick={onNavigate}
                />
              ) : (
                <NavLink
                  key={e.key}
                  component="div"
                  label={t(e.key)}
                  leftSection={e.icon}
                  disabled
                  aria-disabled
                  rightSection={
                    <Badge size="xs" variant="light" color="gray">
                      {t('app.comingSoon')}
                    </Badge>
                  }
                />
              ),
            )}
          </Stack>
        );
      })}
    </Box>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 268, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      {/* First in the tab order: straight past the header and the navigation (WCAG 2.4.1). */}
      <a href="#main" className="danchu-skip">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Link to="/" aria-label={t('nav.dashboard')} style={{ display: 'flex' }}>
              <img src="/favicon.svg" alt="" width={30} height={30} />
            </Link>
            <Stack gap={0} visibleFrom="md" style={{ minWidth: 0 }}>
              <Text fw={700} size="sm" lh={1.25} truncate>
                {me.tenant.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.25} truncate>
                {me.tenant.parentName ? `${me.tenant.parentName} · ` : ''}
                {t('app.product')}
              </Text>
            </Stack>
          </Group>
          <Group gap={6} wrap="nowrap">
            <SearchBox />
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        {/* The browser's own scrolling: Mantine's ScrollArea would bring floating-ui into the first page (issue #17). */}
        <AppShell.Section grow p="xs" className="danchu-nav-scroll">
          <Nav onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section p="xs" px="md">
          <Text size="xs" c="dimmed">
            {t('app.footer')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id="main" tabIndex={-1}>
        <Box maw={1400}>{children}</Box>
      </AppShell.Main>
    </AppShell>
  );
}
