/**
 * What the `surveys` module puts on the dashboard by pillar (issue #13, "dân thụ hưởng"): the
 * satisfaction index of the survey in progress, by unit (each a drill-down to that unit's figures)
 * and by month, and the province's SIPAS by year against its target.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { ActorContext, PillarCard, PillarContribution } from '../../platform/module';
import { toneOfRate, viNumber, viPercent } from '../../platform/pillars';
import { getResults } from './service';
import { externalIndices, surveys } from './tables';

/** Below this many valid answers a unit's index is shown but not judged (its interval is too wide). */
const MIN_JUDGED = 30;

export async function surveyPillars(ctx: ActorContext): Promise<PillarContribution> {
  if (!ctx.actor.capabilities.includes('surveys.read')) return {};
  const cards: PillarCard[] = [];
  const year = Number(ctx.today.slice(0, 4));
  const province = await ctx.tx
    .select({ year: externalIndices.year, value: externalIndices.value, target: externalIndices.target })
    .from(externalIndices)
    .where(and(eq(externalIndices.indexCode, 'SIPAS'), eq(externalIndices.dimension, '')))
    .orderBy(externalIndices.year);
  // The agency's own bar: this year's SIPAS target if the Office entered one, else the latest one.
  const target = [...province].reverse().find((p) => p.target !== null && p.year <= year)?.target ?? null;
  const [latest] = await ctx.tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.status, 'open'), isNotNull(surveys.methodCode)))
    .orderBy(desc(surveys.createdAt))
    .limit(1);
  if (latest) {
    const r = await getResults(ctx, latest.id, {});
    const judge = (v: number | null, n: number) => (target === null || n < MIN_JUDGED ? 'info' : toneOfRate(v, target, 5));
    cards.push({
      key: 'surveys.sipas',
      pillar: 'benefit',
      title: { vi: `Chỉ số hài lòng — ${latest.title}`, en: `Satisfaction index — ${latest.title}` },
      value: r.overall,
      display: viPercent(r.overall),
      tone: judge(r.overall, r.responses),
      how: {
        vi: `Tỷ lệ câu trả lời mức 4–5 (hài lòng, rất hài lòng) trên câu trả lời hợp lệ, trung bình theo tiêu chí rồi theo yếu tố; ${r.responses} phiếu${target !== null ? `; chỉ tiêu ${viNumber(target)}%` : ''}.`,
        en: `Share of answers at 4–5 (satisfied, very satisfied) among valid answers, averaged by criterion then element; ${r.responses} responses${target !== null ? `; target ${target}%` : ''}.`,
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
}
