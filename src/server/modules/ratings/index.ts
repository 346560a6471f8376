/**
 * The `ratings` module (issue #12): the year-end rating of dân vận work against a criteria set
 * kept as versioned data (DOMAIN.md §4), self-assessment by each unit with evidence and the
 * figures other modules contribute, appraisal by the Office with reasons, publication and
 * appeals; then commendation proposals from ratings and models and the register of decisions,
 * which the next rating counts as bonus points (the `commendations_received` indicator).
 */
import { sql } from 'drizzle-orm';
import { dashboardPart, defineModule, type ReportIndicator } from '../../platform/module';
import { seedRatingsDemo } from './demo';
import { ratingPillars } from './pillars';
import { ratingRoutes } from './routes';
import { commendationsReceived } from './service';
import * as tables from './tables';
import { unitRatings } from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'ratings.read': true;
    'ratings.appraise': true;
  }
}

const dmy = (d: string) => d.split('-').reverse().join('/');

const INDICATORS: readonly ReportIndicator[] = [
  {
    code: 'commendations_received',
    name: 'Khen thưởng tập thể về công tác dân vận',
    unit: 'quyết định',
    definition: 'Quyết định khen thưởng đơn vị (tập thể) trong kỳ',
    compute: async ({ tx }, s) => ({
      value: await commendationsReceived(tx, s.unitId, s.from, s.to),
      how: `Đếm quyết định khen thưởng tập thể đơn vị có ngày quyết định từ ${dmy(s.from)} đến ${dmy(s.to)}`,
    }),
  },
];

const readers = ['ratings.read'] as const;

export const ratingsModule = defineModule({
  name: 'ratings',
  tables,
  capabilities: {
    admin: readers,
    // The Office is the standing body that appraises (DOMAIN.md §4: self-assessment → appraisal by the standing body).
    office: ['ratings.read', 'ratings.appraise'],
    leader: readers,
    unit_head: readers,
    staff: readers,
    inspection: readers,
    union: readers,
  },
  errors: {
    RATING_NO_CRITERIA: {
      status: 409,
      vi: 'Chưa có bộ tiêu chí đánh giá có hiệu lực cho năm này; Văn phòng cần nhập bộ tiêu chí theo quyết định của tỉnh',
      en: 'No criteria set is in force for this year; the Office must load the province’s decision first',
    },
    RATING_WRONG_STATE: {
      status: 409,
      vi: 'Thao tác không phù hợp với trạng thái của phiếu đánh giá (tự đánh giá → thẩm định → công bố → kiến nghị)',
      en: 'This action does not fit the rating’s state (self-assessment → appraisal → publication → appeal)',
    },
    RATING_APPEAL_CLOSED: {
      status: 409,
      vi: 'Đã hết thời hạn kiến nghị về kết quả xếp loại (đến ngày {until})',
      en: 'The time to appeal against the rating has passed (until {until})',
    },
  },
  routes: ratingRoutes,
  indicators: INDICATORS,
  pillars: ratingPillars,
  dashboard: dashboardPart<{ toAppraise: number; mineDraft: number }>({
    ask: ({ actor }) => {
      const mine = [...new Set(actor.roles.filter((r) => r.role === 'unit_head' && r.unitId).map((r) => r.unitId!))];
      return {
        ...(actor.capabilities.includes('ratings.appraise')
          ? { toAppraise: sql`select count(*)::int from ${unitRatings} where ${unitRatings.status} in ('submitted', 'appealed')` }
          : {}),
        ...(mine.length
          ? {
              mineDraft: sql`select count(*)::int from ${unitRatings} where ${unitRatings.status} = 'draft' and ${unitRatings.unitId} in (${sql.join(
                mine.map((u) => sql`${u}::uuid`),
                sql`, `,
              )})`,
            }
          : {}),
      };
    },
    cards: (a, { actor }) => [
      ...(actor.capabilities.includes('ratings.appraise')
        ? [
            {
              key: 'ratings.to_appraise',
              label: { vi: 'Phiếu tự đánh giá chờ thẩm định', en: 'Self-assessments to appraise' },
              value: a.toAppraise ?? 0,
              link: '/ratings',
              pillar: 'benefit',
            },
          ]
        : []),
      ...(actor.roles.some((r) => r.role === 'unit_head')
        ? [
            {
              key: 'ratings.mine_draft',
              label: { vi: 'Phiếu tự đánh giá của đơn vị đang soạn', en: 'Your unit’s self-assessment in draft' },
              value: a.mineDraft ?? 0,
              link: '/ratings',
              pillar: 'benefit',
            },
          ]
        : []),
    ],
  }),
  seedDemo: seedRatingsDemo,
});
