import { useState } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api';
import { useMe } from '../../session';
import { notifyOk, PageHeader } from '../../ui/common';

export function PasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await post('/api/auth/password', { currentPassword, newPassword });
      notifyOk(t('auth.changed'));
      setCurrent('');
      setNew('');
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (err) {
      if (err instanceof ApiError) setErrors({ ...err.fieldMessages(), _: err.body.message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageHeader title={t('auth.changePassword')} />
      {me.user.mustChangePassword ? <Alert color="yellow" mb="md">{t('auth.mustChange')}</Alert> : null}
      <Paper withBorder p="lg" maw={460} component="form" onSubmit={submit}>
        <Stack>
          {errors._ && !errors.currentPassword && !errors.newPassword ? <Alert color="red">{errors._}</Alert> : null}
          <PasswordInput label={t('auth.currentPassword')} value={currentPassword} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} required autoComplete="current-password" />
          <PasswordInput label={t('auth.newPassword')} description={t('auth.newPasswordHint')} value={newPassword} onChange={(e) => setNew(e.currentTarget.value)} error={errors.newPassword} required autoComplete="new-password" />
          <Button type="submit" loading={busy}>{t('app.save')}</Button>
        </Stack>
      </Paper>
    </>
  );
}
