/**
 * The header's dropdowns: the search results, the notifications and the user menu. Mantine's Menu
 * and Popover bring floating-ui, their transitions and focus trap (≈ 20 kB gzip) that drawing the
 * shell does not need, so this file loads when a person first reaches for one of them (Shell.tsx,
 * issue #17); the shell draws the triggers itself. Their styles are in `page-setup.ts`, which
 * every page has loaded already: importing it here (not the sheets one by one) keeps one sheet in
 * Mantine's order, where a select's dropdown style wins over the popover's it builds on.
 */
import './page-setup';
import { cloneElement, type ReactElement, type Ref, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Box, Button, Divider, Group, Menu, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarEvent, IconChecks, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../contracts/roles';
import { post } from '../api';
import { label, setLanguage } from '../i18n';
import { useMe } from '../session';
import { formatDateTime } from './format';
import { notifyError } from './notify';

export type SearchHit = { entityType: string; entityId: string; title: string; link: string | null; snippet: string };

/**
 * Hands the popover an element the shell rendered (the search input) as its target: the input
 * stays mounted while this file loads, so typing (and a Vietnamese input method's composition)
 * is never interrupted. The shell puts the target's ARIA attributes on the input itself.
 */
function Anchor({ node, anchorRef }: { node: HTMLElement | null; anchorRef?: (node: HTMLElement | null) => void }) {
  useLayoutEffect(() => {
    anchorRef?.(node);
    return () => anchorRef?.(null);
  }, [node, anchorRef]);
  return null;
}

export function SearchResults({
  id,
  anchor,
  opened,
  onChange,
  onReady,
  enabled,
  loading,
  hits,
  go,
}: {
  /** The search box's id: the dropdown is `${id}-dropdown`, labelled by the box. */
  id: string;
  anchor: HTMLElement | null;
  opened: boolean;
  onChange: (opened: boolean) => void;
  /** Told once the dropdown exists, so the box may point to it (aria-controls). */
  onReady: (ready: boolean) => void;
  /** A query long enough to search for. */
  enabled: boolean;
  loading: boolean;
  hits: SearchHit[] | undefined;
  go: (hit: SearchHit) => void;
}) {
  const { t } = useTranslation();
  useEffect(() => onReady(true), [onReady]);
  return (
    <Popover
      id={id}
      opened={opened}
      onChange={onChange}
      position="bottom-end"
      width={440}
      shadow="md"
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target refProp="anchorRef">
        <Anchor node={anchor} />
      </Popover.Target>
      <Popover.Dropdown p={4} maw="calc(100vw - 16px)">
        <ScrollArea.Autosize mah={380}>
          {enabled && hits?.length === 0 ? (
            <Text c="dimmed" size="sm" p="sm">
              {t('app.noResults')}
            </Text>
          ) : null}
          {!enabled || (loading && !hits) ? (
            <Text c="dimmed" size="sm" p="sm">
              {loading ? t('app.loading') : t('search.hint')}
            </Text>
          ) : null}
          {hits?.map((h) => (
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

/**
 * A menu mounted by the click that asked for it: it gives the (new) trigger the focus, so that
 * closing the menu returns the focus there, then opens.
 */
function useOpenedOnMount(): [boolean, (opened: boolean) => void, Ref<HTMLButtonElement>] {
  const [opened, setOpened] = useState(false);
  const target = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    target.current?.focus({ preventScroll: true });
    setOpened(true);
  }, []);
  return [opened, setOpened, target];
}

export type NotificationList = {
  items: { id: string; kind: string; title: string; body: string | null; link: string | null; createdAt: string; readAt: string | null }[];
  unread: number;
};

export function NotificationsMenu({
  target,
  list,
}: {
  target: ReactElement<{ ref?: Ref<HTMLButtonElement> }>;
  list: NotificationList | undefined;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened, ref] = useOpenedOnMount();
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: string) => post(`/api/notifications/${id}/read`), onSuccess: refresh, onError: notifyError });
  const readAll = useMutation({ mutationFn: () => post('/api/notifications/read-all'), onSuccess: refresh, onError: notifyError });
  const unread = list?.unread ?? 0;
  return (
    <Menu opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md" closeOnItemClick>
      {/* The menu's target is the button itself: a <div> may not carry aria-haspopup. */}
      <Menu.Target>{cloneWithRef(target, ref)}</Menu.Target>
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
        {list?.items.length ? null : (
          <Text c="dimmed" size="sm" p="md" ta="center">
            {t('notifications.empty')}
          </Text>
        )}
        <ScrollArea.Autosize mah={420}>
          {list?.items.slice(0, 20).map((n) => (
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
  );
}

export function UserMenu({ target }: { target: ReactElement<{ ref?: Ref<HTMLButtonElement> }> }) {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened, ref] = useOpenedOnMount();
  const logout = useMutation({
    mutationFn: () => post('/api/auth/logout'),
    onSettled: async () => {
      qc.clear();
      await navigate({ to: '/login' });
      window.location.reload();
    },
  });
  return (
    <Menu opened={opened} onChange={setOpened} width={280} position="bottom-end" shadow="md">
      <Menu.Target>{cloneWithRef(target, ref)}</Menu.Target>
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

/** The shell's trigger with our ref (Menu.Target merges it with its own). */
function cloneWithRef(target: ReactElement<{ ref?: Ref<HTMLButtonElement> }>, ref: Ref<HTMLButtonElement>): ReactElement {
  return cloneElement(target, { ref });
}
