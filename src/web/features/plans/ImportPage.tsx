/**
 * Import a plan document (issue #3): upload → the server reads it (text layer or OCR, with
 * progress) → a draft where each field shows its source text → the user fixes what is wrong and
 * saves. Nothing is saved before "Lưu kế hoạch".
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TDraftRestoredWord, TFieldSource, TImportDraft, TImportJob, TPlan, TProposedTask } from '../../../contracts/plans';
import { ApiError, get, post } from '../../api';
import { showToast } from '../../ui/notify';
import { DmyDateInput, notifyError, PageHeader } from '../../ui/common';

type FieldSource = TFieldSource;
type RestoredWord = TDraftRestoredWord;
type Recurrence = NonNullable<TProposedTask['recurrence']>;
type Draft = TImportDraft;
type ImportJob = TImportJob;

function Source({ f }: { f?: FieldSource }) {
  const { t } = useTranslation();
  if (!f?.source) return null;
  return (
    <Text size="xs" c={f.confidence < 0.8 ? 'red.9' : 'dimmed'} fs="italic" lineClamp={2}>
      {t('import.source')}: “{f.source}”{f.confidence < 1 ? ` (${Math.round(f.confidence * 100)}%)` : ''}
    </Text>
  );
}

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

/** The restored item text with each changed word marked, its source and confidence at hand. */
function RestoredText({ text, changes }: { text: string; changes: RestoredWord[] }) {
  const { t } = useTranslation();
  const parts: React.ReactNode[] = [];
  let at = 0;
  changes.forEach((c, k) => {
    parts.push(text.slice(at, c.start));
    const note = t('import.restoredWord', { source: c.source, confidence: Math.round(c.confidence * 100) });
    parts.push(
      <mark
        key={k}
        title={note}
        data-source={c.source}
        data-confidence={c.confidence}
        style={{ backgroundColor: c.confidence < 0.6 ? '#ffd8a8' : '#fff3bf', color: 'inherit', borderRadius: 2 }}
      >
        {text.slice(c.start, c.end)}
        <span className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          {` (${note})`}
        </span>
      </mark>,
    );
    at = c.end;
  });
  parts.push(text.slice(at));
  return <Text size="sm">{parts}</Text>;
}

function recurrenceLabel(t: TFunction, r: Recurrence | null): string {
  if (!r) return '';
  return r.kind === 'yearly_before'
    ? t('import.yearlyBefore', { day: r.day, month: r.month })
    : t('import.everyMonths', { months: r.months });
}

function Review({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [p, setP] = useState(draft.plan);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const proposals = draft.proposals ?? { tasks: [], cycles: [] };
  const [pickTasks, setPickTasks] = useState<boolean[]>(() => proposals.tasks.map((x) => x.leadUnit !== null));
  const [pickCycles, setPickCycles] = useState<boolean[]>(() => proposals.cycles.map(() => true));
  const set = <K extends keyof typeof p>(k: K, v: (typeof p)[K]) => setP((s) => ({ ...s, [k]: v }));
  const save = useMutation({
    mutationFn: () =>
      post<TPlan>('/api/plans', {
        ...p,
        signerMode: p.signerMode && ['KT.', 'TM.', 'TL.', 'TUQ.'].includes(p.signerMode) ? p.signerMode : null,
        sections: p.sections.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, implementsItemIds: [] })) })),
        citations: p.citations,
        requiredUnitIds: [],
        importSource: { filename: draft.source.filename, source: draft.source.kind },
      }),
    onSuccess: async (plan) => {
      // The proposals the user kept (issue #14 point 9): tasks on the saved items, report cycles.
      const itemId = (numeral: string, number: number) =>
        plan.sections.find((x) => x.numeral === numeral)?.items.find((i) => i.number === number)?.id ?? null;
      let tasks = 0;
      let cycles = 0;
      for (const [k, task] of proposals.tasks.entries()) {
        const id = itemId(task.section, task.item);
        if (!pickTasks[k] || !task.leadUnit || !id) continue;
        await post(`/api/plans/${plan.id}/tasks`, {
          itemId: id,
          title: task.title,
          leadUnitId: task.leadUnit.unitId,
          dueOn: task.dueOn,
          recurrence: task.recurrence,
        });
        tasks++;
      }
      for (const [k, c] of proposals.cycles.entries()) {
        if (!pickCycles[k]) continue;
        await post('/api/report-cycles', {
          planId: plan.id,
          kind: c.kind,
          title: c.title,
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          dueOn: c.dueOn,
        });
        cycles++;
      }
      if (tasks + cycles > 0) showToast({ color: 'green', message: t('import.createdExtras', { tasks, cycles }) });
      await qc.invalidateQueries({ queryKey: ['plans'] });
      await navigate({ to: `/plans/${plan.id}` });
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors({ ...err.fieldMessages(), _: err.body.message });
      notifyError(err);
    },
  });
  const f = draft.fields;
  return (
    <Stack>
      <Alert color="blue">{t('import.reviewHint')}</Alert>
      {(draft.duplicates ?? []).map((d) => (
        <Alert
          key={d.id}
          color="orange"
          title={t('import.duplicate')}
          data-testid="duplicate-warning"
          styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
        >
          {d.numberSymbol ? `${d.numberSymbol} — ` : ''}
          {d.summary} ({d.year}) · {d.why === 'symbol' ? t('import.duplicateBySymbol') : t('import.duplicateBySummary')} ·{' '}
          <Anchor component={Link} to={`/plans/${d.id}`}>
            {t('import.openPlan')}
          </Anchor>
        </Alert>
      ))}
      {draft.warnings
        .filter((w) => !w.startsWith('Có thể trùng'))
        .map((w) => (
          <Alert key={w} color="yellow">
            {w}
          </Alert>
        ))}
      {errors._ ? <Alert color="red">{errors._}</Alert> : null}
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('plans.header')}
        </Title>
        <Stack gap="sm">
          <div>
            <TextInput
              label={t('import.summary')}
              value={p.summary}
              onChange={(e) => set('summary', e.currentTarget.value)}
              error={errors.summary}
              required
            />
            <Source f={f.summary} />
          </div>
          <Group grow align="flex-start">
            <div>
              <TextInput
                label={t('plans.issuer')}
                value={p.issuer}
                onChange={(e) => set('issuer', e.currentTarget.value)}
                error={errors.issuer}
                required
              />
              <Source f={f.issuer} />
            </div>
            <div>
              <TextInput
                label={t('plans.numberSymbol')}
                value={p.numberSymbol ?? ''}
                onChange={(e) => set('numberSymbol', e.currentTarget.value || null)}
              />
              <Source f={f.numberSymbol} />
            </div>
          </Group>
          <Group grow align="flex-start">
            <div>
              <DmyDateInput
                label={t('plans.signedOn')}
                value={p.signedOn}
                onChange={(v) => {
                  set('signedOn', v);
                  if (v) set('year', Number(v.slice(0, 4)));
                }}
                error={errors.signedOn}
              />
              <Source f={f.signedOn} />
            </div>
            <TextInput
              label={t('plans.year')}
              value={String(p.year)}
              onChange={(e) => set('year', Number(e.currentTarget.value) || p.year)}
              error={errors.year}
            />
            <div>
              <TextInput
                label={t('plans.signer')}
                value={p.signerName ?? ''}
                onChange={(e) => set('signerName', e.currentTarget.value || null)}
              />
              <Source f={f.signerName} />
            </div>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('plans.citations')} ({p.citations.length})
        </Title>
        <Stack gap={4}>
          {p.citations.map((c, i) => (
            <div key={i}>
              <Text size="sm">
                <b>
                  {c.typeName} {c.symbol}
                </b>{' '}
                {c.issuedOn ? `(${c.issuedOn.split('-').reverse().join('/')})` : ''} {c.issuer ? `— ${c.issuer}` : ''}
              </Text>
              <Source f={f[`citations.${i}.symbol`]} />
            </div>
          ))}
        </Stack>
      </Paper>
      {p.sections.map((s, si) => (
        <Paper withBorder p="md" key={si}>
          <Title order={5} mb="sm">
            {s.numeral}. {s.title}
          </Title>
          <Stack gap="sm">
            {s.items.map((it, ii) => (
              <div key={ii}>
                <Textarea
                  label={`${s.numeral}.${it.number}`}
                  value={it.text}
                  autosize
                  minRows={2}
                  error={errors[`sections.${si}.items.${ii}.text`]}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    set(
                      'sections',
                      p.sections.map((x, xi) =>
                        xi !== si ? x : { ...x, items: x.items.map((y, yi) => (yi === ii ? { ...y, text } : y)) },
                      ),
                    );
                  }}
                />
                {draft.itemSources?.[`sections.${si}.items.${ii}`]?.changes.length ? (
                  <Paper withBorder p="xs" mt={4} bg="yellow.0" data-testid="restored-item">
                    <Text size="xs" fw={600}>
                      {t('import.restoredTitle')}
                    </Text>
                    <RestoredText
                      text={draft.plan.sections[si]!.items[ii]!.text}
                      changes={draft.itemSources[`sections.${si}.items.${ii}`]!.changes}
                    />
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('import.sourceText')}: “{draft.itemSources[`sections.${si}.items.${ii}`]!.sourceText}”
                    </Text>
                  </Paper>
                ) : null}
                {draft.units
                  .filter((u) => u.section === s.numeral && u.item === it.number)
                  .map((u, k) => (
                    <Badge key={k} size="sm" mr={4} mt={4} color={u.match ? 'green' : 'gray'} variant="light" c="dark.7">
                      {u.text} {u.match ? `→ ${u.match.name}` : `(${t('import.unmatched')})`}
                    </Badge>
                  ))}
                {draft.deadlines
                  .filter((d) => d.section === s.numeral && d.item === it.number)
                  .map((d, k) => (
                    <Badge key={`d${k}`} size="sm" mr={4} mt={4} color="orange" variant="light" c="dark.7">
                      {d.date.split('-').reverse().join('/')}
                    </Badge>
                  ))}
              </div>
            ))}
          </Stack>
        </Paper>
      ))}
      <Paper withBorder p="md" data-testid="proposals">
        <Title order={5} mb={4}>
          {t('import.proposals')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('import.proposalsHint')}
        </Text>
        {proposals.tasks.length + proposals.cycles.length === 0 ? <Text size="sm">{t('import.noProposals')}</Text> : null}
        {proposals.tasks.length ? (
          <Stack gap={6} mb="sm">
            <Text size="sm" fw={600}>
              {t('import.proposedTasks')}
            </Text>
            {proposals.tasks.map((task, k) => (
              <Checkbox
                key={k}
                checked={pickTasks[k] ?? false}
                disabled={!task.leadUnit}
                onChange={(e) => {
                  const v = e.currentTarget.checked;
                  setPickTasks((x) => x.map((y, i) => (i === k ? v : y)));
                }}
                label={`${task.section}.${task.item} ${task.title}`}
                description={[
                  task.dueOn ? `${t('import.due')} ${dmy(task.dueOn)}` : '',
                  recurrenceLabel(t, task.recurrence),
                  task.leadUnit ? task.leadUnit.name : t('import.noLeadUnit'),
                  `“${task.basis}”`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </Stack>
        ) : null}
        {proposals.cycles.length ? (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('import.proposedCycles')}
            </Text>
            {proposals.cycles.map((c, k) => (
              <Checkbox
                key={k}
                checked={pickCycles[k] ?? false}
                onChange={(e) => {
                  const v = e.currentTarget.checked;
                  setPickCycles((x) => x.map((y, i) => (i === k ? v : y)));
                }}
                label={`${c.title} — ${t('import.due')} ${dmy(c.dueOn)}`}
                description={`“${c.basis}”`}
              />
            ))}
          </Stack>
        ) : null}
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('plans.recipients')}
        </Title>
        {p.recipients.map((r, i) => (
          <Text key={i} size="sm">
            - {r.name}
            {r.role ? ` (${r.role})` : ''}
          </Text>
        ))}
      </Paper>
      <Group justify="flex-end">
        <Button
          size="md"
          onClick={() => {
            setErrors({});
            save.mutate();
          }}
          loading={save.isPending}
        >
          {t('import.savePlan')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Sample documents to try the importer on (examples/ in the source). */
const EXAMPLES = [
  { file: 'ke-hoach-2021-ban-ocr.txt', label: 'import.exampleOcr' },
  { file: 'ke-hoach-tuyen-truyen-2021.docx', label: 'import.exampleDocx' },
  { file: 'trang-quet-ke-hoach.png', label: 'import.exampleScan' },
];

export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async () => {
      const form = new FormData();
      form.append('file', file!, file!.name);
      return post<ImportJob>('/api/plan-imports', form);
    },
    onSuccess: (j) => setJobId(j.id),
    onError: notifyError,
  });
  const job = useQuery({
    queryKey: ['plan-import', jobId],
    queryFn: () => get<ImportJob>(`/api/plan-imports/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 800),
  });
  useEffect(() => {
    if (job.data?.status === 'failed') notifyError(new Error(job.data.error ?? 'failed'));
  }, [job.data?.status, job.data?.error]);
  const j = job.data;
  return (
    <>
      <PageHeader title={t('import.title')} />
      {!j?.draft ? (
        <Paper withBorder p="md" maw={640}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('import.examples')}{' '}
              {EXAMPLES.map((x, i) => (
                <span key={x.file}>
                  {i ? ', ' : ''}
                  <Anchor href={`/api/plan-imports/examples/${x.file}`} download>
                    {t(x.label)}
                  </Anchor>
                </span>
              ))}
              .
            </Text>
            <FileInput
              label={t('import.pick')}
              value={file}
              onChange={setFile}
              accept=".txt,.md,.html,.htm,.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff"
              leftSection={<IconFileImport size={16} />}
              clearable
              clearButtonProps={{ 'aria-label': t('import.clearFile') }}
            />
            <Button
              onClick={() => start.mutate()}
              disabled={!file}
              loading={start.isPending || (!!jobId && j?.status !== 'failed' && !j?.draft)}
            >
              {t('import.start')}
            </Button>
            {jobId && j && j.status !== 'done' ? (
              <Stack gap={4}>
                <Text size="sm">
                  {t('import.reading')} {j.stage ?? ''} {j.total ? `(${j.done}/${j.total} ${t('import.page')})` : ''}
                </Text>
                <Progress value={j.total ? (100 * j.done) / j.total : j.status === 'running' ? 50 : 10} animated />
              </Stack>
            ) : null}
            {j?.status === 'failed' ? <Alert color="red">{j.error}</Alert> : null}
          </Stack>
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {j.draft.source.filename} · {j.draft.source.kind}
            {j.draft.source.pages ? ` · ${j.draft.source.pages} ${t('import.page')}` : ''}
          </Text>
          <Review draft={j.draft} />
        </>
      )}
    </>
  );
}
