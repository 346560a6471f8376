/**
 * The survey builder (`/surveys/new`, `/surveys/$id/edit`): general fields, the services surveyed
 * (each tied to a unit, for indices per unit), sections of questions — single or multiple choice,
 * 5-point scale mapped to a methodology criterion, free text — each optionally shown only when an
 * earlier choice question has given answers. The server checks it all again and names the field.
 */
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, QUOTA_KINDS, type TQuota, type TSurvey, type TSurveyInput } from '../../../contracts/surveys';
import { get, post, put } from '../../api';
import { useUnits } from '../../ui/data';
import {
  DmyDateInput,
  ErrorAlert,
  FormAlert,
  type FormErrors,
  formErrorsOf,
  isStale,
  Loading,
  notifyOk,
  PageHeader,
} from '../../ui/common';

type Def = TSurvey['definition'];
type Question = Def['sections'][number]['questions'][number];
type Method = {
  code: string;
  name: { vi: string; en: string };
  elements: { code: string; vi: string; scored: boolean; criteria: { code: string; vi: string }[] }[];
};
type Draft = Omit<TSurveyInput, 'definition'> & { definition: Def };

const emptyDraft = (): Draft => ({
  title: '',
  description: '',
  audience: 'public',
  methodCode: null,
  opensOn: null,
  closesOn: null,
  quota: null,
  quotas: [],
  definition: { services: [], sections: [{ id: 's1', title: 'Phần 1', questions: [] }] },
});

let seq = 0;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export function NewSurveyPage() {
  return <Builder initial={emptyDraft()} />;
}

export function EditSurveyPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery({ queryKey: ['surveys', id], queryFn: () => get<TSurvey>(`/api/surveys/${id}`) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <Builder
      key={s.version}
      id={id}
      version={s.version}
      onReload={() => void q.refetch()}
      initial={{
        title: s.title,
        description: s.description,
        audience: s.audience,
        methodCode: s.methodCode,
        opensOn: s.opensOn,
        closesOn: s.closesOn,
        quota: s.quota,
        quotas: s.quotas,
        definition: s.definition,
      }}
    />
  );
}

function Builder({ initial, id, version, onReload }: { initial: Draft; id?: string; version?: number; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const methods = useQuery({ queryKey: ['survey-methods'], queryFn: () => get<Method[]>('/api/survey-methods') });
  const units = useUnits();
  const method = methods.data?.find((m) => m.code === d.methodCode);
  const save = useMutation({
    mutationFn: () => (id ? put<{ id: string }>(`/api/surveys/${id}`, { ...d, version }) : post<{ id: string }>('/api/surveys', d)),
    onSuccess: async (r) => {
      notifyOk(t('surveys.savedSurvey'));
      await qc.invalidateQueries({ queryKey: ['surveys'] });
      void navigate({ to: `/surveys/${r.id}` });
    },
    onError: (e) => {
      setStale(isStale(e));
      setErrors(formErrorsOf(e));
    },
  });
  const setDef = (def: Def) => setD({ ...d, definition: def });
  const setSection = (si: number, patch: Partial<Def['sections'][number]>) =>
    setDef({ ...d.definition, sections: d.definition.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)) });
  const setQuestion = (si: number, qi: number, patch: Partial<Question>) =>
    setSection(si, { questions: d.definition.sections[si]!.questions.map((q, i) => (i === qi ? { ...q, ...patch } : q)) });
  const allQuestions = d.definition.sections.flatMap((s) => s.questions);
  const fromMethod = () => {
    if (!method) return;
    setDef({
      ...d.definition,
      sections: method.elements
        .filter((e) => e.scored)
        .map((e) => ({
          id: `e${e.code.replace(/[^A-Za-z0-9]/g, '')}`,
          title: `${e.code}. ${e.vi}`,
          questions: e.criteria.map((c) => ({
            id: `q${c.code.replace(/[^A-Za-z0-9]/g, '_')}`,
            type: 'scale5' as const,
            text: c.vi,
            required: false,
            options: [],
            criterion: c.code,
            showIf: null,
          })),
        })),
    });
  };
  const criterionData = (method?.elements ?? [])
    .filter((e) => e.scored)
    .map((e) => ({ group: `${e.code}. ${e.vi}`, items: e.criteria.map((c) => ({ value: c.code, label: `${c.code} ${c.vi}` })) }));
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={id ? `/surveys/${id}` : '/surveys'} size="sm">
            ← {t('surveys.title')}
          </Anchor>
        }
        title={id ? t('surveys.edit') : t('surveys.create')}
      />
      <Stack gap="md" maw={960}>
        <FormAlert errors={errors} stale={stale} onReload={onReload} />
        {id ? <Alert color="blue">{t('surveys.newVersionNote')}</Alert> : null}
        <Paper withBorder p="md">
          <Title order={3} fz="h5" mb="sm">
            {t('surveys.basics')}
          </Title>
          <Stack gap="sm">
            <TextInput
              label={t('surveys.titleField')}
              required
              value={d.title}
              onChange={(e) => setD({ ...d, title: e.currentTarget.value })}
              error={errors.title}
            />
            <Textarea
              label={t('surveys.description')}
              autosize
              minRows={2}
              value={d.description}
              onChange={(e) => setD({ ...d, description: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('surveys.audienceField')}
                data={(['public', 'staff'] as const).map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))}
                value={d.audience}
                onChange={(v) => setD({ ...d, audience: (v ?? 'public') as Draft['audience'] })}
                allowDeselect={false}
              />
              <Select
                label={t('surveys.method')}
                placeholder={t('surveys.noMethod')}
                clearable
                data={(methods.data ?? []).map((m) => ({ value: m.code, label: m.name.vi }))}
                value={d.methodCode}
                onChange={(v) => setD({ ...d, methodCode: v })}
                error={errors.methodCode}
              />
              <NumberInput
                label={t('surveys.quotaField')}
                min={1}
                value={d.quota ?? ''}
                onChange={(v) => setD({ ...d, quota: v === '' ? null : Number(v) })}
                error={errors.quota}
              />
              <DmyDateInput
                label={t('surveys.opensOn')}
                value={d.opensOn}
                onChange={(v) => setD({ ...d, opensOn: v })}
                error={errors.opensOn}
              />
              <DmyDateInput
                label={t('surveys.closesOn')}
                value={d.closesOn}
                onChange={(v) => setD({ ...d, closesOn: v })}
                error={errors.closesOn}
              />
            </SimpleGrid>
            {method ? (
              <Group>
                <Button variant="light" onClick={fromMethod}>
                  {t('surveys.fromMethod')} {d.methodCode}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} fz="h5" mb="sm">
            {t('surveys.services')}
          </Title>
          <Stack gap="xs">
            {d.definition.services.map((s, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('surveys.serviceCode')}
                  value={s.code}
                  w={130}
                  onChange={(e) =>
                    setDef({
                      ...d.definition,
                      services: d.definition.services.map((x, j) => (j === i ? { ...x, code: e.currentTarget.value } : x)),
                    })
                  }
                  error={errors[`definition.services.${i}.code`]}
                />
                <TextInput
                  label={t('surveys.serviceName')}
                  value={s.name}
                  style={{ flex: 1, minWidth: 220 }}
                  onChange={(e) =>
                    setDef({
                      ...d.definition,
                      services: d.definition.services.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)),
                    })
                  }
                />
                <Select
                  label={t('surveys.unit')}
                  clearable
                  data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  value={s.unitId}
                  w={240}
                  onChange={(v) =>
                    setDef({ ...d.definition, services: d.definition.services.map((x, j) => (j === i ? { ...x, unitId: v } : x)) })
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('surveys.remove')}
                  onClick={() => setDef({ ...d.definition, services: d.definition.services.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                leftSection={<IconPlus size={16} />}
                onClick={() =>
                  setDef({
                    ...d.definition,
                    services: [...d.definition.services, { code: `dv${d.definition.services.length + 1}`, name: '', unitId: null }],
                  })
                }
              >
                {t('surveys.addService')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {d.definition.sections.map((s, si) => (
          <Paper key={s.id} withBorder p="md">
            <Group gap="xs" align="flex-end" mb="sm">
              <TextInput
                label={`${t('surveys.section')} ${si + 1}`}
                value={s.title}
                onChange={(e) => setSection(si, { title: e.currentTarget.value })}
                style={{ flex: 1 }}
                error={errors[`definition.sections.${si}.title`]}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('surveys.remove')} ${t('surveys.section')} ${si + 1}`}
                onClick={() => setDef({ ...d.definition, sections: d.definition.sections.filter((_, j) => j !== si) })}
                disabled={d.definition.sections.length === 1}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <Stack gap="sm">
              {s.questions.map((q, qi) => {
                const f = `definition.sections.${si}.questions.${qi}`;
                const earlier = allQuestions.slice(0, allQuestions.indexOf(q)).filter((x) => x.type === 'single' || x.type === 'multiple');
                const dep = earlier.find((x) => x.id === q.showIf?.question);
                return (
                  <Paper key={q.id} withBorder p="sm" bg="gray.0">
                    <Stack gap="xs">
                      <Group gap="xs" align="flex-end" wrap="wrap">
                        <TextInput
                          label={`${t('surveys.questionText')} ${qi + 1}`}
                          value={q.text}
                          onChange={(e) => setQuestion(si, qi, { text: e.currentTarget.value })}
                          style={{ flex: 1, minWidth: 240 }}
                          error={errors[`${f}.text`]}
                        />
                        <Select
                          label={t('surveys.questionType')}
                          data={QUESTION_TYPES.map((x) => ({ value: x, label: t(`surveys.type.${x}`) }))}
                          value={q.type}
                          onChange={(v) => setQuestion(si, qi, { type: (v ?? 'single') as Question['type'], criterion: null })}
                          w={170}
                          allowDeselect={false}
                        />
                        <Checkbox
                          label={t('surveys.required')}
                          checked={q.required}
                          onChange={(e) => setQuestion(si, qi, { required: e.currentTarget.checked })}
                          mb={8}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mb={4}
                          aria-label={`${t('surveys.remove')} ${qi + 1}`}
                          onClick={() => setSection(si, { questions: s.questions.filter((_, j) => j !== qi) })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                      {q.type === 'single' || q.type === 'multiple' ? (
                        <Textarea
                          label={t('surveys.options')}
                          autosize
                          minRows={2}
                          defaultValue={q.options.map((o) => o.label).join('\n')}
                          onBlur={(e) =>
                            setQuestion(si, qi, {
                              options: e.currentTarget.value
                                .split('\n')
                                .map((l) => l.trim())
                                .filter(Boolean)
                                .map((label, k) => ({ value: q.options.find((o) => o.label === label)?.value ?? `o${k + 1}`, label })),
                            })
                          }
                          error={errors[`${f}.options`]}
                        />
                      ) : null}
                      {q.type === 'scale5' && method ? (
                        <Select
                          label={t('surveys.criterionField')}
                          clearable
                          searchable
                          data={criterionData}
                          value={q.criterion ?? null}
                          onChange={(v) => setQuestion(si, qi, { criterion: v })}
                          error={errors[`${f}.criterion`]}
                        />
                      ) : null}
                      {earlier.length ? (
                        <Group gap="xs" wrap="wrap" align="flex-end">
                          <Select
                            label={t('surveys.showIf')}
                            placeholder={t('surveys.always')}
                            clearable
                            data={earlier.map((x) => ({ value: x.id, label: x.text || x.id }))}
                            value={q.showIf?.question ?? null}
                            onChange={(v) => setQuestion(si, qi, { showIf: v ? { question: v, anyOf: [] } : null })}
                            w={300}
                            error={errors[`${f}.showIf.question`]}
                          />
                          {dep ? (
                            <MultiSelect
                              label={t('surveys.showIfAny')}
                              data={dep.options.map((o) => ({ value: o.value, label: o.label }))}
                              value={q.showIf?.anyOf ?? []}
                              onChange={(v) => setQuestion(si, qi, { showIf: { question: dep.id, anyOf: v } })}
                              w={300}
                              error={errors[`${f}.showIf.anyOf`]}
                            />
                          ) : null}
                        </Group>
                      ) : null}
                    </Stack>
                  </Paper>
                );
              })}
              <Group>
                <Button
                  variant="subtle"
                  leftSection={<IconPlus size={16} />}
                  onClick={() =>
                    setSection(si, {
                      questions: [
                        ...s.questions,
                        { id: newId('q'), type: 'scale5', text: '', required: false, options: [], criterion: null, showIf: null },
                      ],
                    })
                  }
                >
                  {t('surveys.addQuestion')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setDef({ ...d.definition, sections: [...d.definition.sections, { id: newId('s'), title: '', questions: [] }] })}
          >
            {t('surveys.addSection')}
          </Button>
        </Group>
        <QuotasEditor d={d} setD={setD} errors={errors} unitName={(u) => units.data?.find((x) => x.id === u)?.name ?? u} />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('surveys.save')}
          </Button>
          <Button variant="default" component={Link} to={id ? `/surveys/${id}` : '/surveys'}>
            {t('surveys.cancel')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}

/**
 * Quota cells: a target number of responses per service, per unit (of the services surveyed) or per
 * answer of a choice question; the portal refuses answers in a full cell, politely.
 */
function QuotasEditor({
  d,
  setD,
  errors,
  unitName,
}: {
  d: Draft;
  setD: (d: Draft) => void;
  errors: FormErrors;
  unitName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const choice = d.definition.sections.flatMap((s) => s.questions).filter((q) => q.type === 'single' || q.type === 'multiple');
  const unitIds = [...new Set(d.definition.services.map((s) => s.unitId).filter((u): u is string => !!u))];
  const setQuota = (i: number, patch: Partial<TQuota>) =>
    setD({ ...d, quotas: d.quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const valuesOf = (q: TQuota) =>
    q.kind === 'service'
      ? d.definition.services.map((s) => ({ value: s.code, label: s.name || s.code }))
      : q.kind === 'unit'
        ? unitIds.map((u) => ({ value: u, label: unitName(u) }))
        : (choice.find((c) => c.id === q.question)?.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h5" mb="xs">
        {t('surveys.quotas')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.quotasHint')}
      </Text>
      <Stack gap="xs">
        {d.quotas.map((q, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('surveys.quotaKind')}
              data={QUOTA_KINDS.map((k) => ({ value: k, label: t(`surveys.quotaKinds.${k}`) }))}
              value={q.kind}
              w={170}
              allowDeselect={false}
              onChange={(v) => setQuota(i, { kind: (v ?? 'service') as TQuota['kind'], question: null, value: '' })}
            />
            {q.kind === 'answer' ? (
              <Select
                label={t('surveys.quotaQuestion')}
                data={choice.map((c) => ({ value: c.id, label: c.text || c.id }))}
                value={q.question ?? null}
                w={240}
                onChange={(v) => setQuota(i, { question: v, value: '' })}
                error={errors[`quotas.${i}.question`]}
              />
            ) : null}
            <Select
              label={t('surveys.quotaValue')}
              data={valuesOf(q)}
              value={q.value || null}
              style={{ flex: 1, minWidth: 200 }}
              onChange={(v) => setQuota(i, { value: v ?? '' })}
              error={errors[`quotas.${i}.value`]}
            />
            <NumberInput
              label={t('surveys.quotaTarget')}
              min={1}
              w={120}
              value={q.target}
              onChange={(v) => setQuota(i, { target: Number(v) || 1 })}
              error={errors[`quotas.${i}.target`]}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('surveys.remove')}
              onClick={() => setD({ ...d, quotas: d.quotas.filter((_, j) => j !== i) })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => setD({ ...d, quotas: [...d.quotas, { kind: 'service', question: null, value: '', target: 50 }] })}
          >
            {t('surveys.addQuota')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
