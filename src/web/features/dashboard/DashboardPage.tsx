/**
 * The home page: the dashboard by the six pillars of the motto (issue #13). On top, what waits for
 * this person's action; then, pillar by pillar, the cards the modules contribute for this person
 * (a headline figure, whether it is on track, how it was counted, the breakdown by unit with
 * drill-down links, a trend) and the remaining counts. Cards, never wide tables: it reads on a phone.
 */
import { Sparkline } from '@mantine/charts';
import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChevronRight, IconInbox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PILLAR_CODES, type TPillarBoard, type TPillarCard } from '../../../contracts/platform';
import { ROLE_LABELS } from '../../../contracts/roles';
import { get } from '../../api';
import { label } from '../../i18n';
import { useMe } from '../../session';
import { CardsSkeleton, ErrorAlert, PageHeader } from '../../ui/common';
import { formatDate, formatNumber } from '../../ui/format';

type Stat = { key: string; label: { vi: string; en: string }; value: number; link?: string; pillar?: string };
type Pillar = (typeof PILLAR_CODES)[number];

/** Figures that are bad news when not zero. */
const ALARMING = /overdue|returned|late/;
/** Counts a pillar card already shows in full (with its breakdown), or a waiting item already lists. */
const SHOWN_BY_CARDS = new Set([
  'tasks.overdue',
  'cases.overdue',
  'disclosures.overdue',
  'consultations.open',
  'consultations.awaiting',
  'consultations.to_explain',
  'conferences.reviews_due',
  'inspection.unanswered',
  'inspection.overdue',
  'surveys.sipas',
]);
const TONE_COLORS = { ok: 'teal', watch: 'orange', behind: 'red', info: 'gray' } as const;
/** Older counts name the "do" pillar in Vietnamese. */
const pillarOf = (s: Stat): Pillar | null => {
  const p = s.pillar === 'lam' ? 'do' : s.pillar;
  return (PILLAR_CODES as readonly string[]).includes(p ?? '') ? (p as Pillar) : null;
};

function StatCard({ s }: { s: Stat }) {
  const { i18n } = useTranslation();
  const alarm = ALARMING.test(s.key) && s.value > 0;
  const body = (
    <Stack gap={4} justify="space-between" h="100%">
      <Text size="sm" c="dimmed" lh={1.35}>
        {label(s.label)}
      </Text>
      <Text fz={26} fw={700} lh={1.1} c={alarm ? 'red.8' : undefined}>
        {formatNumber(s.value, i18n.language)}
      </Text>
    </Stack>
  );
  return s.link ? (
    <Card withBorder padding="sm" component={Link} to={s.link} className="danchu-card-link" style={{ textDecoration: 'none' }}>
      {body}
    </Card>
  ) : (
    <Card withBorder padding="sm">
      {body}
    </Card>
  );
}

function PillarCardView({ c }: { c: TPillarCard }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const rows = c.rows ?? [];
  const shown = all ? rows : rows.slice(0, 5);
  const trend = (c.trend ?? []).filter((p) => p.value !== null).map((p) => p.value!);
  return (
    <Card withBorder padding="md" data-testid={`pillar-card-${c.key}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={4} fz="md" lh={1.3}>
          {c.link ? (
            <Anchor component={Link} to={c.link} inherit c="inherit">
              {label(c.title)}
            </Anchor>
          ) : (
            label(c.title)
          )}
        </Title>
        <Badge color={TONE_COLORS[c.tone]} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t(`dashboard.tone.${c.tone}`)}
        </Badge>
      </Group>
      <Text fz={26} fw={700} lh={1.2} mt={6} c={c.tone === 'behind' ? 'red.8' : undefined} data-testid="pillar-value">
        {c.display}
      </Text>
      {trend.length > 1 ? (
        <Sparkline
          h={40}
          mt={4}
          data={trend}
          curveType="linear"
          color={TONE_COLORS[c.tone]}
          aria-label={t('dashboard.trend', { from: c.trend![0]!.label, to: c.trend![c.trend!.length - 1]!.label })}
          role="img"
        />
      ) : null}
      <Text size="xs" c="dimmed" mt={4} lh={1.4}>
        {label(c.how)}
      </Text>
      {shown.length ? (
        <Stack gap={2} mt="xs" component="ul" p={0} style={{ listStyle: 'none' }}>
          {shown.map((r, i) => (
            <li key={i}>
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge size="xs" circle role="img" color={TONE_COLORS[r.tone]} aria-label={t(`dashboard.tone.${r.tone}`)}>
                    {' '}
                  </Badge>
                  {r.link ? (
                    <Anchor component={Link} to={r.link} size="sm" truncate="end">
                      {r.label}
                    </Anchor>
                  ) : (
                    <Text size="sm" truncate="end">
                      {r.label}
                    </Text>
                  )}
                </Group>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {r.display}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      ) : null}
      {rows.length > 5 ? (
        <Button variant="subtle" size="compact-xs" mt={4} onClick={() => setAll(!all)}>
          {all ? t('dashboard.less') : t('dashboard.more', { n: rows.length - 5 })}
        </Button>
      ) : null}
    </Card>
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const board = useQuery({ queryKey: ['dashboard', 'pillars'], queryFn: () => get<TPillarBoard>('/api/dashboard/pillars') });
  const stats = useQuery({ queryKey: ['dashboard'], queryFn: () => get<{ stats: Stat[] }>('/api/dashboard') });
  const other = (stats.data?.stats ?? []).filter((s) => !SHOWN_BY_CARDS.has(s.key));
  const general = other.filter((s) => !pillarOf(s));
  const waiting = board.data?.waiting ?? [];
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.motto')} />
      <Paper withBorder p="md" mb="md">
        <Text fw={600} size="lg">
          {t('dashboard.hello', { name: me.user.fullName })}
        </Text>
        <Text size="sm" c="dimmed">
          {[me.user.position, me.tenant.name].filter(Boolean).join(' · ')}
        </Text>
        <Group gap={6} mt={8}>
          {me.roles.map((r, i) => (
            <Badge key={i} variant="light" tt="none" size="md">
              {label(ROLE_LABELS[r.role])}
              {r.unitName ? ` · ${r.unitName}` : ''}
            </Badge>
          ))}
        </Group>
      </Paper>
      <ErrorAlert error={board.error ?? stats.error} />
      <section aria-labelledby="waiting-title">
        <Group gap="xs" mb="xs">
          <ThemeIcon variant="light" size="md">
            <IconInbox size={16} />
          </ThemeIcon>
          <Title order={2} fz="h3" id="waiting-title">
            {t('dashboard.waiting')}
          </Title>
        </Group>
        {board.isLoading ? <CardsSkeleton count={2} height={64} /> : null}
        {board.data && waiting.length === 0 ? (
          <Text c="dimmed" size="sm" mb="md">
            {t('dashboard.nothingWaiting')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="lg">
          {waiting.map((w) => (
            <Card
              key={w.key}
              withBorder
              padding="sm"
              component={Link}
              to={w.link}
              className="danchu-card-link"
              style={{ textDecoration: 'none' }}
              data-testid={`waiting-${w.key}`}
            >
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="sm" fw={600} lh={1.35}>
                    {label(w.label)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`nav.${w.pillar}`)}
                    {w.due ? ` · ${t('dashboard.nearestDue', { date: formatDate(w.due) })}` : ''}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Text fz={24} fw={700}>
                    {formatNumber(w.count, i18n.language)}
                  </Text>
                  <IconChevronRight size={16} aria-hidden />
                </Group>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      {board.isLoading ? <CardsSkeleton count={6} height={160} /> : null}
      {PILLAR_CODES.map((p) => {
        const cards = (board.data?.cards ?? []).filter((c) => c.pillar === p);
        const counts = other.filter((s) => pillarOf(s) === p);
        if (!cards.length && !counts.length) return null;
        return (
          <section key={p} aria-labelledby={`pillar-${p}`} data-testid={`pillar-${p}`}>
            <Title order={2} fz="h3" id={`pillar-${p}`} mb="xs" mt="md">
              {t(`nav.${p}`)}
            </Title>
            {cards.length ? (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="sm">
                {cards.map((c) => (
                  <PillarCardView key={c.key} c={c} />
                ))}
              </SimpleGrid>
            ) : null}
            {counts.length ? (
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} mb="sm">
                {counts.map((s) => (
                  <StatCard key={s.key} s={s} />
                ))}
              </SimpleGrid>
            ) : null}
          </section>
        );
      })}
      {general.length ? (
        <section aria-labelledby="pillar-general">
          <Title order={2} fz="h3" id="pillar-general" mb="xs" mt="md">
            {t('dashboard.general')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} mb="sm">
            {general.map((s) => (
              <StatCard key={s.key} s={s} />
            ))}
          </SimpleGrid>
        </section>
      ) : null}
    </>
  );
}
