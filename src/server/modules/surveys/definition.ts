/**
 * Rules on a survey's definition and on the answers given to it (issue 13): question ids unique,
 * conditions that point back to an earlier choice question, criteria that exist in the survey's
 * methodology (QĐ 2640/QĐ-BNV, QĐ 1001/QĐ-BNV, DOMAIN.md §3.1); answers checked against the
 * questions actually shown, so a hidden question's answer is dropped rather than counted.
 */
import type { TAnswers, TQuestion, TSurveyDefinition } from '../../../contracts/surveys';
import { methodCriterion, surveyMethod } from '../../../domain/surveys';
import { invalid } from '../../platform/errors';

/** All questions in order, with their section. */
export function questionsOf(def: TSurveyDefinition): TQuestion[] {
  return def.sections.flatMap((s) => s.questions);
}

/**
 * Checks a definition.
 * @throws AppError VALIDATION_FAILED naming the offending field.
 */
export function checkDefinition(def: TSurveyDefinition, methodCode: string | null): void {
  const method = methodCode ? surveyMethod(methodCode) : undefined;
  if (methodCode && !method) throw invalid('methodCode', `không có phương pháp "${methodCode}"`, `no methodology "${methodCode}"`);
  const seen = new Map<string, TQuestion>();
  const sectionIds = new Set<string>();
  def.sections.forEach((s, si) => {
    if (sectionIds.has(s.id)) throw invalid(`definition.sections.${si}.id`, `trùng mã phần "${s.id}"`, `duplicate section id "${s.id}"`);
    sectionIds.add(s.id);
    s.questions.forEach((q, qi) => {
      const f = `definition.sections.${si}.questions.${qi}`;
      if (seen.has(q.id)) throw invalid(`${f}.id`, `trùng mã câu hỏi "${q.id}"`, `duplicate question id "${q.id}"`);
      if ((q.type === 'single' || q.type === 'multiple') && q.options.length < 2) {
        throw invalid(`${f}.options`, 'câu hỏi lựa chọn cần ít nhất 2 phương án', 'a choice question needs at least 2 options');
      }
      if (new Set(q.options.map((o) => o.value)).size !== q.options.length) {
        throw invalid(`${f}.options`, 'trùng giá trị phương án', 'duplicate option values');
      }
      if (q.criterion) {
        if (q.type !== 'scale5') {
          throw invalid(`${f}.criterion`, 'chỉ câu hỏi thang 5 mức mới gắn với tiêu chí', 'only a 5-point question maps to a criterion');
        }
        if (!method) throw invalid(`${f}.criterion`, 'khảo sát chưa chọn phương pháp đo', 'the survey has no methodology');
        if (!methodCriterion(method, q.criterion)) {
          throw invalid(
            `${f}.criterion`,
            `phương pháp ${method.code} không có tiêu chí "${q.criterion}"`,
            `${method.code} has no criterion "${q.criterion}"`,
          );
        }
      }
      if (q.showIf) {
        const dep = seen.get(q.showIf.question);
        if (!dep || (dep.type !== 'single' && dep.type !== 'multiple')) {
          throw invalid(
            `${f}.showIf.question`,
            'điều kiện phải dựa vào một câu hỏi lựa chọn đứng trước',
            'the condition must refer to an earlier choice question',
          );
        }
        const values = new Set(dep.options.map((o) => o.value));
        const bad = q.showIf.anyOf.find((v) => !values.has(v));
        if (bad)
          throw invalid(`${f}.showIf.anyOf`, `"${bad}" không phải phương án của câu ${dep.id}`, `"${bad}" is not an option of ${dep.id}`);
      }
      seen.set(q.id, q);
    });
  });
  if (seen.size === 0) throw invalid('definition.sections', 'khảo sát cần ít nhất một câu hỏi', 'a survey needs at least one question');
  const codes = new Set<string>();
  def.services.forEach((s, i) => {
    if (codes.has(s.code))
      throw invalid(`definition.services.${i}.code`, `trùng mã dịch vụ "${s.code}"`, `duplicate service code "${s.code}"`);
    codes.add(s.code);
  });
}

/** Is a question shown, given the answers so far (conditions refer only to earlier questions). */
export function isShown(q: TQuestion, answers: TAnswers): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.question];
  const given = Array.isArray(a) ? a : typeof a === 'string' ? [a] : [];
  return q.showIf.anyOf.some((v) => given.includes(v));
}

/**
 * Checks and cleans answers: only shown questions are kept; 0 or null on a 5-point scale means no answer.
 * @returns the answers to store.
 * @throws AppError VALIDATION_FAILED naming `answers.<question id>` or `service`.
 */
export function cleanAnswers(
  def: TSurveyDefinition,
  service: string | null | undefined,
  answers: TAnswers,
): { service: string | null; answers: TAnswers } {
  const questions = questionsOf(def);
  const ids = new Set(questions.map((q) => q.id));
  for (const k of Object.keys(answers)) {
    if (!ids.has(k)) throw invalid(`answers.${k}`, 'không có câu hỏi này', 'no such question');
  }
  let svc: string | null = null;
  if (def.services.length > 0) {
    if (!service) throw invalid('service', 'hãy chọn dịch vụ đã sử dụng', 'choose the service you used');
    if (!def.services.some((s) => s.code === service)) throw invalid('service', 'dịch vụ không có trong khảo sát', 'unknown service');
    svc = service;
  }
  const out: TAnswers = {};
  for (const q of questions) {
    if (!isShown(q, out)) continue;
    const a = answers[q.id];
    const f = `answers.${q.id}`;
    const empty = a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0) || (q.type === 'scale5' && a === 0);
    if (empty) {
      if (q.required) throw invalid(f, 'bắt buộc trả lời', 'an answer is required');
      continue;
    }
    switch (q.type) {
      case 'single':
        if (typeof a !== 'string' || !q.options.some((o) => o.value === a))
          throw invalid(f, 'phương án không hợp lệ', 'not one of the options');
        out[q.id] = a;
        break;
      case 'multiple': {
        const values = Array.isArray(a) ? a : null;
        if (!values || values.some((v) => !q.options.some((o) => o.value === v)))
          throw invalid(f, 'phương án không hợp lệ', 'not among the options');
        out[q.id] = [...new Set(values)];
        break;
      }
      case 'scale5':
        if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > 5)
          throw invalid(f, 'phải là mức từ 1 đến 5', 'must be a level from 1 to 5');
        out[q.id] = a;
        break;
      case 'text':
        if (typeof a !== 'string') throw invalid(f, 'phải là văn bản', 'must be text');
        out[q.id] = a.normalize('NFC').trim();
        break;
    }
  }
  return { service: svc, answers: out };
}
