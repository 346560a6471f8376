/**
 * The spinner a page shows while it loads. Apart from `common.tsx` because the router needs it in
 * the first page, and `common.tsx` brings the date input with it (issue #17).
 */
import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Group justify="center" p="xl" role="status">
      <Loader size="sm" />
      <Text c="dimmed">{t('app.loading')}</Text>
    </Group>
  );
}
