import { Anchor, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tone } from './Tone';
import { PROPOSERS, type TConference, type TConferenceSummary } from '../../../contracts/conferences';
import { get, post } from '../../api';
import { useCan } from '../../session';
import {
  DmyDateInput,
  EmptyState,
  ErrorAlert,
  FormAlert,
  type FormErrors,
  formErrorsOf,
  Loading,
  PageHeader,
  useModalSize,
} from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';

export function ConferencesPage() {
  const { t } = useTranslation();
  const canManage = useCan('conferences.manage');
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['conferences'], queryFn: () => get<{ items: TConferenceSummary[] }>('/api/conferences') });
  return (
    <>
      <PageHeader
        title={t('conferences.title')}
        subtitle={t('conferences.subtitle')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('conferences.new')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Loading /> : null}
      {list.data && !list.data.items.length ? <EmptyState title={t('app.empty')} /> : null}
      {list.data?.items.length ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('conferences.year')}</Table.Th>
                  <Table.Th>{t('conferences.title')}</Table.Th>
                  <Table.Th>{t('conferences.attendance')}</Table.Th>
                  <Table.Th>{t('conferences.resolutions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.year}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/conferences/${c.id}`} fw={600} size="sm">
                        {c.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`conferences.kind_${c.kind}`)} ·{' '}
                        {c.heldOn
                          ? `${t('conferences.heldOn')} ${formatDate(c.heldOn)}`
                          : `${t('conferences.scheduledOn')} ${formatDate(c.scheduledOn)}`}
                        {c.dueOn ? ` · ${t('conferences.due')} ${formatDate(c.dueOn)}` : ''}
                      </Text>
                      {c.onTime === false ? (
                        <Tone size="xs" color="red">
                          {t('conferences.late')}
                        </Tone>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {c.present !== null ? `${c.present}/${c.convened}` : `—/${c.convened}`}{' '}
                      <Tone size="sm" variant="light" color={c.quorumMet ? 'green' : 'red'}>
                        {c.quorumMet ? t('conferences.quorum') : t('conferences.noQuorum')}
                      </Tone>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.resolutions.map((r) => (
                          <Tone
                            key={r.id}
                            size="sm"
                            variant="light"
                            color={r.passed === null ? 'gray' : r.passed ? 'green' : 'red'}
                            title={r.title}
                          >
                            {r.passed === null ? t('conferences.notVoted') : r.passed ? t('conferences.passed') : t('conferences.failed')}
                          </Tone>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {creating ? <CreateConference onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreateConference({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const modal = useModalSize('md');
  const [errors, setErrors] = useState<FormErrors>({});
  const [f, setF] = useState({
    year: Number(todayIso().slice(0, 4)),
    kind: 'annual',
    scheduledOn: null as string | null,
    proposedBy: null as string | null,
    proposers: null as number | null,
    delegates: null as number | null,
  });
  const save = useMutation({
    mutationFn: () =>
      post<TConference>('/api/conferences', {
        year: f.year,
        kind: f.kind,
        scheduledOn: f.scheduledOn,
        proposedBy: f.kind === 'extraordinary' ? f.proposedBy : null,
        proposers: f.kind === 'extraordinary' && f.proposedBy === 'staff' ? f.proposers : null,
        delegates: f.delegates || null,
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['conferences'] });
      void navigate({ to: `/conferences/${c.id}` });
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Modal opened onClose={onClose} title={t('conferences.new')} {...modal}>
      <Stack>
        <SimpleGrid cols={2}>
          <NumberInput label={t('conferences.year')} value={f.year} onChange={(v) => setF({ ...f, year: Number(v) })} error={errors.year} />
          <Select
            label={t('conferences.kind')}
            data={['annual', 'extraordinary'].map((k) => ({ value: k, label: t(`conferences.kind_${k}`) }))}
            value={f.kind}
            onChange={(v) => setF({ ...f, kind: v ?? 'annual' })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <DmyDateInput
          label={t('conferences.scheduledOn')}
          required
          value={f.scheduledOn}
          onChange={(v) => setF({ ...f, scheduledOn: v })}
          error={errors.scheduledOn}
        />
        {f.kind === 'extraordinary' ? (
          <>
            <Select
              label={t('conferences.proposedBy')}
              data={PROPOSERS.map((p) => ({ value: p, label: t(`conferences.proposer_${p}`) }))}
              value={f.proposedBy}
              onChange={(v) => setF({ ...f, proposedBy: v })}
              error={errors.proposedBy}
            />
            {f.proposedBy === 'staff' ? (
              <NumberInput
                label={t('conferences.proposers')}
                min={0}
                value={f.proposers ?? ''}
                onChange={(v) => setF({ ...f, proposers: v === '' ? null : Number(v) })}
                error={errors.proposers}
              />
            ) : null}
          </>
        ) : null}
        <NumberInput
          label={t('conferences.delegates')}
          min={1}
          value={f.delegates ?? ''}
          onChange={(v) => setF({ ...f, delegates: v === '' ? null : Number(v) })}
          error={errors.delegates}
        />
        <FormAlert errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
