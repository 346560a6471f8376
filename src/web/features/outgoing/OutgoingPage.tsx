/**
 * The register of outgoing documents (issue #14 point 1): the year's numbers by type, the văn
 * thư's form to number a document, the .xlsx of the register and the agency code in symbols.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, type TOutgoingDocument, type TOutgoingList, type TOutgoingSettings } from '../../../contracts/outgoing';
import { get, post, put } from '../../api';
import {
  DmyDateInput,
  EmptyState,
  ErrorAlert,
  FormAlert,
  type FormErrors,
  formErrorsOf,
  Loading,
  notifyOk,
  PageHeader,
  useModalSize,
  usePhone,
} from '../../ui/common';
import { useUnits } from '../../ui/data';
import { formatDate, todayIso } from '../../ui/format';

const TYPE_OPTIONS = DOCUMENT_TYPES.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }));

function IssueForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('lg');
  const units = useUnits();
  const [v, setV] = useState({
    typeCode: 'TB',
    issuedOn: todayIso() as string | null,
    summary: '',
    signerName: '',
    recipients: '',
    draftingUnitId: null as string | null,
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => post<TOutgoingDocument>('/api/outgoing', { ...v, issuedOn: v.issuedOn ?? '' }),
    onSuccess: async (doc) => {
      notifyOk(t('outgoing.issued', { symbol: doc.numberSymbol }));
      await qc.invalidateQueries({ queryKey: ['outgoing'] });
      onClose();
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Modal opened onClose={onClose} title={t('outgoing.issue')} {...modal} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('outgoing.issueHint')}</Text>
          <FormAlert errors={errors} />
          <Group grow align="flex-start">
            <Select
              label={t('outgoing.type')}
              data={TYPE_OPTIONS}
              value={v.typeCode}
              onChange={(x) => setV({ ...v, typeCode: x ?? 'TB' })}
              allowDeselect={false}
              searchable
              error={errors.typeCode}
              required
            />
            <DmyDateInput
              label={t('outgoing.issuedOn')}
              value={v.issuedOn}
              onChange={(x) => setV({ ...v, issuedOn: x })}
              error={errors.issuedOn}
              required
            />
          </Group>
          <Textarea
            label={t('outgoing.summary')}
            value={v.summary}
            onChange={(e) => setV({ ...v, summary: e.currentTarget.value })}
            error={errors.summary}
            autosize
            minRows={2}
            required
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('outgoing.signer')}
              value={v.signerName}
              onChange={(e) => setV({ ...v, signerName: e.currentTarget.value })}
            />
            <Select
              label={t('outgoing.draftingUnit')}
              data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={v.draftingUnitId}
              onChange={(x) => setV({ ...v, draftingUnitId: x })}
              error={errors.draftingUnitId}
              clearable
              searchable
            />
          </Group>
          <Textarea
            label={t('outgoing.recipients')}
            value={v.recipients}
            onChange={(e) => setV({ ...v, recipients: e.currentTarget.value })}
            autosize
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('outgoing.issue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function IssuerCode() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const s = useQuery({ queryKey: ['outgoing', 'settings'], queryFn: () => get<TOutgoingSettings>('/api/outgoing/settings') });
  const [code, setCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => put('/api/outgoing/settings', { issuerCode: code ?? '', version: s.data!.version }),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      setCode(null);
      await qc.invalidateQueries({ queryKey: ['outgoing'] });
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  if (!s.data) return null;
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={t('outgoing.issuerCode')}
        description={t('outgoing.issuerCodeHint')}
        value={code ?? s.data.issuerCode}
        onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
        error={errors.issuerCode}
        w={220}
      />
      <Button
        variant="default"
        disabled={code === null || code === s.data.issuerCode}
        loading={save.isPending}
        onClick={() => save.mutate()}
      >
        {t('outgoing.saveCode')}
      </Button>
    </Group>
  );
}

function SourceLink({ d }: { d: TOutgoingDocument }) {
  const { t } = useTranslation();
  if (!d.source) return <Text size="sm">{t('outgoing.manual')}</Text>;
  if (d.source.type === 'plan')
    return (
      <Anchor component={Link} to={`/plans/${d.source.id}`} size="sm">
        {t('outgoing.source_plan')}
      </Anchor>
    );
  return (
    <Anchor component={Link} to={`/reports/${d.source.id}/agency`} size="sm">
      {t('outgoing.source_agency_report')}
    </Anchor>
  );
}

export function OutgoingPage() {
  const { t } = useTranslation();
  const phone = usePhone();
  const [year, setYear] = useState<number | null>(null);
  const [typeCode, setTypeCode] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const qs = `${year ? `year=${year}` : ''}${typeCode ? `${year ? '&' : ''}typeCode=${encodeURIComponent(typeCode)}` : ''}`;
  const list = useQuery({
    queryKey: ['outgoing', year, typeCode],
    queryFn: () => get<TOutgoingList>(`/api/outgoing${qs ? `?${qs}` : ''}`),
  });
  const data = list.data;
  return (
    <>
      <PageHeader
        title={t('outgoing.title')}
        subtitle={t('outgoing.subtitle')}
        actions={
          <>
            {data?.abilities.issue ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setIssuing(true)}>
                {t('outgoing.issue')}
              </Button>
            ) : null}
            {data ? (
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                component="a"
                href={`/api/outgoing/export.xlsx?year=${data.year}${typeCode ? `&typeCode=${encodeURIComponent(typeCode)}` : ''}`}
              >
                {t('outgoing.export')}
              </Button>
            ) : null}
          </>
        }
      />
      {issuing ? <IssueForm onClose={() => setIssuing(false)} /> : null}
      <Group mb="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('outgoing.year')}
          data={(data?.years ?? []).map((y) => String(y))}
          value={String(data?.year ?? year ?? '')}
          onChange={(x) => setYear(x ? Number(x) : null)}
          allowDeselect={false}
          w={120}
        />
        <Select
          label={t('outgoing.type')}
          placeholder={t('outgoing.allTypes')}
          data={TYPE_OPTIONS}
          value={typeCode}
          onChange={setTypeCode}
          clearable
          searchable
          w={260}
        />
        {data?.abilities.configure ? <IssuerCode /> : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Loading /> : null}
      {data && data.counters.length > 0 ? (
        <Group gap="xs" mb="sm" aria-label={t('outgoing.lastNumbers')}>
          <Text size="sm">{t('outgoing.lastNumbers')}:</Text>
          {data.counters.map((c) => (
            <Badge key={c.typeCode} variant="light" color="blue">
              {c.typeCode}: {String(c.last).padStart(2, '0')}
            </Badge>
          ))}
        </Group>
      ) : null}
      {data && data.items.length === 0 ? <EmptyState title={t('outgoing.empty')} /> : null}
      {data && data.items.length > 0 && phone ? (
        <Stack gap="xs">
          {data.items.map((d) => (
            <Card key={d.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={700}>{d.numberSymbol}</Text>
                <Text size="sm">{formatDate(d.issuedOn)}</Text>
              </Group>
              <Text size="sm">
                {d.typeName} {d.summary}
              </Text>
              <Group justify="space-between">
                <Text size="xs">{d.issuedBy}</Text>
                <SourceLink d={d} />
              </Group>
            </Card>
          ))}
        </Stack>
      ) : null}
      {data && data.items.length > 0 && !phone ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" striped aria-label={t('outgoing.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outgoing.numberSymbol')}</Table.Th>
                  <Table.Th>{t('outgoing.issuedOn')}</Table.Th>
                  <Table.Th>{t('outgoing.summary')}</Table.Th>
                  <Table.Th>{t('outgoing.signer')}</Table.Th>
                  <Table.Th>{t('outgoing.draftingUnit')}</Table.Th>
                  <Table.Th>{t('outgoing.issuedBy')}</Table.Th>
                  <Table.Th>{t('outgoing.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {d.numberSymbol}
                    </Table.Td>
                    <Table.Td>{formatDate(d.issuedOn)}</Table.Td>
                    <Table.Td>
                      {d.typeName} {d.summary}
                    </Table.Td>
                    <Table.Td>{d.signerName ?? ''}</Table.Td>
                    <Table.Td>{d.draftingUnit?.name ?? ''}</Table.Td>
                    <Table.Td>{d.issuedBy}</Table.Td>
                    <Table.Td>
                      <SourceLink d={d} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {data ? (
        <Text size="sm" mt="xs">
          {t('outgoing.count', { count: data.items.length })}
        </Text>
      ) : null}
    </>
  );
}
