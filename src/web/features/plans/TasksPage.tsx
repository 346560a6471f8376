import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Timeline,
  Title,
  Anchor,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TTask } from '../../../contracts/plans';
import { get } from '../../api';
import { useMe } from '../../session';
import { DueBadge, ErrorAlert, Loading, PageHeader } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { TaskTable } from './TaskTable';

const STATES = ['all', 'overdue', 'due_soon', 'on_track', 'done'] as const;

function MonthCalendar({ tasks }: { tasks: TTask[] }) {
  const months = useMemo(() => {
    const byMonth = new Map<string, TTask[]>();
    for (const t of tasks) if (t.nextDueOn) byMonth.set(t.nextDueOn.slice(0, 7), [...(byMonth.get(t.nextDueOn.slice(0, 7)) ?? []), t]);
    return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [tasks]);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {months.map(([m, list]) => (
        <Paper withBorder p="sm" key={m}>
          <Title order={5} mb="xs">{`Tháng ${Number(m.slice(5))}/${m.slice(0, 4)}`}</Title>
          <Stack gap={6}>
            {list
              .sort((a, b) => a.nextDueOn!.localeCompare(b.nextDueOn!))
              .map((t) => (
                <Group key={t.id} gap={6} wrap="nowrap" align="flex-start">
                  <Badge variant="outline" size="sm" w={48}>
                    {t.nextDueOn!.slice(8)}
                  </Badge>
                  <Stack gap={0} style={{ flex: 1 }}>
                    <Anchor component={Link} to={`/plans/${t.planId}/tasks/${t.id}`} size="xs">
                      {t.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t.leadUnit.name}
                    </Text>
                  </Stack>
                  <DueBadge state={t.dueState} />
                </Group>
              ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function TaskTimeline({ tasks }: { tasks: TTask[] }) {
  const sorted = [...tasks].filter((t) => t.nextDueOn).sort((a, b) => a.nextDueOn!.localeCompare(b.nextDueOn!));
  const color = (s: string) => (s === 'done' ? 'green' : s === 'overdue' ? 'red' : s === 'due_soon' ? 'orange' : 'blue');
  return (
    <Paper withBorder p="md">
      <Timeline bulletSize={14} lineWidth={2}>
        {sorted.map((t) => (
          <Timeline.Item
            key={t.id}
            color={color(t.dueState)}
            title={
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {formatDate(t.nextDueOn)}
                </Text>
                <DueBadge state={t.dueState} />
              </Group>
            }
          >
            <Anchor component={Link} to={`/plans/${t.planId}/tasks/${t.id}`} size="sm">
              {t.itemLabel} · {t.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t.leadUnit.name} · {t.progress}%
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

export function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const initial = new URLSearchParams(window.location.search);
  const [state, setState] = useState<string>(initial.get('dueState') ?? 'all');
  const [mine, setMine] = useState(initial.get('mine') === '1');
  // A drill-down from the dashboard by pillar shows one lead unit's tasks (`?unitId=`).
  const [unitId, setUnitId] = useState(initial.get('unitId'));
  const tasks = useQuery({ queryKey: ['tasks', 'all'], queryFn: () => get<TTask[]>('/api/tasks') });
  const myUnits = new Set(me.roles.map((r) => r.unitId).filter(Boolean));
  const list = (tasks.data ?? []).filter(
    (x) =>
      (state === 'all' || x.dueState === state) &&
      (!unitId || x.leadUnit.id === unitId) &&
      (!mine || myUnits.has(x.leadUnit.id) || x.coUnits.some((u) => myUnits.has(u.id))),
  );
  return (
    <>
      <PageHeader title={t('nav.tasks')} />
      <Group mb="sm" wrap="wrap">
        <SegmentedControl
          value={state}
          onChange={setState}
          data={STATES.map((s) => ({ value: s, label: s === 'all' ? t('app.all') : t(`plans.due_${s}`) }))}
        />
        {myUnits.size ? <Switch label={t('plans.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} /> : null}
        {unitId ? (
          <Button variant="light" size="xs" onClick={() => setUnitId(null)}>
            {t('plans.leadUnitFilter', { name: tasks.data?.find((x) => x.leadUnit.id === unitId)?.leadUnit.name ?? '…' })} ×
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={tasks.error} />
      {tasks.isLoading ? <Loading /> : null}
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list">
            {t('plans.allTasks')} ({list.length})
          </Tabs.Tab>
          <Tabs.Tab value="calendar">{t('plans.calendarView')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('plans.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <Paper withBorder>
            <TaskTable tasks={list} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <MonthCalendar tasks={list} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TaskTimeline tasks={list} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
