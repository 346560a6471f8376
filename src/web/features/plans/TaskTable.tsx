import { Anchor, Progress, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TTask } from '../../../contracts/plans';
import { DueBadge } from '../../ui/common';
import { formatDate } from '../../ui/format';

export function TaskTable({ tasks }: { tasks: TTask[] }) {
  const { t } = useTranslation();
  if (tasks.length === 0)
    return (
      <Text c="dimmed" p="md">
        {t('app.empty')}
      </Text>
    );
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
            <Table.Tr key={task.id} bg={task.dueState === 'overdue' ? 'red.0' : task.dueState === 'due_soon' ? 'orange.0' : undefined}>
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
                    {task.recurrence.kind === 'every_months'
                      ? `↻ ${task.recurrence.months} th`
                      : `↻ ${task.recurrence.day}/${task.recurrence.month}`}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td w={120}>
                <Progress value={task.progress} size="sm" color={task.dueState === 'overdue' ? 'red' : undefined} />
                <Text size="xs">{task.progress}%</Text>
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
