/** Publishing, holding, postponing or cancelling a reception session. */
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TReceptionSession } from '../../../../../contracts/reception';
import { post } from '../../../../api';
import { DmyDateInput, FormAlert, formErrorsOf, isStale, notifyOk, type FormErrors } from '../../../../ui/common';
import { formatDate, todayIso } from '../../../../ui/format';
import { focusFirstError } from '../../common';

export type SessionAction = 'publish' | 'held' | 'postpone' | 'cancel';

export function SessionActionForm({
  session,
  action,
  onClose,
}: {
  session: TReceptionSession;
  action: SessionAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [on, setOn] = useState<string | null>(todayIso());
  const [newDate, setNewDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const run = useMutation({
    mutationFn: () => {
      const base = { action, version: session.version };
      const body =
        action === 'publish'
          ? { ...base, on }
          : action === 'postpone'
            ? { ...base, newDate, reason }
            : action === 'cancel'
              ? { ...base, reason }
              : base;
      return post<TReceptionSession>(`/api/reception/sessions/${session.id}/actions`, body);
    },
    onSuccess: async () => {
      notifyOk(t(`reception.done_${action}`));
      await qc.invalidateQueries({ queryKey: ['reception', 'sessions'] });
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{`${t(`reception.action_${action}`)} · ${formatDate(session.date)}`}</Text>}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          run.mutate();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t(`reception.actionHelp_${action}`, { date: formatDate(session.publishBy) })}
          </Text>
          <FormAlert
            errors={errors}
            stale={stale}
            onReload={() =>
              void qc.invalidateQueries({ queryKey: ['reception', 'sessions'] }).then(() => {
                onClose();
              })
            }
          />
          {action === 'publish' ? (
            <DmyDateInput label={t('reception.publishedOnLabel')} value={on} onChange={setOn} error={errors.on} required />
          ) : null}
          {action === 'postpone' ? (
            <DmyDateInput label={t('reception.newDate')} value={newDate} onChange={setNewDate} error={errors.newDate} required />
          ) : null}
          {action === 'postpone' || action === 'cancel' ? (
            <Textarea
              label={t('reception.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              required
              autosize
              minRows={2}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={run.isPending} color={action === 'cancel' ? 'red' : undefined}>
              {t(`reception.action_${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
