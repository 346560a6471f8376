import { PageHeader } from '../../ui/common';
import { useTranslation } from 'react-i18next';
import { Alert } from '@mantine/core';

export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('import.title')} />
      <Alert color="blue">{t('app.comingSoon')}</Alert>
    </>
  );
}
