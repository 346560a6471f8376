/**
 * The application shell: header (agency, search, language, notifications, user menu) and the
 * navigation organised by the six pillars of the motto (DESIGN.md). Modules not built yet are
 * shown but disabled; administration entries appear only with their capability.
 */
import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  Indicator,
  VisuallyHidden,
  Loader,
  Menu,
  NavLink,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  IconAward,
  IconBell,
  IconCalendarEvent,
  IconChecks,
  IconKey,
  IconLanguage,
  IconLayoutDashboard,
  IconLogout,
  IconMessages,
  IconMoodSmile,
  IconSearch,
  IconShieldCheck,
  IconSpeakerphone,
  IconStars,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../contracts/roles';
import { get, post, qs } from '../api';
import { label, setLanguage } from '../i18n';
import { useMe } from '../session';
import { notifyError } from './notify';
import { type NavEntry, PILLARS, type Pillar } from '../module';
import { WEB_MODULES } from '../modules';
import { formatDateTime } from './format';

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

type SearchHit = { entityType: string; entityId: string; title: string; link: string | null; snippet: string };

function SearchBox() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);
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
  return (
    <Popover
      opened={opened && q.trim().length >= 2}
      onChange={setOpened}
      position="bottom-end"
      width={440}
      shadow="md"
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target>
        <TextInput
          // A search box with a list of results: a combobox may carry the popover's aria-expanded.
          role="combobox"
          aria-autocomplete="list"
          aria-label={t('app.search')}
          placeholder={t('app.searchPlaceholder')}
          leftSection={hits.isFetching ? <Loader size={14} /> : <IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOpened(true);
          }}
          onFocus={() => setOpened(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') go(hits.data?.[0]);
            if (e.key === 'Escape') setOpened(false);
          }}
          w={{ base: 150, xs: 220, md: 340 }}
        />
      </Popover.Target>
      <Popover.Dropdown p={4} maw="calc(100vw - 16px)">
        <ScrollArea.Autosize mah={380}>
          {enabled && hits.data?.length === 0 ? (
            <Text c="dimmed" size="sm" p="sm">
              {t('app.noResults')}
            </Text>
          ) : null}
          {!enabled || (hits.isLoading && !hits.data) ? (
            <Text c="dimmed" size="sm" p="sm">
              {hits.isLoading ? t('app.loading') : t('search.hint')}
            </Text>
          ) : null}
          {hits.data?.map((h) => (
            <UnstyledButton
              key={`${h.entityType}:${h.entityId}`}
              p="xs"
              w="100%"
              style={{ borderRadius: 6, display: 'block' }}
              onClick={() => go(h)}
              className="danchu-hit"
            >
              <Text size="xs" c="dimmed" fw={500}>
                {t(`search.type_${h.entityType}`, { defaultValue: h.entityType })}
              </Text>
              <Text size="sm" fw={500} lineClamp={2}>
                {h.title}
              </Text>
              {h.snippet ? (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {h.snippet}
                </Text>
              ) : null}
            </UnstyledButton>
          ))}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

type NotificationList = {
  items: { id: string; kind: string; title: string; body: string | null; link: string | null; createdAt: string; readAt: string | null }[];
  unread: number;
};

function NotificationsBell() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => get<NotificationList>('/api/notifications'),
    refetchInterval: 60_000,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: string) => post(`/api/notifications/${id}/read`), onSuccess: refresh, onError: notifyError });
  const readAll = useMutation({ mutationFn: () => post('/api/notifications/read-all'), onSuccess: refresh, onError: notifyError });
  const unread = list.data?.unread ?? 0;
  return (
    <Indicator disabled={!unread} label={unread > 99 ? '99+' : unread} size={16} color="red" offset={4}>
      <Menu width={360} position="bottom-end" shadow="md" closeOnItemClick>
        {/* The menu's target is the button itself: a <div> may not carry aria-haspopup. */}
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread ? t('notifications.titleUnread', { count: unread }) : t('notifications.title')}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown maw="calc(100vw - 16px)">
          <Group justify="space-between" px="sm" py={6} wrap="nowrap">
            <Text fw={600} size="sm">
              {t('notifications.title')}
            </Text>
            {unread ? (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconChecks size={14} />}
                onClick={() => readAll.mutate()}
                loading={readAll.isPending}
              >
                {t('notifications.readAll')}
              </Button>
            ) : null}
          </Group>
          <Divider />
          {list.data?.items.length ? null : (
            <Text c="dimmed" size="sm" p="md" ta="center">
              {t('notifications.empty')}
            </Text>
          )}
          <ScrollArea.Autosize mah={420}>
            {list.data?.items.slice(0, 20).map((n) => (
              <Menu.Item
                key={n.id}
                onClick={() => {
                  if (!n.readAt) read.mutate(n.id);
                  if (n.link) void navigate({ to: n.link });
                }}
                leftSection={
                  <Box
                    w={8}
                    h={8}
                    style={{ borderRadius: 8, background: n.readAt ? 'transparent' : 'var(--mantine-color-blue-6)' }}
                    aria-hidden
                  />
                }
              >
                <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                  {n.title}
                </Text>
                {n.body ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt)}
                  {n.readAt ? '' : ` · ${t('notifications.unread')}`}
                </Text>
              </Menu.Item>
            ))}
          </ScrollArea.Autosize>
        </Menu.Dropdown>
      </Menu>
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
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => post('/api/auth/logout'),
    onSettled: async () => {
      qc.clear();
      await navigate({ to: '/login' });
      window.location.reload();
    },
  });
  const initials = me.user.fullName
    .split(' ')
    .slice(-2)
    .map((w) => w[0])
    .join('');
  return (
    <Menu width={280} position="bottom-end" shadow="md">
      <Menu.Target>
        {/* Named by its content, so the visible name is part of the accessible one (WCAG 2.5.3). */}
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
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py={6}>
          <Text fw={600} size="sm">
            {me.user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.username}
            {me.user.position ? ` · ${me.user.position}` : ''}
          </Text>
          <Stack gap={2} mt={6}>
            {me.roles.map((r, i) => (
              <Text key={i} size="xs">
                {label(ROLE_LABELS[r.role])}
                {r.unitName ? ` — ${r.unitName}` : ''}
              </Text>
            ))}
          </Stack>
        </Box>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} component={Link} to="/account/password">
          {t('auth.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconCalendarEvent size={16} />} component={Link} to="/account/calendar">
          {t('agenda.menu')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLanguage size={16} />} onClick={() => setLanguage(i18n.language === 'vi' ? 'en' : 'vi')}>
          {t('app.language')}: {i18n.language === 'vi' ? 'English' : 'Tiếng Việt'}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => logout.mutate()}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
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
        <AppShell.Section grow component={ScrollArea} p="xs">
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
