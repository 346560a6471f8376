/** The tasks of a plan or of a unit: a table on a screen, cards on a phone (issue #14). */
import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TTask } from '../../../contracts/plans';
import { DueBadge, ProgressBar, usePhone } from '../../ui/common';
import { formatDate } from '../../ui/format';

/** "định kỳ 6 tháng", "hằng năm trước ngày 15/12" — never a symbol or an abbreviation. */
export function recurrenceText(t: TFunction, r: TTask['recurrence']): string {
  if (!r) return '';
  return r.kind === 'every_months' ? t('plans.everyMonths', { months: r.months }) : t('plans.yearlyBefore', { day: r.day, month: r.month });
}

const rowTint = (task: TTask) => (task.dueState === 'overdue' ? 'red.0' : task.dueState === 'due_soon' ? 'orange.0' : undefined);

function TaskCards({ tasks }: { tasks: TTask[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {tasks.map((task) => (
        <Paper key={task.id} withBorder p="sm" bg={rowTint(task)} component="article" aria-label={task.title}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Anchor component={Link} to={`/plans/${task.planId}/tasks/${task.id}`} size="sm" fw={500}>
              {task.itemLabel} · {task.title}
            </Anchor>
            <DueBadge state={task.dueState} />
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {task.leadUnit.name}
            {task.coUnits.length ? ` · ${t('plans.coUnits')}: ${task.coUnits.map((u) => u.name).join(', ')}` : ''}
          </Text>
          <Text size="xs" mt={2}>
            {t('plans.dueOn')}: {formatDate(task.nextDueOn)}
            {task.recurrence ? ` (${recurrenceText(t, task.recurrence)})` : ''}
          </Text>
          <ProgressBar value={task.progress} late={task.dueState === 'overdue'} label={`${t('plans.progress')} — ${task.title}`} />
        </Paper>
      ))}
    </Stack>
  );
}

export function TaskTable({ tasks }: { tasks: TTask[] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  if (tasks.length === 0)
    return (
      <Text c="dimmed" p="md">
        {t('app.empty')}
      </Text>
    );
  if (phone) return <TaskCards tasks={tasks} />;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.item')}</Table.Th>
            <Table.Th>{t('plans.taskTitle')}</Table.Th>
            <Table.Th>{t('plans.leadUnit')}</Table.Th>
            <Table.Th>{t('plans.dueOn')}</Table.Th>
            <Table.Th>{t('plans.progress')}</Table.Th>
            <Table.Th>{t('app.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} bg={rowTint(task)}>
              <Table.Td fz="sm">{task.itemLabel}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/plans/${task.planId}/tasks/${task.id}`} size="sm">
                  {task.title}
                </Anchor>
                {task.coUnits.length ? (
                  <Text size="xs" c="dimmed">
                    {t('plans.coUnits')}: {task.coUnits.map((u) => u.name).join(', ')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td fz="sm">{task.leadUnit.name}</Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(task.nextDueOn)}
                {task.recurrence ? (
                  <Text size="xs" c="dimmed">
                    {recurrenceText(t, task.recurrence)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td w={150}>
                <ProgressBar value={task.progress} late={task.dueState === 'overdue'} label={`${t('plans.progress')} — ${task.title}`} />
              </Table.Td>
              <Table.Td>
                <DueBadge state={task.dueState} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
