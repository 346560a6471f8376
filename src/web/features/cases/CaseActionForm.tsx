/** One small form per workflow action of a case (POST /api/cases/:id/actions). */
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NOT_ACCEPTED_REASONS, type CaseActionName, type NotAcceptedReason, type TCase } from '../../../contracts/cases';
import { classifyComplexity, COMPLEXITY_CRITERIA } from '../../../domain/deadlines/rules';
import { post } from '../../api';
import { DmyDateInput, FormAlert, formErrorsOf, isStale, notifyOk, useModalSize, type FormErrors } from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';
import { CasePicker, focusFirstError } from './common';
import { uploadFiles, usePeople, useUnits } from '../../ui/data';

/** The order the actions are offered in. */
export const CASE_ACTIONS: CaseActionName[] = [
  'accept',
  'not_accept',
  'forward',
  'guide',
  'information',
  'assign',
  'approve_assignment',
  'extend_initial',
  'verification',
  'dialogue',
  'complexity',
  'extend',
  'suspend',
  'resume',
  'withdraw',
  'terminate',
  'decide',
  'decision_received',
  'notify',
  'public_answer',
  'link',
  'note',
];

/** Actions that take the common document fields (decision number, attachment, note). */
const NO_DOC: CaseActionName[] = ['public_answer', 'note'];
/** Actions whose decision number is required. */
const DECISION_REQUIRED: CaseActionName[] = ['extend'];

const LEVEL_COLORS = { standard: 'gray', complex: 'orange', especially_complex: 'red' } as const;

export function CaseActionForm({
  c,
  action,
  onClose,
  onReload,
}: {
  c: TCase;
  action: CaseActionName;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize(action === 'not_accept' || action === 'complexity' ? 'lg' : 'md');
  const [v, setV] = useState({
    on: todayIso() as string | null,
    decisionNo: '',
    note: '',
    reasons: [] as string[],
    to: '',
    unitId: c.unit?.id ?? null,
    handlerId: c.handler?.id ?? null,
    decisionMakerId: c.decisionMaker?.id ?? null,
    criteria: [...c.complexity.criteria],
    days: 30 as number | string,
    continueHandling: false,
    outcome: '',
    recipients: '',
    answer: c.publicAnswer ?? '',
    otherCaseId: null as string | null,
    relation: 'related' as 'duplicate' | 'repeat' | 'related',
    approved: 'yes' as 'yes' | 'no',
  });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => setV((s) => ({ ...s, [k]: x }));
  const units = useUnits();
  const unitPeople = usePeople(action === 'assign' ? v.unitId : undefined);
  const everyone = usePeople(null);

  const submit = useMutation({
    mutationFn: async () => {
      const attachmentId = file ? ((await uploadFiles([file], 'case'))[0] ?? null) : null;
      const base = { action, version: c.version, on: v.on };
      const doc = { decisionNo: v.decisionNo.trim() || null, attachmentId, note: v.note.trim() || null };
      const specific: Record<string, unknown> = {
        not_accept: { reasons: v.reasons },
        forward: { to: v.to },
        guide: { to: v.to },
        assign: { unitId: v.unitId, handlerId: v.handlerId, decisionMakerId: v.decisionMakerId },
        approve_assignment: { approved: v.approved === 'yes' },
        complexity: { criteria: v.criteria },
        extend: { days: v.days === '' ? null : Number(v.days) },
        withdraw: { continueHandling: v.continueHandling },
        decide: { outcome: v.outcome },
        notify: { recipients: v.recipients },
        public_answer: { answer: v.answer },
        link: { otherCaseId: v.otherCaseId, relation: v.relation },
        note: { note: v.note, attachmentId },
      };
      const body = { ...base, ...(NO_DOC.includes(action) ? {} : doc), ...((specific[action] as object | undefined) ?? {}) };
      return post<TCase>(`/api/cases/${c.id}/actions`, body);
    },
    onSuccess: async (fresh) => {
      notifyOk(t('cases.actionDone', { action: t(`cases.action_${action}`) }));
      qc.setQueryData(['cases', 'one', c.id], fresh);
      await qc.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'one' });
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });

  const reasons = (Object.entries(NOT_ACCEPTED_REASONS) as [NotAcceptedReason, (typeof NOT_ACCEPTED_REASONS)[NotAcceptedReason]][]).filter(
    ([, r]) => r.kind === c.kind,
  );
  const level = classifyComplexity(v.criteria);
  const maxExtensions =
    c.kind === 'denunciation' ? (c.complexity.level === 'especially_complex' ? 2 : c.complexity.level === 'complex' ? 1 : 0) : null;

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{`${t(`cases.action_${action}`)} · ${c.code}`}</Text>}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (DECISION_REQUIRED.includes(action) && !v.decisionNo.trim()) {
            setErrors({ decisionNo: t('cases.decisionNoRequired') });
            return;
          }
          setErrors({});
          setStale(false);
          submit.mutate();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t(`cases.actionHelp_${action}`)}
          </Text>
          <FormAlert
            errors={errors}
            stale={stale}
            onReload={() =>
              void onReload().then(() => {
                setErrors({});
                setStale(false);
              })
            }
          />

          {action === 'not_accept' ? (
            <Checkbox.Group
              label={t('cases.notAcceptReasons')}
              value={v.reasons}
              onChange={(x) => set('reasons', x)}
              error={errors.reasons}
              withAsterisk
            >
              <Stack gap="xs" mt="xs">
                {reasons.map(([code, r]) => (
                  <Checkbox key={code} value={code} label={i18n.language === 'en' ? r.en : r.vi} description={r.basis} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}

          {action === 'forward' ? (
            <>
              <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="xs">
                <Text size="xs">{t('cases.forwardOnce')}</Text>
              </Alert>
              <TextInput
                label={t('cases.forwardTo')}
                value={v.to}
                onChange={(e) => set('to', e.currentTarget.value)}
                error={errors.to}
                required
              />
            </>
          ) : null}
          {action === 'guide' ? (
            <TextInput
              label={t('cases.guideTo')}
              value={v.to}
              onChange={(e) => set('to', e.currentTarget.value)}
              error={errors.to}
              required
            />
          ) : null}

          {action === 'assign' ? (
            <>
              <Select
                label={t('cases.unit')}
                data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                value={v.unitId}
                onChange={(x) => setV((s) => ({ ...s, unitId: x, handlerId: null }))}
                error={errors.unitId}
                searchable
                required
                nothingFoundMessage={t('app.noResults')}
              />
              <Select
                label={t('cases.handler')}
                data={(unitPeople.data ?? []).map((p) => ({
                  value: p.id,
                  label: p.position ? `${p.fullName} — ${p.position}` : p.fullName,
                }))}
                value={v.handlerId}
                onChange={(x) => set('handlerId', x)}
                error={errors.handlerId}
                searchable
                required
                disabled={!v.unitId}
                nothingFoundMessage={t('app.noResults')}
              />
              <Select
                label={t('cases.decisionMaker')}
                description={t('cases.decisionMakerHint')}
                data={(everyone.data ?? []).map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))}
                value={v.decisionMakerId}
                onChange={(x) => set('decisionMakerId', x)}
                error={errors.decisionMakerId}
                searchable
                clearable
                nothingFoundMessage={t('app.noResults')}
              />
            </>
          ) : null}

          {action === 'approve_assignment' ? (
            <>
              {c.pendingAssignment ? <PendingAssignment c={c} /> : null}
              <div>
                <Text size="sm" fw={500} mb={4} id="approve-decision">
                  {t('cases.approveDecision')}
                </Text>
                <SegmentedControl
                  aria-labelledby="approve-decision"
                  value={v.approved}
                  onChange={(x) => set('approved', x as 'yes' | 'no')}
                  data={[
                    { value: 'yes', label: t('cases.approveYes') },
                    { value: 'no', label: t('cases.approveNo') },
                  ]}
                />
                {errors.approved ? (
                  <Text size="xs" c="red" mt={4}>
                    {errors.approved}
                  </Text>
                ) : null}
              </div>
            </>
          ) : null}

          {action === 'complexity' ? (
            <>
              <Checkbox.Group
                label={t('cases.complexityCriteria')}
                description={t('cases.complexityHint')}
                value={v.criteria}
                onChange={(x) => set('criteria', x)}
                error={errors.criteria}
              >
                <Stack gap="xs" mt="xs">
                  {COMPLEXITY_CRITERIA.map((cr) => (
                    <Checkbox key={cr.key} value={cr.key} label={`${cr.key}) ${i18n.language === 'en' ? cr.textEn : cr.text}`} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Group gap="xs">
                <Text size="sm">{t('cases.complexityLevel')}:</Text>
                <Badge color={LEVEL_COLORS[level]} variant="light" tt="none">
                  {t(`cases.level_${level}`)}
                </Badge>
              </Group>
            </>
          ) : null}

          {action === 'extend' ? (
            <>
              {maxExtensions !== null ? (
                <Alert color={c.extensions >= maxExtensions ? 'orange' : 'blue'} icon={<IconInfoCircle size={18} />} p="xs">
                  <Text size="xs">
                    {t('cases.extendAllowed', { max: maxExtensions, used: c.extensions, level: t(`cases.level_${c.complexity.level}`) })}
                  </Text>
                </Alert>
              ) : null}
              <NumberInput
                label={t('cases.extendDays')}
                description={t('cases.extendDaysHint')}
                value={v.days}
                onChange={(x) => set('days', x)}
                min={1}
                max={30}
                error={errors.days}
                w={200}
              />
            </>
          ) : null}

          {action === 'withdraw' ? (
            <Checkbox
              label={t('cases.continueHandling')}
              description={t('cases.continueHandlingHint')}
              checked={v.continueHandling}
              onChange={(e) => set('continueHandling', e.currentTarget.checked)}
            />
          ) : null}
          {action === 'decide' ? (
            <Textarea
              label={t('cases.outcome')}
              value={v.outcome}
              onChange={(e) => set('outcome', e.currentTarget.value)}
              error={errors.outcome}
              required
              autosize
              minRows={3}
            />
          ) : null}
          {action === 'notify' ? (
            <Textarea
              label={t('cases.recipients')}
              description={t('cases.recipientsHint')}
              value={v.recipients}
              onChange={(e) => set('recipients', e.currentTarget.value)}
              error={errors.recipients}
              required
              autosize
              minRows={2}
            />
          ) : null}
          {action === 'public_answer' ? (
            <Textarea
              label={t('cases.publicAnswer')}
              description={t('cases.publicAnswerHint')}
              value={v.answer}
              onChange={(e) => set('answer', e.currentTarget.value)}
              error={errors.answer}
              required
              autosize
              minRows={4}
            />
          ) : null}
          {action === 'link' ? (
            <>
              <CasePicker
                label={t('cases.otherCase')}
                value={v.otherCaseId}
                onChange={(x) => set('otherCaseId', x)}
                excludeId={c.id}
                error={errors.otherCaseId}
                required
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('cases.relation')}
                </Text>
                <SegmentedControl
                  value={v.relation}
                  onChange={(x) => set('relation', x as typeof v.relation)}
                  data={(['related', 'repeat', 'duplicate'] as const).map((r) => ({ value: r, label: t(`cases.relation_${r}`) }))}
                />
                {errors.relation ? (
                  <Text size="xs" c="red">
                    {errors.relation}
                  </Text>
                ) : null}
              </Stack>
            </>
          ) : null}

          <SimpleGrid cols={{ base: 1, sm: NO_DOC.includes(action) ? 1 : 2 }}>
            <DmyDateInput
              label={t('cases.actionOn')}
              value={v.on}
              onChange={(x) => set('on', x)}
              error={errors.on}
              required
              maxDate={todayIso()}
            />
            {NO_DOC.includes(action) ? null : (
              <TextInput
                label={DECISION_REQUIRED.includes(action) ? t('cases.decisionNoExtend') : t('cases.decisionNo')}
                placeholder={t('cases.decisionNoPlaceholder')}
                value={v.decisionNo}
                onChange={(e) => set('decisionNo', e.currentTarget.value)}
                error={errors.decisionNo}
                required={DECISION_REQUIRED.includes(action)}
              />
            )}
          </SimpleGrid>
          {action === 'public_answer' ? null : (
            <>
              <Textarea
                label={action === 'note' ? t('cases.noteText') : t('cases.noteOptional')}
                value={v.note}
                onChange={(e) => set('note', e.currentTarget.value)}
                error={errors.note}
                required={action === 'note'}
                autosize
                minRows={2}
              />
              <FileInput
                label={t('cases.attachment')}
                value={file}
                onChange={setFile}
                leftSection={<IconPaperclip size={16} />}
                clearable
                error={errors.attachmentId}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={submit.isPending} color={action === 'not_accept' || action === 'terminate' ? 'red' : undefined}>
              {t(`cases.action_${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The reassignment waiting for approval, in words. */
export function PendingAssignment({ c }: { c: TCase }) {
  const { t } = useTranslation();
  const p = c.pendingAssignment;
  if (!p) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('cases.pendingAssignment')} p="xs">
      <Text size="sm">
        {t('cases.pendingAssignmentText', {
          by: p.requestedBy,
          on: formatDate(p.requestedOn),
          unit: p.unit.name,
          handler: p.handler.name,
          dm: p.decisionMaker ? t('cases.pendingDm', { name: p.decisionMaker.name }) : '',
        })}
      </Text>
    </Alert>
  );
}
