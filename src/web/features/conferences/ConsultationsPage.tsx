import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tone } from './Tone';
import {
  AUDIENCES,
  CONSULTATION_FORMS,
  type TConsultation,
  type TConsultationSummary,
  type TRegulationVersion,
} from '../../../contracts/conferences';
import { CONSULTATION_MATTERS } from '../../../domain/conference';
import { get, post } from '../../api';
import { useCan } from '../../session';
import { usePeople, useUnits } from '../../ui/data';
import {
  DmyDateInput,
  ErrorAlert,
  EmptyState,
  FormAlert,
  type FormErrors,
  formErrorsOf,
  Loading,
  PageHeader,
  useModalSize,
} from '../../ui/common';
import { formatDate } from '../../ui/format';

export const STATUS_COLORS: Record<string, string> = { planned: 'gray', open: 'blue', closed: 'orange', explained: 'green' };

export function ConsultationsPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('consultations.manage');
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['consultations'], queryFn: () => get<{ items: TConsultationSummary[] }>('/api/consultations') });
  const matter = (n: number) => {
    const m = CONSULTATION_MATTERS[n - 1];
    return m ? (i18n.language === 'en' ? m.en : m.vi) : String(n);
  };
  return (
    <>
      <PageHeader
        title={t('consultations.title')}
        subtitle={t('consultations.subtitle')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('consultations.new')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Loading /> : null}
      {list.data && !list.data.items.length ? <EmptyState title={t('app.empty')} /> : null}
      {list.data?.items.length ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('consultations.name')}</Table.Th>
                  <Table.Th>{t('consultations.period')}</Table.Th>
                  <Table.Th>{t('app.status')}</Table.Th>
                  <Table.Th>{t('consultations.comments')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/consultations/${c.id}`} fw={600} size="sm">
                        {c.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {matter(c.matter)}
                      </Text>
                      {c.awaitingMe ? (
                        <Tone size="xs" color="red" variant="light">
                          {t('consultations.awaitingMe')}
                        </Tone>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {formatDate(c.opensOn)} – {formatDate(c.closesOn)}
                    </Table.Td>
                    <Table.Td>
                      <Tone variant="light" color={STATUS_COLORS[c.status]}>
                        {t(`consultations.status_${c.status}`)}
                      </Tone>
                      {c.explanationPublishedOn ? (
                        <Text size="xs" c="dimmed">
                          {t('consultations.publishedOn', { date: formatDate(c.explanationPublishedOn) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Tone variant="outline">{c.comments}</Tone>
                        {c.accepted ? <Tone color="green">{`${c.accepted} ${t('consultations.accepted')}`}</Tone> : null}
                        {c.partly ? <Tone color="yellow">{`${c.partly} ${t('consultations.partly')}`}</Tone> : null}
                        {c.rejected ? <Tone color="gray">{`${c.rejected} ${t('consultations.rejected')}`}</Tone> : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <RegulationVersions />
      {creating ? <CreateConsultation onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** The issued versions of the democracy and internal spending regulations (Arts. 53(8), 53(9), 59; disclosed under Art. 46(9)). */
function RegulationVersions() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['regulations'], queryFn: () => get<{ items: TRegulationVersion[] }>('/api/regulations') });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data?.items.length) return null;
  return (
    <Paper withBorder p="md" mt="md" data-testid="regulation-versions">
      <Text fw={600}>{t('consultations.regulations')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('consultations.regulationsHint')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consultations.name')}</Table.Th>
              <Table.Th>{t('consultations.issuedOn')}</Table.Th>
              <Table.Th>{t('consultations.decisionRef')}</Table.Th>
              <Table.Th>{t('consultations.issuedFrom')}</Table.Th>
              <Table.Th>{t('app.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {v.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`consultations.regulation_${v.regulation}`)} · {t('consultations.regulationVersion', { n: v.number })}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(v.issuedOn)}</Table.Td>
                <Table.Td>{v.decisionRef}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/consultations/${v.consultationId}`} size="sm">
                    {v.consultationTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Tone variant="light" color={v.superseded ? 'gray' : 'green'}>
                    {v.superseded ? t('consultations.superseded') : t('consultations.inForce')}
                  </Tone>
                  {v.disclosureId ? (
                    <Anchor component={Link} to={`/disclosures/${v.disclosureId}`} size="xs" display="block">
                      {t('consultations.disclosure')}
                    </Anchor>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function CreateConsultation({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const modal = useModalSize('xl');
  const units = useUnits();
  const people = usePeople();
  const [errors, setErrors] = useState<FormErrors>({});
  const [f, setF] = useState({
    title: '',
    matter: '2',
    draft: '',
    forms: ['written'] as string[],
    audience: 'all' as string,
    unitId: null as string | null,
    delegateIds: [] as string[],
    opensOn: null as string | null,
    closesOn: null as string | null,
    allowAnonymous: true,
  });
  const save = useMutation({
    mutationFn: () =>
      post<TConsultation>('/api/consultations', {
        ...f,
        matter: Number(f.matter),
        unitId: f.audience === 'unit' ? f.unitId : null,
        delegateIds: f.audience === 'delegates' ? f.delegateIds : [],
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['consultations'] });
      void navigate({ to: `/consultations/${c.id}` });
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  return (
    <Modal opened onClose={onClose} title={t('consultations.new')} {...modal}>
      <Stack>
        <TextInput
          label={t('consultations.name')}
          required
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.target.value })}
          error={errors.title}
        />
        <Select
          label={t('consultations.matter')}
          data={CONSULTATION_MATTERS.map((m) => ({ value: String(m.n), label: `${m.n}. ${i18n.language === 'en' ? m.en : m.vi}` }))}
          value={f.matter}
          onChange={(v) => setF({ ...f, matter: v ?? '2' })}
          allowDeselect={false}
          error={errors.matter}
        />
        <Textarea
          label={t('consultations.draft')}
          required
          autosize
          minRows={6}
          maxRows={16}
          value={f.draft}
          onChange={(e) => setF({ ...f, draft: e.target.value })}
          error={errors.draft}
        />
        <MultiSelect
          label={t('consultations.forms')}
          data={CONSULTATION_FORMS.map((x) => ({ value: x, label: t(`consultations.form_${x}`) }))}
          value={f.forms}
          onChange={(v) => setF({ ...f, forms: v })}
          error={errors.forms}
        />
        <Select
          label={t('consultations.audience')}
          data={AUDIENCES.map((a) => ({ value: a, label: t(`consultations.audience_${a}`) }))}
          value={f.audience}
          onChange={(v) => setF({ ...f, audience: v ?? 'all' })}
          allowDeselect={false}
        />
        {f.audience === 'unit' ? (
          <Select
            label={t('consultations.unit')}
            searchable
            data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={f.unitId}
            onChange={(v) => setF({ ...f, unitId: v })}
            error={errors.unitId}
          />
        ) : null}
        {f.audience === 'delegates' ? (
          <MultiSelect
            label={t('consultations.delegates')}
            searchable
            data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
            value={f.delegateIds}
            onChange={(v) => setF({ ...f, delegateIds: v })}
            error={errors.delegateIds}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DmyDateInput
            label={t('consultations.opensOn')}
            required
            value={f.opensOn}
            onChange={(v) => setF({ ...f, opensOn: v })}
            error={errors.opensOn}
          />
          <DmyDateInput
            label={t('consultations.closesOn')}
            required
            value={f.closesOn}
            onChange={(v) => setF({ ...f, closesOn: v })}
            error={errors.closesOn}
          />
        </SimpleGrid>
        <Checkbox
          label={t('consultations.allowAnonymous')}
          checked={f.allowAnonymous}
          onChange={(e) => setF({ ...f, allowAnonymous: e.currentTarget.checked })}
        />
        <FormAlert errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
