/**
 * The `reports` module (issue #4): report cycles attached to a plan, unit reports pre-filled from
 * recorded data (the indicators other modules contribute) with a review workflow, the consolidated
 * agency report with .docx/.xlsx exports, reminders, and the units × cycles dashboard.
 */
import { sql } from 'drizzle-orm';
import { createMailer } from '../../platform/mail';
import { dashboardPart, defineModule } from '../../platform/module';
import { reportDeadlines } from './deadlines';
import { seedReportsDemo } from './demo';
import { REPORT_INDICATORS } from './indicators';
import { REPORT_TARGETS, reportPillars } from './pillars';
import { reportRoutes } from './routes';
import { agencyReport, cycleOverview, getCycle, listCycles, runReminders } from './service';
import * as tables from './tables';
import { reportCycles, unitReports } from './tables';

/** For the `danchu report` command. */
export { agencyReport, cycleOverview, getCycle, listCycles, runReminders };
export { reportDocx, reportXlsx } from './export';

export const reportsModule = defineModule({
  name: 'reports',
  tables,
  errors: {
    REPORT_NOT_EDITABLE: {
      status: 409,
      vi: 'Báo cáo đã gửi hoặc đã được chấp nhận; không sửa được nữa',
      en: 'The report has been submitted or accepted and can no longer be edited',
    },
    REPORT_NOT_STARTED: {
      status: 404,
      vi: 'Đơn vị chưa lập báo cáo kỳ này',
      en: 'The unit has not started its report for this cycle',
    },
    REPORT_WRONG_STATE: {
      status: 409,
      vi: 'Thao tác không phù hợp với trạng thái hiện tại của báo cáo',
      en: 'This action does not fit the report’s current state',
    },
  },
  routes: reportRoutes,
  indicators: REPORT_INDICATORS,
  deadlines: reportDeadlines,
  jobs: (jobs, db, config, modules) => {
    jobs.register(
      'reports.reminders',
      async () => {
        await runReminders(db, modules, createMailer(config));
      },
      { cron: '0 7 * * *' },
    );
  },
  dashboard: dashboardPart<{ open: number; returnedMine: number }>({
    ask: ({ actor }) => {
      const mine = [...new Set(actor.roles.map((r) => r.unitId).filter((u): u is string => !!u))];
      return {
        open: sql`select count(*)::int from ${reportCycles} where ${reportCycles.status} = 'open'`,
        ...(mine.length
          ? {
              returnedMine: sql`select count(*)::int from ${unitReports} where ${unitReports.status} = 'returned'
                and ${unitReports.unitId} in (${sql.join(
                  mine.map((u) => sql`${u}::uuid`),
                  sql`, `,
                )})`,
            }
          : {}),
      };
    },
    cards: (a, { actor }) => [
      { key: 'reports.open', label: { vi: 'Kỳ báo cáo đang mở', en: 'Open report cycles' }, value: a.open ?? 0, link: '/reports' },
      ...(actor.roles.some((r) => r.unitId)
        ? [
            {
              key: 'reports.returned_mine',
              label: { vi: 'Báo cáo bị trả lại cần sửa', en: 'Returned reports to fix' },
              value: a.returnedMine ?? 0,
              link: '/reports',
            },
          ]
        : []),
    ],
  }),
  pillars: reportPillars,
  targets: REPORT_TARGETS,
  seedDemo: seedReportsDemo,
});
