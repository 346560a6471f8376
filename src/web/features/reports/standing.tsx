/**
 * How a report stands against its deadline, shown the same way on every page (issue #14 point 3).
 * The server computes it with the one definition in `domain/reports/standing.ts`.
 */
import type { TStanding, TStandingCounts } from '../../../contracts/reports';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { lightBadge } from './colors';

export type Standing = TStanding;
export type Counts = TStandingCounts;

const COLORS = { on_time: 'green', late: 'red', overdue: 'red', not_due: 'gray' } as const;

export function StandingBadge({ standing, submittedOn }: { standing: Standing; submittedOn?: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge {...lightBadge(COLORS[standing.timeliness])}>
        {t(`reports.timeliness_${standing.timeliness}`, { days: standing.lateDays ?? 0 })}
      </Badge>
      {submittedOn ? (
        <Text size="xs" c="dimmed">
          {t('reports.firstSent', { date: formatDate(submittedOn) })}
        </Text>
      ) : null}
    </Group>
  );
}

/** The cycle's counts with the same labels as the cycles list. */
export function CountBadges({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const items: [string, number, string][] = [
    ['reports.accepted', counts.accepted, 'green'],
    ['reports.submitted', counts.submitted, 'blue'],
    ['reports.returnedCount', counts.returned, 'grape'],
    ['reports.missing', counts.notSent, 'indigo'],
    ['reports.overdue', counts.overdue, 'red'],
    ['reports.late', counts.late, 'red'],
  ];
  return (
    <Group gap="xs">
      {items.map(([k, n, c]) => (
        <Badge key={k} {...lightBadge(n ? c : 'gray')} size="lg">
          {t(k)}: {n}
        </Badge>
      ))}
    </Group>
  );
}
