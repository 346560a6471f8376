/** One line of the register book: visitors (masked when protected), the reply due date and the cases opened. */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CASE_KIND_LABELS } from '../../../../../contracts/cases';
import { REPLY_OUTCOME_LABELS, type TReceptionEntry, type TRevealedVisitors } from '../../../../../contracts/reception';
import { get } from '../../../../api';
import { label } from '../../../../i18n';
import { useModalSize } from '../../../../ui/common';
import { formatDate, todayIso } from '../../../../ui/format';
import {
  CaseDueBadge,
  CaseStatusBadge,
  daysBetween,
  dueDateState,
  Explanation,
  IdentityView,
  KIND_COLORS,
  RevealModal,
} from '../../common';

export function Visitors({ e }: { e: TReceptionEntry }) {
  const shown = e.visitors.slice(0, 2);
  return (
    <Stack gap={2}>
      {shown.map((x, i) =>
        x.masked || !x.identity ? (
          <Group key={i} gap={4} wrap="nowrap">
            <IconLock size={13} color="var(--mantine-color-gray-6)" aria-hidden />
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {x.label}
            </Text>
          </Group>
        ) : (
          <Text key={i} size="sm">
            {x.identity.name}
          </Text>
        ),
      )}
      {e.visitorCount > 2 ? (
        <Text size="xs" c="dimmed">
          +{e.visitorCount - 2}
        </Text>
      ) : null}
    </Stack>
  );
}

export function ReplyDue({ e }: { e: TReceptionEntry }) {
  const { t } = useTranslation();
  const today = todayIso();
  const state = e.repliedOn ? 'done' : e.replyOverdue ? 'overdue' : dueDateState(e.replyBy, null, today);
  const days =
    state === 'overdue' ? daysBetween(e.replyBy, e.repliedOn ?? today) : state === 'due_soon' ? daysBetween(today, e.replyBy) : undefined;
  // A page of the book carries no explanation (issue #17): the line's detail shows it.
  return (
    <Tooltip label={<Explanation lines={e.replyByExplanation} />} multiline maw={380} withArrow disabled={!e.replyByExplanation.length}>
      <Stack gap={2} align="flex-start">
        <Text size="sm" fw={500} c={state === 'overdue' ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {formatDate(e.replyBy)}
        </Text>
        {e.repliedOn ? (
          <Badge color={e.repliedOn > e.replyBy ? 'red' : 'green'} variant="light" tt="none">
            {e.repliedOn > e.replyBy ? t('reception.repliedLate') : t('reception.replied')}
          </Badge>
        ) : (
          <CaseDueBadge state={state} days={days} />
        )}
      </Stack>
    </Tooltip>
  );
}

export function EntryDetail({ entry: row, onClose }: { entry: TReceptionEntry; onClose: () => void }) {
  const { t } = useTranslation();
  // The page of the book carries a shortened line (the first visitors, no explanation): the whole
  // line is read when opened; until then the row shows what it has.
  const full = useQuery({
    queryKey: ['reception', 'entry', row.id],
    queryFn: () => get<TReceptionEntry>(`/api/reception/entries/${row.id}`),
  });
  const entry = full.data ?? row;
  const modal = useModalSize('lg');
  const [revealing, setRevealing] = useState(false);
  const rows: [string, string | null][] = [
    [t('reception.receivedOn'), formatDate(entry.receivedOn)],
    [t('reception.session'), entry.session ? formatDate(entry.session.date) : null],
    [t('reception.groupSize'), String(entry.groupSize)],
    [t('reception.content'), entry.substanceHidden ? t('reception.substanceHidden') : entry.content],
    [t('reception.priorHandling'), entry.priorHandling],
    [t('reception.request'), entry.request],
    [t('reception.handling'), entry.handling],
    [t('reception.documentsReceived'), entry.documentsReceived],
    [t('reception.signed'), entry.signed ? t('app.yes') : t('app.no')],
    [t('reception.officer'), entry.officer.name],
    [t('reception.replyBy'), formatDate(entry.replyBy)],
    [t('reception.replyOn'), entry.repliedOn ? formatDate(entry.repliedOn) : null],
    [t('reception.outcome'), entry.replyOutcome ? label(REPLY_OUTCOME_LABELS[entry.replyOutcome]) : null],
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{t('reception.entryNo', { no: entry.seqNo, year: entry.year })}</Text>}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <Stack>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('reception.visitors')}
          </Text>
          {entry.visitors.map((x, i) =>
            x.masked || !x.identity ? (
              <Group key={i} gap={6}>
                <IconLock size={14} aria-hidden />
                <Text size="sm">{x.label}</Text>
                <Text size="xs" c="dimmed">
                  {t('cases.maskedNote')}
                </Text>
              </Group>
            ) : (
              <Paper key={i} withBorder p="xs">
                <IdentityView identity={x.identity} />
              </Paper>
            ),
          )}
          {/* Only the handler or decision-maker of the linked denunciation may reveal; the server says so when it sends `canReveal`. */}
          {entry.protected && ((entry as { canReveal?: boolean }).canReveal ?? true) ? (
            <Button
              size="compact-sm"
              variant="light"
              color="orange"
              w="fit-content"
              leftSection={<IconEye size={14} />}
              onClick={() => setRevealing(true)}
            >
              {t('cases.reveal')}
            </Button>
          ) : null}
        </Stack>
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {rows.map(([k, val]) => (
              <Table.Tr key={k}>
                <Table.Td c="dimmed" w={200} style={{ verticalAlign: 'top' }}>
                  {k}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{val ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Explanation lines={entry.replyByExplanation} />
        {entry.cases.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('reception.cases')}
            </Text>
            {entry.cases.map((c) => (
              <Group key={c.id} gap={6}>
                <Anchor component={Link} to={`/cases/${c.id}`} ff="monospace" size="sm" fw={600}>
                  {c.code}
                </Anchor>
                <Badge size="sm" variant="light" color={KIND_COLORS[c.kind]} tt="none">
                  {label(CASE_KIND_LABELS[c.kind])}
                </Badge>
                <CaseStatusBadge status={c.status} />
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
      {revealing ? (
        <RevealModal<TRevealedVisitors>
          url={`/api/reception/entries/${entry.id}/reveal`}
          title={`${t('cases.reveal')}: ${t('reception.entryNo', { no: entry.seqNo, year: entry.year })}`}
          onClose={() => setRevealing(false)}
          render={(d) => (
            <Stack gap="xs">
              {d.visitors.map((x, i) => (
                <Paper key={i} withBorder p="xs">
                  <IdentityView identity={x} />
                </Paper>
              ))}
            </Stack>
          )}
        />
      ) : null}
    </Modal>
  );
}
