/**
 * The `conferences` module (issue #10, pillar "dân bàn"): the yearly staff conference (Hội nghị
 * CBCCVC, Law 10/2022/QH15 Arts. 50–52) and consultations of staff before the head decides (Lấy ý
 * kiến, Arts. 53–55). One module owns both: they are the two forms of Chapter III §2–3 in which
 * staff discuss, share the same people (the head, the Office as standing body, the union that
 * co-chairs and monitors), and a consultation may itself be held at the conference (Art. 54).
 *
 * It emits `consultation.explanation_published` when the Office publishes the explanation of a
 * consultation, so that the disclosures module can publish it as an Art. 46(10) item, and
 * `conference.board_elected` when the conference elects the People's Inspection Board, so that
 * the inspection module opens the board's new term (Art. 60).
 */
import { addDays, parseIsoDate } from '../../../domain';
import { dashboardPart, defineModule } from '../../platform/module';
import { CALENDAR_ASK, calendarFromAnswer, confirmedYearsSql } from '../calendar';
import { adoptedResolutionsSql, countReviewsDue, mayOpenConferenceFile } from './conference-service';
import { consultationCountsSql, runConsultationReminders } from './consultation-service';
import { seedConferencesDemo } from './demo';
import { conferencePillars } from './pillars';
import { CONFERENCE_ERRORS } from './errors';
import { CONFERENCE_INDICATORS } from './indicators';
import { mayManageConferences, mayReviewResolution } from './policy';
import { backfillRegulationSearchAllAgencies, REGULATION_SEARCH_BACKFILL_JOB } from './regulation-service';
import { conferencesRoutes } from './routes';
import * as tables from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'conferences.read': true;
    'conferences.manage': true;
    'conferences.review': true;
    'consultations.read': true;
    'consultations.comment': true;
    'consultations.manage': true;
    'consultations.monitor': true;
  }
}

declare module '../../platform/module' {
  interface ModuleEvents {
    /** The explanation of a consultation was published (Law 10/2022 Art. 55; disclosed under Art. 46(10)). */
    'consultation.explanation_published': { tenantId: string; consultationId: string; title: string; decidedOn: string };
    /**
     * The conference elected the People's Inspection Board (Law 10/2022 Art. 60(1)); members are
     * the agency's people. The inspection module opens the new term and closes the previous one.
     * A listener's refusal (an ineligible member, a wrong make-up) rolls the record back.
     */
    'conference.board_elected': {
      conferenceId: string;
      conferenceTitle: string;
      electedOn: string;
      startsOn: string | null;
      moreThanNineDecided: boolean;
      members: { userId: string; role: 'chair' | 'deputy' | 'member' }[];
    };
  }
}

export const conferencesModule = defineModule({
  name: 'conferences',
  tables,
  errors: CONFERENCE_ERRORS,
  capabilities: {
    admin: ['conferences.read', 'conferences.manage', 'consultations.read', 'consultations.manage'],
    // The Office is the standing body: it keeps the conference record and runs consultations.
    // Not `consultations.monitor`: who answered, beside the comments it classifies, would let the
    // Office tell whose an anonymous comment is; it reminds non-responders without seeing them.
    office: [
      'conferences.read',
      'conferences.manage',
      'conferences.review',
      'consultations.read',
      'consultations.comment',
      'consultations.manage',
    ],
    // The head reviews the resolution with the union every 6 months (Art. 52(3)); leadership decides, it is not consulted.
    leader: ['conferences.read', 'conferences.review', 'consultations.read'],
    unit_head: ['conferences.read', 'consultations.read', 'consultations.comment'],
    staff: ['conferences.read', 'consultations.read', 'consultations.comment'],
    inspection: ['conferences.read', 'consultations.read', 'consultations.comment'],
    // The union co-chairs the conference, reviews the resolution and monitors consultations (Arts. 51, 52(3), 55).
    union: ['conferences.read', 'conferences.review', 'consultations.read', 'consultations.comment', 'consultations.monitor'],
  },
  routes: conferencesRoutes,
  jobs: (jobs, db, _config, modules) => {
    // Every morning: consultations closing in two days remind, in the app, those who have not answered.
    jobs.register('consultations.reminders', () => runConsultationReminders(db, modules).then(() => undefined), { cron: '0 7 * * *' });
    // At each start: regulation versions issued before they were searchable get their entry (no migration needed).
    jobs.register(REGULATION_SEARCH_BACKFILL_JOB, () => backfillRegulationSearchAllAgencies(db).then(() => undefined), { atStart: true });
  },
  indicators: CONFERENCE_INDICATORS,
  dashboard: dashboardPart<{
    consultations: { open: number; closed: number; awaitingMe: number };
    resolutions: { adoptedOn: string; reviews: number }[];
    [CALENDAR_ASK]: unknown;
  }>({
    ask: ({ actor, today }) => ({
      consultations: consultationCountsSql(actor, today),
      ...(mayManageConferences(actor) || mayReviewResolution(actor)
        ? { resolutions: adoptedResolutionsSql(parseIsoDate(today).year - 2), [CALENDAR_ASK]: confirmedYearsSql() }
        : {}),
    }),
    cards: (a, { actor, today }) => {
      const cons = a.consultations ?? { open: 0, closed: 0, awaitingMe: 0 };
      const stats = [
        {
          key: 'consultations.awaiting',
          label: { vi: 'Dự thảo đang chờ bạn góp ý', en: 'Drafts awaiting your comments' },
          value: cons.awaitingMe,
          link: '/consultations',
          pillar: 'discuss',
        },
        {
          key: 'consultations.open',
          label: { vi: 'Đợt lấy ý kiến đang mở', en: 'Consultations open' },
          value: cons.open,
          link: '/consultations',
          pillar: 'discuss',
        },
      ];
      if (mayManageConferences(actor) || mayReviewResolution(actor)) {
        stats.push({
          key: 'consultations.to_explain',
          label: {
            vi: 'Đợt lấy ý kiến đã kết thúc, chưa công khai giải trình',
            en: 'Closed consultations without a published explanation',
          },
          value: cons.closed,
          link: '/consultations',
          pillar: 'discuss',
        });
        // DC-RES-REVIEW (Art. 52(3)): resolutions whose next 6-monthly review is due within 30 days or overdue.
        const due = countReviewsDue(a.resolutions ?? [], (years) => calendarFromAnswer(a[CALENDAR_ASK], years), addDays(today, 30));
        stats.push({
          key: 'conferences.reviews_due',
          label: { vi: 'Nghị quyết hội nghị đến hạn kiểm tra 6 tháng', en: 'Conference resolutions due for their 6-monthly review' },
          value: due,
          link: '/conferences',
          pillar: 'discuss',
        });
      }
      return stats;
    },
  }),
  pillars: conferencePillars,
  attachmentGuards: {
    // Documents circulated before the conference: every staff member may open them (Art. 51).
    conference: (ctx, entityId) => mayOpenConferenceFile(ctx, entityId),
  },
  seedDemo: seedConferencesDemo,
});
