/**
 * The audit-log viewer: every change with who, when, what, before/after as a readable diff,
 * filters, pagination, and a check of the hash chain (tampering shows).
 */
import { Fragment, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Code,
  Grid,
  Group,
  Pagination,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TAuditFacets, TAuditRow } from '../../../contracts/platform';
import { get, qs } from '../../api';
import { useCan } from '../../session';
import { DmyDateInput, EmptyState, ErrorAlert, Forbidden, notifyError, PageHeader, TableSkeleton } from '../../ui/common';
import { formatDateTime } from '../../ui/format';

const PAGE_SIZE = 30;

type Obj = Record<string, unknown>;
const asObject = (x: unknown): Obj =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : x === null || x === undefined ? {} : { value: x };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function Value({ v }: { v: unknown }) {
  const { t } = useTranslation();
  if (v === undefined) return null;
  if (v === null || v === '')
    return (
      <Text span size="xs" c="dimmed" fs="italic">
        {t('audit.emptyValue')}
      </Text>
    );
  if (typeof v === 'object')
    return (
      <Code block fz={11} style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {JSON.stringify(v, null, 2)}
      </Code>
    );
  return (
    <Text span size="xs" style={{ wordBreak: 'break-word' }}>
      {String(v)}
    </Text>
  );
}

function Diff({ row }: { row: TAuditRow }) {
  const { t } = useTranslation();
  const b = asObject(row.before);
  const a = asObject(row.after);
  const both = row.before != null && row.after != null;
  const [onlyChanged, setOnlyChanged] = useState(both);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = new Set(keys.filter((k) => !same(b[k], a[k])));
  const shown = onlyChanged ? keys.filter((k) => changed.has(k)) : keys;
  return (
    <Box p="xs">
      <Group justify="space-between" mb={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {row.before == null
            ? t('audit.created')
            : row.after == null
              ? t('audit.removed')
              : t('audit.changedCount', { count: changed.size })}
        </Text>
        {both ? (
          <Switch
            size="xs"
            label={t('audit.onlyChanged')}
            checked={onlyChanged}
            onChange={(e) => setOnlyChanged(e.currentTarget.checked)}
          />
        ) : null}
      </Group>
      <ScrollArea.Autosize mah={420}>
        <Table fz="xs" withTableBorder withColumnBorders verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((k) => {
              const isChanged = both && changed.has(k);
              return (
                <Table.Tr key={k} className={isChanged ? 'danchu-changed' : undefined}>
                  <Table.Td ff="monospace" fw={isChanged ? 700 : 400} style={{ verticalAlign: 'top' }}>
                    {k}
                    {isChanged ? (
                      <Badge size="xs" color="yellow" variant="light" ml={4} tt="none">
                        {t('audit.changedMark')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td
                    c={isChanged ? 'red.9' : undefined}
                    style={{ verticalAlign: 'top', textDecoration: isChanged && typeof b[k] !== 'object' ? 'line-through' : undefined }}
                  >
                    <Value v={b[k]} />
                  </Table.Td>
                  <Table.Td c={isChanged ? 'green.9' : undefined} style={{ verticalAlign: 'top' }}>
                    <Value v={a[k]} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {shown.length === 0 ? (
          <Text size="xs" c="dimmed" p="xs">
            {t('audit.noFields')}
          </Text>
        ) : null}
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" mt={6}>
        {t('audit.entityId')}: {row.entityId ?? '—'} · IP: {row.ip ?? '—'} · {t('app.requestId')}: {row.requestId ?? '—'} ·{' '}
        {t('audit.hash')}: <Code fz={11}>{row.hash.slice(0, 16)}…</Code>
      </Text>
    </Box>
  );
}

export function AuditPage() {
  const canRead = useCan('audit.read');
  return canRead ? <AuditViewer /> : <Forbidden />;
}

function AuditViewer() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const data = useQuery({
    queryKey: ['audit', debouncedQ, entityType, action, from, to, page],
    queryFn: () =>
      get<{ rows: TAuditRow[]; total: number; page: number; pageSize: number }>(
        `/api/audit${qs({ q: debouncedQ, entityType, action, from, to, page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({
    mutationFn: () => get<{ ok: boolean; rows: number; brokenSeq: number | null; reason: string | null }>('/api/audit/verify'),
    onError: notifyError,
  });
  const facets = useQuery({ queryKey: ['audit', 'facets'], queryFn: () => get<TAuditFacets>('/api/audit/facets'), staleTime: 60_000 });
  const typeLabel = (x: string) => t(`audit.type_${x}`, { defaultValue: x });
  const actionLabel = (x: string) => {
    const dot = x.lastIndexOf('.');
    const verb = x.slice(dot + 1);
    return t(`audit.verb_${verb}`, { defaultValue: '' });
  };
  /** "Đơn thư, vụ việc: thụ lý" rather than "case.accept". */
  const actionOption = (x: string) => {
    const verb = actionLabel(x) || x;
    const type = t(`audit.type_${x.slice(0, x.lastIndexOf('.'))}`, { defaultValue: '' });
    return type ? `${type}: ${verb}` : verb;
  };
  const filtered = !!(debouncedQ || entityType || action || from || to);
  const reset = () => {
    setQ('');
    setEntityType(null);
    setAction(null);
    setFrom(null);
    setTo(null);
    setPage(1);
  };
  const total = data.data?.total ?? 0;
  const first = total ? (page - 1) * PAGE_SIZE + 1 : 0;
  const last = Math.min(page * PAGE_SIZE, total);
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Button variant="light" leftSection={<IconShieldCheck size={16} />} onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data ? (
        <Alert
          color={verify.data.ok ? 'green' : 'red'}
          mb="md"
          icon={verify.data.ok ? <IconShieldCheck size={18} /> : <IconShieldX size={18} />}
          withCloseButton
          onClose={() => verify.reset()}
          role="status"
        >
          {verify.data.ok
            ? t('audit.verifyOk', { rows: verify.data.rows })
            : t('audit.verifyBroken', { seq: verify.data.brokenSeq, reason: verify.data.reason })}
        </Alert>
      ) : null}
      <Paper withBorder p="sm" mb="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
            <TextInput
              label={t('app.search')}
              placeholder={t('audit.filter')}
              leftSection={<IconSearch size={16} />}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                setPage(1);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, lg: 2 }}>
            <Select
              label={t('audit.entityType')}
              placeholder={t('app.all')}
              data={(facets.data?.entityTypes ?? []).map((x) => ({ value: x, label: typeLabel(x) }))}
              value={entityType}
              onChange={(x) => {
                setEntityType(x);
                setPage(1);
              }}
              clearable
              searchable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, lg: 2 }}>
            <Select
              label={t('audit.action')}
              placeholder={t('app.all')}
              data={(facets.data?.actions ?? []).map((x) => ({ value: x, label: actionOption(x) }))}
              value={action}
              onChange={(x) => {
                setAction(x);
                setPage(1);
              }}
              clearable
              searchable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, lg: 2 }}>
            <DmyDateInput
              label={t('app.from')}
              value={from}
              onChange={(v) => {
                setFrom(v);
                setPage(1);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, lg: 2 }}>
            <DmyDateInput
              label={t('app.to')}
              value={to}
              onChange={(v) => {
                setTo(v);
                setPage(1);
              }}
            />
          </Grid.Col>
        </Grid>
        <Group justify="space-between" mt="xs">
          <Text size="sm" c="dimmed" aria-live="polite">
            {data.data ? t('audit.showing', { first, last, total }) : ''}
          </Text>
          {filtered ? (
            <Button size="compact-sm" variant="subtle" onClick={reset}>
              {t('app.clearFilter')}
            </Button>
          ) : null}
        </Group>
      </Paper>
      <ErrorAlert error={data.error} />
      {data.isLoading ? <TableSkeleton rows={10} cols={6} /> : null}
      {data.data && data.data.rows.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t('audit.empty')} hint={filtered ? t('app.noMatchHint') : undefined} />
        </Paper>
      ) : null}
      {data.data && data.data.rows.length > 0 && phone ? (
        <Stack gap="xs" style={{ opacity: data.isPlaceholderData ? 0.6 : 1 }}>
          {data.data.rows.map((r) => {
            const expanded = open === r.seq;
            return (
              <Paper key={r.seq} withBorder p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="xs" c="dimmed">
                    #{r.seq} · {formatDateTime(r.at)}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-expanded={expanded}
                    onClick={() => setOpen(expanded ? null : r.seq)}
                    rightSection={expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                  >
                    {t('audit.details')}
                  </Button>
                </Group>
                <Text size="sm" fw={500}>
                  {r.actorName ?? t('audit.system')}
                </Text>
                <Group gap={6} mt={2}>
                  {/* What happened in words; the technical code only on hover (issue #14 point 7). */}
                  <Text size="sm" title={r.action}>
                    {typeLabel(r.entityType)}: {actionLabel(r.action) || r.action}
                  </Text>
                </Group>
                {r.summary ? (
                  <Text size="sm" mt={4}>
                    {r.summary}
                  </Text>
                ) : null}
                {expanded ? (
                  <Box mt="xs" style={{ overflowX: 'auto' }}>
                    <Diff row={r} />
                  </Box>
                ) : null}
              </Paper>
            );
          })}
        </Stack>
      ) : null}
      {data.data && data.data.rows.length > 0 && !phone ? (
        <Paper withBorder style={{ opacity: data.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th w={60}>#</Table.Th>
                  <Table.Th w={140}>{t('audit.at')}</Table.Th>
                  <Table.Th w={170}>{t('audit.actor')}</Table.Th>
                  <Table.Th w={220}>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.summary')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.data.rows.map((r) => {
                  const expanded = open === r.seq;
                  return (
                    <Fragment key={r.seq}>
                      <Table.Tr
                        onClick={() => setOpen(expanded ? null : r.seq)}
                        style={{ cursor: 'pointer' }}
                        bg={expanded ? 'var(--mantine-color-danchu-0)' : undefined}
                      >
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-expanded={expanded}
                            aria-label={`${t('audit.details')} #${r.seq}`}
                            onClick={(e) => {
                              e.stopPropagation();
                              setOpen(expanded ? null : r.seq);
                            }}
                          >
                            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td fz="xs" c="dimmed">
                          {r.seq}
                        </Table.Td>
                        <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(r.at)}
                        </Table.Td>
                        <Table.Td fz="sm">{r.actorName ?? t('audit.system')}</Table.Td>
                        <Table.Td>
                          <Text size="sm" title={r.action}>
                            {actionLabel(r.action) || r.action}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {typeLabel(r.entityType)}
                          </Text>
                        </Table.Td>
                        <Table.Td fz="sm">{r.summary}</Table.Td>
                      </Table.Tr>
                      {expanded ? (
                        <Table.Tr>
                          <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)">
                            <Diff row={r} />
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {data.data && total > PAGE_SIZE ? (
        <Group justify="center" mt="md">
          <Pagination
            total={Math.ceil(total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            siblings={1}
            boundaries={1}
            getControlProps={(c) => ({ 'aria-label': c === 'previous' || c === 'first' ? t('app.prevPage') : t('app.nextPage') })}
          />
        </Group>
      ) : null}
    </>
  );
}
