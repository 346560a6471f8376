/**
 * The application shell: header (agency, search, notifications, user menu, language) and the
 * navigation organised by the six pillars of the motto (DESIGN.md). Modules not built yet are
 * shown but disabled; administration appears only with the capability.
 */
import { useState, type ReactNode } from 'react';
import { ActionIcon, AppShell, Avatar, Badge, Burger, Group, Indicator, Menu, NavLink, Popover, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBell, IconLanguage, IconLogout, IconKey, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../contracts/roles';
import { get, post, qs } from '../api';
import { label, setLanguage } from '../i18n';
import { useCan, useMe } from '../session';
import { formatDateTime } from './format';

type NavEntry = { to?: string; key: string; capability?: string };
type NavGroup = { key: string; entries: NavEntry[]; capabilityAny?: string[] };

const NAV: NavGroup[] = [
  { key: 'nav.know', entries: [{ key: 'nav.disclosures' }] },
  { key: 'nav.discuss', entries: [{ key: 'nav.consultations' }, { key: 'nav.conferences' }] },
  { key: 'nav.do', entries: [{ key: 'nav.plans', to: '/plans' }, { key: 'nav.tasks', to: '/plans/tasks' }, { key: 'nav.documents', to: '/plans/documents' }, { key: 'nav.exemplars' }] },
  { key: 'nav.inspect', entries: [{ key: 'nav.inspection' }] },
  { key: 'nav.supervise', entries: [{ key: 'nav.reception' }, { key: 'nav.cases' }] },
  { key: 'nav.benefit', entries: [{ key: 'nav.surveys' }, { key: 'nav.ratings' }] },
  { key: 'nav.reportsGroup', entries: [{ key: 'nav.reports', to: '/reports' }] },
  {
    key: 'nav.admin',
    entries: [
      { key: 'nav.units', to: '/org/units' },
      { key: 'nav.people', to: '/org/people' },
      { key: 'nav.calendar', to: '/calendar' },
      { key: 'nav.audit', to: '/audit', capability: 'audit.read' },
    ],
  },
];

function SearchBox() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const navigate = useNavigate();
  const hits = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => get<{ entityType: string; entityId: string; title: string; link: string | null; snippet: string }[]>(`/api/search${qs({ q: debounced })}`),
    enabled: debounced.trim().length >= 2,
  });
  const open = debounced.trim().length >= 2;
  return (
    <Popover opened={open} position="bottom-start" width={420} shadow="md">
      <Popover.Target>
        <TextInput aria-label={t('app.search')} placeholder={t('app.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: 160, sm: 320 }} />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <ScrollArea.Autosize mah={360}>
          {hits.data?.length === 0 ? <Text c="dimmed" p="sm">{t('app.noResults')}</Text> : null}
          {hits.data?.map((h) => (
            <UnstyledButton
              key={`${h.entityType}:${h.entityId}`}
              p="xs"
              w="100%"
              style={{ borderRadius: 6 }}
              onClick={() => {
                setQ('');
                if (h.link) void navigate({ to: h.link });
              }}
            >
              <Text size="sm" fw={500}>{h.title}</Text>
              {h.snippet ? <Text size="xs" c="dimmed" lineClamp={1}>{h.snippet}</Text> : null}
            </UnstyledButton>
          ))}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => get<{ items: { id: string; title: string; body: string | null; link: string | null; createdAt: string; readAt: string | null }[]; unread: number }>('/api/notifications'), refetchInterval: 60_000 });
  const read = useMutation({ mutationFn: (id: string) => post(`/api/notifications/${id}/read`), onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }) });
  return (
    <Menu width={340} position="bottom-end">
      <Menu.Target>
        <Indicator disabled={!list.data?.unread} label={list.data?.unread} size={16} color="red">
          <ActionIcon variant="subtle" size="lg" aria-label="Thông báo">
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        {list.data?.items.length ? null : <Text c="dimmed" size="sm" p="sm">{t('app.empty')}</Text>}
        {list.data?.items.slice(0, 10).map((n) => (
          <Menu.Item
            key={n.id}
            onClick={() => {
              if (!n.readAt) read.mutate(n.id);
              if (n.link) void navigate({ to: n.link });
            }}
          >
            <Text size="sm" fw={n.readAt ? 400 : 600}>{n.title}</Text>
            <Text size="xs" c="dimmed">{formatDateTime(n.createdAt)}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
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
  const initials = me.user.fullName.split(' ').slice(-2).map((w) => w[0]).join('');
  return (
    <Menu width={260} position="bottom-end">
      <Menu.Target>
        <UnstyledButton aria-label={t('auth.account')}>
          <Group gap={6} wrap="nowrap">
            <Avatar color="red" radius="xl" size="sm">{initials}</Avatar>
            <Text size="sm" visibleFrom="sm">{me.user.fullName}</Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.position ?? ''}
          <br />
          {me.roles.map((r) => label(ROLE_LABELS[r.role]) + (r.unitName ? ` — ${r.unitName}` : '')).join('; ')}
        </Menu.Label>
        <Menu.Item leftSection={<IconKey size={16} />} component={Link} to="/account/password">
          {t('auth.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLanguage size={16} />} onClick={() => setLanguage(i18n.language === 'vi' ? 'en' : 'vi')}>
          {i18n.language === 'vi' ? 'English' : 'Tiếng Việt'}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => logout.mutate()}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Nav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const canAudit = useCan('audit.read');
  const allowed = (e: NavEntry) => !e.capability || (e.capability === 'audit.read' ? canAudit : true);
  return (
    <ScrollArea>
      <NavLink component={Link} to="/" label={t('nav.dashboard')} active={path === '/'} onClick={onNavigate} fw={600} />
      {NAV.map((g) => (
        <Stack key={g.key} gap={0} mt="sm">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="sm" mb={2}>
            {t(g.key)}
          </Text>
          {g.entries.filter(allowed).map((e) =>
            e.to ? (
              <NavLink key={e.key} component={Link} to={e.to} label={t(e.key)} active={path === e.to || (e.to !== '/plans' && path.startsWith(`${e.to}/`)) || (e.to === '/plans' && /^\/plans\/[0-9a-f-]{36}/.test(path))} onClick={onNavigate} />
            ) : (
              <NavLink key={e.key} component="div" label={t(e.key)} disabled rightSection={<Badge size="xs" variant="light" color="gray">{t('app.comingSoon')}</Badge>} />
            ),
          )}
        </Stack>
      ))}
    </ScrollArea>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Stack gap={0} visibleFrom="md">
              <Text fw={700} size="sm" lh={1.2}>{me.tenant.name}</Text>
              <Text size="xs" c="dimmed" lh={1.2}>danchu · Dân chủ ở cơ sở</Text>
            </Stack>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SearchBox />
            <Notifications />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Nav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
