/** The registration form of a "Dân vận khéo" model: the ten fields of DOMAIN.md §4. */
import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TModelDetail } from '../../../contracts/exemplars';
import { ApiError, patch, post } from '../../api';
import { useMe } from '../../session';
import { DmyDateInput, notifyOk, useModalSize } from '../../ui/common';
import { useUnits } from '../../ui/data';

const TEXTS = [
  'situation',
  'objectives',
  'criteria',
  'content',
  'area',
  'beneficiaries',
  'forces',
  'resources',
  'milestones',
  'outputs',
  'sustainability',
] as const;

export function ModelForm({ model, onClose }: { model?: TModelDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const units = useUnits();
  const modal = useModalSize('xl');
  const office = me.capabilities.includes('exemplars.manage');
  const headed = new Set(me.roles.filter((r) => r.role === 'unit_head').map((r) => r.unitId));
  const choices = (units.data ?? []).filter((u) => office || headed.has(u.id)).map((u) => ({ value: u.id, label: u.name }));
  const [v, setV] = useState<Record<string, string | null>>(() => ({
    name: model?.name ?? '',
    unitId: model?.unitId ?? null,
    startedOn: model?.startedOn ?? null,
    evaluationDue: model?.evaluationDue ?? null,
    ...Object.fromEntries(TEXTS.map((k) => [k, model?.[k] ?? ''])),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A unit head of one unit registers for that unit (the list may load after the form opens).
  const unitId = v.unitId ?? (choices.length === 1 ? choices[0]!.value : null);
  const save = useMutation({
    mutationFn: () =>
      model
        ? patch<TModelDetail>(`/api/models/${model.id}`, { ...v, unitId, version: model.version })
        : post<TModelDetail>('/api/models', { ...v, unitId }),
    onSuccess: async (m) => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['models'] });
      onClose();
      if (!model) await navigate({ to: `/models/${m.id}` });
    },
    onError: (err) => err instanceof ApiError && setErrors({ ...err.fieldMessages(), _: err.body.message }),
  });
  const set = (k: string) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  return (
    <Modal opened onClose={onClose} title={model ? model.name : t('models.new')} {...modal}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          ) : null}
          <TextInput label={t('models.name')} value={v.name ?? ''} onChange={set('name')} error={errors.name} required />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('models.unit')}
              data={choices}
              value={unitId}
              onChange={(x) => setV({ ...v, unitId: x })}
              error={errors.unitId}
              searchable
              required
            />
            <DmyDateInput
              label={t('models.startedOn')}
              value={v.startedOn ?? null}
              onChange={(x) => setV({ ...v, startedOn: x })}
              error={errors.startedOn}
              required
            />
            <DmyDateInput
              label={t('models.evaluationDue')}
              value={v.evaluationDue ?? null}
              onChange={(x) => setV({ ...v, evaluationDue: x })}
              error={errors.evaluationDue}
            />
          </SimpleGrid>
          {TEXTS.map((k) => (
            <Textarea key={k} label={t(`models.${k}`)} value={v[k] ?? ''} onChange={set(k)} error={errors[k]} autosize minRows={2} />
          ))}
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
