/**
 * What the `ratings` module puts on the dashboard (issue #13, "dân thụ hưởng": "models, the
 * rating"): the latest year's rating of dân vận work, unit by unit, as far as the reader may see
 * it. A unit still at self-assessment or awaiting appraisal is a step the Office or the unit must
 * take before the year is published; a unit in the lowest band is behind.
 */
import { sql } from 'drizzle-orm';
import { pillarPart, type PillarTone } from '../../platform/module';
import { can } from '../../platform/roles';
import { tenants, units } from '../../platform/tables';
import { AGENCY, type ratingPolicy } from './policy';
import { presentRating, RATED_KINDS, type ShownRating } from './service';
import { ratingCriteriaSets, unitRatings } from './tables';

const STATUS_VI: Record<string, string> = {
  not_started: 'chưa tự đánh giá',
  draft: 'đang tự đánh giá',
  submitted: 'chờ thẩm định',
  appraised: 'đã thẩm định',
  published: 'đã công bố',
  appealed: 'có kiến nghị',
};

type Answer = {
  year: number;
  set: { name: string; bands: { name: string; min: number }[] } | null;
  agency: string;
  units: { id: string; name: string }[];
  ratings: ShownRating[];
} | null;

/**
 * The latest year rated up to this one, with its criteria set (the set in force at the end of the
 * year), the units rated that year and their ratings — what `listRatings` reads, as one json
 * expression (issue #17).
 */
function latestYearSql(today: string) {
  const r = unitRatings;
  const s = ratingCriteriaSets;
  const u = units;
  const end = sql`make_date(y.year, 12, 31)`;
  return sql`select case when y.year is null then null else json_build_object('year', y.year,
      'set', (select json_build_object('name', ${s.name}, 'bands', ${s.body}->'bands') from ${s} where ${s.effectiveFrom} <= ${end}
        order by ${s.effectiveFrom} desc limit 1),
      'agency', (select ${tenants.name} from ${tenants} limit 1),
      'units', (select coalesce(json_agg(json_build_object('id', ${u.id}, 'name', ${u.name}) order by ${u.sortOrder}), '[]'::json) from ${u}
        where ${u.kind} in (${sql.join(
          RATED_KINDS.map((k) => sql`${k}`),
          sql`, `,
        )}) and ${u.validFrom} <= ${end} and (${u.validTo} is null or ${u.validTo} >= ${end})),
      'ratings', (select coalesce(json_agg(json_build_object('subject', ${r.subject}, 'unitId', ${r.unitId}, 'status', ${r.status},
          'selfScore', ${r.selfScore}, 'appraisedScore', ${r.appraisedScore}, 'band', ${r.band})), '[]'::json)
        from ${r} where ${r.year} = y.year)) end
    from (select max(${r.year}) as year from ${r} where ${r.year} <= ${Number(today.slice(0, 4))}) y`;
}

/** The year as `listRatings` presents it to this person (scores and band only where the person may read them). */
function presentYear(a: NonNullable<Answer>, actor: Parameters<typeof ratingPolicy.read>[0]) {
  const present = (u: { id: string; name: string }) => presentRating(actor, u, a.ratings, !!a.set);
  return {
    year: a.year,
    criteriaSet: a.set ? { name: a.set.name, bands: a.set.bands } : null,
    units: a.units.map(present),
    agency: present({ id: AGENCY, name: a.agency }),
  };
}

export const ratingPillars = pillarPart<{ latest: Answer }>({
  ask: ({ actor, today }) => (can(actor, 'ratings.read') ? { latest: latestYearSql(today) } : {}),
  build: (a, ctx) => {
    const { actor } = ctx;
    if (!can(actor, 'ratings.read')) return {};
    // Each role sees what it acts on (issue #13): the Office, the leaders and the board the whole
    // year; a unit head the unit's own rating; other staff nothing here (the page stays open to them).
    const oversees = actor.roles.some((r) => r.role === 'admin' || r.role === 'office' || r.role === 'leader' || r.role === 'inspection');
    const headed = new Set(actor.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!));
    if (!oversees && !headed.size) return {};
    if (!a.latest) return {};
    const all = presentYear(a.latest, actor);
    const year = oversees ? all : { ...all, units: all.units.filter((u) => headed.has(u.unitId)) };
    if (!year.units.length) return {};
    const lowest = year.criteriaSet?.bands.reduce((a, b) => (b.min < a.min ? b : a)).name ?? null;
    const done = (s: string) => s === 'appraised' || s === 'published';
    const rated = year.units.filter((u) => done(u.status));
    const tone = (u: (typeof year.units)[number]): PillarTone =>
      done(u.status) ? (u.band && u.band === lowest ? 'behind' : 'ok') : 'watch';
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
  },
});
