import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  SUCCESSION_KINDS,
  SUCCESSION_LABELS,
  type TUnit,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitKind,
  ZCreateUnitRequest,
} from '../../../contracts/org';
import { get, patch, post } from '../../api';
import { label } from '../../i18n';
import { DmyDateInput, FormAlert, isStale, notifyOk, useModalSize } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';

type Props = { onClose: () => void; unit?: TUnit | null; units: TUnit[]; onSaved?: (u: TUnit) => void };

type Values = {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind | null;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  staffCount: number | string;
  predecessors: { unitId: string; kind: string }[];
};

const valuesOf = (unit?: TUnit | null): Values => ({
  code: unit?.code ?? '',
  name: unit?.name ?? '',
  nameEn: unit?.nameEn ?? '',
  kind: unit?.kind ?? null,
  parentId: unit?.parentId ?? null,
  validFrom: unit?.validFrom ?? null,
  validTo: unit?.validTo ?? null,
  staffCount: unit?.staffCount ?? 0,
  predecessors: unit?.predecessors.map((p) => ({ unitId: p.id, kind: p.kind })) ?? [],
});

/** The request body of a form's values (ZCreateUnitRequest; an edit adds the version read). */
const toRequest = (v: Values) => ({
  code: v.code,
  name: v.name,
  nameEn: v.nameEn || null,
  kind: v.kind,
  parentId: v.parentId,
  validFrom: v.validFrom,
  validTo: v.validTo,
  staffCount: Number(v.staffCount) || 0,
  predecessors: v.predecessors,
});

/** Create or edit a unit (ZCreateUnitRequest / ZUpdateUnitRequest); PATCH carries the version read. */
export function UnitForm({ onClose, unit, units, onSaved }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('lg');
  const [current, setCurrent] = useState<TUnit | null>(unit ?? null);
  const form = useSchemaForm({
    schema: ZCreateUnitRequest,
    initialValues: valuesOf(unit),
    toRequest,
    // zod lists the enum's codes; a person only needs to know a choice is missing.
    refine: (errors, values) => (errors.kind && !values.kind ? { ...errors, kind: t('units.kindRequired') } : errors),
  });
  const v = form.values;
  const errors = errorsOf(form);
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof toRequest>) =>
      current ? patch<TUnit>(`/api/units/${current.id}`, { ...body, version: current.version }) : post<TUnit>('/api/units', body),
    onSuccess: async (saved) => {
      notifyOk(current ? t('app.saved') : t('units.created'));
      await qc.invalidateQueries({ queryKey: ['units'] });
      onSaved?.(saved);
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      const errs = showServerErrors(form, err);
      // The server lists the enum's codes; a person only needs to know a choice is missing.
      if (errs.kind && !form.getValues().kind) form.setFieldError('kind', t('units.kindRequired'));
    },
  });
  /** After a 409: take the record as it is now, keeping nothing the other person saved hidden. */
  async function reload() {
    if (!current) return;
    const fresh = await get<TUnit>(`/api/units/${current.id}`);
    setCurrent(fresh);
    form.setValues(valuesOf(fresh));
    form.clearErrors();
    setStale(false);
    await qc.invalidateQueries({ queryKey: ['units'] });
  }
  const set = <K extends keyof Values>(k: K, value: Values[K]) => form.setFieldValue(k, value as never);
  const others = units
    .filter((u) => u.id !== current?.id)
    .map((u) => ({ value: u.id, label: `${u.name}${u.active ? '' : ` (${formatRange(u)})`}` }));
  function formatRange(u: TUnit) {
    return u.validTo ? t('units.closed') : t('units.notYet');
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{current ? `${t('units.editTitle')}: ${current.name}` : t('units.add')}</Text>}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <form onSubmit={form.onSubmit((body) => save.mutate(body))} noValidate>
        <Stack>
          <FormAlert errors={errors} stale={stale} onReload={() => void reload()} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('units.code')} description={t('units.codeHint')} {...form.getInputProps('code')} required maxLength={30} />
            <Select
              label={t('units.kind')}
              description={t('units.kindHint')}
              data={UNIT_KINDS.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))}
              {...form.getInputProps('kind')}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TextInput label={t('units.name')} {...form.getInputProps('name')} required maxLength={200} />
          <TextInput label={t('units.nameEn')} {...form.getInputProps('nameEn')} maxLength={200} />
          <Select
            label={t('units.parent')}
            placeholder={t('units.noParent')}
            data={others}
            {...form.getInputProps('parentId')}
            clearable
            searchable
            nothingFoundMessage={t('app.noResults')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DmyDateInput label={t('units.validFrom')} {...form.getInputProps('validFrom')} value={v.validFrom} required />
            <DmyDateInput label={t('units.validTo')} {...form.getInputProps('validTo')} value={v.validTo} />
            <NumberInput
              label={t('units.staffCount')}
              {...form.getInputProps('staffCount')}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
            />
          </SimpleGrid>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('units.predecessors')}
            </Text>
            <Text size="xs" c="dimmed" mt={-4}>
              {t('units.predecessorsHint')}
            </Text>
            {v.predecessors.map((p, i) => (
              <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
                <Select
                  aria-label={`${t('units.predecessors')} ${i + 1}`}
                  placeholder={t('units.predecessorPick')}
                  data={others}
                  value={p.unitId || null}
                  searchable
                  style={{ flex: 2 }}
                  error={errors[`predecessors.${i}.unitId`] ?? errors[`predecessors.${i}`]}
                  onChange={(x) =>
                    set(
                      'predecessors',
                      v.predecessors.map((q, j) => (j === i ? { ...q, unitId: x ?? '' } : q)),
                    )
                  }
                />
                <Select
                  aria-label={`${t('units.successionKind')} ${i + 1}`}
                  data={SUCCESSION_KINDS.map((k) => ({ value: k, label: label(SUCCESSION_LABELS[k]) }))}
                  value={p.kind}
                  style={{ flex: 1 }}
                  error={errors[`predecessors.${i}.kind`]}
                  onChange={(x) =>
                    set(
                      'predecessors',
                      v.predecessors.map((q, j) => (j === i ? { ...q, kind: x ?? 'merge' } : q)),
                    )
                  }
                  allowDeselect={false}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`${t('app.delete')}: ${t('units.predecessors')} ${i + 1}`}
                  onClick={() =>
                    set(
                      'predecessors',
                      v.predecessors.filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => set('predecessors', [...v.predecessors, { unitId: '', kind: 'merge' }])}
            >
              {t('units.predecessorAdd')}
            </Button>
          </Stack>
          <Group justify="flex-end" mt="xs">
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
