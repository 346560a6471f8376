/**
 * What the `surveys` module puts on the dashboard by pillar (issue #13, "dân thụ hưởng"): the
 * satisfaction index of the survey in progress, by unit (each a drill-down to that unit's figures)
 * and by month, and the province's SIPAS by year against its target.
 */
import { sql } from 'drizzle-orm';
import type { TSurveyDefinition } from '../../../contracts/surveys';
import { type PillarCard, type PillarTarget, pillarPart } from '../../platform/module';
import { toneOfRate, viNumber, viPercent } from '../../platform/pillars';
import { units } from '../../platform/tables';
import { TARGETS_ASK, targetsFromAnswer, targetsSql } from '../targets';
import { type ResponseRow, surveyResults } from './results';
import { externalIndices, surveyResponses, surveys, surveyVersions } from './tables';

/** Below this many valid answers a unit's index is shown but not judged (its interval is too wide). */
const MIN_JUDGED = 30;

/**
 * The agency's own satisfaction index it aims for (default 80%: the national SIPAS was 82.66% in
 * 2023, provinces 75.03–90.61%; DOMAIN.md §3.1), set per year by the Office; administrative
 * reform is "the main solution to improve SIPAS, PAPI, PCI" (seed plan II.5).
 */
export const SURVEY_TARGETS: readonly PillarTarget[] = [
  {
    key: 'surveys.sipas',
    pillar: 'benefit',
    label: { vi: 'Chỉ số hài lòng của cơ quan (SIPAS, %)', en: "The agency's satisfaction index (SIPAS, %)" },
    default: 80,
    min: 0,
    max: 100,
    basis: 'QĐ 2640/QĐ-BNV, QĐ 1001/QĐ-BNV; kế hoạch cải cách hành chính',
  },
];

export type LatestSurvey = {
  id: string;
  title: string;
  methodCode: string;
  currentVersion: number;
  versions: { number: number; definition: TSurveyDefinition }[];
  responses: ResponseRow[];
} | null;

/**
 * The latest open survey with a method, its versions and its answers, as one json expression (a
 * dashboard or pillar `ask`): the SIPAS index computed from it as on its results page.
 */
export function latestSurveySql() {
  return sql`select json_build_object('id', s.id, 'title', s.title, 'methodCode', s.method_code, 'currentVersion', s.current_version,
      'versions', (select coalesce(json_agg(json_build_object('number', v.number, 'definition', v.definition)), '[]'::json)
        from ${surveyVersions} v where v.survey_id = s.id),
      'responses', (select coalesce(json_agg(json_build_object('id', r.id, 'versionNumber', r.version_number, 'answeredOn', r.answered_on,
        'service', r.service, 'unitId', r.unit_id, 'answers', r.answers)), '[]'::json)
        from ${surveyResponses} r where r.survey_id = s.id))
    from ${surveys} s where s.status = 'open' and s.method_code is not null order by s.created_at desc limit 1`;
}

/** The province's SIPAS by year, oldest first. */
function provinceSql() {
  const x = externalIndices;
  return sql`select coalesce(json_agg(json_build_object('year', ${x.year}, 'value', ${x.value}, 'target', ${x.target}) order by ${x.year}), '[]'::json)
    from ${x} where ${x.indexCode} = 'SIPAS' and ${x.dimension} = ''`;
}

export const surveyPillars = pillarPart<{
  latest: LatestSurvey;
  unitNames: Record<string, string>;
  province: { year: number; value: number | null; target: number | null }[];
  [TARGETS_ASK]: unknown;
}>({
  ask: ({ actor, today }) =>
    actor.capabilities.includes('surveys.read')
      ? {
          latest: latestSurveySql(),
          unitNames: sql`select coalesce(json_object_agg(${units.id}, ${units.name}), '{}'::json) from ${units}`,
          province: provinceSql(),
          [TARGETS_ASK]: targetsSql(Number(today.slice(0, 4))),
        }
      : {},
  build: (a, ctx) => {
    if (!ctx.actor.capabilities.includes('surveys.read')) return {};
    const cards: PillarCard[] = [];
    const year = Number(ctx.today.slice(0, 4));
    const province = a.province ?? [];
    // The agency's own bar: the year's target on the targets page (the Office's, else the default).
    const target: number = targetsFromAnswer(ctx, a[TARGETS_ASK])('surveys.sipas');
    const latest = a.latest;
    const names = a.unitNames ?? {};
    if (latest) {
      const versions = new Map(latest.versions.map((v) => [v.number, v.definition]));
      const r = surveyResults(latest.methodCode, versions, versions.get(latest.currentVersion)!, latest.responses, (u) =>
        u ? (names[u] ?? '?') : 'Chưa gắn đơn vị',
      );
      const judge = (v: number | null, n: number) => (n < MIN_JUDGED ? 'info' : toneOfRate(v, target, 5));
      cards.push({
        key: 'surveys.sipas',
        pillar: 'benefit',
        title: { vi: `Chỉ số hài lòng — ${latest.title}`, en: `Satisfaction index — ${latest.title}` },
        value: r.overall,
        display: viPercent(r.overall),
        tone: judge(r.overall, r.responses),
        how: {
          vi: `Tỷ lệ câu trả lời mức 4–5 (hài lòng, rất hài lòng) trên câu trả lời hợp lệ, trung bình theo tiêu chí rồi theo yếu tố; ${r.responses} phiếu; chỉ tiêu năm ${year}: ${viNumber(target)}%.`,
          en: `Share of answers at 4–5 (satisfied, very satisfied) among valid answers, averaged by criterion then element; ${r.responses} responses; ${year} target ${target}%.`,
        },
        link: `/surveys/${latest.id}`,
        rows: r.byUnit
          .filter((u) => u.unitId)
          .sort((a, b) => (a.overall ?? 101) - (b.overall ?? 101))
          .map((u) => ({
            label: u.unitName,
            display: `${viPercent(u.overall)} · ${u.responses} phiếu`,
            tone: judge(u.overall, u.responses),
            link: `/surveys/${latest.id}?unitId=${u.unitId}`,
          })),
        trend: r.byMonth.map((m) => ({ label: m.month, value: m.overall })),
      });
    }
    const values = province.filter((p) => p.value !== null);
    if (values.length) {
      const last = values[values.length - 1]!;
      cards.push({
        key: 'surveys.province_sipas',
        pillar: 'benefit',
        title: { vi: `SIPAS của tỉnh (năm ${last.year})`, en: `Province SIPAS (${last.year})` },
        value: last.value,
        display: viPercent(last.value),
        tone: last.target === null ? 'info' : toneOfRate(last.value, last.target, 5),
        how: {
          vi: 'Chỉ số công bố của tỉnh do Văn phòng nhập theo năm, so với chỉ tiêu năm đó.',
          en: "The province's published index entered by the Office per year, against that year's target.",
        },
        link: '/surveys?tab=indices',
        trend: values.map((p) => ({ label: String(p.year), value: p.value })),
      });
    }
    return { cards };
  },
});
