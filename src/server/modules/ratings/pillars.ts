/**
 * What the `ratings` module puts on the dashboard (issue #13, "dân thụ hưởng": "models, the
 * rating"): the latest year's rating of dân vận work, unit by unit, as far as the reader may see
 * it. A unit still at self-assessment or awaiting appraisal is a step the Office or the unit must
 * take before the year is published; a unit in the lowest band is behind.
 */
import { desc, lte } from 'drizzle-orm';
import type { ActorContext, PillarContribution, PillarTone } from '../../platform/module';
import { can } from '../../platform/roles';
import { listRatings } from './service';
import { unitRatings } from './tables';

const STATUS_VI: Record<string, string> = {
  not_started: 'chưa tự đánh giá',
  draft: 'đang tự đánh giá',
  submitted: 'chờ thẩm định',
  appraised: 'đã thẩm định',
  published: 'đã công bố',
  appealed: 'có kiến nghị',
};

export async function ratingPillars(ctx: ActorContext): Promise<PillarContribution> {
  const { tx, actor, today } = ctx;
  if (!can(actor, 'ratings.read')) return {};
  // Each role sees what it acts on (issue #13): the Office, the leaders and the board the whole
  // year; a unit head the unit's own rating; other staff nothing here (the page stays open to them).
  const oversees = actor.roles.some((r) => r.role === 'admin' || r.role === 'office' || r.role === 'leader' || r.role === 'inspection');
  const headed = new Set(actor.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!));
  if (!oversees && !headed.size) return {};
  const [latest] = await tx
    .select({ year: unitRatings.year })
    .from(unitRatings)
    .where(lte(unitRatings.year, Number(today.slice(0, 4))))
    .orderBy(desc(unitRatings.year))
    .limit(1);
  if (!latest) return {};
  const all = await listRatings(ctx, latest.year);
  const year = oversees ? all : { ...all, units: all.units.filter((u) => headed.has(u.unitId)) };
  if (!year.units.length) return {};
  const lowest = year.criteriaSet?.bands.reduce((a, b) => (b.min < a.min ? b : a)).name ?? null;
  const done = (s: string) => s === 'appraised' || s === 'published';
  const rated = year.units.filter((u) => done(u.status));
  const tone = (u: (typeof year.units)[number]): PillarTone => (done(u.status) ? (u.band && u.band === lowest ? 'behind' : 'ok') : 'watch');
  const agency = year.agency;
  const score = (u: (typeof year.units)[number]) => u.appraisedScore ?? u.selfScore;
  return {
    cards: [
      {
        key: 'ratings.year',
        pillar: 'benefit',
        title: { vi: `Xếp loại công tác dân vận năm ${year.year}`, en: `Rating of mass-mobilisation work, ${year.year}` },
        value: rated.length,
        display: `${rated.length}/${year.units.length} đơn vị đã thẩm định`,
        tone: year.units.some((u) => done(u.status) && u.band === lowest) ? 'behind' : rated.length < year.units.length ? 'watch' : 'ok',
        how: {
          vi: `Đơn vị có phiếu đã được Văn phòng thẩm định hoặc đã công bố trên số đơn vị được đánh giá; xếp loại theo bộ tiêu chí ${year.criteriaSet?.name ?? 'của năm'}. Cơ quan: ${agency.band ?? STATUS_VI[agency.status]}.`,
          en: `Units whose rating the Office appraised or published, out of the units rated; bands of the year's criteria set. The agency: ${agency.band ?? agency.status}.`,
        },
        link: '/ratings',
        rows: year.units
          .map((u) => ({
            label: u.unitName,
            display: done(u.status)
              ? `${u.band ?? '—'}${score(u) === null ? '' : ` · ${String(score(u)).replace('.', ',')} điểm`}`
              : (STATUS_VI[u.status] ?? u.status),
            tone: tone(u),
            link: `/ratings/${year.year}/${u.unitId}`,
          }))
          .sort((a, b) =>
            a.tone === b.tone
              ? a.label.localeCompare(b.label, 'vi')
              : a.tone === 'behind'
                ? -1
                : b.tone === 'behind'
                  ? 1
                  : a.tone === 'watch'
                    ? -1
                    : 1,
          ),
      },
    ],
  };
}
