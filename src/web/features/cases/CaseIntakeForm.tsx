/** The Office's intake form of a case (POST /api/cases). */
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle, IconLock, IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  PROTECTED_PARTY_ROLES,
  type CaseChannel,
  type CaseKind,
  type PartyRole,
  type TCase,
  type TIdentity,
} from '../../../contracts/cases';
import { post } from '../../api';
import { label } from '../../i18n';
import { DmyDateInput, FormAlert, formErrorsOf, notifyOk, useModalSize, type FormErrors } from '../../ui/common';
import { formatDate, todayIso } from '../../ui/format';
import { addDays, CasePicker, channelOptions, cleanIdentity, emptyIdentity, focusFirstError, IdentityFields, kindOptions } from './common';
import { uploadFiles } from '../../ui/data';

const FIRST_ROLE: Record<CaseKind, PartyRole> = {
  complaint: 'complainant',
  denunciation: 'denouncer',
  petition: 'petitioner',
  feedback: 'petitioner',
};

type PartyRow = { role: PartyRole; identity: TIdentity };

export function CaseIntakeForm({ onClose, onSaved }: { onClose: () => void; onSaved: (c: TCase) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('xl');
  const [v, setV] = useState({
    kind: 'complaint' as CaseKind,
    channel: 'letter' as CaseChannel,
    receivedOn: todayIso() as string | null,
    subject: '',
    content: '',
    sourceBody: '',
    knowledgeOn: null as string | null,
    obstacleFrom: null as string | null,
    obstacleTo: null as string | null,
    secondInstance: false,
    firstInstanceCaseId: null as string | null,
    anonymous: false,
    remote: false,
    aboutRegulation: false,
  });
  const [parties, setParties] = useState<PartyRow[]>([{ role: 'complainant', identity: emptyIdentity() }]);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => {
    setV((s) => ({ ...s, [k]: x }));
    if (errors[k]) setErrors(({ [k]: _, ...rest }) => rest);
  };

  const setKind = (kind: CaseKind) => {
    setV((s) => ({ ...s, kind }));
    // The first party follows the kind while it is still the default role of the previous kind.
    setParties((ps) => ps.map((p, i) => (i === 0 && Object.values(FIRST_ROLE).includes(p.role) ? { ...p, role: FIRST_ROLE[kind] } : p)));
  };

  const save = useMutation({
    mutationFn: async () => {
      const attachmentIds = await uploadFiles(files, 'case');
      const isComplaint = v.kind === 'complaint';
      const body = {
        kind: v.kind,
        channel: v.channel,
        receivedOn: v.receivedOn,
        subject: v.subject,
        content: v.content,
        sourceBody: v.channel === 'forwarded' ? v.sourceBody || null : null,
        knowledgeOn: isComplaint ? v.knowledgeOn : null,
        obstacleFrom: isComplaint ? v.obstacleFrom : null,
        obstacleTo: isComplaint ? v.obstacleTo : null,
        firstInstanceCaseId: isComplaint && v.secondInstance ? v.firstInstanceCaseId : null,
        anonymous: v.kind === 'denunciation' ? v.anonymous : false,
        remote: isComplaint ? v.remote : false,
        aboutRegulation: v.kind === 'petition' || v.kind === 'feedback' ? v.aboutRegulation : false,
        parties: parties.filter((p) => p.identity.name.trim()).map((p) => ({ role: p.role, identity: cleanIdentity(p.identity) })),
        attachmentIds,
      };
      return post<TCase>('/api/cases', body);
    },
    onSuccess: async (c) => {
      notifyOk(t('cases.intakeSaved', { code: c.code }));
      await qc.invalidateQueries({ queryKey: ['cases'] });
      onSaved(c);
    },
    onError: (err) => {
      setErrors(formErrorsOf(err));
      focusFirstError();
    },
  });

  // A second complaint has its own window (Art. 33), which the server computes from the first-instance case.
  const limitationEnd = v.kind === 'complaint' && v.knowledgeOn && !v.secondInstance ? addDays(v.knowledgeOn, 90) : null;
  const protectedParties = v.kind === 'denunciation' && parties.some((p) => PROTECTED_PARTY_ROLES.includes(p.role));
  const roleOptions = PARTY_ROLES.map((r) => ({ value: r, label: label(PARTY_ROLE_LABELS[r]) }));

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      title={<Text fw={600}>{t('cases.intake')}</Text>}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <FormAlert errors={errors} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('cases.kind')}
            </Text>
            <SegmentedControl value={v.kind} onChange={(x) => setKind(x as CaseKind)} data={kindOptions()} fullWidth />
            {errors.kind ? (
              <Text size="xs" c="red">
                {errors.kind}
              </Text>
            ) : null}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('cases.channel')}
              data={channelOptions()}
              value={v.channel}
              onChange={(x) => set('channel', (x ?? 'letter') as CaseChannel)}
              allowDeselect={false}
              error={errors.channel}
              required
            />
            <DmyDateInput
              label={t('cases.receivedOn')}
              value={v.receivedOn}
              onChange={(x) => set('receivedOn', x)}
              error={errors.receivedOn}
              required
            />
          </SimpleGrid>
          {v.channel === 'forwarded' ? (
            <TextInput
              label={t('cases.sourceBody')}
              description={t('cases.sourceBodyHint')}
              value={v.sourceBody}
              onChange={(e) => set('sourceBody', e.currentTarget.value)}
              error={errors.sourceBody}
            />
          ) : null}
          <TextInput
            label={t('cases.subject')}
            description={t('cases.subjectHint')}
            value={v.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={errors.subject}
            required
            maxLength={300}
          />
          <Textarea
            label={t('cases.content')}
            value={v.content}
            onChange={(e) => set('content', e.currentTarget.value)}
            error={errors.content}
            required
            autosize
            minRows={4}
            maxRows={14}
          />

          {v.kind === 'complaint' ? (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <DmyDateInput
                  label={v.secondInstance ? t('cases.knowledgeOnSecond') : t('cases.knowledgeOn')}
                  value={v.knowledgeOn}
                  onChange={(x) => set('knowledgeOn', x)}
                  error={errors.knowledgeOn}
                />
                <DmyDateInput
                  label={t('cases.obstacleFrom')}
                  value={v.obstacleFrom}
                  onChange={(x) => set('obstacleFrom', x)}
                  error={errors.obstacleFrom}
                />
                <DmyDateInput
                  label={t('cases.obstacleTo')}
                  value={v.obstacleTo}
                  onChange={(x) => set('obstacleTo', x)}
                  error={errors.obstacleTo}
                />
              </SimpleGrid>
              <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs">
                <Text size="xs">{v.secondInstance ? t('cases.secondWindowNote') : t('cases.limitationNote')}</Text>
                {limitationEnd ? (
                  <Text size="xs" fw={600} mt={4} c={limitationEnd < (v.receivedOn ?? todayIso()) ? 'red.8' : undefined}>
                    {t('cases.limitationEstimate', { date: formatDate(limitationEnd) })}
                    {limitationEnd < (v.receivedOn ?? todayIso()) ? ` — ${t('cases.limitationMaybeExpired')}` : ''}
                  </Text>
                ) : null}
              </Alert>
              <Checkbox
                label={t('cases.remote')}
                description={t('cases.remoteHint')}
                checked={v.remote}
                onChange={(e) => set('remote', e.currentTarget.checked)}
              />
              <Checkbox
                label={t('cases.secondInstance')}
                description={t('cases.secondInstanceHint')}
                checked={v.secondInstance}
                onChange={(e) => set('secondInstance', e.currentTarget.checked)}
              />
              {v.secondInstance ? (
                <CasePicker
                  label={t('cases.firstInstanceCase')}
                  kind="complaint"
                  value={v.firstInstanceCaseId}
                  onChange={(x) => set('firstInstanceCaseId', x)}
                  error={errors.firstInstanceCaseId}
                  required
                />
              ) : null}
            </Stack>
          ) : null}

          {v.kind === 'denunciation' ? (
            <Checkbox
              label={t('cases.anonymous')}
              description={t('cases.anonymousHint')}
              checked={v.anonymous}
              onChange={(e) => set('anonymous', e.currentTarget.checked)}
            />
          ) : null}
          {v.kind === 'petition' || v.kind === 'feedback' ? (
            <Checkbox
              label={t('cases.aboutRegulation')}
              description={t('cases.aboutRegulationHint')}
              checked={v.aboutRegulation}
              onChange={(e) => set('aboutRegulation', e.currentTarget.checked)}
            />
          ) : null}

          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('cases.parties')}
            </Text>
            {protectedParties ? (
              <Alert color="orange" icon={<IconLock size={18} />} p="xs">
                <Text size="xs">{t('cases.protectedWarn')}</Text>
              </Alert>
            ) : null}
            {errors.parties ? (
              <Text size="xs" c="red">
                {errors.parties}
              </Text>
            ) : null}
            {parties.map((p, i) => (
              <IdentityFields
                key={i}
                legend={`${label(PARTY_ROLE_LABELS[p.role])} ${i + 1}`}
                value={p.identity}
                onChange={(identity) => setParties((ps) => ps.map((q, j) => (j === i ? { ...q, identity } : q)))}
                errors={errors}
                errorsAt={`parties.${i}.identity`}
                onRemove={() => setParties((ps) => ps.filter((_, j) => j !== i))}
                extra={
                  <Select
                    label={t('cases.partyRole')}
                    data={roleOptions}
                    value={p.role}
                    onChange={(x) => setParties((ps) => ps.map((q, j) => (j === i ? { ...q, role: (x ?? 'related') as PartyRole } : q)))}
                    allowDeselect={false}
                    error={errors[`parties.${i}.role`]}
                    maw={320}
                  />
                }
              />
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => setParties((ps) => [...ps, { role: ps.length ? 'related' : FIRST_ROLE[v.kind], identity: emptyIdentity() }])}
            >
              {t('cases.addParty')}
            </Button>
          </Stack>

          <FileInput
            label={t('cases.attachments')}
            multiple
            value={files}
            onChange={setFiles}
            leftSection={<IconPaperclip size={16} />}
            clearable
            error={errors.attachmentIds}
          />

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('cases.intakeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
