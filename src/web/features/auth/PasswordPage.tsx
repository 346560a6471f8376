import { useState } from 'react';
import { Alert, Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { post } from '../../api';
import { useMe } from '../../session';
import { FormAlert, formErrorsOf, notifyOk, PageHeader, type FormErrors } from '../../ui/common';

export function PasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (newPassword !== repeat) {
      setErrors({ repeat: t('auth.repeatMismatch') });
      return;
    }
    setBusy(true);
    setErrors({});
    const wasForced = me.user.mustChangePassword;
    try {
      await post('/api/auth/password', { currentPassword, newPassword });
      notifyOk(t('auth.changed'));
      setCurrent('');
      setNew('');
      setRepeat('');
      await qc.invalidateQueries({ queryKey: ['me'] });
      if (wasForced) await navigate({ to: '/' });
    } catch (err) {
      setErrors(formErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageHeader title={t('auth.changePassword')} subtitle={`${me.user.fullName} (${me.user.username})`} />
      {me.user.mustChangePassword ? (
        <Alert color="yellow" mb="md" maw={480}>
          {t('auth.mustChange')}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" maw={480} component="form" onSubmit={submit}>
        <Stack>
          <FormAlert errors={errors} />
          <PasswordInput
            label={t('auth.currentPassword')}
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            required
            autoComplete="current-password"
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.newPasswordHint')}
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={errors.newPassword}
            required
            minLength={10}
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('auth.repeatPassword')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
            required
            autoComplete="new-password"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('auth.changePassword')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
