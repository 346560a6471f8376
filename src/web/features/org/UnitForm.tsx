import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SUCCESSION_KINDS, SUCCESSION_LABELS, UNIT_KIND_LABELS, UNIT_KINDS, type TUnit, type UnitKind } from '../../../contracts/org';
import { get, patch, post } from '../../api';
import { label } from '../../i18n';
import { DmyDateInput, FormAlert, formErrorsOf, isStale, notifyOk, useModalSize, type FormErrors } from '../../ui/common';

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

/** Create or edit a unit (ZCreateUnitRequest / ZUpdateUnitRequest); PATCH carries the version read. */
export function UnitForm({ onClose, unit, units, onSaved }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('lg');
  const [current, setCurrent] = useState<TUnit | null>(unit ?? null);
  const [v, setV] = useState<Values>(() => valuesOf(unit));
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        code: v.code,
        name: v.name,
        nameEn: v.nameEn || null,
        kind: v.kind,
        parentId: v.parentId,
        validFrom: v.validFrom,
        validTo: v.validTo,
        staffCount: Number(v.staffCount) || 0,
        predecessors: v.predecessors,
      };
      return current ? patch<TUnit>(`/api/units/${current.id}`, { ...body, version: current.version }) : post<TUnit>('/api/units', body);
    },
    onSuccess: async (saved) => {
      notifyOk(current ? t('app.saved') : t('units.created'));
      await qc.invalidateQueries({ queryKey: ['units'] });
      onSaved?.(saved);
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      const errs = formErrorsOf(err);
      // The server lists the enum's codes; a person only needs to know a choice is missing.
      if (errs.kind && !v.kind) errs.kind = t('units.kindRequired');
      setErrors(errs);
    },
  });
  /** After a 409: take the record as it is now, keeping nothing the other person saved hidden. */
  async function reload() {
    if (!current) return;
    const fresh = await get<TUnit>(`/api/units/${current.id}`);
    setCurrent(fresh);
    setV(valuesOf(fresh));
    setErrors({});
    setStale(false);
    await qc.invalidateQueries({ queryKey: ['units'] });
  }
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((s) => ({ ...s, [k]: value }));
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
      size={modal.size}
      fullScreen={modal.fullScreen}
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
          <FormAlert errors={errors} stale={stale} onReload={() => void reload()} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('units.code')}
              description={t('units.codeHint')}
              value={v.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={errors.code}
              required
              maxLength={30}
            />
            <Select
              label={t('units.kind')}
              description={t('units.kindHint')}
              data={UNIT_KINDS.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))}
              value={v.kind}
              onChange={(x) => set('kind', x as UnitKind | null)}
              error={errors.kind}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TextInput
            label={t('units.name')}
            value={v.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={200}
          />
          <TextInput
            label={t('units.nameEn')}
            value={v.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={errors.nameEn}
            maxLength={200}
          />
          <Select
            label={t('units.parent')}
            placeholder={t('units.noParent')}
            data={others}
            value={v.parentId}
            onChange={(x) => set('parentId', x)}
            error={errors.parentId}
            clearable
            searchable
            nothingFoundMessage={t('app.noResults')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DmyDateInput
              label={t('units.validFrom')}
              value={v.validFrom}
              onChange={(x) => set('validFrom', x)}
              error={errors.validFrom}
              required
            />
            <DmyDateInput label={t('units.validTo')} value={v.validTo} onChange={(x) => set('validTo', x)} error={errors.validTo} />
            <NumberInput
              label={t('units.staffCount')}
              value={v.staffCount}
              onChange={(x) => set('staffCount', x)}
              error={errors.staffCount}
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
