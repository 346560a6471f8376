/**
 * The `cases` module (issue #5): citizen reception (the head's schedule and the register book,
 * Law 42/2013) and the cases it and every other channel bring — complaints, denunciations,
 * petitions and feedback with their statutory deadlines, protected identities, oversight and
 * statistics, the printable case file — and the public portal. Reception and cases are one
 * module: the register book's lines are the intake of cases and share their protected identities
 * (Law 25/2018 Art. 8(3)), so splitting them would make each read the other's tables.
 */
import { DEADLINE_ERRORS } from '../../../domain/deadlines';
import { caseFeedDeadlines } from './deadlines-feed';
import { dashboardPart, defineModule, type ReportIndicator } from '../../platform/module';
import { RECOMPUTE_JOB, type RecomputeJob, recomputeOpenCases, refreshCaseDeadlines, runRecompute } from './commands/refresh-deadlines';
import { seedCasesDemo } from './demo';
import { mayReadCaseFile } from './identities';
import { casePillars } from './pillars';
import { PORTAL_ERRORS, portalRoutes, purgeSpentChallenges } from './portal';
import { oversightCountsSql } from './queries/oversight';
import { caseIndicators } from './queries/statistics';
import { receptionRoutes } from './reception/routes';
import { recomputeReplyDates, sessionsHeldByUnit } from './reception/service';
import * as receptionTables from './reception/tables';
import { caseRoutes } from './routes';
import * as caseTables from './tables';
import { GROUP_SIZE, grievanceCountsByMonth, grievanceRecords } from './watch-feed';

/** For the grievance watch: grievances without identities (issue #13). */
export { GROUP_SIZE, grievanceCountsByMonth, grievanceRecords };
export type { GrievanceRecord } from './watch-feed';

declare module '../../platform/roles' {
  interface Capabilities {
    'cases.read': true;
    'cases.manage': true;
    'reception.manage': true;
  }
}

/** For the consolidated report (reports): the agency's reception and case figures of a period. */
export { type AgencyCaseFigures, agencyCaseFigures } from './queries/agency-figures';
/** For bulk loads that write cases without `nextCode` (bench/generate.ts). */
export { syncCaseCounters } from './commands/create-case';

const dmy = (d: string) => d.split('-').reverse().join('/');

/** Figures cases and reception contribute to unit reports and ratings, each with how it was counted. */
const INDICATORS: readonly ReportIndicator[] = [
  {
    code: 'reception_sessions',
    name: 'Buổi tiếp công dân',
    unit: 'buổi',
    definition: 'Buổi tiếp công dân định kỳ và đột xuất của lãnh đạo đơn vị',
    compute: async ({ tx }, s) => ({
      value: await sessionsHeldByUnit(tx, s.unitId, s.from, s.to),
      how: `Đếm buổi tiếp công dân đã tiếp do cán bộ của đơn vị chủ trì từ ${dmy(s.from)} đến ${dmy(s.to)}`,
    }),
  },
  {
    code: 'cases_received',
    name: 'Đơn thư tiếp nhận',
    unit: 'đơn',
    definition: 'Khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận trong kỳ',
    compute: async ({ tx }, s) => ({
      value: (await caseIndicators(tx, s.from, s.to, [s.unitId])).received,
      how: `Đếm đơn giao đơn vị xử lý có ngày nhận từ ${dmy(s.from)} đến ${dmy(s.to)}`,
    }),
  },
  {
    code: 'cases_accepted',
    name: 'Đơn thư đã thụ lý',
    unit: 'đơn',
    definition: 'Đơn được thụ lý giải quyết (khiếu nại, tố cáo) hoặc tiếp nhận xử lý (kiến nghị, phản ánh) trong kỳ',
    compute: async ({ tx }, s) => ({
      value: (await caseIndicators(tx, s.from, s.to, [s.unitId])).accepted,
      how: `Đếm đơn giao đơn vị có ngày thụ lý từ ${dmy(s.from)} đến ${dmy(s.to)}`,
    }),
  },
  {
    code: 'cases_resolved_on_time',
    name: 'Đơn thư giải quyết đúng hạn',
    unit: 'đơn',
    definition: 'Đơn thuộc thẩm quyền được giải quyết trong thời hạn luật định',
    compute: async ({ tx }, s) => {
      const ci = await caseIndicators(tx, s.from, s.to, [s.unitId]);
      return {
        value: ci.resolvedOnTime,
        how: `Đếm đơn giao đơn vị đã giải quyết trong kỳ mà không trễ thời hạn giải quyết luật định (${ci.resolved} đơn đã giải quyết, ${ci.overdue} đơn đang quá hạn)`,
      };
    },
  },
  {
    code: 'cases_overdue',
    name: 'Đơn thư quá hạn',
    unit: 'đơn',
    definition: 'Đơn có thời hạn luật định đã qua mà chưa thực hiện, tính đến cuối kỳ',
    compute: async ({ tx }, s) => ({
      value: (await caseIndicators(tx, s.from, s.to, [s.unitId])).overdue,
      how: `Đếm đơn giao đơn vị có thời hạn luật định đến hạn trước ${dmy(s.to)} mà chưa thực hiện`,
    }),
  },
];

const readers = ['cases.read'] as const;

export const casesModule = defineModule({
  name: 'cases',
  tables: { ...caseTables, ...receptionTables },
  capabilities: {
    admin: readers,
    // The Office receives citizens and letters and keeps the register book (Law 42/2013 Art. 25).
    office: ['cases.read', 'cases.manage', 'reception.manage'],
    leader: readers,
    unit_head: readers,
    staff: readers,
    inspection: readers,
    union: readers,
  },
  errors: {
    ...DEADLINE_ERRORS,
    ...PORTAL_ERRORS,
    CASE_ALREADY_FORWARDED: {
      status: 409,
      vi: 'Nội dung này đã được chuyển đơn một lần; không chuyển tiếp lần nữa (Thông tư 05/2021/TT-TTCP, Điều 14)',
      en: 'This content has already been forwarded once; it is not forwarded again (Circular 05/2021/TT-TTCP Art. 14)',
    },
    CASE_ANONYMOUS: {
      status: 409,
      vi: 'Tố cáo nặc danh không được thụ lý giải quyết theo Luật Tố cáo; chỉ lưu làm thông tin (Điều 25)',
      en: 'An anonymous denunciation is not accepted under the Law on Denunciations; it is kept as information (Art. 25)',
    },
    CASE_DIALOGUE_REQUIRED: {
      status: 409,
      vi: 'Giải quyết khiếu nại lần hai phải tổ chức đối thoại trước khi ra quyết định (Luật Khiếu nại 2011, Điều 38)',
      en: 'A second-instance complaint requires a dialogue before the decision (Law on Complaints 2011 Art. 38)',
    },
    RECEPTION_WRONG_STATE: {
      status: 409,
      vi: 'Thao tác không phù hợp với trạng thái hiện tại của buổi tiếp',
      en: 'This action does not fit the session’s current state',
    },
  },
  deadlines: caseFeedDeadlines,
  routes: async (app) => {
    await app.register(caseRoutes);
    await app.register(receptionRoutes);
    await app.register(portalRoutes);
  },
  jobs: (jobs, db, _config, modules) => {
    jobs.register(
      'cases.refresh-deadlines',
      async () => {
        await refreshCaseDeadlines(db, modules);
      },
      { cron: '5 0 * * *' },
    );
    jobs.register<RecomputeJob>(RECOMPUTE_JOB, (job) => runRecompute(db, modules, job));
    jobs.register(
      'portal.purge-challenges',
      async () => {
        await purgeSpentChallenges(db);
      },
      { cron: '23 * * * *' },
    );
  },
  dashboard: dashboardPart<{ counts: { overdue: number; dueSoon: number } }>({
    // The two counts alone: not the whole oversight (issue #17).
    ask: ({ actor, today }) => ({ counts: oversightCountsSql(actor, today) }),
    cards: (a, ctx) => {
      const o = a.counts ?? { overdue: 0, dueSoon: 0 };
      // A count over an empty scope reads as "nothing overdue" (issue #14 point 7: the administrator
      // saw "Đơn thư quá hạn 0" while ten were overdue). Only those who work on cases get the cards:
      // a role that reads cases, or someone with cases in their scope.
      const worksOnCases =
        ctx.actor.roles.some((r) => r.role === 'office' || r.role === 'leader' || r.role === 'inspection' || r.role === 'unit_head') ||
        o.overdue + o.dueSoon > 0;
      if (!worksOnCases) return [];
      return [
        {
          key: 'cases.overdue',
          label: { vi: 'Đơn thư quá hạn', en: 'Overdue cases' },
          value: o.overdue,
          link: '/cases/oversight',
          pillar: 'supervise',
        },
        {
          key: 'cases.due_soon',
          label: { vi: 'Đơn thư sắp đến hạn', en: 'Cases due soon' },
          value: o.dueSoon,
          link: '/cases/oversight',
          pillar: 'supervise',
        },
      ];
    },
  }),
  pillars: casePillars,
  indicators: INDICATORS,
  on: {
    // Any change of the holiday calendar moves the working-day deadlines of open cases and the
    // reply dates of the register book (issue #5).
    // The open cases go to a background job (batches of short transactions, issue #17) once the
    // change commits; without a queue (the CLI, the demo seed) they are done in place.
    'calendar.changed': async (ctx, { recomputeId }) => {
      if (ctx.enqueue) {
        const job: RecomputeJob = { tenantId: ctx.who.tenantId, recomputeId, userId: ctx.who.userId, name: ctx.who.name, today: ctx.today };
        ctx.enqueue(RECOMPUTE_JOB, job);
      } else await recomputeOpenCases(ctx, recomputeId);
      await recomputeReplyDates(ctx);
    },
  },
  attachmentGuards: {
    // A case's documents are served only to those who may read the case file.
    case: (ctx, entityId) => mayReadCaseFile(ctx.tx, ctx.actor, entityId),
    // Uploaded for a case not yet saved: only the uploader (entityId) may open it.
    case_pending: async (ctx, entityId) => ctx.actor.userId === entityId,
  },
  seedDemo: seedCasesDemo,
});
