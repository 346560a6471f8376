import { type TReportTemplate, ZTemplateInput } from '../../../contracts/reports';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../api';
import { useCan } from '../../session';
import { ErrorAlert, FormAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';

type Tpl = TReportTemplate;
type TemplateValues = Pick<Tpl, 'name' | 'sections' | 'indicators'>;
/** The request body of the template form (ZTemplateInput; the POST adds the version read). The source of a computed indicator is the server's. */
const templateRequest = (v: TemplateValues) => ({
  name: v.name,
  sections: v.sections,
  indicators: v.indicators.map(({ source: _s, ...d }) => d),
});
const ZTemplateForm = ZTemplateInput.omit({ version: true });

export function TemplatePage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const tpl = useQuery({ queryKey: ['report-cycles', id, 'template'], queryFn: () => get<Tpl>(`/api/report-cycles/${id}/template`) });
  if (!tpl.data) return tpl.error ? <ErrorAlert error={tpl.error} /> : <Loading />;
  // A new version read (after a save) starts the form again from it.
  return <TemplateForm key={tpl.data.version} cycleId={id} tpl={tpl.data} />;
}

function TemplateForm({ cycleId: id, tpl }: { cycleId: string; tpl: Tpl }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('plans.manage');
  const form = useSchemaForm<TemplateValues, ReturnType<typeof templateRequest>>({
    schema: ZTemplateForm,
    toRequest: templateRequest,
    initialValues: { name: tpl.name, sections: tpl.sections, indicators: tpl.indicators },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const setV = (x: TemplateValues) => form.setValues(x);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof templateRequest>) =>
      post<Tpl>(`/api/report-cycles/${id}/template`, { ...body, version: tpl.versions[tpl.versions.length - 1]!.version }),
    onSuccess: async (r) => {
      qc.setQueryData(['report-cycles', id, 'template'], r);
      await qc.invalidateQueries({ queryKey: ['report-cycles'] });
      notifyOk(`${t('app.saved')} — ${t('reports.version')} ${r.version}`);
    },
    onError: (err) => {
      showServerErrors(form, err);
      notifyError(err);
    },
  });
  const submit = form.onSubmit((body) => save.mutate(body));
  const ro = !canManage;
  return (
    <>
      <PageHeader
        title={t('reports.template')}
        subtitle={`${t('reports.version')} ${tpl.version} / ${tpl.versions.length} · ${t('reports.templateHint')}`}
        actions={
          canManage ? (
            <Button onClick={() => submit()} loading={save.isPending}>
              {t('reports.saveVersion')}
            </Button>
          ) : null
        }
      />
      <Stack>
        <FormAlert errors={errors} />
        <TextInput
          label={t('calendar.name')}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          readOnly={ro}
          error={errors.name}
        />
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            {t('plans.sections')}
          </Title>
          <Stack gap={6}>
            {errors.sections ? (
              <Text c="red" size="sm">
                {errors.sections}
              </Text>
            ) : null}
            {v.sections.map((s, i) => (
              <Group key={i} wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label="key"
                  value={s.key}
                  w={90}
                  readOnly={ro}
                  error={errors[`sections.${i}.key`]}
                  onChange={(e) => {
                    const key = e.currentTarget.value;
                    setV({ ...v, sections: v.sections.map((x, j) => (j === i ? { ...x, key } : x)) });
                  }}
                />
                <TextInput
                  aria-label={t('calendar.name')}
                  value={s.title}
                  style={{ flex: 1 }}
                  readOnly={ro}
                  error={errors[`sections.${i}.title`]}
                  onChange={(e) => {
                    const title = e.currentTarget.value;
                    setV({ ...v, sections: v.sections.map((x, j) => (j === i ? { ...x, title } : x)) });
                  }}
                />
                {canManage ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('app.delete')}
                    onClick={() => setV({ ...v, sections: v.sections.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
            {canManage ? (
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                onClick={() => setV({ ...v, sections: [...v.sections, { key: `K${v.sections.length + 1}`, title: '' }] })}
              >
                + {t('app.add')}
              </Button>
            ) : null}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            {t('reports.indicators')}
          </Title>
          <Stack gap={6}>
            {v.indicators.map((d, i) => (
              <Group key={i} wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label="code"
                  value={d.code}
                  w={170}
                  readOnly={ro || !!d.source}
                  error={errors[`indicators.${i}.code`]}
                  onChange={(e) => {
                    const code = e.currentTarget.value;
                    setV({ ...v, indicators: v.indicators.map((x, j) => (j === i ? { ...x, code } : x)) });
                  }}
                />
                <TextInput
                  aria-label={t('calendar.name')}
                  value={d.name}
                  style={{ flex: 2 }}
                  readOnly={ro}
                  error={errors[`indicators.${i}.name`]}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setV({ ...v, indicators: v.indicators.map((x, j) => (j === i ? { ...x, name } : x)) });
                  }}
                />
                <TextInput
                  aria-label="unit"
                  value={d.unit}
                  w={110}
                  readOnly={ro}
                  error={errors[`indicators.${i}.unit`]}
                  onChange={(e) => {
                    const unit = e.currentTarget.value;
                    setV({ ...v, indicators: v.indicators.map((x, j) => (j === i ? { ...x, unit } : x)) });
                  }}
                />
                <TextInput
                  aria-label="definition"
                  value={d.definition ?? ''}
                  style={{ flex: 3 }}
                  readOnly={ro}
                  error={errors[`indicators.${i}.definition`]}
                  onChange={(e) => {
                    const definition = e.currentTarget.value;
                    setV({ ...v, indicators: v.indicators.map((x, j) => (j === i ? { ...x, definition } : x)) });
                  }}
                />
                {d.source ? (
                  <Badge mt={8} color="teal" variant="light">
                    {t('reports.computed')}
                  </Badge>
                ) : null}
                {canManage ? (
                  <ActionIcon
                    mt={4}
                    variant="subtle"
                    color="red"
                    aria-label={t('app.delete')}
                    onClick={() => setV({ ...v, indicators: v.indicators.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
            {canManage ? (
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                onClick={() =>
                  setV({
                    ...v,
                    indicators: [
                      ...v.indicators,
                      { code: `chi_tieu_${v.indicators.length + 1}`, name: '', unit: '', definition: null, source: null },
                    ],
                  })
                }
              >
                + {t('app.add')}
              </Button>
            ) : null}
          </Stack>
          <Text size="xs" c="dimmed" mt="sm">
            {t('reports.templateHint')}
          </Text>
        </Paper>
      </Stack>
    </>
  );
}
