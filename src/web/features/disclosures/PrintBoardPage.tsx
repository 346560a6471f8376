/**
 * The notice board as a print page (issue #10): what is posted at the head office today, laid
 * out like the .docx sheet, for the Office to print from the browser (Art. 47(1)(a), Art. 48(1)).
 */
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, type DisclosureCategory, type TBoardSheet } from '../../../contracts/disclosures';
import { get } from '../../api';
import { ErrorAlert, Loading } from '../../ui/common';
import { formatDate } from '../../ui/format';

export function PrintBoardPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['disclosures', 'board'], queryFn: () => get<TBoardSheet>('/api/disclosures/board') });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <Stack gap="sm" className="print-sheet">
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed">
          {t('disclosures.printHint')}
        </Text>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('disclosures.print')}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-start">
        <Stack gap={0} align="center">
          {s.agency.parentName ? <Text size="sm">{s.agency.parentName.toUpperCase()}</Text> : null}
          <Text size="sm" fw={700}>
            {s.agency.name.toUpperCase()}
          </Text>
        </Stack>
        <Stack gap={0} align="center">
          <Text size="sm" fw={700}>
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
          </Text>
          <Text size="sm" fw={700}>
            Độc lập - Tự do - Hạnh phúc
          </Text>
          <Text size="sm" fs="italic">
            {s.agency.place}, {formatDate(s.today)}
          </Text>
        </Stack>
      </Group>
      <Title order={2} ta="center">
        {t('disclosures.printTitle')}
      </Title>
      <Text size="sm">{t('disclosures.printIntro', { agency: s.agency.name, days: s.postingDays })}</Text>
      {s.items.length === 0 ? (
        <Text fs="italic">{t('disclosures.printEmpty')}</Text>
      ) : (
        <Table withTableBorder withColumnBorders aria-label={t('disclosures.printTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>TT</Table.Th>
              <Table.Th>{t('disclosures.itemTitle')}</Table.Th>
              <Table.Th>{t('disclosures.category')}</Table.Th>
              <Table.Th>{t('disclosures.source')}</Table.Th>
              <Table.Th>{t('disclosures.period')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.items.map((r, i) => (
              <Table.Tr key={r.id}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>
                  {r.category}. {CATEGORY_LABELS[r.category as DisclosureCategory].vi}
                </Table.Td>
                <Table.Td>
                  {r.sourceRef}, {formatDate(r.decidedOn)}
                </Table.Td>
                <Table.Td>
                  {r.postedOn ? formatDate(r.postedOn) : ''} –{' '}
                  {r.keepPosted ? t('disclosures.untilReplaced') : r.postedUntil ? formatDate(r.postedUntil) : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
