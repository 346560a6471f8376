import { Alert, Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ZChangePasswordRequest } from '../../../contracts/auth';
import { post } from '../../api';
import { useMe } from '../../session';
import { FormAlert, notifyOk, PageHeader } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useSchemaForm({
    schema: ZChangePasswordRequest,
    initialValues: EMPTY,
    toRequest: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    // The repetition is the form's own check: the server never sees it.
    refine: (errors, v) => (v.repeat !== v.newPassword && !errors.newPassword ? { ...errors, repeat: t('auth.repeatMismatch') } : errors),
  });
  const errors = errorsOf(form);
  async function submit(body: { currentPassword: string; newPassword: string }) {
    const wasForced = me.user.mustChangePassword;
    try {
      await post('/api/auth/password', body);
      notifyOk(t('auth.changed'));
      form.setValues(EMPTY);
      await qc.invalidateQueries({ queryKey: ['me'] });
      if (wasForced) await navigate({ to: '/' });
    } catch (err) {
      showServerErrors(form, err);
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
      <Paper withBorder p="lg" maw={480} component="form" onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <FormAlert errors={errors} />
          <PasswordInput
            label={t('auth.currentPassword')}
            {...form.getInputProps('currentPassword')}
            required
            autoComplete="current-password"
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.newPasswordHint')}
            {...form.getInputProps('newPassword')}
            required
            minLength={10}
            autoComplete="new-password"
          />
          <PasswordInput label={t('auth.repeatPassword')} {...form.getInputProps('repeat')} required autoComplete="new-password" />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t('auth.changePassword')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
