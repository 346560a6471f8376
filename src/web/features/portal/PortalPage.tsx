/**
 * The public citizen portal (issue #5), outside the staff log-in: `/portal` lists the agencies
 * (or goes straight to the only one) and `/portal/$agency` has three tabs — send feedback, a
 * petition, a complaint or a denunciation; look it up by tracking code; the published
 * citizen-reception schedule. Works without a session; talks to `/api/public/…` only.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Box, Button, Card, Container, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconLanguage, IconLogin, IconSearch, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';
import { errorMessage } from '../../ui/notify';
import { LookupPanel } from './LookupPanel';
import { NetworkError, portalFetch, type TPortalAgency } from './portal-api';
import { SchedulePanel } from './SchedulePanel';
import { SubmitForm } from './SubmitForm';

function useAgencies() {
  return useQuery({
    queryKey: ['portal', 'agencies'],
    queryFn: () => portalFetch<TPortalAgency[]>('GET', '/api/public/agencies'),
    staleTime: 5 * 60_000,
  });
}

function PortalLayout({ agency, children }: { agency?: TPortalAgency | null; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <img src="/favicon.svg" alt="" width={40} height={40} />
              <div style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.2}>
                  {t('portal.title')}
                </Text>
                {agency ? (
                  <>
                    {agency.parentName ? (
                      <Text size="xs" c="dimmed" lh={1.2} truncate>
                        {agency.parentName}
                      </Text>
                    ) : null}
                    <Text fw={700} lh={1.25} style={{ overflowWrap: 'anywhere' }}>
                      {agency.name}
                    </Text>
                  </>
                ) : (
                  <Text fw={700}>{t('app.tagline')}</Text>
                )}
              </div>
            </Group>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconLanguage size={16} />}
              onClick={() => setLanguage(other)}
              lang={other}
              style={{ flexShrink: 0 }}
            >
              {other === 'en' ? 'English' : 'Tiếng Việt'}
            </Button>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="lg" component="main">
        {children}
      </Container>
      <Container size="md" pb="xl" component="footer">
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t('portal.footer')}
          </Text>
          <Anchor component={Link} to="/login" size="xs" c="dimmed">
            <Group gap={4} component="span">
              <IconLogin size={14} />
              {t('portal.staffLogin')}
            </Group>
          </Anchor>
        </Group>
      </Container>
    </Box>
  );
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('portal.loadError')}>
      <Text size="sm">{error instanceof NetworkError ? t('portal.networkErrorLookup') : errorMessage(error)}</Text>
      <Button size="compact-sm" variant="light" color="red" mt="xs" onClick={onRetry}>
        {t('portal.retry')}
      </Button>
    </Alert>
  );
}

/** `/portal`: the agencies on this installation, or the only one directly. */
export function PortalIndexPage() {
  const { t } = useTranslation();
  const q = useAgencies();
  if (q.data && q.data.length === 1) return <Navigate to={`/portal/${encodeURIComponent(q.data[0]!.code)}`} replace />;
  return (
    <PortalLayout>
      <Stack gap="md">
        <div>
          <Title order={1} fz={24}>
            {t('portal.title')}
          </Title>
          <Text c="dimmed">{t('portal.subtitle')}</Text>
        </div>
        {q.isLoading ? (
          <Skeleton height={80} radius="md" />
        ) : q.error ? (
          <LoadError error={q.error} onRetry={() => void q.refetch()} />
        ) : (q.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('portal.noAgencies')}</Text>
        ) : (
          <>
            <Text fw={600}>{t('portal.chooseAgency')}</Text>
            {(q.data ?? []).map((a) => (
              <Card key={a.code} withBorder radius="md" padding="md" component={Link} to={`/portal/${encodeURIComponent(a.code)}`}>
                {a.parentName ? (
                  <Text size="xs" c="dimmed">
                    {a.parentName}
                  </Text>
                ) : null}
                <Text fw={600}>{a.name}</Text>
              </Card>
            ))}
          </>
        )}
      </Stack>
    </PortalLayout>
  );
}

type Tab = 'submit' | 'lookup' | 'schedule';

function initialTab(): { tab: Tab; code: string | null } {
  if (typeof window === 'undefined') return { tab: 'submit', code: null };
  const p = new URLSearchParams(window.location.search);
  const code = p.get('code');
  const tab = p.get('tab');
  if (code) return { tab: 'lookup', code };
  return { tab: tab === 'lookup' || tab === 'schedule' ? tab : 'submit', code: null };
}

/** `/portal/$agency`: send, look up, schedule. */
export function PortalPage() {
  const { t } = useTranslation();
  const { agency: code } = useParams({ strict: false }) as { agency: string };
  const agencies = useAgencies();
  const [{ tab: firstTab, code: firstCode }] = useState(initialTab);
  const [tab, setTab] = useState<Tab>(firstTab);
  const [lookupCode, setLookupCode] = useState<string | null>(firstCode);
  const agency = agencies.data?.find((a) => a.code === code) ?? null;

  if (agencies.isLoading) {
    return (
      <PortalLayout>
        <Skeleton height={320} radius="md" />
      </PortalLayout>
    );
  }
  if (agencies.error) {
    return (
      <PortalLayout>
        <LoadError error={agencies.error} onRetry={() => void agencies.refetch()} />
      </PortalLayout>
    );
  }
  if (!agency) {
    return (
      <PortalLayout>
        <Stack align="flex-start">
          <Alert color="yellow" title={t('portal.agencyNotFound')} w="100%">
            {t('portal.agencyNotFoundHint')}
          </Alert>
          <Button component={Link} to="/portal" variant="light">
            {t('portal.allAgencies')}
          </Button>
        </Stack>
      </PortalLayout>
    );
  }

  return (
    <PortalLayout agency={agency}>
      <Stack gap="md">
        <div>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {t('portal.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('portal.subtitle')}
          </Text>
          {/* What the agency publishes (disclosures module, issue #10). */}
          <Anchor component={Link} to={`/portal/${encodeURIComponent(agency.code)}/cong-khai`} size="sm">
            {t('disclosures.portal')} →
          </Anchor>
        </div>
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} keepMountedMode="display-none" variant="outline">
          <Tabs.List grow>
            <Tabs.Tab value="submit" leftSection={<IconSend size={16} />}>
              {t('portal.tabSubmit')}
            </Tabs.Tab>
            <Tabs.Tab value="lookup" leftSection={<IconSearch size={16} />}>
              {t('portal.tabLookup')}
            </Tabs.Tab>
            <Tabs.Tab value="schedule" leftSection={<IconCalendarEvent size={16} />}>
              {t('portal.tabSchedule')}
            </Tabs.Tab>
          </Tabs.List>
          {/* The form stays mounted while another tab is shown, so a half-written text is not lost. */}
          <Tabs.Panel value="submit" pt="md" keepMounted>
            <SubmitForm
              agency={agency.code}
              onLookup={(c) => {
                setLookupCode(c);
                setTab('lookup');
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="lookup" pt="md">
            <LookupPanel agency={agency.code} initialCode={lookupCode} />
          </Tabs.Panel>
          <Tabs.Panel value="schedule" pt="md">
            <SchedulePanel agency={agency.code} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </PortalLayout>
  );
}
