/**
 * The văn thư gives a document its number and symbol from the register of outgoing documents
 * (Decree 30/2020/NĐ-CP Art. 15(1); issue #14 point 1): one day of issue, then the register's
 * next number. Plans and the consolidated report use the same dialog.
 */
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DmyDateInput, FormAlert, type FormErrors, formErrorsOf } from './common';
import { todayIso } from './format';

/**
 * @param ns the i18n namespace holding `numberGiveTitle`, `numberGiveHint`, `numberGiveDate` and
 *   `numberGive` (the feature's own words: "the plan", "the report").
 * @param give sends the day of issue (an empty day is sent as '' and named by the server).
 * @param onNumbered runs after the number is given (notify, refresh), before the dialog closes.
 */
export function NumberDialog<R>({
  ns,
  give,
  onNumbered,
  onClose,
}: {
  ns: string;
  give: (issuedOn: string) => Promise<R>;
  onNumbered: (result: R) => void | Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [issuedOn, setIssuedOn] = useState<string | null>(todayIso());
  const [errors, setErrors] = useState<FormErrors>({});
  const m = useMutation({
    mutationFn: () => give(issuedOn ?? ''),
    onSuccess: async (r) => {
      await onNumbered(r);
      onClose();
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Modal opened onClose={onClose} title={t(`${ns}.numberGiveTitle`)} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          m.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t(`${ns}.numberGiveHint`)}</Text>
          <FormAlert errors={errors} />
          <DmyDateInput label={t(`${ns}.numberGiveDate`)} value={issuedOn} onChange={setIssuedOn} error={errors.issuedOn} required />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t(`${ns}.numberGive`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
