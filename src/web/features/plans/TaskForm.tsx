import { useUnits } from '../../ui/data';
import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type TPlan, type TTask, ZTaskInput } from '../../../contracts/plans';
import { patch, post } from '../../api';
import { DmyDateInput, notifyOk } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';
import { clipWords } from '../../../contracts/text';

type RecKind = 'none' | 'every_months' | 'yearly_before';

type Values = {
  itemId: string | null;
  title: string;
  leadUnitId: string | null;
  coUnitIds: string[];
  dueOn: string | null;
  recKind: RecKind;
  months: number;
  month: number;
  day: number;
  expectedEvidence: string;
};

/** The request body (ZTaskInput; an edit adds the version read). */
const toRequest = (v: Values) => ({
  itemId: v.itemId,
  title: v.title,
  leadUnitId: v.leadUnitId,
  coUnitIds: v.coUnitIds,
  dueOn: v.dueOn,
  recurrence:
    v.recKind === 'every_months'
      ? { kind: 'every_months' as const, months: v.months }
      : v.recKind === 'yearly_before'
        ? { kind: 'yearly_before' as const, month: v.month, day: v.day }
        : null,
  expectedEvidence: v.expectedEvidence || null,
});

export function TaskForm({ plan, itemId, task, onClose }: { plan: TPlan; itemId?: string; task?: TTask; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const rec = task?.recurrence;
  const form = useSchemaForm<Values, ReturnType<typeof toRequest>>({
    schema: ZTaskInput,
    toRequest,
    initialValues: {
      itemId: task?.itemId ?? itemId ?? null,
      title: task?.title ?? '',
      leadUnitId: task?.leadUnit.id ?? null,
      coUnitIds: task?.coUnits.map((u) => u.id) ?? [],
      dueOn: task?.dueOn ?? null,
      recKind: rec?.kind ?? 'none',
      months: rec?.kind === 'every_months' ? rec.months : 6,
      month: rec?.kind === 'yearly_before' ? rec.month : 11,
      day: rec?.kind === 'yearly_before' ? rec.day : 11,
      expectedEvidence: task?.expectedEvidence ?? '',
    },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof toRequest>) =>
      task ? patch(`/api/tasks/${task.id}`, { ...body, version: task.version }) : post(`/api/plans/${plan.id}/tasks`, body),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['plans'] });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  const items = plan.sections.flatMap((s) =>
    s.items.map((i) => ({ value: i.id, label: `${s.numeral}.${i.number} — ${clipWords(i.text, 90)}` })),
  );
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={task ? t('app.edit') : t('plans.assign')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={form.onSubmit((body) => save.mutate(body))} noValidate>
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Select
            label={t('plans.item')}
            data={items}
            value={v.itemId}
            onChange={(x) => form.setFieldValue('itemId', x)}
            error={errors.itemId}
            searchable
            required
          />
          <TextInput
            label={t('plans.taskTitle')}
            value={v.title}
            onChange={(e) => form.setFieldValue('title', e.currentTarget.value)}
            error={errors.title}
            required
          />
          <Select
            label={t('plans.leadUnit')}
            data={unitOptions}
            value={v.leadUnitId}
            onChange={(x) => form.setFieldValue('leadUnitId', x)}
            error={errors.leadUnitId}
            searchable
            required
          />
          <MultiSelect
            label={t('plans.coUnits')}
            data={unitOptions.filter((u) => u.value !== v.leadUnitId)}
            value={v.coUnitIds}
            onChange={(x) => form.setFieldValue('coUnitIds', x)}
            error={errors.coUnitIds}
            searchable
            clearable
          />
          <Group grow align="flex-start">
            <DmyDateInput label={t('plans.dueOn')} value={v.dueOn} onChange={(x) => form.setFieldValue('dueOn', x)} error={errors.dueOn} />
            <Select
              label={t('plans.recurrence')}
              value={v.recKind}
              onChange={(x) => form.setFieldValue('recKind', (x ?? 'none') as RecKind)}
              allowDeselect={false}
              data={[
                { value: 'none', label: t('plans.rec_none') },
                { value: 'every_months', label: t('plans.rec_months') },
                { value: 'yearly_before', label: t('plans.rec_yearly') },
              ]}
            />
          </Group>
          {v.recKind === 'every_months' ? (
            <NumberInput
              label={t('plans.months')}
              value={v.months}
              error={errors['recurrence.months']}
              onChange={(x) => form.setFieldValue('months', Number(x) || 1)}
              min={1}
              max={24}
              w={140}
            />
          ) : null}
          {v.recKind === 'yearly_before' ? (
            <Group>
              <NumberInput
                label="Ngày / Day"
                value={v.day}
                error={errors['recurrence.day']}
                onChange={(x) => form.setFieldValue('day', Number(x) || 1)}
                min={1}
                max={31}
                w={110}
              />
              <NumberInput
                label="Tháng / Month"
                value={v.month}
                error={errors['recurrence.month']}
                onChange={(x) => form.setFieldValue('month', Number(x) || 1)}
                min={1}
                max={12}
                w={110}
              />
            </Group>
          ) : null}
          <Textarea
            label={t('plans.evidence')}
            value={v.expectedEvidence}
            onChange={(e) => form.setFieldValue('expectedEvidence', e.currentTarget.value)}
            error={errors.expectedEvidence}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
