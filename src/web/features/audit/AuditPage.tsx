import { Fragment, useState } from 'react';
import { Alert, Button, Code, Group, Pagination, Paper, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TAuditRow } from '../../../contracts/platform';
import { get, qs } from '../../api';
import { DmyDateInput, ErrorAlert, Loading, notifyError, PageHeader } from '../../ui/common';
import { formatDateTime } from '../../ui/format';

/** Keys whose values differ between before and after. */
function changedKeys(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || typeof a !== 'object') return [];
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]) && !['updatedAt', 'version'].includes(k));
}

function Diff({ row }: { row: TAuditRow }) {
  const { t } = useTranslation();
  const keys = row.before && row.after ? changedKeys(row.before, row.after) : Object.keys((row.after ?? row.before ?? {}) as object);
  const b = (row.before ?? {}) as Record<string, unknown>;
  const a = (row.after ?? {}) as Record<string, unknown>;
  return (
    <ScrollArea.Autosize mah={320}>
      <Table fz="xs" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.changed')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => (
            <Table.Tr key={k}>
              <Table.Td ff="monospace">{k}</Table.Td>
              <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>{b[k] === undefined ? '' : JSON.stringify(b[k])}</Table.Td>
              <Table.Td c="green.8" style={{ wordBreak: 'break-word' }}>{a[k] === undefined ? '' : JSON.stringify(a[k])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        IP {row.ip ?? '—'} · request {row.requestId ?? '—'} · hash <Code>{row.hash.slice(0, 16)}…</Code>
      </Text>
    </ScrollArea.Autosize>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const data = useQuery({
    queryKey: ['audit', q, from, to, page],
    queryFn: () => get<{ rows: TAuditRow[]; total: number; page: number; pageSize: number }>(`/api/audit${qs({ q, from, to, page, pageSize: 30 })}`),
  });
  const verify = useMutation({ mutationFn: () => get<{ ok: boolean; rows: number; brokenSeq: number | null; reason: string | null }>('/api/audit/verify'), onError: notifyError });
  return (
    <>
      <PageHeader title={t('audit.title')} actions={<Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>{t('audit.verify')}</Button>} />
      {verify.data ? (
        <Alert color={verify.data.ok ? 'green' : 'red'} mb="md">
          {verify.data.ok ? t('audit.verifyOk', { rows: verify.data.rows }) : t('audit.verifyBroken', { seq: verify.data.brokenSeq, reason: verify.data.reason })}
        </Alert>
      ) : null}
      <Group mb="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('app.search')} placeholder={t('audit.filter')} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} w={320} maw="100%" />
        <DmyDateInput label={t('app.from')} value={from} onChange={(v) => { setFrom(v); setPage(1); }} w={150} />
        <DmyDateInput label={t('app.to')} value={to} onChange={(v) => { setTo(v); setPage(1); }} w={150} />
      </Group>
      <ErrorAlert error={data.error} />
      {data.isLoading ? <Loading /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.summary')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data?.rows.map((r) => (
                <Fragment key={r.seq}>
                  <Table.Tr>
                    <Table.Td fz="xs" c="dimmed">{r.seq}</Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
                    <Table.Td fz="sm">{r.actorName}</Table.Td>
                    <Table.Td><Code>{r.action}</Code></Table.Td>
                    <Table.Td fz="sm">{r.summary}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === r.seq ? null : r.seq)}>{t('audit.details')}</Button>
                    </Table.Td>
                  </Table.Tr>
                  {open === r.seq ? (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Diff row={r} />
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {data.data && data.data.total > data.data.pageSize ? (
        <Group justify="center" mt="md">
          <Pagination total={Math.ceil(data.data.total / data.data.pageSize)} value={page} onChange={setPage} />
        </Group>
      ) : null}
    </>
  );
}
