/**
 * `/targets`: the targets the leader's dashboard judges its figures against (issue #13), one card
 * each with its default and basis; the Office sets the value for a year or goes back to the default.
 */
import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TPillarTarget } from '../../../contracts/targets';
import { get, put } from '../../api';
import { useCan } from '../../session';
import { ErrorAlert, FormAlert, type FormErrors, formErrorsOf, isStale, notifyOk, PageHeader, TableSkeleton } from '../../ui/common';

export function TargetsPage() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({ queryKey: ['pillar-targets', year], queryFn: () => get<TPillarTarget[]>(`/api/pillar-targets?year=${year}`) });
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map(String);
  return (
    <>
      <PageHeader
        title={t('targets.title')}
        subtitle={t('targets.subtitle')}
        actions={
          <Select
            label={t('targets.year')}
            data={years}
            value={String(year)}
            onChange={(v) => setYear(Number(v ?? thisYear))}
            allowDeselect={false}
            w={120}
          />
        }
      />
      {q.isLoading ? <TableSkeleton rows={4} cols={2} /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(q.data ?? []).map((x) => (
          <TargetCard key={`${year}-${x.key}-${x.version}`} target={x} year={year} />
        ))}
      </SimpleGrid>
    </>
  );
}

function TargetCard({ target, year }: { target: TPillarTarget; year: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('targets.manage');
  const [value, setValue] = useState<number | string>(target.value);
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: (v: number | null) => put('/api/pillar-targets', { year, key: target.key, value: v, version: target.version }),
    onSuccess: async () => {
      notifyOk(t('targets.saved'));
      setErrors({});
      await qc.invalidateQueries({ queryKey: ['pillar-targets'] });
    },
    onError: (e) => {
      setStale(isStale(e));
      setErrors(formErrorsOf(e));
    },
  });
  return (
    <Paper withBorder p="md" data-testid={`target-${target.key}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="h5">
            {target.label.vi}
          </Title>
          <Badge variant="light" color={target.set ? 'blue' : 'gray'} style={{ flexShrink: 0 }}>
            {target.set ? t('targets.isSet', { year }) : t('targets.isDefault')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t(`targets.pillar.${target.pillar}`)} · {t('targets.defaultValue', { n: target.default })} · {t('targets.basis')}: {target.basis}
        </Text>
        <FormAlert errors={errors} stale={stale} onReload={() => void qc.invalidateQueries({ queryKey: ['pillar-targets'] })} />
        <Group align="flex-end" gap="xs">
          <NumberInput
            label={t('targets.target')}
            min={target.min}
            max={target.max}
            decimalScale={2}
            value={value}
            onChange={setValue}
            readOnly={!canManage}
            error={errors.value}
            w={140}
          />
          {canManage ? (
            <>
              <Button onClick={() => save.mutate(value === '' ? null : Number(value))} loading={save.isPending}>
                {t('targets.save')}
              </Button>
              {target.set ? (
                <Button variant="default" onClick={() => save.mutate(null)} loading={save.isPending}>
                  {t('targets.reset')}
                </Button>
              ) : null}
            </>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
