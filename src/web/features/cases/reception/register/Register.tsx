/** The register book (sổ tiếp công dân): the year's lines, search without diacritics, and writing a new line. */
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CASE_KIND_LABELS } from '../../../../../contracts/cases';
import { REPLY_OUTCOME_LABELS, type TReceptionEntry, type TReceptionEntryPage } from '../../../../../contracts/reception';
import { get, qs } from '../../../../api';
import { label } from '../../../../i18n';
import { EmptyState, ErrorAlert, TableSkeleton, usePhone } from '../../../../ui/common';
import { formatDate } from '../../../../ui/format';
import { KIND_COLORS } from '../../common';
import { EntryForm } from './EntryForm';
import { ReplyForm } from './ReplyForm';
import { Visitors, ReplyDue, EntryDetail } from './EntryDetail';

export function Register({
  year,
  canManage,
  logSession,
  onLogged,
}: {
  year: number;
  canManage: boolean;
  logSession: string | null | undefined;
  onLogged: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [logging, setLogging] = useState<string | null | undefined>(undefined);
  const [replying, setReplying] = useState<TReceptionEntry | null>(null);
  const [viewing, setViewing] = useState<TReceptionEntry | null>(null);
  // A page at a time, "load more" below (issue #17): a large agency's book is thousands of lines a year.
  const list = useInfiniteQuery({
    queryKey: ['reception', 'entries', year, q],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      get<TReceptionEntryPage>(`/api/reception/entries${qs({ year, q: q || undefined, offset: pageParam || undefined })}`),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  useEffect(() => {
    if (logSession !== undefined) setLogging(logSession);
  }, [logSession]);
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const first = list.data?.pages[0];
  const total = first ? (first.totalCapped ? `${first.total}+` : String(first.total)) : '';
  const phone = usePhone();
  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <TextInput
          aria-label={t('reception.searchEntries')}
          placeholder={t('reception.searchEntries')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        {canManage ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setLogging(null)}>
            {t('reception.logEntry')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <TableSkeleton cols={10} /> : null}
      {list.data && rows.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            title={q ? t('reception.noMatch') : t('reception.noEntries', { year })}
            hint={q ? t('app.noMatchHint') : canManage ? t('reception.noEntriesHint') : undefined}
          />
        </Paper>
      ) : null}
      {rows.length && phone ? (
        <Stack gap="xs">
          {rows.map((e) => (
            <EntryCard key={e.id} e={e} canManage={canManage} onView={() => setViewing(e)} onReply={() => setReplying(e)} />
          ))}
        </Stack>
      ) : null}
      {rows.length && !phone ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={1180}>
            <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reception.seqNo')}</Table.Th>
                  <Table.Th>{t('reception.receivedOn')}</Table.Th>
                  <Table.Th>{t('reception.visitors')}</Table.Th>
                  <Table.Th ta="right">{t('reception.groupSizeShort')}</Table.Th>
                  <Table.Th>{t('reception.content')}</Table.Th>
                  <Table.Th>{t('reception.request')}</Table.Th>
                  <Table.Th>{t('reception.officer')}</Table.Th>
                  <Table.Th>{t('reception.replyBy')}</Table.Th>
                  <Table.Th>{t('reception.outcome')}</Table.Th>
                  <Table.Th>{t('reception.cases')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component="button"
                        type="button"
                        fw={600}
                        size="sm"
                        onClick={() => setViewing(e)}
                        aria-label={`${t('reception.details')}: ${t('reception.entryNo', { no: e.seqNo, year: e.year })}`}
                      >
                        {e.seqNo}/{e.year}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.receivedOn)}</Table.Td>
                    <Table.Td maw={200}>
                      <Visitors e={e} />
                    </Table.Td>
                    <Table.Td ta="right">{e.groupSize}</Table.Td>
                    <Table.Td maw={280}>
                      {e.substanceHidden ? (
                        <Text size="xs" c="dimmed" fs="italic">
                          {t('reception.substanceHidden')}
                        </Text>
                      ) : (
                        <Text size="sm" lineClamp={3}>
                          {e.content}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={200}>
                      <Text size="sm" lineClamp={3}>
                        {e.request ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.officer.name}</Table.Td>
                    <Table.Td>
                      <ReplyDue e={e} />
                      {canManage && !e.repliedOn ? (
                        <Button size="compact-xs" variant="light" mt={4} onClick={() => setReplying(e)}>
                          {t('reception.reply')}
                        </Button>
                      ) : null}
                    </Table.Td>
                    <Table.Td maw={180}>
                      {e.replyOutcome ? (
                        <Text size="sm">{label(REPLY_OUTCOME_LABELS[e.replyOutcome])}</Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                      {e.repliedOn ? (
                        <Text size="xs" c="dimmed">
                          {formatDate(e.repliedOn)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {e.cases.map((c) => (
                          <Tooltip key={c.id} label={label(CASE_KIND_LABELS[c.kind])}>
                            <Anchor
                              component={Link}
                              to={`/cases/${c.id}`}
                              ff="monospace"
                              size="sm"
                              c={`${KIND_COLORS[c.kind]}.8`}
                              style={{ whiteSpace: 'nowrap' }}
                            >
                              {c.code}
                            </Anchor>
                          </Tooltip>
                        ))}
                        {e.cases.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {rows.length ? (
        <Group justify="space-between" mt="sm" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('reception.shownOf', { shown: rows.length, total })}
          </Text>
          {list.hasNextPage ? (
            <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('reception.loadMore')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {logging !== undefined ? (
        <EntryForm
          year={year}
          sessionId={logging}
          onClose={() => {
            setLogging(undefined);
            onLogged();
          }}
        />
      ) : null}
      {replying ? <ReplyForm entry={replying} onClose={() => setReplying(null)} /> : null}
      {viewing ? <EntryDetail entry={viewing} onClose={() => setViewing(null)} /> : null}
    </>
  );
}

/** One line of the book as a card, on a phone: a 10-column table does not fit 390 px (issue #14 point 6). */
function EntryCard({ e, canManage, onView, onReply }: { e: TReceptionEntry; canManage: boolean; onView: () => void; onReply: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Anchor
          component="button"
          type="button"
          fw={600}
          size="sm"
          onClick={onView}
          aria-label={`${t('reception.details')}: ${t('reception.entryNo', { no: e.seqNo, year: e.year })}`}
        >
          {e.seqNo}/{e.year} · {formatDate(e.receivedOn)}
        </Anchor>
        {e.groupSize > 1 ? <Badge variant="light">{`${e.groupSize} ${t('reception.groupSizeShort')}`}</Badge> : null}
      </Group>
      <Visitors e={e} />
      <Text size="sm" lineClamp={3} mt={4}>
        {e.content}
      </Text>
      <Group gap="xs" mt={6} wrap="wrap">
        {e.cases.map((c) => (
          <Anchor key={c.id} component={Link} to={`/cases/${c.id}`} ff="monospace" size="sm" c={`${KIND_COLORS[c.kind]}.8`}>
            {c.code} · {label(CASE_KIND_LABELS[c.kind])}
          </Anchor>
        ))}
      </Group>
      <Group justify="space-between" mt={6} wrap="nowrap">
        <div>
          <ReplyDue e={e} />
          {e.replyOutcome ? <Text size="xs">{label(REPLY_OUTCOME_LABELS[e.replyOutcome])}</Text> : null}
        </div>
        {canManage && !e.repliedOn ? (
          <Button size="compact-sm" variant="light" onClick={onReply}>
            {t('reception.reply')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

/* ---------------- Page ---------------- */
