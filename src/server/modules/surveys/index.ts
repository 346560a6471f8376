/**
 * The `surveys` module (issue 13, pillar "dân thụ hưởng"): satisfaction surveys with a builder,
 * versions and channels (portal link and QR code, invitations, paper forms entered by staff, an
 * internal staff survey), answers kept apart from who gave them, SIPAS-style indices computed
 * with the methodology of QĐ 2640/QĐ-BNV or QĐ 1001/QĐ-BNV (DOMAIN.md §3.1) per unit, service and
 * period, and the province's SIPAS, PAPI and PCI entered per year with targets.
 */
import { dashboardPart, defineModule } from '../../platform/module';
import { seedSurveysDemo } from './demo';
import { type LatestSurvey, latestSurveySql, SURVEY_TARGETS, surveyPillars } from './pillars';
import { surveyRoutes } from './routes';
import { surveyResults } from './results';
import * as tables from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'surveys.read': true;
    'surveys.manage': true;
    'surveys.enter': true;
    'surveys.respond': true;
  }
}

export const surveysModule = defineModule({
  name: 'surveys',
  tables,
  capabilities: {
    admin: ['surveys.read', 'surveys.manage', 'surveys.enter', 'surveys.respond'],
    office: ['surveys.read', 'surveys.manage', 'surveys.enter', 'surveys.respond'],
    leader: ['surveys.read', 'surveys.respond'],
    unit_head: ['surveys.read', 'surveys.enter', 'surveys.respond'],
    staff: ['surveys.enter', 'surveys.respond'],
    inspection: ['surveys.read', 'surveys.respond'],
    union: ['surveys.respond'],
  },
  errors: {
    SURVEY_CLOSED: { status: 409, vi: 'Khảo sát không nhận câu trả lời lúc này', en: 'The survey is not taking answers now' },
    SURVEY_ALREADY_ANSWERED: {
      status: 409,
      vi: 'Khảo sát này đã được trả lời từ thiết bị hoặc tài khoản này; mỗi người chỉ trả lời một lần',
      en: 'This survey was already answered from this device or account; one answer per person',
    },
    SURVEY_INVITATION_INVALID: {
      status: 400,
      vi: 'Mã thư mời không đúng hoặc đã được dùng',
      en: 'The invitation code is wrong or was already used',
    },
    // Quotas (QĐ 2640/QĐ-BNV, QĐ 1001/QĐ-BNV: a sample of people served; DOMAIN.md §3.1).
    SURVEY_FULL: {
      status: 409,
      vi: 'Cảm ơn ông/bà đã quan tâm! Khảo sát đã nhận đủ số phiếu cần thiết nên không tiếp nhận thêm; câu trả lời này chưa được lưu.',
      en: 'Thank you for your interest! The survey has all the responses it needs and takes no more; this answer was not saved.',
    },
    SURVEY_QUOTA_FULL: {
      status: 409,
      vi: 'Cảm ơn ông/bà đã quan tâm! Khảo sát đã nhận đủ số phiếu cho nhóm “{cell}” nên không tiếp nhận thêm; câu trả lời này chưa được lưu.',
      en: 'Thank you for your interest! The survey has all the responses it needs for “{cell}” and takes no more; this answer was not saved.',
    },
    SURVEY_REJECTED: { status: 400, vi: 'Không thể tiếp nhận câu trả lời này', en: 'This answer cannot be accepted' },
  },
  routes: surveyRoutes,
  dashboard: dashboardPart<{ latest: LatestSurvey }>({
    // The latest open survey with a method, its versions and its answers: the SIPAS index computed as on its results page.
    ask: ({ actor }) =>
      actor.capabilities.includes('surveys.read')
        ? {
            latest: latestSurveySql(),
          }
        : {},
    cards: (a, { actor }) => {
      const latest = a.latest;
      if (!actor.capabilities.includes('surveys.read') || !latest?.methodCode) return [];
      const versions = new Map(latest.versions.map((v) => [v.number, v.definition]));
      const r = surveyResults(latest.methodCode, versions, versions.get(latest.currentVersion)!, latest.responses, () => '');
      return [
        {
          key: 'surveys.sipas',
          label: { vi: `Chỉ số hài lòng (%) — ${latest.title}`, en: `Satisfaction index (%) — ${latest.title}` },
          value: r.overall ?? 0,
          link: `/surveys/${latest.id}`,
          pillar: 'benefit',
        },
      ];
    },
  }),
  pillars: surveyPillars,
  targets: SURVEY_TARGETS,
  seedDemo: seedSurveysDemo,
});
