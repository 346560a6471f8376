/**
 * Criteria sets of the rating (issue #12): every version with its deciding document and the
 * years it governs (the version in force on 31/12 of the rating year), each version's groups,
 * items, maximums, deductions, bonuses and bands, and for the Office a new version — started from
 * the latest one or imported from a .json file — checked by the server, whose field-named errors
 * are shown next to the fields.
 */
import { useState } from 'react';
import {
  Accordion,
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TCriteriaSet, TRatingsOfYear } from '../../../contracts/ratings';
import { get, post } from '../../api';
import { DmyDateInput, ErrorAlert, FormAlert, type FormErrors, formErrorsOf, notifyOk, PageHeader, TableSkeleton } from '../../ui/common';
import { formatDate } from '../../ui/format';

type Body = TCriteriaSet['body'];
type Item = Body['groups'][number]['items'][number];
type Draft = { name: string; basis: string; effectiveFrom: string | null; body: Body };

/** The years a version governs: from its first year to the year before the next version's. */
function yearsOf(sets: TCriteriaSet[], i: number): string {
  const first = Number(sets[i]!.effectiveFrom.slice(0, 4));
  const next = sets[i + 1];
  if (!next) return `${first} →`;
  const last = Number(next.effectiveFrom.slice(0, 4)) - 1;
  return last <= first ? String(first) : `${first}–${last}`;
}

function SetView({ set }: { set: TCriteriaSet }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">
        <b>{t('ratings.basis')}:</b> {set.basis}
      </Text>
      <Text size="sm">
        <b>{t('ratings.bands')}:</b>{' '}
        {[...set.body.bands]
          .sort((a, b) => b.min - a.min)
          .map((b) => `${b.name} ≥ ${b.min}`)
          .join(' · ')}{' '}
        · <b>{t('ratings.bonusCap')}:</b> {set.body.bonusCap ?? '—'} · <b>{t('ratings.appealDays')}:</b> {set.body.appealDays}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ratings.code')}</Table.Th>
              <Table.Th>{t('ratings.item')}</Table.Th>
              <Table.Th>{t('ratings.kind')}</Table.Th>
              <Table.Th ta="right">{t('ratings.max')}</Table.Th>
              <Table.Th>{t('ratings.indicator')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {set.body.groups.flatMap((g) => [
              <Table.Tr key={`g-${g.code}`}>
                <Table.Td fw={600}>{g.code}</Table.Td>
                <Table.Td fw={600} colSpan={4}>
                  {g.title}
                </Table.Td>
              </Table.Tr>,
              ...g.items.map((i) => (
                <Table.Tr key={`${g.code}-${i.code}`}>
                  <Table.Td>{i.code}</Table.Td>
                  <Table.Td>{i.title}</Table.Td>
                  <Table.Td>{t(`ratings.kind_${i.kind}`)}</Table.Td>
                  <Table.Td ta="right">{i.max}</Table.Td>
                  <Table.Td>{i.indicator ?? '—'}</Table.Td>
                </Table.Tr>
              )),
            ])}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const blankItem = (code: string): Item => ({ code, title: '', kind: 'score', max: 10, indicator: null, perUnit: null, evidence: null });

/** Read an imported file: a whole set `{name, basis, effectiveFrom, body}` or a body alone. */
function fromImport(text: string, base: Draft): Draft {
  const j = JSON.parse(text) as Partial<Draft> & Partial<Body>;
  if (j.body)
    return { name: j.name ?? base.name, basis: j.basis ?? base.basis, effectiveFrom: j.effectiveFrom ?? base.effectiveFrom, body: j.body };
  if (j.groups && j.bands) return { ...base, body: j as Body };
  throw new Error('format');
}

function NewVersion({ latest, onDone }: { latest: TCriteriaSet | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>({
    name: latest?.name ?? '',
    basis: '',
    effectiveFrom: null,
    body: latest?.body ?? {
      groups: [{ code: 'I', title: '', items: [blankItem('1.1')] }],
      bands: [{ name: 'Tốt', min: 90 }],
      bonusCap: null,
      allowNegative: false,
      appealDays: 10,
    },
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const body = d.body;
  const setBody = (b: Body) => setD({ ...d, body: b });
  const setItem = (gi: number, ii: number, patch: Partial<Item>) =>
    setBody({
      ...body,
      groups: body.groups.map((g, x) => (x !== gi ? g : { ...g, items: g.items.map((i, y) => (y !== ii ? i : { ...i, ...patch })) })),
    });
  const save = useMutation({
    mutationFn: () => post<TCriteriaSet>('/api/rating-criteria', d),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['rating-criteria'] });
      await qc.invalidateQueries({ queryKey: ['ratings'] });
      onDone();
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  // A field's error, whether the server named it by position (zod) or by item code (the set's own checks).
  const err = (...keys: string[]) => keys.map((k) => errors[k]).find(Boolean);
  return (
    <Paper withBorder p="md" mt="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          <Group justify="space-between">
            <Title order={4}>{t('ratings.newVersion')}</Title>
            <FileButton
              accept="application/json,.json"
              onChange={async (f) => {
                if (!f) return;
                try {
                  setD(fromImport(await f.text(), d));
                  setErrors({});
                } catch {
                  setErrors({ _: t('ratings.importBad') });
                }
              }}
            >
              {(props) => (
                <Button variant="light" {...props}>
                  {t('ratings.importJson')}
                </Button>
              )}
            </FileButton>
          </Group>
          <FormAlert errors={errors} />
          {errors._ && Object.keys(errors).length > 1 ? (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          ) : null}
          <TextInput
            label={t('ratings.setName')}
            value={d.name}
            onChange={(e) => setD({ ...d, name: e.currentTarget.value })}
            error={err('name')}
            required
          />
          <TextInput
            label={t('ratings.basisDoc')}
            description={t('ratings.basisHint')}
            value={d.basis}
            onChange={(e) => setD({ ...d, basis: e.currentTarget.value })}
            error={err('basis')}
            required
          />
          <Group grow align="flex-start">
            <DmyDateInput
              label={t('ratings.effectiveDate')}
              value={d.effectiveFrom}
              onChange={(v) => setD({ ...d, effectiveFrom: v })}
              error={err('effectiveFrom')}
              required
            />
            <NumberInput
              label={t('ratings.bonusCap')}
              value={body.bonusCap ?? ''}
              onChange={(v) => setBody({ ...body, bonusCap: v === '' ? null : Number(v) })}
              error={err('body.bonusCap')}
              min={0}
            />
            <NumberInput
              label={t('ratings.appealDays')}
              value={body.appealDays}
              onChange={(v) => setBody({ ...body, appealDays: Number(v) || 0 })}
              error={err('body.appealDays')}
              min={0}
            />
          </Group>
          <Checkbox
            label={t('ratings.allowNegative')}
            checked={body.allowNegative}
            onChange={(e) => setBody({ ...body, allowNegative: e.currentTarget.checked })}
          />
          <Title order={5}>{t('ratings.bands')}</Title>
          {err('body.bands') ? (
            <Text c="red" size="sm">
              {err('body.bands')}
            </Text>
          ) : null}
          {body.bands.map((b, i) => (
            <Group key={i} align="flex-end">
              <TextInput
                label={`${t('ratings.bandName')} ${i + 1}`}
                value={b.name}
                onChange={(e) =>
                  setBody({ ...body, bands: body.bands.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })
                }
                error={err(`body.bands.${i}.name`)}
              />
              <NumberInput
                label={`${t('ratings.bandMin')} ${i + 1}`}
                value={b.min}
                onChange={(v) => setBody({ ...body, bands: body.bands.map((x, j) => (j === i ? { ...x, min: Number(v) || 0 } : x)) })}
                error={err(`body.bands.${i}.min`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('ratings.remove')} ${b.name}`}
                onClick={() => setBody({ ...body, bands: body.bands.filter((_, j) => j !== i) })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => setBody({ ...body, bands: [...body.bands, { name: '', min: 0 }] })}
            >
              {t('ratings.addBand')}
            </Button>
          </Group>
          <Title order={5}>{t('ratings.groups')}</Title>
          {body.groups.map((g, gi) => (
            <Paper key={gi} withBorder p="sm">
              <Group align="flex-end">
                <TextInput
                  w={90}
                  label={`${t('ratings.code')} (${t('ratings.group')} ${gi + 1})`}
                  value={g.code}
                  onChange={(e) =>
                    setBody({ ...body, groups: body.groups.map((x, j) => (j === gi ? { ...x, code: e.currentTarget.value } : x)) })
                  }
                  error={err(`body.groups.${gi}.code`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={`${t('ratings.group')} ${g.code}`}
                  value={g.title}
                  onChange={(e) =>
                    setBody({ ...body, groups: body.groups.map((x, j) => (j === gi ? { ...x, title: e.currentTarget.value } : x)) })
                  }
                  error={err(`body.groups.${gi}.title`)}
                />
              </Group>
              {g.items.map((it, ii) => (
                <Group key={ii} align="flex-end" mt="xs" wrap="wrap">
                  <TextInput
                    w={80}
                    label={`${t('ratings.code')} ${gi + 1}.${ii + 1}`}
                    value={it.code}
                    onChange={(e) => setItem(gi, ii, { code: e.currentTarget.value })}
                    error={err(`body.groups.${gi}.items.${ii}.code`, `body.items.${it.code}`)}
                  />
                  <TextInput
                    style={{ flex: 1, minWidth: 200 }}
                    label={`${t('ratings.item')} ${it.code}`}
                    value={it.title}
                    onChange={(e) => setItem(gi, ii, { title: e.currentTarget.value })}
                    error={err(`body.groups.${gi}.items.${ii}.title`)}
                  />
                  <Select
                    w={140}
                    label={`${t('ratings.kind')} ${it.code}`}
                    data={(['score', 'deduction', 'bonus'] as const).map((k) => ({ value: k, label: t(`ratings.kind_${k}`) }))}
                    value={it.kind}
                    onChange={(v) => setItem(gi, ii, { kind: (v ?? 'score') as Item['kind'] })}
                    allowDeselect={false}
                  />
                  <NumberInput
                    w={110}
                    label={`${t('ratings.max')} ${it.code}`}
                    value={it.max}
                    onChange={(v) => setItem(gi, ii, { max: Number(v) || 0 })}
                    error={err(`body.groups.${gi}.items.${ii}.max`, `body.items.${it.code}.max`)}
                  />
                  <TextInput
                    w={200}
                    label={`${t('ratings.indicator')} ${it.code}`}
                    value={it.indicator ?? ''}
                    onChange={(e) => setItem(gi, ii, { indicator: e.currentTarget.value || null })}
                    error={err(`body.groups.${gi}.items.${ii}.indicator`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('ratings.remove')} ${it.code}`}
                    onClick={() =>
                      setBody({
                        ...body,
                        groups: body.groups.map((x, j) => (j === gi ? { ...x, items: x.items.filter((_, y) => y !== ii) } : x)),
                      })
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                mt="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  setBody({
                    ...body,
                    groups: body.groups.map((x, j) =>
                      j === gi ? { ...x, items: [...x.items, blankItem(`${x.code}.${x.items.length + 1}`)] } : x,
                    ),
                  })
                }
              >
                {t('ratings.addItem')} ({g.code})
              </Button>
            </Paper>
          ))}
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                setBody({
                  ...body,
                  groups: [
                    ...body.groups,
                    { code: String(body.groups.length + 1), title: '', items: [blankItem(`${body.groups.length + 1}.1`)] },
                  ],
                })
              }
            >
              {t('ratings.addGroup')}
            </Button>
            <Group>
              <Button variant="default" onClick={onDone}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('ratings.saveVersion')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function CriteriaPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const sets = useQuery({ queryKey: ['rating-criteria'], queryFn: () => get<TCriteriaSet[]>('/api/rating-criteria') });
  // Whether this person may add a version (the Office): the year's list says so.
  const year = useQuery({
    queryKey: ['ratings', new Date().getFullYear()],
    queryFn: () => get<TRatingsOfYear>(`/api/ratings?year=${new Date().getFullYear()}`),
  });
  const list = sets.data ?? [];
  return (
    <>
      <PageHeader
        title={t('ratings.criteriaTitle')}
        subtitle={t('ratings.criteriaSubtitle')}
        actions={
          year.data?.canAppraise && !editing ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(true)}>
              {t('ratings.newVersion')}
            </Button>
          ) : null
        }
      />
      {sets.isLoading ? <TableSkeleton /> : null}
      {sets.error ? <ErrorAlert error={sets.error} /> : null}
      {editing ? <NewVersion latest={list.at(-1)} onDone={() => setEditing(false)} /> : null}
      <Accordion variant="separated" mt="md" defaultValue={list.at(-1)?.id}>
        {[...list.entries()].reverse().map(([i, s]) => (
          <Accordion.Item key={s.id} value={s.id}>
            <Accordion.Control>
              <Group gap="xs">
                <Text fw={600}>{s.name}</Text>
                <Badge variant="light">
                  {t('ratings.effectiveFrom')} {formatDate(s.effectiveFrom)}
                </Badge>
                <Badge variant="outline" color="gray">
                  {t('ratings.forYears')} {yearsOf(list, i)}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <SetView set={s} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}
