/**
 * `/portal/$agency/cong-khai` (issue #10): what the agency publishes to the public — items posted
 * now with audience "public", each with its source decision and attached document. No session:
 * the request carries no cookie, and withdrawn or internal items never reach this page.
 */
import { Alert, Anchor, Badge, Box, Container, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, type DisclosureCategory, type TPublicDisclosure } from '../../../contracts/disclosures';
import { label } from '../../i18n';
import { formatDate } from '../../ui/format';

async function publicGet<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'omit', cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function PortalDisclosuresPage() {
  const { t } = useTranslation();
  const { agency } = useParams({ strict: false }) as { agency: string };
  const agencies = useQuery({
    queryKey: ['portal', 'agencies'],
    queryFn: () => publicGet<{ code: string; name: string; parentName: string | null }[]>('/api/public/agencies'),
    staleTime: 5 * 60_000,
  });
  const items = useQuery({
    queryKey: ['portal', agency, 'disclosures'],
    queryFn: () => publicGet<{ items: TPublicDisclosure[] }>(`/api/public/${encodeURIComponent(agency)}/disclosures`),
  });
  const a = agencies.data?.find((x) => x.code === agency);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm">
          <Group gap="sm" wrap="nowrap">
            <img src="/favicon.svg" alt="" width={40} height={40} />
            <div>
              {a?.parentName ? (
                <Text size="xs" c="dimmed">
                  {a.parentName}
                </Text>
              ) : null}
              <Text fw={700}>{a?.name ?? agency}</Text>
            </div>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="lg" component="main">
        <Stack gap="md">
          <div>
            <Title order={1} fz={{ base: 22, sm: 26 }}>
              {t('disclosures.portal')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('disclosures.portalSubtitle')}
            </Text>
          </div>
          <Anchor component={Link} to={`/portal/${encodeURIComponent(agency)}`} size="sm">
            ← {t('disclosures.portalBack')}
          </Anchor>
          {items.isLoading ? <Skeleton height={120} radius="md" /> : null}
          {items.error ? (
            <Alert color="red" role="alert">
              {String((items.error as Error).message)}
            </Alert>
          ) : null}
          {items.data && items.data.items.length === 0 ? <Text c="dimmed">{t('disclosures.portalEmpty')}</Text> : null}
          {(items.data?.items ?? []).map((i) => (
            <Paper key={i.id} withBorder p="md" radius="md" component="article">
              <Badge variant="light" mb={4}>
                {label(CATEGORY_LABELS[i.category as DisclosureCategory])}
              </Badge>
              <Title order={2} fz="lg">
                {i.title}
              </Title>
              <Text size="sm" c="dimmed">
                {t('disclosures.decidedBy', { ref: i.sourceRef, date: formatDate(i.decidedOn) })} · {t('disclosures.postedOn')}{' '}
                {formatDate(i.postedOn)}
                {i.postedUntil ? ` – ${formatDate(i.postedUntil)}` : ''}
              </Text>
              {i.summary ? (
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {i.summary}
                </Text>
              ) : null}
              {i.file ? (
                <Anchor href={i.file.url} size="sm" mt="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
                  <IconDownload size={14} /> {t('disclosures.attached')}: {i.file.filename}
                </Anchor>
              ) : null}
            </Paper>
          ))}
        </Stack>
      </Container>
    </Box>
  );
}
