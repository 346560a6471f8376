/**
 * One modal form for the board's many small actions (notify, conclude, recommend, answer…): the
 * fields are data, values go to the server as they are, and each error shows under its field.
 */
import { useState } from 'react';
import {
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DmyDateInput, FormAlert, type FormErrors, formErrorsOf, notifyOk, useModalSize } from '../../ui/common';

export type Field =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'date'; required?: boolean; description?: ReactNode }
  | { name: string; label: string; kind: 'number'; required?: boolean; description?: ReactNode }
  | { name: string; label: string; kind: 'select'; data: { value: string; label: string }[]; required?: boolean; description?: ReactNode }
  | {
      name: string;
      label: string;
      kind: 'multiselect';
      data: { value: string; label: string }[];
      required?: boolean;
      description?: ReactNode;
    }
  | { name: string; label: string; kind: 'checkbox'; description?: ReactNode }
  | { name: string; label: string; kind: 'files'; description?: ReactNode };

export type Values = Record<string, string | number | boolean | string[] | File[] | null>;

export function FormModal(props: {
  title: string;
  fields: Field[];
  initial: Values;
  submitLabel: string;
  hint?: ReactNode;
  /** Shown under the fields, computed from the current values (e.g. the latest notice day). */
  live?: (v: Values) => ReactNode;
  onSubmit: (v: Values) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const modal = useModalSize('lg');
  const [v, setV] = useState<Values>(props.initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => props.onSubmit(v),
    onSuccess: () => {
      notifyOk(t('app.saved'));
      props.onDone();
    },
    onError: (e) => setErrors(formErrorsOf(e)),
  });
  const set = (name: string, value: Values[string]) => setV((old) => ({ ...old, [name]: value }));
  return (
    <Modal opened onClose={props.onClose} title={<Text fw={600}>{props.title}</Text>} {...modal}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {props.hint ? (
            <Text size="sm" c="dimmed">
              {props.hint}
            </Text>
          ) : null}
          <FormAlert errors={errors} />
          {props.fields.map((f) => {
            const common = { label: f.label, description: f.description, error: errors[f.name] };
            switch (f.kind) {
              case 'text':
                return (
                  <TextInput
                    key={f.name}
                    {...common}
                    required={f.required}
                    value={String(v[f.name] ?? '')}
                    onChange={(e) => set(f.name, e.currentTarget.value)}
                  />
                );
              case 'textarea':
                return (
                  <Textarea
                    key={f.name}
                    {...common}
                    required={f.required}
                    autosize
                    minRows={3}
                    value={String(v[f.name] ?? '')}
                    onChange={(e) => set(f.name, e.currentTarget.value)}
                  />
                );
              case 'date':
                return (
                  <DmyDateInput
                    key={f.name}
                    {...common}
                    required={f.required}
                    value={(v[f.name] as string | null) ?? null}
                    onChange={(x) => set(f.name, x)}
                  />
                );
              case 'number':
                return (
                  <NumberInput
                    key={f.name}
                    {...common}
                    required={f.required}
                    min={0}
                    value={(v[f.name] as number | null) ?? ''}
                    onChange={(x) => set(f.name, typeof x === 'number' ? x : null)}
                  />
                );
              case 'select':
                return (
                  <Select
                    key={f.name}
                    {...common}
                    required={f.required}
                    data={f.data}
                    value={(v[f.name] as string | null) ?? null}
                    onChange={(x) => set(f.name, x)}
                    searchable
                  />
                );
              case 'multiselect':
                return (
                  <MultiSelect
                    key={f.name}
                    {...common}
                    required={f.required}
                    data={f.data}
                    value={(v[f.name] as string[] | null) ?? []}
                    onChange={(x) => set(f.name, x)}
                    searchable
                  />
                );
              case 'files':
                return (
                  <FileInput
                    key={f.name}
                    {...common}
                    multiple
                    clearable
                    value={(v[f.name] as File[] | null) ?? []}
                    onChange={(x) => set(f.name, x)}
                  />
                );
              case 'checkbox':
                return (
                  <Checkbox
                    key={f.name}
                    label={f.label}
                    description={f.description}
                    checked={!!v[f.name]}
                    onChange={(e) => set(f.name, e.currentTarget.checked)}
                  />
                );
            }
            return null;
          })}
          {props.live?.(v)}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Drop empty strings (optional fields left blank) before sending. */
export function clean(v: Values): Values {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== null));
}
