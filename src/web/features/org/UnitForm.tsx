import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SUCCESSION_KINDS, SUCCESSION_LABELS, UNIT_KIND_LABELS, UNIT_KINDS, type TUnit } from '../../../contracts/org';
import { ApiError, patch, post } from '../../api';
import { label } from '../../i18n';
import { DmyDateInput, notifyOk } from '../../ui/common';

type Props = { opened: boolean; onClose: () => void; unit?: TUnit | null; units: TUnit[] };

export function UnitForm({ opened, onClose, unit, units }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState(() => ({
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    nameEn: unit?.nameEn ?? '',
    kind: unit?.kind ?? null,
    parentId: unit?.parentId ?? null,
    validFrom: unit?.validFrom ?? null,
    validTo: unit?.validTo ?? null,
    staffCount: unit?.staffCount ?? 0,
    predecessors: unit?.predecessors.map((p) => ({ unitId: p.id, kind: p.kind })) ?? ([] as { unitId: string; kind: string }[]),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const body = { ...v, nameEn: v.nameEn || null, staffCount: Number(v.staffCount) };
      return unit ? patch<TUnit>(`/api/units/${unit.id}`, { ...body, version: unit.version }) : post<TUnit>('/api/units', body);
    },
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['units'] });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors({ ...err.fieldMessages(), _: err.body.message });
    },
  });
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((s) => ({ ...s, [k]: value }));
  const others = units.filter((u) => u.id !== unit?.id).map((u) => ({ value: u.id, label: `${u.name}${u.active ? '' : ` (${t('units.closed')})`}` }));
  return (
    <Modal opened={opened} onClose={onClose} title={unit ? t('units.editTitle') : t('units.add')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {errors._ && Object.keys(errors).length === 1 ? <Text c="red" size="sm">{errors._}</Text> : null}
          <Group grow align="flex-start">
            <TextInput label={t('units.code')} value={v.code} onChange={(e) => set('code', e.currentTarget.value)} error={errors.code} required maxLength={30} />
            <Select label={t('units.kind')} data={UNIT_KINDS.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))} value={v.kind} onChange={(x) => set('kind', x as typeof v.kind)} error={errors.kind} required allowDeselect={false} />
          </Group>
          <TextInput label={t('units.name')} value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required maxLength={200} />
          <TextInput label={t('units.nameEn')} value={v.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={errors.nameEn} maxLength={200} />
          <Select label={t('units.parent')} data={others} value={v.parentId} onChange={(x) => set('parentId', x)} error={errors.parentId} clearable searchable />
          <Group grow align="flex-start">
            <DmyDateInput label={t('units.validFrom')} value={v.validFrom} onChange={(x) => set('validFrom', x)} error={errors.validFrom} required />
            <DmyDateInput label={t('units.validTo')} value={v.validTo} onChange={(x) => set('validTo', x)} error={errors.validTo} />
            <NumberInput label={t('units.staffCount')} value={v.staffCount} onChange={(x) => set('staffCount', Number(x) || 0)} error={errors.staffCount} min={0} max={100000} allowDecimal={false} />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('units.predecessors')}</Text>
            {v.predecessors.map((p, i) => (
              <Group key={i} align="flex-start" wrap="nowrap">
                <Select aria-label={t('units.predecessors')} data={others} value={p.unitId} searchable style={{ flex: 2 }} error={errors[`predecessors.${i}.unitId`]} onChange={(x) => set('predecessors', v.predecessors.map((q, j) => (j === i ? { ...q, unitId: x ?? '' } : q)))} />
                <Select aria-label={t('units.successionKind')} data={SUCCESSION_KINDS.map((k) => ({ value: k, label: label(SUCCESSION_LABELS[k]) }))} value={p.kind} style={{ flex: 1 }} onChange={(x) => set('predecessors', v.predecessors.map((q, j) => (j === i ? { ...q, kind: x ?? 'merge' } : q)))} allowDeselect={false} />
                <ActionIcon variant="subtle" color="red" aria-label={t('app.delete')} onClick={() => set('predecessors', v.predecessors.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => set('predecessors', [...v.predecessors, { unitId: '', kind: 'merge' }])}>
              + {t('units.predecessorAdd')}
            </Button>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('app.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
