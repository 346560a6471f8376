/**
 * Results of a survey (issue 13): the methodology's indices with the default computation
 * (src/domain/surveys/sipas.ts; QĐ 2640/QĐ-BNV, QĐ 1001/QĐ-BNV, DOMAIN.md §3.1), each with its
 * count of valid answers and a 95 % interval, per unit, service and month; answer counts per
 * question. Reads answers only: nothing here knows who answered.
 */
import type { TAnswers, TSurveyDefinition, TSurveyResults } from '../../../contracts/surveys';
import {
  computeSipas,
  isSatisfied,
  isValidAnswer,
  meanInterval,
  nestedMeanInterval,
  type SipasAnswer,
  type SurveyMethod,
  surveyMethod,
  wilsonInterval,
} from '../../../domain/surveys';
import { questionsOf } from './definition';

export type ResponseRow = {
  id: string;
  versionNumber: number;
  answeredOn: string;
  service: string | null;
  unitId: string | null;
  answers: TAnswers;
};

export const HOW_VI =
  'Chỉ số tiêu chí = tỷ lệ câu trả lời hợp lệ (mức 1–5) là 4 "hài lòng" hoặc 5 "rất hài lòng"; chỉ số yếu tố = trung bình các tiêu chí; chỉ số chung = trung bình các yếu tố (%, 2 chữ số thập phân). Khoảng tin cậy 95 %: Wilson cho tiêu chí, xấp xỉ chuẩn cho trung bình.';
export const HOW_EN =
  'Criterion index = share of valid answers (1–5) that are 4 "satisfied" or 5 "very satisfied"; element = mean of its criteria; overall = mean of the elements (%, two decimals). 95 % interval: Wilson for a criterion, normal approximation for a mean.';

/** The criterion answers of responses, as the SIPAS computation reads them (only scored elements). */
export function sipasAnswersOf(
  method: SurveyMethod,
  versions: Map<number, TSurveyDefinition>,
  rows: readonly ResponseRow[],
): SipasAnswer[] {
  const elementOf = new Map<string, string>();
  for (const e of method.elements) if (e.scored) for (const c of e.criteria) elementOf.set(c.code, e.code);
  const out: SipasAnswer[] = [];
  for (const r of rows) {
    const def = versions.get(r.versionNumber);
    if (!def) continue;
    for (const q of questionsOf(def)) {
      if (q.type !== 'scale5' || !q.criterion) continue;
      const element = elementOf.get(q.criterion);
      if (!element) continue;
      const a = r.answers[q.id];
      out.push({ respondent: r.id, element, criterion: q.criterion, answer: typeof a === 'number' ? a : null });
    }
  }
  return out;
}

type Counts = Map<string, Map<string, { satisfied: number; valid: number }>>;

function countsOf(answers: readonly SipasAnswer[]): Counts {
  const m: Counts = new Map();
  for (const a of answers) {
    let e = m.get(a.element);
    if (!e) {
      e = new Map();
      m.set(a.element, e);
    }
    let c = e.get(a.criterion);
    if (!c) {
      c = { satisfied: 0, valid: 0 };
      e.set(a.criterion, c);
    }
    if (isValidAnswer(a.answer)) {
      c.valid++;
      if (isSatisfied(a.answer)) c.satisfied++;
    }
  }
  return m;
}

/** The overall index of some responses with its interval. */
export function overallOf(method: SurveyMethod | undefined, versions: Map<number, TSurveyDefinition>, rows: readonly ResponseRow[]) {
  if (!method) return { overall: null, interval: null };
  const answers = sipasAnswersOf(method, versions, rows);
  const counts = countsOf(answers);
  return {
    overall: computeSipas(answers).overall,
    interval: nestedMeanInterval([...counts.values()].map((e) => [...e.values()])),
  };
}

/**
 * Computes the results of a survey over the given responses.
 * @param methodCode - the survey's methodology, or null (no index).
 * @param versions - the definitions by version number.
 * @param current - the current definition (question texts and options).
 * @param rows - the responses, already filtered.
 * @param unitName - the name of a unit by id.
 */
export function surveyResults(
  methodCode: string | null,
  versions: Map<number, TSurveyDefinition>,
  current: TSurveyDefinition,
  rows: readonly ResponseRow[],
  unitName: (id: string | null) => string,
): TSurveyResults {
  const method = methodCode ? surveyMethod(methodCode) : undefined;
  const result: TSurveyResults = {
    method: method ? { code: method.code, name: method.name.vi, basis: method.basis } : null,
    how: `${HOW_VI}\n${HOW_EN}`,
    responses: rows.length,
    overall: null,
    overallInterval: null,
    elements: [],
    criteria: [],
    byUnit: [],
    byService: [],
    byMonth: [],
    questions: [],
  };
  if (method) {
    const answers = sipasAnswersOf(method, versions, rows);
    const r = computeSipas(answers);
    const counts = countsOf(answers);
    result.overall = r.overall;
    result.overallInterval = nestedMeanInterval([...counts.values()].map((e) => [...e.values()]));
    // In the methodology's order, whatever the order of the answers.
    for (const e of method.elements.filter((x) => x.scored)) {
      const er = r.elements.find((x) => x.element === e.code);
      const ec = counts.get(e.code);
      result.elements.push({
        code: e.code,
        name: e.vi,
        index: er?.index ?? null,
        valid: er?.valid ?? 0,
        interval: ec ? meanInterval([...ec.values()]) : null,
      });
      for (const c of e.criteria) {
        const cr = r.criteria.find((x) => x.element === e.code && x.criterion === c.code);
        if (!cr) continue;
        const cc = ec?.get(c.code);
        result.criteria.push({
          code: c.code,
          element: e.code,
          name: c.vi,
          index: cr.index,
          valid: cr.valid,
          interval: cc ? wilsonInterval(cc.satisfied, cc.valid) : null,
        });
      }
    }
  }
  const group = <K extends string | null>(key: (r: ResponseRow) => K) => {
    const m = new Map<K, ResponseRow[]>();
    for (const r of rows) {
      const k = key(r);
      m.set(k, [...(m.get(k) ?? []), r]);
    }
    return m;
  };
  for (const [unitId, rs] of group((r) => r.unitId)) {
    const o = overallOf(method, versions, rs);
    result.byUnit.push({ unitId, unitName: unitName(unitId), responses: rs.length, overall: o.overall, interval: o.interval });
  }
  result.byUnit.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  for (const s of current.services) {
    const rs = rows.filter((r) => r.service === s.code);
    const o = overallOf(method, versions, rs);
    result.byService.push({ code: s.code, name: s.name, responses: rs.length, overall: o.overall, interval: o.interval });
  }
  for (const [month, rs] of [...group((r) => r.answeredOn.slice(0, 7))].sort((a, b) => a[0].localeCompare(b[0]))) {
    result.byMonth.push({ month, responses: rs.length, overall: overallOf(method, versions, rs).overall });
  }
  for (const q of questionsOf(current)) {
    const counts = new Map<string, number>();
    let answered = 0;
    for (const r of rows) {
      const a = r.answers[q.id];
      if (a === undefined || a === null || a === '' || a === 0) continue;
      answered++;
      if (q.type === 'text') continue;
      for (const v of Array.isArray(a) ? a : [String(a)]) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const labels =
      q.type === 'scale5'
        ? ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))
        : q.type === 'text'
          ? []
          : q.options.map((o) => ({ value: o.value, label: o.label }));
    result.questions.push({
      id: q.id,
      text: q.text,
      type: q.type,
      answered,
      counts: labels.map((l) => ({ ...l, count: counts.get(l.value) ?? 0 })),
    });
  }
  return result;
}
