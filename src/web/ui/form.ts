/**
 * Forms on @mantine/form, checked by the request schemas the server uses (src/contracts; issue
 * #9, STYLE.md point 8): what the server would refuse is shown under the field before anything is
 * sent, in the same words (contracts/issues.ts), in the reader's language. The server still checks
 * everything; its answer to a failed save goes under the fields too (`showServerErrors`).
 *
 *   const form = useSchemaForm({ schema: ZCreateUnitRequest, initialValues, toRequest });
 *   <form onSubmit={form.onSubmit((body) => save.mutate(body))} noValidate>
 *     <TextInput {...form.getInputProps('name')} />
 */
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { issueMessage } from '../../contracts/issues';
import { type FormErrors, formErrorsOf } from './common';

/**
 * The messages of `schema` for `input`, keyed by field path ('name', 'predecessors.0.unitId';
 * '_' for the form as a whole), the first message of each field only.
 */
export function schemaErrors(schema: z.ZodType, input: unknown, lang: 'vi' | 'en'): FormErrors {
  const r = schema.safeParse(input);
  if (r.success) return {};
  const errors: FormErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (key in errors) continue;
    const { code, message, path: _path, input: _input, ...params } = issue as typeof issue & { input?: unknown };
    errors[key] = issueMessage(code, message, params)[lang];
  }
  return errors;
}

/**
 * A form whose values become the request body through `toRequest` (empty text → null, a number
 * typed as text → a number…), checked against the request schema on submit; `form.onSubmit`
 * hands the handler that body.
 * @param opts.refine adjusts the messages, e.g. a plainer one for a choice not yet made.
 */
export function useSchemaForm<V extends Record<string, unknown>, R>(opts: {
  schema: z.ZodType;
  initialValues: V;
  toRequest: (values: V) => R;
  refine?: (errors: FormErrors, values: V) => FormErrors;
}): UseFormReturnType<V, R> {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return useForm<V, R>({
    mode: 'controlled',
    initialValues: opts.initialValues,
    transformValues: opts.toRequest,
    validate: (values: V) => {
      const errors = schemaErrors(opts.schema, opts.toRequest(values), lang);
      return opts.refine ? opts.refine(errors, values) : errors;
    },
  });
}

/**
 * After a failed save: each field's message from the server under its input, the general one
 * (key '_') for `FormAlert`, and a notification. Returns the errors set.
 */
export function showServerErrors(form: { setErrors: (errors: FormErrors) => void }, error: unknown): FormErrors {
  const errors = formErrorsOf(error);
  form.setErrors(errors);
  return errors;
}

/** The form's errors as plain text, for `FormAlert`. */
export function errorsOf(form: { errors: Record<string, unknown> }): FormErrors {
  return Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k, String(v)]));
}
