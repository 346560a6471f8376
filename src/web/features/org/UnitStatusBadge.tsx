import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '../../../contracts/org';
import { formatDate, todayIso } from '../../ui/format';

/** In force, not yet in force, or closed (dissolved, merged, renamed). */
export function UnitStatusBadge({ unit }: { unit: TUnit }) {
  const { t } = useTranslation();
  if (unit.active)
    return (
      <Badge color="green" variant="light">
        {t('units.active')}
      </Badge>
    );
  if (unit.validFrom > todayIso())
    return (
      <Badge color="blue" variant="light">
        {t('units.upcoming', { date: formatDate(unit.validFrom) })}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      {t('units.closed')}
    </Badge>
  );
}
