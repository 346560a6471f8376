/**
 * Survey quotas (issue 13: "quotas and response progress"). The SIPAS method surveys a sample of
 * people who completed a service (QĐ 2640/QĐ-BNV; QĐ 1001/QĐ-BNV; DOMAIN.md §3.1, process step
 * "sample people with completed transactions"), so a survey may set a total target and quota
 * cells — per service, per unit, or per answer of a screening question. Progress is counted over
 * every version's answers in one statement; when a cell the new answer falls in is full, a public
 * answer is refused politely and nothing of it is saved (the whole request rolls back, so the
 * device or invitation stays unused). Paper forms already filled are still entered and counted.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { TAnswers, TQuota, TQuotaProgress, TSurveyDefinition } from '../../../contracts/surveys';
import type { Tx } from '../../platform/db';
import { rowsOf } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { units } from '../../platform/tables';
import { questionsOf } from './definition';
import { surveyResponses, surveys } from './tables';

type SurveyRow = typeof surveys.$inferSelect;

const cellKey = (q: Pick<TQuota, 'kind' | 'question' | 'value'>) => `${q.kind}|${q.question ?? ''}|${q.value}`;

/**
 * Checks quota cells against the survey's definition: services and units the survey asks about,
 * options of a choice question.
 * @throws AppError VALIDATION_FAILED naming `quotas.<i>.<field>`.
 */
export function checkQuotas(def: TSurveyDefinition, quotas: readonly TQuota[], total: number | null): void {
  const seen = new Set<string>();
  const questions = new Map(questionsOf(def).map((q) => [q.id, q]));
  quotas.forEach((q, i) => {
    const f = `quotas.${i}`;
    if (q.kind === 'service' && !def.services.some((s) => s.code === q.value)) {
      throw invalid(`${f}.value`, `khảo sát không có dịch vụ "${q.value}"`, `the survey has no service "${q.value}"`);
    }
    if (q.kind === 'unit' && !def.services.some((s) => s.unitId === q.value)) {
      throw invalid(`${f}.value`, 'không dịch vụ nào của khảo sát thuộc đơn vị này', 'no service of the survey belongs to this unit');
    }
    if (q.kind === 'answer') {
      const question = q.question ? questions.get(q.question) : undefined;
      if (!question || (question.type !== 'single' && question.type !== 'multiple')) {
        throw invalid(`${f}.question`, 'hạn mức theo câu trả lời cần một câu hỏi lựa chọn', 'an answer quota needs a choice question');
      }
      if (!question.options.some((o) => o.value === q.value)) {
        throw invalid(
          `${f}.value`,
          `"${q.value}" không phải phương án của câu ${question.id}`,
          `"${q.value}" is not an option of ${question.id}`,
        );
      }
    }
    if (q.kind !== 'answer' && q.question) {
      throw invalid(`${f}.question`, 'chỉ hạn mức theo câu trả lời mới gắn với câu hỏi', 'only an answer quota names a question');
    }
    if (total !== null && q.target > total) {
      throw invalid(`${f}.target`, 'vượt chỉ tiêu tổng số phiếu', 'exceeds the total target');
    }
    if (seen.has(cellKey(q))) throw invalid(`${f}.value`, 'trùng hạn mức', 'duplicate quota');
    seen.add(cellKey(q));
  });
}

/** The SQL condition "this response falls in the cell". */
function inCell(q: TQuota): SQL {
  if (q.kind === 'service') return sql`${surveyResponses.service} = ${q.value}`;
  if (q.kind === 'unit') return sql`${surveyResponses.unitId} = ${q.value}::uuid`;
  // A single choice is a JSON string, a multiple choice an array: `@>` matches both.
  return sql`${surveyResponses.answers} -> ${q.question ?? ''} @> to_jsonb(${q.value}::text)`;
}

/** Does an answer (already cleaned) fall in the cell? */
function falls(q: TQuota, r: { service: string | null; unitId: string | null; answers: TAnswers }): boolean {
  if (q.kind === 'service') return r.service === q.value;
  if (q.kind === 'unit') return r.unitId === q.value;
  const a = r.answers[q.question ?? ''];
  return Array.isArray(a) ? a.includes(q.value) : a === q.value;
}

/** Counts the responses of each cell (and the total), in one statement. */
async function countCells(tx: Tx, surveyId: string, cells: readonly TQuota[]): Promise<{ total: number; cells: number[] }> {
  const filters = cells.map((q, i) => sql`, count(*) filter (where ${inCell(q)})::int as ${sql.identifier(`c${i}`)}`);
  const [row] = rowsOf<Record<string, number>>(
    await tx.execute(sql`select count(*)::int as total ${sql.join(filters, sql``)}
      from ${surveyResponses} where ${eq(surveyResponses.surveyId, surveyId)}`),
  );
  return { total: Number(row?.total ?? 0), cells: cells.map((_, i) => Number(row?.[`c${i}`] ?? 0)) };
}

/** A cell's name as people read it: the service's name, the unit's name, "question: option". */
function labelOf(q: TQuota, def: TSurveyDefinition, unitName: (id: string) => string): string {
  if (q.kind === 'service') return def.services.find((s) => s.code === q.value)?.name ?? q.value;
  if (q.kind === 'unit') return unitName(q.value);
  const question = questionsOf(def).find((x) => x.id === q.question);
  const option = question?.options.find((o) => o.value === q.value)?.label ?? q.value;
  return question ? `${question.text}: ${option}` : option;
}

/** Progress against the total target and each quota cell. */
export async function quotaProgress(
  tx: Tx,
  s: SurveyRow,
  def: TSurveyDefinition,
  unitName: (id: string) => string,
): Promise<TQuotaProgress[]> {
  if (s.quota === null && s.quotas.length === 0) return [];
  const n = await countCells(tx, s.id, s.quotas);
  const out: TQuotaProgress[] = [];
  if (s.quota !== null) {
    out.push({ kind: 'total', question: null, value: '', label: s.title, target: s.quota, count: n.total, full: n.total >= s.quota });
  }
  s.quotas.forEach((q, i) => {
    const count = n.cells[i]!;
    out.push({ ...q, question: q.question ?? null, label: labelOf(q, def, unitName), count, full: count >= q.target });
  });
  return out;
}

/**
 * Refuses a public answer that falls in a full cell (or comes after the total target is met).
 * The survey row is locked first, so two answers at once cannot both take the last place.
 * @throws AppError SURVEY_FULL, SURVEY_QUOTA_FULL (409, with the cell's name).
 */
export async function ensureRoom(
  tx: Tx,
  s: SurveyRow,
  def: TSurveyDefinition,
  answer: { service: string | null; unitId: string | null; answers: TAnswers },
): Promise<void> {
  const cells = s.quotas.filter((q) => falls(q, answer));
  if (s.quota === null && cells.length === 0) return;
  await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, s.id)).for('update');
  const n = await countCells(tx, s.id, cells);
  if (s.quota !== null && n.total >= s.quota) throw new AppError('SURVEY_FULL');
  const full = cells.findIndex((q, i) => n.cells[i]! >= q.target);
  if (full < 0) return;
  const cell = cells[full]!;
  const [unit] = cell.kind === 'unit' ? await tx.select({ name: units.name }).from(units).where(eq(units.id, cell.value)) : [];
  throw new AppError('SURVEY_QUOTA_FULL', { params: { cell: labelOf(cell, def, () => unit?.name ?? '') } });
}
