/** Recording the reply to a visitor (10 working days, Law 42/2013 Art. 28(1)). */
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REPLY_OUTCOME_LABELS, REPLY_OUTCOMES, type TReceptionEntry } from '../../../../../contracts/reception';
import { post } from '../../../../api';
import { label } from '../../../../i18n';
import { DmyDateInput, FormAlert, formErrorsOf, isStale, notifyOk, type FormErrors } from '../../../../ui/common';
import { formatDate, todayIso } from '../../../../ui/format';
import { focusFirstError } from '../../common';

export function ReplyForm({ entry, onClose }: { entry: TReceptionEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [on, setOn] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<string | null>(entry.cases.length ? null : 'forwarded');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      post<TReceptionEntry>(`/api/reception/entries/${entry.id}/reply`, { version: entry.version, on, outcome, note: note || null }),
    onSuccess: async () => {
      notifyOk(t('reception.replySaved'));
      await qc.invalidateQueries({ queryKey: ['reception', 'entries'] });
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
      title={<Text fw={600}>{`${t('reception.reply')} · ${t('reception.entryNo', { no: entry.seqNo, year: entry.year })}`}</Text>}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('reception.replyHelp', { date: formatDate(entry.replyBy) })}
          </Text>
          <FormAlert
            errors={errors}
            stale={stale}
            onReload={() => void qc.invalidateQueries({ queryKey: ['reception', 'entries'] }).then(onClose)}
          />
          <DmyDateInput label={t('reception.replyOn')} value={on} onChange={setOn} error={errors.on} required />
          <Select
            label={t('reception.outcome')}
            data={REPLY_OUTCOMES.map((o) => ({ value: o, label: label(REPLY_OUTCOME_LABELS[o]) }))}
            value={outcome}
            onChange={setOutcome}
            error={errors.outcome}
            required
          />
          <Textarea
            label={t('cases.noteOptional')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('reception.replySubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
