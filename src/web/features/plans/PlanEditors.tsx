/** Editors on a plan page: the header, an item, the cascade requirement, and a unit's own plan. */
import { useUnits } from '../../ui/data';
import { todayIso } from '../../ui/format';
import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type TPlan, ZUpdatePlanRequest } from '../../../contracts/plans';
import { ApiError, patch, post } from '../../api';
import { useMe } from '../../session';
import { DmyDateInput, notifyOk } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';
import { clipWords } from '../../../contracts/text';

function useSave<T>(fn: () => Promise<T>, onDone: (r: T) => void | Promise<void>) {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const m = useMutation({
    mutationFn: fn,
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['plans'] });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      await onDone(r);
    },
    onError: (err) => err instanceof ApiError && setErrors({ ...err.fieldMessages(), _: err.body.message }),
  });
  return { m, errors, reset: () => setErrors({}) };
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
      await qc.invalidateQueries({ queryKey: ['plans'] });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
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

export function ItemEditor({ plan, itemId, parent, onClose }: { plan: TPlan; itemId: string; parent: TPlan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const item = plan.sections.flatMap((s) => s.items).find((i) => i.id === itemId)!;
  const [text, setText] = useState(item.text);
  const [impl, setImpl] = useState(item.implementsItemIds);
  const { m, errors, reset } = useSave(
    () => patch(`/api/plan-items/${itemId}`, { text, ...(parent ? { implementsItemIds: impl } : {}) }),
    () => {
      notifyOk(t('app.saved'));
      onClose();
    },
  );
  const parentItems = parent
    ? parent.sections.flatMap((s) => s.items.map((i) => ({ value: i.id, label: `${s.numeral}.${i.number} — ${clipWords(i.text, 80)}` })))
    : [];
  return (
    <Modal opened onClose={onClose} title={`${t('plans.item')} ${item.number}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reset();
          m.mutate();
        }}
      >
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Textarea
            label={t('plans.item')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={3}
            required
          />
          {parent ? (
            <MultiSelect
              label="Thực hiện mục của kế hoạch cấp trên / Implements parent items"
              data={parentItems}
              value={impl}
              onChange={setImpl}
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

export function CascadeEditor({ plan, requiredUnitIds, onClose }: { plan: TPlan; requiredUnitIds: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  // Every unit ever: a unit required earlier may have been dissolved since, and is shown by its name.
  const units = useUnits({ all: true });
  const [ids, setIds] = useState(requiredUnitIds);
  const today = todayIso();
  const options = (units.data ?? [])
    .filter((u) => ids.includes(u.id) || u.validTo === null || u.validTo >= today)
    .map((u) => ({
      value: u.id,
      label: u.validTo !== null && u.validTo < today ? `${u.name} (${t('plans.unitDissolved')})` : u.name,
    }));
  const [due, setDue] = useState<string | null>(plan.unitPlansDueOn);
  const { m, errors, reset } = useSave(
    () => patch(`/api/plans/${plan.id}`, { version: plan.version, unitPlansDueOn: due, requiredUnitIds: ids }),
    () => {
      notifyOk(t('app.saved'));
      onClose();
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('plans.cascadeEdit')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reset();
          m.mutate();
        }}
      >
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
            value={ids}
            onChange={setIds}
            error={errors.requiredUnitIds}
            searchable
          />
          <DmyDateInput label={t('plans.unitPlansDue')} value={due} onChange={setDue} error={errors.unitPlansDueOn} />
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

/** A unit head makes their unit's plan under the agency plan, item by item. */
export function UnitPlanCreator({ parent, onClose }: { parent: TPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const office = me.capabilities.includes('plans.manage');
  const units = useUnits();
  const headed = me.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!);
  const choices = (units.data ?? []).filter((u) => office || headed.includes(u.id)).map((u) => ({ value: u.id, label: u.name }));
  const [unitId, setUnitId] = useState<string | null>(headed[0] ?? null);
  const [summary, setSummary] = useState(`${parent.summary} của đơn vị`);
  const [items, setItems] = useState<{ text: string; implementsItemIds: string[] }[]>([{ text: '', implementsItemIds: [] }]);
  const parentItems = parent.sections.flatMap((s) =>
    s.items.map((i) => ({ value: i.id, label: `${s.numeral}.${i.number} — ${clipWords(i.text, 80)}` })),
  );
  const { m, errors, reset } = useSave(
    () => {
      const unit = units.data?.find((u) => u.id === unitId);
      return post<TPlan>('/api/plans', {
        parentPlanId: parent.id,
        unitId,
        year: parent.year,
        issuerParent: parent.issuer,
        issuer: (unit?.name ?? '').toUpperCase(),
        place: parent.place,
        summary,
        citations: [],
        recipients: [{ name: 'Văn phòng Sở', role: 'báo cáo' }],
        sections: [{ numeral: 'I', title: 'NỘI DUNG THỰC HIỆN', items: items.map((it, i) => ({ number: i + 1, ...it })) }],
        requiredUnitIds: [],
      });
    },
    async (plan) => {
      notifyOk(t('app.saved'));
      onClose();
      await navigate({ to: `/plans/${plan.id}` });
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('plans.unitPlan')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reset();
          m.mutate();
        }}
      >
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Select
            label={t('people.unit')}
            data={choices}
            value={unitId}
            onChange={setUnitId}
            error={errors.unitId}
            required
            allowDeselect={false}
          />
          <Textarea
            label={t('import.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
            autosize
            required
          />
          {items.map((it, i) => (
            <Group key={i} align="flex-start" wrap="nowrap">
              <Text fw={700} mt={28}>
                {i + 1}.
              </Text>
              <Stack gap={4} style={{ flex: 1 }}>
                <Textarea
                  label={`${t('plans.item')} ${i + 1}`}
                  value={it.text}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setItems(items.map((x, j) => (j === i ? { ...x, text } : x)));
                  }}
                  error={errors[`sections.0.items.${i}.text`]}
                  autosize
                  required
                />
                <MultiSelect
                  aria-label="Thực hiện mục của kế hoạch cấp trên"
                  placeholder="Thực hiện mục … của kế hoạch cấp trên / Implements parent items"
                  data={parentItems}
                  value={it.implementsItemIds}
                  onChange={(v) => setItems(items.map((x, j) => (j === i ? { ...x, implementsItemIds: v } : x)))}
                  searchable
                />
              </Stack>
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={t('app.delete')}
                onClick={() => setItems(items.filter((_, j) => j !== i))}
                disabled={items.length === 1}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setItems([...items, { text: '', implementsItemIds: [] }])}>
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
