/**
 * The `reports` module (issue #4): report cycles attached to a plan, unit reports pre-filled from
 * recorded data (the indicators other modules contribute) with a review workflow, the consolidated
 * agency report with .docx/.xlsx exports, reminders, and the units × cycles dashboard.
 */
import { eq } from 'drizzle-orm';
import { createMailer } from '../../platform/mail';
import { defineModule } from '../../platform/module';
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
  dashboard: async ({ tx, actor }) => {
    const cycles = await tx.select().from(reportCycles).where(eq(reportCycles.status, 'open'));
    const mine = new Set(actor.roles.map((r) => r.unitId).filter(Boolean));
    const pendingMine = mine.size ? await tx.select().from(unitReports).where(eq(unitReports.status, 'returned')) : [];
    return [
      { key: 'reports.open', label: { vi: 'Kỳ báo cáo đang mở', en: 'Open report cycles' }, value: cycles.length, link: '/reports' },
      ...(mine.size
        ? [
            {
              key: 'reports.returned_mine',
              label: { vi: 'Báo cáo bị trả lại cần sửa', en: 'Returned reports to fix' },
              value: pendingMine.filter((r) => mine.has(r.unitId)).length,
              link: '/reports',
            },
          ]
        : []),
    ];
  },
  pillars: reportPillars,
  targets: REPORT_TARGETS,
  seedDemo: seedReportsDemo,
});
