/**
 * The disclosure register (issue #10): items by Art. 46 category with publish-by, posting period
 * and status; views for what awaits my acknowledgement, what is overdue, what is still posted past
 * its period and the archive. The Office registers items here.
 */
import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconDownload, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  CONFIDENTIALITY,
  DISCLOSURE_CATEGORIES,
  STATUS_LABELS,
  type DisclosureAudience,
  type DisclosureCategory,
  type DisclosureChannel,
  type TDisclosure,
  type TDisclosureListItem,
  type TSweepAction,
} from '../../../contracts/disclosures';
import type { TLegalDocument } from '../../../contracts/plans';
import { get, post, put } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import {
  DmyDateInput,
  EmptyState,
  ErrorAlert,
  FormAlert,
  formErrorsOf,
  notifyError,
  notifyOk,
  PageHeader,
  TableSkeleton,
  type FormErrors,
} from '../../ui/common';
import { uploadFiles, useUnits } from '../../ui/data';
import { formatDate, matches, todayIso } from '../../ui/format';

/** Which default audience and public-ness each category has (mirrors the server's CATEGORY_RULES). */
const INTERNAL_ONLY = new Set<number>([6, 7, 10]);
const PUBLIC_BY_DEFAULT = new Set<number>([3, 5]);

// Plain colour names: the theme makes their light variant readable (WCAG 1.4.3).
const STATUS_COLORS: Record<string, string> = { draft: 'yellow', posted: 'green', withdrawn: 'gray' };
const VIEWS = ['all', 'unread', 'overdue', 'past', 'posted', 'archive'] as const;
type View = (typeof VIEWS)[number];

function inView(i: TDisclosureListItem, v: View): boolean {
  switch (v) {
    case 'unread':
      return i.acknowledged === false;
    case 'overdue':
      return i.overdue;
    case 'past':
      return i.pastValidity;
    case 'posted':
      return i.status === 'posted';
    case 'archive':
      return i.status === 'withdrawn';
    default:
      return true;
  }
}

export function StatusBadges({ item }: { item: TDisclosureListItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={STATUS_COLORS[item.status]} variant="light">
        {label(STATUS_LABELS[item.status])}
      </Badge>
      {item.overdue ? <Badge color="red.9">{t('disclosures.overdue')}</Badge> : null}
      {item.late ? (
        <Badge color="grape.9" variant="outline">
          {t('disclosures.late')}
        </Badge>
      ) : null}
      {item.pastValidity ? (
        <Badge color="red.9" variant="outline">
          {t('disclosures.pastValidity')}
        </Badge>
      ) : null}
      {item.acknowledged === false ? (
        <Badge color="blue.9" variant="dot">
          {t('disclosures.unread')}
        </Badge>
      ) : null}
    </Group>
  );
}

function CreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const units = useUnits();
  const docs = useQuery({ queryKey: ['legal-documents'], queryFn: () => get<TLegalDocument[]>('/api/legal-documents') });
  const [v, setV] = useState({
    title: '',
    summary: '',
    category: '2',
    confidentiality: 'none' as (typeof CONFIDENTIALITY)[number],
    sourceRef: '',
    sourceDocumentId: null as string | null,
    decidedOn: todayIso() as string | null,
    audience: null as DisclosureAudience | null,
    unitId: null as string | null,
    channels: ['board', 'portal'] as DisclosureChannel[],
    keepPosted: false,
  });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const cat = Number(v.category) as DisclosureCategory;
  const defaultAudience: DisclosureAudience = PUBLIC_BY_DEFAULT.has(cat) ? 'public' : 'staff';
  const audience = v.audience ?? defaultAudience;
  const save = useMutation({
    mutationFn: async () => {
      const [sourceFileId] = file ? await uploadFiles([file]) : [];
      return post<TDisclosure>('/api/disclosures', {
        ...v,
        summary: v.summary || null,
        category: cat,
        audience,
        unitId: audience === 'unit' ? v.unitId : null,
        sourceFileId: sourceFileId ?? null,
      });
    },
    onSuccess: async (item) => {
      notifyOk(t('disclosures.created', { date: formatDate(item.publishBy) }));
      await qc.invalidateQueries({ queryKey: ['disclosures'] });
      onClose();
      await navigate({ to: `/disclosures/${item.id}` });
    },
    onError: (err) => setErrors(formErrorsOf(err)),
  });
  return (
    <Modal opened onClose={onClose} title={t('disclosures.add')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          <FormAlert errors={errors} />
          <TextInput
            label={t('disclosures.itemTitle')}
            value={v.title}
            onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
            error={errors.title}
            required
          />
          <Select
            label={t('disclosures.category')}
            data={DISCLOSURE_CATEGORIES.map((c) => ({ value: String(c), label: `${c}. ${label(CATEGORY_LABELS[c])}` }))}
            value={v.category}
            onChange={(x) => setV({ ...v, category: x ?? '2', audience: null })}
            error={errors.category}
            allowDeselect={false}
          />
          <Select
            label={t('disclosures.confidentiality')}
            data={CONFIDENTIALITY.map((c) => ({ value: c, label: t(`disclosures.conf_${c}`) }))}
            value={v.confidentiality}
            onChange={(x) => setV({ ...v, confidentiality: (x ?? 'none') as typeof v.confidentiality })}
            error={errors.confidentiality}
            allowDeselect={false}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('disclosures.sourceRef')}
              value={v.sourceRef}
              onChange={(e) => setV({ ...v, sourceRef: e.currentTarget.value })}
              error={errors.sourceRef}
              required
            />
            <DmyDateInput
              label={t('disclosures.decidedOn')}
              value={v.decidedOn}
              onChange={(x) => setV({ ...v, decidedOn: x })}
              error={errors.decidedOn}
              required
            />
          </Group>
          <Select
            label={t('disclosures.sourceDocument')}
            description={t('disclosures.sourceDocumentHint')}
            data={(docs.data ?? []).map((d) => ({ value: d.id, label: `${d.symbol} — ${d.title ?? d.typeName}` }))}
            value={v.sourceDocumentId}
            onChange={(x) => setV({ ...v, sourceDocumentId: x })}
            error={errors.sourceDocumentId}
            searchable
            clearable
          />
          <FileInput
            label={t('disclosures.sourceFile')}
            value={file}
            onChange={setFile}
            error={errors.sourceFileId ?? errors.file}
            clearable
          />
          <Select
            label={t('disclosures.audience')}
            description={
              INTERNAL_ONLY.has(cat)
                ? t('disclosures.internalOnly')
                : t('disclosures.defaultAudience', { audience: label(AUDIENCE_LABELS[defaultAudience]) })
            }
            data={AUDIENCES.map((a) => ({
              value: a,
              label: label(AUDIENCE_LABELS[a]),
              disabled: a === 'public' && INTERNAL_ONLY.has(cat),
            }))}
            value={audience}
            onChange={(x) => setV({ ...v, audience: (x as DisclosureAudience | null) ?? null })}
            error={errors.audience}
            allowDeselect={false}
          />
          {audience === 'unit' ? (
            <Select
              label={t('disclosures.unit')}
              data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={v.unitId}
              onChange={(x) => setV({ ...v, unitId: x })}
              error={errors.unitId}
              searchable
              required
            />
          ) : null}
          <MultiSelect
            label={t('disclosures.channels')}
            data={CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS[c]) }))}
            value={v.channels}
            onChange={(x) => setV({ ...v, channels: x as DisclosureChannel[] })}
            error={errors.channels}
          />
          <Checkbox
            label={t('disclosures.keepPosted')}
            checked={v.keepPosted}
            onChange={(e) => setV({ ...v, keepPosted: e.currentTarget.checked })}
          />
          <Textarea
            label={t('disclosures.summary')}
            value={v.summary}
            onChange={(e) => setV({ ...v, summary: e.currentTarget.value })}
            autosize
            minRows={2}
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

function initialView(): View {
  const v = new URLSearchParams(window.location.search).get('view');
  return (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'all';
}

/** The Office says whether the agency is a commune-level body: 30 days of posting instead of 20 (Art. 13(2)). */
function CommuneSwitch() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const s = useQuery({
    queryKey: ['disclosures', 'settings'],
    queryFn: () => get<{ communeLevel: boolean; postingDays: number; version: number }>('/api/disclosures/settings'),
  });
  const save = useMutation({
    mutationFn: (communeLevel: boolean) => put('/api/disclosures/settings', { communeLevel, version: s.data!.version }),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['disclosures', 'settings'] });
    },
    onError: notifyError,
  });
  if (!s.data) return null;
  return (
    <Switch
      label={t('disclosures.settings')}
      checked={s.data.communeLevel}
      disabled={save.isPending}
      onChange={(e) => save.mutate(e.currentTarget.checked)}
    />
  );
}

/** The last quarter that has ended, then the current one: what a commune posts under Art. 13. */
function quarters(today: string): { year: number; quarter: number }[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  const prev = q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q - 1 };
  return [prev, { year: y, quarter: q }];
}

/** Commune level only: the quarterly list of what was published (Law 10/2022 Art. 13). */
function QuarterlyList() {
  const { t } = useTranslation();
  const s = useQuery({
    queryKey: ['disclosures', 'settings'],
    queryFn: () => get<{ communeLevel: boolean; postingDays: number; version: number }>('/api/disclosures/settings'),
  });
  if (!s.data?.communeLevel) return null;
  return (
    <>
      {quarters(todayIso()).map(({ year, quarter }) => (
        <Button
          key={`${year}-${quarter}`}
          component="a"
          href={`/api/disclosures/quarterly.docx?year=${year}&quarter=${quarter}`}
          variant="default"
          title={t('disclosures.quarterlyHint')}
          leftSection={<IconDownload size={16} />}
        >
          {t('disclosures.quarterly')} {quarter}/{year}
        </Button>
      ))}
    </>
  );
}

/**
 * What today's sweep withdraws — items past their posting period (Art. 48(1)), items whose source
 * document expired or was replaced — and what is overdue to publish (Art. 47(2)); the Office may
 * run it now instead of waiting for the night (the same function as the daily job).
 */
function SweepPanel({ items }: { items: TDisclosureListItem[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canManage = useCan('disclosures.manage');
  const preview = useQuery({ queryKey: ['disclosures', 'sweep'], queryFn: () => get<TSweepAction[]>('/api/disclosures/sweep') });
  const run = useMutation({
    mutationFn: () => post<TSweepAction[]>('/api/disclosures/sweep'),
    onSuccess: async (actions) => {
      notifyOk(t('disclosures.sweepDone', { n: actions.filter((a) => a.action === 'withdraw').length }));
      await qc.invalidateQueries({ queryKey: ['disclosures'] });
    },
    onError: notifyError,
  });
  if (!preview.data) return <ErrorAlert error={preview.error} />;
  const status = new Map(items.map((i) => [i.id, i.status]));
  const actions = preview.data;
  const pending = actions.some((a) => a.action === 'withdraw' && status.get(a.id) !== 'withdrawn');
  return (
    <Paper withBorder p="md" mb="sm" data-testid="disclosure-sweep">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>{t('disclosures.sweepTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('disclosures.sweepHint')}
          </Text>
        </div>
        {canManage ? (
          <Button variant={pending ? 'filled' : 'light'} loading={run.isPending} onClick={() => run.mutate()} style={{ flexShrink: 0 }}>
            {t('disclosures.sweepRun')}
          </Button>
        ) : null}
      </Group>
      {actions.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('disclosures.sweepNothing')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600} mt="xs">
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {actions.map((a) => {
                const done = a.action === 'withdraw' && status.get(a.id) === 'withdrawn';
                return (
                  <Table.Tr key={`${a.action}-${a.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={a.action === 'withdraw' ? (done ? 'gray' : 'orange') : 'red'} variant="light">
                        {a.action === 'withdraw'
                          ? done
                            ? t('disclosures.sweepWithdrawn')
                            : t('disclosures.sweepWillWithdraw')
                          : t('disclosures.sweepOverdue')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Link to={`/disclosures/${a.id}`}>{a.title}</Link>
                      <Text size="xs" c="dimmed">
                        {a.reason}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function DisclosuresPage() {
  const { t } = useTranslation();
  const canManage = useCan('disclosures.manage');
  const canOversee = useCan('disclosures.oversee');
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<View>(initialView);
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['disclosures'], queryFn: () => get<{ items: TDisclosureListItem[] }>('/api/disclosures') });
  const rows = useMemo(
    () =>
      (list.data?.items ?? []).filter(
        (i) =>
          inView(i, view) && (!q || matches(`${i.title} ${i.sourceRef} ${label(CATEGORY_LABELS[i.category as DisclosureCategory])}`, q)),
      ),
    [list.data, view, q],
  );
  return (
    <>
      <PageHeader
        title={t('disclosures.title')}
        subtitle={t('disclosures.subtitle')}
        actions={
          <>
            {canOversee ? (
              <>
                <Button component={Link} to="/disclosures/print" variant="default" leftSection={<IconPrinter size={16} />}>
                  {t('disclosures.print')}
                </Button>
                <Button component="a" href="/api/disclosures/board.docx" variant="default" leftSection={<IconDownload size={16} />}>
                  {t('disclosures.board')}
                </Button>
                <QuarterlyList />
              </>
            ) : null}
            {canManage ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('disclosures.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group mb="sm" gap="sm" wrap="wrap">
        <SegmentedControl
          value={view}
          onChange={(x) => setView(x as View)}
          data={VIEWS.filter((x) => canOversee || (x !== 'overdue' && x !== 'past')).map((x) => ({
            value: x,
            label: t(`disclosures.view_${x}`),
          }))}
        />
        <TextInput
          placeholder={t('app.search')}
          aria-label={t('app.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
          maw="100%"
        />
        {canManage ? <CommuneSwitch /> : null}
      </Group>
      {canOversee && list.data ? <SweepPanel items={list.data.items} /> : null}
      <ErrorAlert error={list.error} />
      {list.isLoading ? <TableSkeleton cols={6} /> : null}
      {list.data && rows.length === 0 ? <EmptyState title={t('disclosures.empty')} hint={t('disclosures.emptyHint')} /> : null}
      {rows.length ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('disclosures.itemTitle')}</Table.Th>
                  <Table.Th>{t('disclosures.category')}</Table.Th>
                  <Table.Th>{t('disclosures.decidedOn')}</Table.Th>
                  <Table.Th>{t('disclosures.publishBy')}</Table.Th>
                  <Table.Th>{t('disclosures.period')}</Table.Th>
                  <Table.Th>{t('disclosures.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Link to={`/disclosures/${i.id}`}>{i.title}</Link>
                      <Text size="xs" c="dimmed">
                        {i.sourceRef} · {label(AUDIENCE_LABELS[i.audience])}
                        {i.unit ? `: ${i.unit.name}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">
                      {i.category}. {label(CATEGORY_LABELS[i.category as DisclosureCategory])}
                    </Table.Td>
                    <Table.Td fz="sm">{formatDate(i.decidedOn)}</Table.Td>
                    <Table.Td fz="sm">{formatDate(i.publishBy)}</Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {i.postedOn ? `${formatDate(i.postedOn)} – ${formatDate(i.postedUntil)}` : '—'}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadges item={i} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {creating ? <CreateForm onClose={() => setCreating(false)} /> : null}
    </>
  );
}
