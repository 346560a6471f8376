/**
 * `/watch`: the grievance watch (issue #13, seed plan II.4) — the forecast of the coming months
 * with its interval and the sensitive periods it knows, its error on past months (back-test),
 * topics, phrases and places of what people bring, hot spots, repeat, group and prolonged
 * grievances; and the Office's calendar of sensitive periods. Cards and lists: readable on a phone.
 */
import { CompositeChart } from '@mantine/charts';
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TWatch, type TWatchEvent, WATCH_EVENT_KIND_LABELS, WATCH_EVENT_KINDS } from '../../../contracts/watch';
import { del, get, post } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import { CardsSkeleton, DmyDateInput, ErrorAlert, type FormErrors, formErrorsOf, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDate, formatNumber } from '../../ui/format';

type Kind = (typeof WATCH_EVENT_KINDS)[number];
const mmYyyy = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const kindLabel = (k: string) => (k in WATCH_EVENT_KIND_LABELS ? label(WATCH_EVENT_KIND_LABELS[k as Kind]) : k);

function Figure({ title, value, hint, testId }: { title: string; value: string; hint?: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      <Text fz={24} fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

export function WatchPage() {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['watch'], queryFn: () => get<TWatch>('/api/watch') });
  const n = (x: number) => formatNumber(x, i18n.language);
  const w = q.data;
  const chart = w
    ? [
        ...w.series.slice(-24).map((s) => {
          const b = w.backtest.rows.find((r) => r.month === s.month);
          return { month: mmYyyy(s.month), [t('watch.actual')]: s.count, [t('watch.expected')]: b?.expected ?? null };
        }),
        ...w.forecast.map((f) => ({ month: mmYyyy(f.month), [t('watch.actual')]: null, [t('watch.expected')]: f.expected })),
      ]
    : [];
  return (
    <>
      <PageHeader title={t('watch.title')} subtitle={t('watch.subtitle')} />
      <ErrorAlert error={q.error} />
      {q.isLoading ? <CardsSkeleton count={6} /> : null}
      {w ? (
        <Stack gap="lg">
          <section aria-labelledby="watch-forecast">
            <Title order={2} fz="h3" id="watch-forecast" mb="xs">
              {t('watch.forecast')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mb="sm">
              {w.forecast.map((f, i) => (
                <Paper key={f.month} withBorder p="sm" data-testid={i === 0 ? 'forecast-next' : undefined}>
                  <Group justify="space-between">
                    <Text fw={600}>{t('watch.month', { m: mmYyyy(f.month) })}</Text>
                    {f.events.map((k) => (
                      <Badge key={k} color="orange" variant="light" tt="none">
                        {kindLabel(k)}
                      </Badge>
                    ))}
                  </Group>
                  <Text fz={24} fw={700}>
                    {n(Math.round(f.expected))}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('watch.interval', { low: n(f.low), high: n(f.high) })}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            {w.forecast.length === 0 ? <Text c="dimmed">{t('watch.noForecast')}</Text> : null}
            <SimpleGrid cols={{ base: 1, xs: 3 }} mb="sm">
              <Figure
                title={t('watch.mape')}
                value={w.backtest.mape === null ? '—' : `${n(w.backtest.mape)}%`}
                hint={t('watch.mapeHint', { n: w.backtest.rows.length })}
                testId="backtest-mape"
              />
              <Figure title={t('watch.mae')} value={w.backtest.mae === null ? '—' : n(w.backtest.mae)} hint={t('watch.maeHint')} />
              <Figure
                title={t('watch.coverage')}
                value={w.backtest.coverage === null ? '—' : `${n(w.backtest.coverage)}%`}
                hint={t('watch.coverageHint')}
              />
            </SimpleGrid>
            {chart.length > 1 ? (
              <Paper withBorder p="sm" mb="sm">
                <CompositeChart
                  h={220}
                  data={chart}
                  dataKey="month"
                  withLegend
                  series={[
                    { name: t('watch.actual'), color: 'danchu.6', type: 'bar' },
                    { name: t('watch.expected'), color: 'orange.7', type: 'line' },
                  ]}
                  curveType="linear"
                  aria-label={t('watch.chart')}
                  role="img"
                />
              </Paper>
            ) : null}
            {w.uplift.length ? (
              <Group gap="xs" mb={4}>
                {w.uplift.map((u) => (
                  <Badge key={u.kind} variant="outline" tt="none" color="gray">
                    {kindLabel(u.kind)}: ×{n(u.factor)}
                  </Badge>
                ))}
              </Group>
            ) : null}
            <Text size="xs" c="dimmed">
              {label(w.how)}
            </Text>
          </section>

          <section aria-labelledby="watch-topics">
            <Title order={2} fz="h3" id="watch-topics" mb="xs">
              {t('watch.topics', { from: mmYyyy(w.window.from), to: mmYyyy(w.window.to), n: w.total })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <Paper withBorder p="sm">
                <Title order={3} fz="h5" mb={6}>
                  {t('watch.byTopic')}
                </Title>
                <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {w.topics.map((x) => (
                    <li key={x.code}>
                      <Group justify="space-between" wrap="nowrap">
                        <Text size="sm">{i18n.language === 'en' ? x.en : x.vi}</Text>
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {n(x.count)}
                          {x.lastMonths ? <Text span size="xs" c="dimmed">{` · ${t('watch.recent', { n: x.lastMonths })}`}</Text> : null}
                        </Text>
                      </Group>
                    </li>
                  ))}
                </Stack>
              </Paper>
              <Paper withBorder p="sm">
                <Title order={3} fz="h5" mb={6}>
                  {t('watch.places')}
                </Title>
                <Group gap={6}>
                  {w.places.map((p) => (
                    <Badge key={p.place} variant="light" tt="none">
                      {p.place} · {p.count}
                    </Badge>
                  ))}
                  {w.places.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : null}
                </Group>
              </Paper>
              <Paper withBorder p="sm">
                <Title order={3} fz="h5" mb={6}>
                  {t('watch.phrases')}
                </Title>
                <Group gap={6}>
                  {w.phrases.map((p) => (
                    <Badge key={p.phrase} variant="outline" tt="none" color="gray">
                      {p.phrase} · {p.texts}
                    </Badge>
                  ))}
                  {w.phrases.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : null}
                </Group>
              </Paper>
            </SimpleGrid>
          </section>

          <section aria-labelledby="watch-hot">
            <Title order={2} fz="h3" id="watch-hot" mb="xs">
              {t('watch.hotspots')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {w.hotspots.map((h) => (
                <Paper key={`${h.topic}-${h.unitName}-${h.month}`} withBorder p="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {h.topicName}
                    </Text>
                    {h.hot ? (
                      <Badge color="red" variant="light" tt="none">
                        {t('watch.hot')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm">
                    {h.unitId ? (
                      <Anchor component={Link} to={`/cases?unitId=${h.unitId}`} size="sm">
                        {h.unitName}
                      </Anchor>
                    ) : (
                      h.unitName
                    )}{' '}
                    · {mmYyyy(h.month)} · {t('watch.cases', { n: h.count })}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </section>

          <section aria-labelledby="watch-repeat">
            <Title order={2} fz="h3" id="watch-repeat" mb="xs">
              {t('watch.repeats')}
            </Title>
            <SimpleGrid cols={{ base: 3 }} mb="sm">
              <Figure title={t('watch.repeat')} value={n(w.repeats.repeat)} />
              <Figure title={t('watch.group')} value={n(w.repeats.group)} />
              <Figure title={t('watch.prolonged')} value={n(w.repeats.prolonged)} />
            </SimpleGrid>
            <Stack gap={4}>
              {w.repeats.byUnit.map((u) => (
                <Text key={u.unitId ?? u.unitName} size="sm">
                  <b>{u.unitName}</b>: {t('watch.unitRepeats', { r: u.repeat, g: u.group, p: u.prolonged })}
                </Text>
              ))}
            </Stack>
          </section>
          <EventsPanel />
        </Stack>
      ) : null}
    </>
  );
}

function EventsPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('watch.manage');
  const q = useQuery({ queryKey: ['watch', 'events'], queryFn: () => get<TWatchEvent[]>('/api/watch/events') });
  const [kind, setKind] = useState<Kind>('election');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const done = async () => {
    notifyOk(t('app.saved'));
    await qc.invalidateQueries({ queryKey: ['watch'] });
  };
  const add = useMutation({
    mutationFn: () => post('/api/watch/events', { kind, title, startsOn, endsOn, note: '' }),
    onSuccess: async () => {
      setErrors({});
      setTitle('');
      await done();
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const remove = useMutation({ mutationFn: (id: string) => del(`/api/watch/events/${id}`), onSuccess: done, onError: notifyError });
  return (
    <section aria-labelledby="watch-events">
      <Title order={2} fz="h3" id="watch-events" mb="xs">
        {t('watch.events')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('watch.eventsHint')}
      </Text>
      <ErrorAlert error={q.error} />
      <Stack gap={4} mb="sm" component="ul" p={0} style={{ listStyle: 'none' }}>
        {(q.data ?? []).map((e) => (
          <li key={e.id}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm">
                <Badge size="sm" variant="light" tt="none" mr={6}>
                  {kindLabel(e.kind)}
                </Badge>
                {e.title} · {formatDate(e.startsOn)}–{formatDate(e.endsOn)}
              </Text>
              {canManage ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('watch.deleteEvent', { title: e.title })}
                  onClick={() => remove.mutate(e.id)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              ) : null}
            </Group>
          </li>
        ))}
      </Stack>
      {canManage ? (
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('watch.kind')}
              data={WATCH_EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              value={kind}
              onChange={(v) => setKind((v ?? 'other') as Kind)}
              allowDeselect={false}
              w={200}
            />
            <TextInput
              label={t('watch.eventTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              miw={220}
              style={{ flex: 1 }}
            />
            <DmyDateInput label={t('watch.startsOn')} value={startsOn} onChange={setStartsOn} error={errors.startsOn} w={150} />
            <DmyDateInput label={t('watch.endsOn')} value={endsOn} onChange={setEndsOn} error={errors.endsOn} w={150} />
            <Button onClick={() => add.mutate()} loading={add.isPending}>
              {t('watch.addEvent')}
            </Button>
          </Group>
        </Paper>
      ) : null}
    </section>
  );
}
