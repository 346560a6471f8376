/**
 * `/surveys`: the agency's surveys as cards (status, responses against the quota, the overall
 * index), and the province's SIPAS, PAPI and PCI per year with targets and a trend chart.
 */
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TSurveySummary } from '../../../contracts/surveys';
import { get } from '../../api';
import { useCan } from '../../session';
import { CardsSkeleton, EmptyState, ErrorAlert, PageHeader, ProgressBar } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { IndicesPanel } from './IndicesPanel';

export const STATUS_COLORS: Record<string, string> = { draft: 'gray', open: 'green', closed: 'dark' };

/** An index in Vietnamese notation: 84,25 %. */
export function pct(x: number | null | undefined, lang: string): string {
  if (x === null || x === undefined) return '—';
  return `${x.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
}

export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('surveys.manage');
  const canRead = useCan('surveys.read');
  const q = useQuery({ queryKey: ['surveys'], queryFn: () => get<TSurveySummary[]>('/api/surveys') });
  const list = (
    <>
      {q.isLoading ? <CardsSkeleton count={2} height={140} /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data && q.data.length === 0 ? <EmptyState title={t('surveys.none')} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {q.data?.map((s) => (
          <Card key={s.id} withBorder padding="md">
            <Stack gap={6}>
              <Group gap="xs">
                <Badge color={STATUS_COLORS[s.status]} variant="light">
                  {t(`surveys.status.${s.status}`)}
                </Badge>
                <Badge color="gray" variant="outline">
                  {t(`surveys.audience.${s.audience}`)}
                </Badge>
              </Group>
              <Anchor component={Link} to={`/surveys/${s.id}`} fw={600}>
                {s.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDate(s.opensOn)} – {formatDate(s.closesOn)}
                {s.methodCode ? ` · ${s.methodCode}` : ''}
              </Text>
              {canRead ? (
                <>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm">
                      {t('surveys.responses')}: <b>{s.responses}</b>
                      {s.quota ? ` (${t('surveys.quota', { n: s.quota })})` : ''}
                    </Text>
                    {s.overall !== null ? (
                      <Text size="sm">
                        {t('surveys.overall')}: <b>{pct(s.overall, i18n.language)}</b>
                      </Text>
                    ) : null}
                  </Group>
                  {s.quota ? <ProgressBar value={(100 * s.responses) / s.quota} label={`${t('surveys.responses')} — ${s.title}`} /> : null}
                </>
              ) : null}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        subtitle={t('surveys.subtitle')}
        actions={
          canManage ? (
            <Button component={Link} to="/surveys/new" leftSection={<IconPlus size={16} />}>
              {t('surveys.create')}
            </Button>
          ) : null
        }
      />
      {canRead ? (
        <Tabs defaultValue="surveys" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="surveys">{t('surveys.tabSurveys')}</Tabs.Tab>
            <Tabs.Tab value="indices">{t('surveys.tabIndices')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="surveys">{list}</Tabs.Panel>
          <Tabs.Panel value="indices">
            <IndicesPanel />
          </Tabs.Panel>
        </Tabs>
      ) : (
        list
      )}
    </>
  );
}
