/** The province's SIPAS, PAPI and PCI entered per year with targets: a trend chart per index and the Office's entry form. */
import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_INDICES, type TExternalIndex } from '../../../contracts/surveys';
import { get, put } from '../../api';
import { useCan } from '../../session';
import { EmptyState, ErrorAlert, type FormErrors, formErrorsOf, notifyOk, TableSkeleton } from '../../ui/common';

type Index = (typeof EXTERNAL_INDICES)[number];

export function IndicesPanel() {
  const { t } = useTranslation();
  const canManage = useCan('surveys.manage');
  const q = useQuery({ queryKey: ['external-indices'], queryFn: () => get<TExternalIndex[]>('/api/external-indices') });
  if (q.isLoading) return <TableSkeleton rows={5} cols={4} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const rows = q.data ?? [];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('surveys.indicesHint')}
      </Text>
      {rows.length === 0 ? <EmptyState title={t('surveys.noFigures')} /> : null}
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        {EXTERNAL_INDICES.map((idx) => {
          const overall = rows.filter((r) => r.index === idx && r.dimension === '').sort((a, b) => a.year - b.year);
          if (overall.length === 0) return null;
          return (
            <Paper key={idx} withBorder p="md">
              <Title order={3} fz="h5" mb="xs">
                {overall[0]!.dimensionName} — {t('surveys.trend')}
              </Title>
              <LineChart
                h={200}
                data={overall.map((r) => ({ year: String(r.year), [t('surveys.value')]: r.value, [t('surveys.target')]: r.target }))}
                dataKey="year"
                series={[
                  { name: t('surveys.value'), color: 'danchu.7' },
                  { name: t('surveys.target'), color: 'gray.5', strokeDasharray: '5 5' },
                ]}
                curveType="linear"
                withLegend
                yAxisProps={{ domain: ['auto', 'auto'] }}
              />
              <Table mt="sm" fz="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.year')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.value')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.target')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overall.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td ta="right">{r.value ?? '—'}</Table.Td>
                      <Table.Td ta="right" c={r.value !== null && r.target !== null && r.value < r.target ? 'red.8' : undefined}>
                        {r.target ?? '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {overall.at(-1)?.source ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('surveys.source')}: {overall.at(-1)!.source}
                </Text>
              ) : null}
            </Paper>
          );
        })}
      </SimpleGrid>
      {canManage ? <EntryForm /> : null}
    </Stack>
  );
}

function EntryForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [index, setIndex] = useState<Index>('SIPAS');
  const [dimension, setDimension] = useState('');
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const [value, setValue] = useState<number | string>('');
  const [target, setTarget] = useState<number | string>('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () =>
      put('/api/external-indices', {
        index,
        dimension,
        year: Number(year),
        value: value === '' ? null : Number(value),
        target: target === '' ? null : Number(target),
        rank: null,
        source,
      }),
    onSuccess: async () => {
      setErrors({});
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['external-indices'] });
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const dims: Record<Index, number> = { SIPAS: 0, PAPI: 8, PCI: 10 };
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h5" mb="sm">
        {t('surveys.enterFigure')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('surveys.indexName')}
          data={[...EXTERNAL_INDICES]}
          value={index}
          onChange={(v) => {
            setIndex((v ?? 'SIPAS') as Index);
            setDimension('');
          }}
          w={120}
          allowDeselect={false}
        />
        <Select
          label={t('surveys.dimension')}
          data={[
            { value: '', label: '—' },
            ...Array.from({ length: dims[index] }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
          ]}
          value={dimension}
          onChange={(v) => setDimension(v ?? '')}
          error={errors.dimension}
          w={110}
          allowDeselect={false}
        />
        <NumberInput label={t('surveys.year')} value={year} onChange={setYear} min={2000} max={2100} w={100} error={errors.year} />
        <NumberInput
          label={t('surveys.value')}
          value={value}
          onChange={setValue}
          decimalScale={2}
          decimalSeparator=","
          min={0}
          max={100}
          w={110}
          error={errors.value}
        />
        <NumberInput
          label={t('surveys.target')}
          value={target}
          onChange={setTarget}
          decimalScale={2}
          decimalSeparator=","
          min={0}
          max={100}
          w={110}
          error={errors.target}
        />
        <TextInput label={t('surveys.source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} w={260} />
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('surveys.save')}
        </Button>
      </Group>
    </Paper>
  );
}
