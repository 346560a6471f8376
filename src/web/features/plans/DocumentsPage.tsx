import { useState } from 'react';
import { Badge, Paper, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUS_LABELS, type TLegalDocument } from '../../../contracts/plans';
import { get } from '../../api';
import { label } from '../../i18n';
import { ErrorAlert, Loading, PageHeader } from '../../ui/common';
import { formatDate, matches } from '../../ui/format';

const COLORS: Record<string, string> = { in_force: 'green', amended: 'blue', replaced: 'orange', expired: 'red', unknown: 'gray' };

export function DocumentsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const docs = useQuery({ queryKey: ['legal-documents'], queryFn: () => get<TLegalDocument[]>('/api/legal-documents') });
  const rows = (docs.data ?? []).filter((d) => !q || matches(`${d.symbol} ${d.typeName} ${d.title ?? ''} ${d.issuer ?? ''}`, q));
  return (
    <>
      <PageHeader title={t('plans.documents')} />
      <TextInput mb="sm" placeholder={t('app.search')} aria-label={t('app.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} maw="100%" />
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
                  <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>{d.symbol}</Table.Td>
                  <Table.Td fz="sm">{d.typeName}</Table.Td>
                  <Table.Td fz="sm">
                    {d.title}
                    <Text size="xs" c="dimmed">{d.issuer}</Text>
                    {d.note ? <Text size="xs" c="dimmed" fs="italic">{d.note}</Text> : null}
                  </Table.Td>
                  <Table.Td fz="sm">{formatDate(d.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[d.status]} variant="light">{label(LEGAL_STATUS_LABELS[d.status])}</Badge>
                    {d.replacedBy ? <Text size="xs" c="orange.8">→ {d.replacedBy.symbol}</Text> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
