/** Editors on a plan page: the header, an item, the cascade requirement, and a unit's own plan. */
import { useUnits } from '../../ui/data';
import { todayIso } from '../../ui/format';
import { ActionIcon, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type TPlan, ZCreatePlanRequest, ZItemUpdate, ZUpdatePlanRequest } from '../../../contracts/plans';
import { patch, post } from '../../api';
import { useMe } from '../../session';
import { DmyDateInput, notifyOk } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';
import { clipWords } from '../../../contracts/text';

/** After a save on a plan: its pages and its tasks read again. */
async function invalidatePlans(qc: QueryClient) {
  await qc.invalidateQueries({ queryKey: ['plans'] });
  await qc.invalidateQueries({ queryKey: ['tasks'] });
}

type HeaderValues = {
  summary: string;
  numberSymbol: string;
  signedOn: string | null;
  signerName: string;
  signerTitle: string;
  preamble: string;
};
/** The request body of the header form (ZUpdatePlanRequest; the PATCH adds the version read). */
const headerRequest = (v: HeaderValues) => ({
  summary: v.summary,
  numberSymbol: v.numberSymbol || null,
  signedOn: v.signedOn,
  signerName: v.signerName || null,
  signerTitle: v.signerTitle || null,
  preamble: v.preamble || null,
});
const ZHeaderForm = ZUpdatePlanRequest.omit({ version: true });

export function HeaderEditor({ plan, onClose }: { plan: TPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useSchemaForm<HeaderValues, ReturnType<typeof headerRequest>>({
    schema: ZHeaderForm,
    toRequest: headerRequest,
    initialValues: {
      summary: plan.summary,
      numberSymbol: plan.numberSymbol ?? '',
      signedOn: plan.signedOn,
      signerName: plan.signerName ?? '',
      signerTitle: plan.signerTitle ?? '',
      preamble: plan.preamble ?? '',
    },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const m = useMutation({
    mutationFn: (body: ReturnType<typeof headerRequest>) => patch(`/api/plans/${plan.id}`, { ...body, version: plan.version }),
    onSuccess: async () => {
      await invalidatePlans(qc);
      notifyOk(t('app.saved'));
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  return (
    <Modal opened onClose={onClose} title={t('plans.header')} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={form.onSubmit((body) => m.mutate(body))} noValidate>
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Textarea
            label={t('import.summary')}
            value={v.summary}
            onChange={(e) => form.setFieldValue('summary', e.currentTarget.value)}
            error={errors.summary}
            autosize
            required
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('plans.numberSymbol')}
              value={v.numberSymbol}
              onChange={(e) => form.setFieldValue('numberSymbol', e.currentTarget.value)}
              error={errors.numberSymbol}
            />
            <DmyDateInput
              label={t('plans.signedOn')}
              value={v.signedOn}
              onChange={(x) => form.setFieldValue('signedOn', x)}
              error={errors.signedOn}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('plans.signer')}
              value={v.signerName}
              onChange={(e) => form.setFieldValue('signerName', e.currentTarget.value)}
              error={errors.signerName}
            />
            <TextInput
              label="Chức vụ người ký / Signer's position"
              value={v.signerTitle}
              onChange={(e) => form.setFieldValue('signerTitle', e.currentTarget.value)}
              error={errors.signerTitle}
            />
          </Group>
          <Textarea
            label="Mở đầu / Preamble"
            value={v.preamble}
            onChange={(e) => form.setFieldValue('preamble', e.currentTarget.value)}
            error={errors.preamble}
            autosize
            minRows={3}
            maxRows={10}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type ItemValues = { text: string; implementsItemIds: string[] };
/** The request body of the item form (ZItemUpdate); the parent items only on a unit's plan. */
const itemRequest = (hasParent: boolean) => (v: ItemValues) => ({
  text: v.text,
  ...(hasParent ? { implementsItemIds: v.implementsItemIds } : {}),
});

export function ItemEditor({ plan, itemId, parent, onClose }: { plan: TPlan; itemId: string; parent: TPlan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const item = plan.sections.flatMap((s) => s.items).find((i) => i.id === itemId)!;
  const form = useSchemaForm<ItemValues, ReturnType<ReturnType<typeof itemRequest>>>({
    schema: ZItemUpdate,
    toRequest: itemRequest(!!parent),
    initialValues: { text: item.text, implementsItemIds: item.implementsItemIds },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const m = useMutation({
    mutationFn: (body: ReturnType<ReturnType<typeof itemRequest>>) => patch(`/api/plan-items/${itemId}`, body),
    onSuccess: async () => {
      await invalidatePlans(qc);
      notifyOk(t('app.saved'));
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  const parentItems = parent
    ? parent.sections.flatMap((s) => s.items.map((i) => ({ value: i.id, label: `${s.numeral}.${i.number} — ${clipWords(i.text, 80)}` })))
    : [];
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t('plans.item')} ${item.number}`}
      size="lg"
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={form.onSubmit((body) => m.mutate(body))} noValidate>
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Textarea
            label={t('plans.item')}
            value={v.text}
            onChange={(e) => form.setFieldValue('text', e.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={3}
            required
          />
          {parent ? (
            <MultiSelect
              label="Thực hiện mục của kế hoạch cấp trên / Implements parent items"
              data={parentItems}
              value={v.implementsItemIds}
              onChange={(x) => form.setFieldValue('implementsItemIds', x)}
              error={errors.implementsItemIds}
              searchable
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type CascadeValues = { requiredUnitIds: string[]; unitPlansDueOn: string | null };
/** The request body of the cascade form (ZUpdatePlanRequest's two fields; the PATCH adds the version read). */
const cascadeRequest = (v: CascadeValues) => ({ unitPlansDueOn: v.unitPlansDueOn, requiredUnitIds: v.requiredUnitIds });
const ZCascadeForm = ZUpdatePlanRequest.pick({ unitPlansDueOn: true, requiredUnitIds: true });

export function CascadeEditor({ plan, requiredUnitIds, onClose }: { plan: TPlan; requiredUnitIds: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // Every unit ever: a unit required earlier may have been dissolved since, and is shown by its name.
  const units = useUnits({ all: true });
  const form = useSchemaForm<CascadeValues, ReturnType<typeof cascadeRequest>>({
    schema: ZCascadeForm,
    toRequest: cascadeRequest,
    initialValues: { requiredUnitIds, unitPlansDueOn: plan.unitPlansDueOn },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const today = todayIso();
  const options = (units.data ?? [])
    .filter((u) => v.requiredUnitIds.includes(u.id) || u.validTo === null || u.validTo >= today)
    .map((u) => ({
      value: u.id,
      label: u.validTo !== null && u.validTo < today ? `${u.name} (${t('plans.unitDissolved')})` : u.name,
    }));
  const m = useMutation({
    mutationFn: (body: ReturnType<typeof cascadeRequest>) => patch(`/api/plans/${plan.id}`, { ...body, version: plan.version }),
    onSuccess: async () => {
      await invalidatePlans(qc);
      notifyOk(t('app.saved'));
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  return (
    <Modal opened onClose={onClose} title={t('plans.cascadeEdit')} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={form.onSubmit((body) => m.mutate(body))} noValidate>
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <MultiSelect
            label={t('plans.requiredUnits')}
            description={t('plans.requiredUnitsHint')}
            data={options}
            value={v.requiredUnitIds}
            onChange={(x) => form.setFieldValue('requiredUnitIds', x)}
            error={errors.requiredUnitIds}
            searchable
          />
          <DmyDateInput
            label={t('plans.unitPlansDue')}
            value={v.unitPlansDueOn}
            onChange={(x) => form.setFieldValue('unitPlansDueOn', x)}
            error={errors.unitPlansDueOn}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type UnitPlanValues = { unitId: string | null; summary: string; items: { text: string; implementsItemIds: string[] }[] };

/** A unit head makes their unit's plan under the agency plan, item by item. */
export function UnitPlanCreator({ parent, onClose }: { parent: TPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const navigate = useNavigate();
  const office = me.capabilities.includes('plans.manage');
  const units = useUnits();
  const headed = me.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!);
  const choices = (units.data ?? []).filter((u) => office || headed.includes(u.id)).map((u) => ({ value: u.id, label: u.name }));
  /** The request body (ZCreatePlanRequest): the header follows the agency plan, the issuer is the unit. */
  const unitPlanRequest = (v: UnitPlanValues) => ({
    parentPlanId: parent.id,
    unitId: v.unitId,
    year: parent.year,
    issuerParent: parent.issuer,
    issuer: (units.data?.find((u) => u.id === v.unitId)?.name ?? '').toUpperCase(),
    place: parent.place,
    summary: v.summary,
    citations: [],
    recipients: [{ name: 'Văn phòng Sở', role: 'báo cáo' }],
    sections: [{ numeral: 'I', title: 'NỘI DUNG THỰC HIỆN', items: v.items.map((it, i) => ({ number: i + 1, ...it })) }],
    requiredUnitIds: [],
  });
  const form = useSchemaForm<UnitPlanValues, ReturnType<typeof unitPlanRequest>>({
    schema: ZCreatePlanRequest,
    toRequest: unitPlanRequest,
    initialValues: { unitId: headed[0] ?? null, summary: `${parent.summary} của đơn vị`, items: [{ text: '', implementsItemIds: [] }] },
    // The issuer is the unit's name: with no unit chosen, the unit is what is missing.
    refine: ({ issuer, ...errors }) => (issuer && !errors.unitId ? { ...errors, unitId: issuer } : errors),
  });
  const v = form.values;
  const errors = errorsOf(form);
  const parentItems = parent.sections.flatMap((s) =>
    s.items.map((i) => ({ value: i.id, label: `${s.numeral}.${i.number} — ${clipWords(i.text, 80)}` })),
  );
  const m = useMutation({
    mutationFn: (body: ReturnType<typeof unitPlanRequest>) => post<TPlan>('/api/plans', body),
    onSuccess: async (plan) => {
      await invalidatePlans(qc);
      notifyOk(t('app.saved'));
      onClose();
      await navigate({ to: `/plans/${plan.id}` });
    },
    onError: (err) => showServerErrors(form, err),
  });
  return (
    <Modal opened onClose={onClose} title={t('plans.unitPlan')} size="xl" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={form.onSubmit((body) => m.mutate(body))} noValidate>
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Select
            label={t('people.unit')}
            data={choices}
            value={v.unitId}
            onChange={(x) => form.setFieldValue('unitId', x)}
            error={errors.unitId}
            required
            allowDeselect={false}
          />
          <Textarea
            label={t('import.summary')}
            value={v.summary}
            onChange={(e) => form.setFieldValue('summary', e.currentTarget.value)}
            error={errors.summary}
            autosize
            required
          />
          {v.items.map((it, i) => (
            <Group key={i} align="flex-start" wrap="nowrap">
              <Text fw={700} mt={28}>
                {i + 1}.
              </Text>
              <Stack gap={4} style={{ flex: 1 }}>
                <Textarea
                  label={`${t('plans.item')} ${i + 1}`}
                  value={it.text}
                  onChange={(e) => form.setFieldValue(`items.${i}.text`, e.currentTarget.value)}
                  error={errors[`sections.0.items.${i}.text`]}
                  autosize
                  required
                />
                <MultiSelect
                  aria-label="Thực hiện mục của kế hoạch cấp trên"
                  placeholder="Thực hiện mục … của kế hoạch cấp trên / Implements parent items"
                  data={parentItems}
                  value={it.implementsItemIds}
                  onChange={(x) => form.setFieldValue(`items.${i}.implementsItemIds`, x)}
                  error={errors[`sections.0.items.${i}.implementsItemIds`]}
                  searchable
                />
              </Stack>
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={t('app.delete')}
                onClick={() => form.removeListItem('items', i)}
                disabled={v.items.length === 1}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            onClick={() => form.insertListItem('items', { text: '', implementsItemIds: [] })}
          >
            + {t('app.add')}
          </Button>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
