import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUS_LABELS, LEGAL_STATUSES, type TLegalDocument, ZLegalDocumentInput } from '../../../contracts/plans';
import { get, patch, post } from '../../api';
import { useCan } from '../../session';
import { label } from '../../i18n';
import { DmyDateInput, ErrorAlert, Loading, notifyOk, PageHeader } from '../../ui/common';
import { formatDate, matches } from '../../ui/format';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';

const COLORS: Record<string, string> = { in_force: 'green', amended: 'blue', replaced: 'orange', expired: 'red', unknown: 'gray' };

type LegalStatus = (typeof LEGAL_STATUSES)[number];
type DocValues = {
  symbol: string;
  typeName: string;
  issuer: string;
  title: string;
  issuedOn: string | null;
  effectiveOn: string | null;
  status: LegalStatus;
  replacedById: string | null;
  note: string;
};
/** The request body of the document form (ZLegalDocumentInput; an edit adds the version read). */
const docRequest = (v: DocValues) => ({ ...v, issuer: v.issuer || null, title: v.title || null, note: v.note || null });

function DocumentForm({ doc, all, onClose }: { doc: TLegalDocument | null; all: TLegalDocument[]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useSchemaForm<DocValues, ReturnType<typeof docRequest>>({
    schema: ZLegalDocumentInput,
    toRequest: docRequest,
    initialValues: {
      symbol: doc?.symbol ?? '',
      typeName: doc?.typeName ?? '',
      issuer: doc?.issuer ?? '',
      title: doc?.title ?? '',
      issuedOn: doc?.issuedOn ?? null,
      effectiveOn: doc?.effectiveOn ?? null,
      status: doc?.status ?? 'in_force',
      replacedById: doc?.replacedBy?.id ?? null,
      note: doc?.note ?? '',
    },
  });
  const v = form.values;
  const errors = errorsOf(form);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof docRequest>) =>
      doc ? patch(`/api/legal-documents/${doc.id}`, { ...body, version: doc.version }) : post('/api/legal-documents', body),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['legal-documents'] });
      await qc.invalidateQueries({ queryKey: ['plans'] });
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  return (
    <Modal opened onClose={onClose} title={doc ? doc.symbol : t('app.add')} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={form.onSubmit((body) => save.mutate(body))} noValidate>
        <Stack>
          {errors._ ? (
            <Text c="red" size="sm">
              {errors._}
            </Text>
          ) : null}
          <Group grow align="flex-start">
            <TextInput
              label={t('plans.numberSymbol')}
              value={v.symbol}
              onChange={(e) => form.setFieldValue('symbol', e.currentTarget.value)}
              error={errors.symbol}
              required
            />
            <TextInput
              label={t('plans.typeName')}
              value={v.typeName}
              onChange={(e) => form.setFieldValue('typeName', e.currentTarget.value)}
              error={errors.typeName}
              required
            />
          </Group>
          <TextInput
            label={t('plans.issuer')}
            value={v.issuer}
            onChange={(e) => form.setFieldValue('issuer', e.currentTarget.value)}
            error={errors.issuer}
          />
          <Textarea
            label={t('plans.docTitle')}
            value={v.title}
            onChange={(e) => form.setFieldValue('title', e.currentTarget.value)}
            error={errors.title}
            autosize
          />
          <Group grow align="flex-start">
            <DmyDateInput
              label={t('plans.issuedOn')}
              value={v.issuedOn}
              onChange={(x) => form.setFieldValue('issuedOn', x)}
              error={errors.issuedOn}
            />
            <Select
              label={t('plans.docStatus')}
              data={LEGAL_STATUSES.map((s) => ({ value: s, label: label(LEGAL_STATUS_LABELS[s]) }))}
              value={v.status}
              onChange={(x) => form.setFieldValue('status', (x ?? 'in_force') as LegalStatus)}
              error={errors.status}
              allowDeselect={false}
            />
          </Group>
          <Select
            label={t('plans.replacedBy')}
            data={all.filter((d) => d.id !== doc?.id).map((d) => ({ value: d.id, label: `${d.symbol} — ${d.typeName}` }))}
            value={v.replacedById}
            onChange={(x) => form.setFieldValue('replacedById', x)}
            error={errors.replacedById}
            clearable
            searchable
          />
          <Textarea
            label="Ghi chú / Note"
            value={v.note}
            onChange={(e) => form.setFieldValue('note', e.currentTarget.value)}
            error={errors.note}
            autosize
          />
          <Group justify="flex-end">
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

export function DocumentsPage() {
  const canManage = useCan('plans.manage');
  const [editing, setEditing] = useState<TLegalDocument | null | undefined>(undefined);
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const docs = useQuery({ queryKey: ['legal-documents'], queryFn: () => get<TLegalDocument[]>('/api/legal-documents') });
  const rows = (docs.data ?? []).filter((d) => !q || matches(`${d.symbol} ${d.typeName} ${d.title ?? ''} ${d.issuer ?? ''}`, q));
  return (
    <>
      <PageHeader
        title={t('plans.documents')}
        actions={canManage ? <Button onClick={() => setEditing(null)}>{t('app.add')}</Button> : null}
      />
      <TextInput
        mb="sm"
        placeholder={t('app.search')}
        aria-label={t('app.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={320}
        maw="100%"
      />
      <ErrorAlert error={docs.error} />
      {docs.isLoading ? <Loading /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.numberSymbol')}</Table.Th>
                <Table.Th>{t('plans.typeName')}</Table.Th>
                <Table.Th>{t('plans.docTitle')}</Table.Th>
                <Table.Th>{t('plans.issuedOn')}</Table.Th>
                <Table.Th>{t('plans.docStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {d.symbol}
                    {canManage ? (
                      <Button size="compact-xs" variant="subtle" display="block" onClick={() => setEditing(d)}>
                        {t('app.edit')}
                      </Button>
                    ) : null}
                  </Table.Td>
                  <Table.Td fz="sm">{d.typeName}</Table.Td>
                  <Table.Td fz="sm">
                    {d.title}
                    <Text size="xs" c="dimmed">
                      {d.issuer}
                    </Text>
                    {d.note ? (
                      <Text size="xs" c="dimmed" fs="italic">
                        {d.note}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td fz="sm">{formatDate(d.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[d.status]} variant="light">
                      {label(LEGAL_STATUS_LABELS[d.status])}
                    </Badge>
                    {d.replacedBy ? (
                      <Text size="xs" c="orange.8">
                        → {d.replacedBy.symbol}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {editing !== undefined ? <DocumentForm doc={editing} all={docs.data ?? []} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
