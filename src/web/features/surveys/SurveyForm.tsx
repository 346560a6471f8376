/**
 * A survey's form, the same for a citizen on the portal, a staff member answering an internal
 * survey and a clerk entering a paper form: sections, questions shown only when their condition
 * holds (the server drops answers to hidden questions too), the 5-point scale as five labelled
 * radio buttons that fit a phone's width.
 */
import { Checkbox, Group, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAnswers, TSurvey } from '../../../contracts/surveys';
import { ApiError } from '../../api';

type Definition = TSurvey['definition'];
type Question = Definition['sections'][number]['questions'][number];

/** Is a question shown, given the answers so far (same rule as the server's `isShown`). */
export function isShown(q: Question, answers: TAnswers): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.question];
  const given = Array.isArray(a) ? a : typeof a === 'string' ? [a] : [];
  return q.showIf.anyOf.some((v) => given.includes(v));
}

export function SurveyForm({
  definition,
  answers,
  onChange,
  service,
  onService,
  errors,
}: {
  definition: Definition;
  answers: TAnswers;
  onChange: (a: TAnswers) => void;
  service: string | null;
  onService: (s: string | null) => void;
  /** Messages by field (`answers.q1`, `service`). */
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (id: string, v: TAnswers[string]) => onChange({ ...answers, [id]: v });
  return (
    <Stack gap="md">
      {definition.services.length > 0 ? (
        <Select
          label={t('surveys.chooseService')}
          required
          data={definition.services.map((s) => ({ value: s.code, label: s.name }))}
          value={service}
          onChange={onService}
          error={errors.service}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      <Text size="sm" c="dimmed">
        {t('surveys.scaleLegend')}
      </Text>
      {definition.sections.map((s) => {
        const visible = s.questions.filter((q) => isShown(q, answers));
        if (visible.length === 0) return null;
        return (
          <Paper key={s.id} withBorder p="md" component="fieldset" style={{ border: undefined }}>
            <Title order={3} fz="h4" mb="sm" component="legend">
              {s.title}
            </Title>
            <Stack gap="lg">
              {visible.map((q) => (
                <QuestionInput key={q.id} q={q} value={answers[q.id]} onChange={(v) => set(q.id, v)} error={errors[`answers.${q.id}`]} />
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function QuestionInput({
  q,
  value,
  onChange,
  error,
}: {
  q: Question;
  value: TAnswers[string] | undefined;
  onChange: (v: TAnswers[string]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  switch (q.type) {
    case 'scale5':
      return (
        <Radio.Group
          label={q.text}
          required={q.required}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(v) => onChange(Number(v))}
          error={error}
        >
          <Group gap={6} mt={6} wrap="nowrap" justify="space-between" style={{ maxWidth: 420 }}>
            {['1', '2', '3', '4', '5'].map((v) => (
              <Radio.Card
                key={v}
                value={v}
                radius="md"
                p={8}
                aria-label={`${v} — ${t(`surveys.scale.${v}`)}`}
                style={{ flex: 1, textAlign: 'center', minWidth: 44, minHeight: 44 }}
              >
                <Text fw={700}>{v}</Text>
              </Radio.Card>
            ))}
          </Group>
        </Radio.Group>
      );
    case 'single':
      return (
        <Radio.Group
          label={q.text}
          required={q.required}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error}
        >
          <Stack gap={8} mt={6}>
            {q.options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group label={q.text} required={q.required} value={Array.isArray(value) ? value : []} onChange={onChange} error={error}>
          <Stack gap={8} mt={6}>
            {q.options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text':
      return (
        <Textarea
          label={q.text}
          required={q.required}
          autosize
          minRows={2}
          maxLength={4000}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
        />
      );
  }
}

/** Field messages of an API error, by field. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldMessages() : {};
}
