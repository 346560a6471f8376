import { useEffect, useState } from 'react';
import type { TReportTemplate } from '../../../contracts/reports';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../../api';
import { useCan } from '../../session';
import { ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';

type Tpl = TReportTemplate;

export function TemplatePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('plans.manage');
  const { id } = useParams({ strict: false }) as { id: string };
  const tpl = useQuery({ queryKey: ['report-cycles', id, 'template'], queryFn: () => get<Tpl>(`/api/report-cycles/${id}/template`) });
  const [v, setV] = useState<Tpl | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (tpl.data) setV(tpl.data);
  }, [tpl.data]);
  const save = useMutation({
    mutationFn: () =>
      post<Tpl>(`/api/report-cycles/${id}/template`, {
        version: tpl.data!.versions[tpl.data!.versions.length - 1]!.version,
        name: v!.name,
        sections: v!.sections,
        indicators: v!.indicators.map(({ source: _s, ...d }) => d),
      }),
    onSuccess: async (r) => {
      qc.setQueryData(['report-cycles', id, 'template'], r);
      await qc.invalidateQueries({ queryKey: ['report-cycles'] });
      notifyOk(`${t('app.saved')} — ${t('reports.version')} ${r.version}`);
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      notifyError(err);
    },
  });
  if (tpl.isLoading || !v) return tpl.error ? <ErrorAlert error={tpl.error} /> : <Loading />;
  const ro = !canManage;
  return (
    <>
      <PageHeader
        title={t('reports.template')}
        subtitle={`${t('reports.version')} ${tpl.data!.version} / ${tpl.data!.versions.length} · ${t('reports.templateHint')}`}
        actions={
          canManage ? (
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('reports.saveVersion')}
            </Button>
          ) : null
        }
      />
      <Stack>
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
