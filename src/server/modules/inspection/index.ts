/**
 * The `inspection` module (issue #11): "dân kiểm tra, giám sát" — the People's Inspection Board
 * (Ban Thanh tra nhân dân) of the agency: its terms and members elected at the staff conference
 * and recognised by the union, its programme, inspections and supervisions notified in time,
 * findings decided by majority, recommendations the head answers within 15 days, documents it
 * asks for, the staff suggestion box and its reports to the union (Law 10/2022/QH15 Arts. 60–63;
 * Decree 59/2023/NĐ-CP Arts. 20–23). Case outcomes and on-time statistics reach the board through
 * the `cases` module's own routes, which mask every protected identity (Art. 63(1)(d)).
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { addDays, compareIsoDates, diffDays, formatDmy } from '../../../domain';
import { dashboardPart, defineModule, type ModuleHooks, type ReportIndicator } from '../../platform/module';
import { todayInVietnam } from '../../platform/clock';
import type { Database } from '../../platform/db';
import { tenants, units } from '../../platform/tables';
import { openTermFromConference, recomputeTermDates, recordBoardElection, syncBoardRoles } from './board';
import { seedInspectionDemo } from './demo';
import { INSPECTION_ERRORS } from './errors';
import { remindFrontResponses } from './front';
import { inspectionPillars } from './pillars';
import { isBoard, oversees } from './policy';
import { inspectionRoutes } from './routes';
import { recommendationStatus } from './rules';
import * as tables from './tables';
import { trainingIndicators } from './training';
import { recomputeWorkDates, workInPeriod } from './work';

declare module '../../platform/roles' {
  interface Capabilities {
    /** See the board, its term, members and programme (every staff member). */
    'inspection.read': true;
    /** Write to the board's suggestion box. */
    'inspection.suggest': true;
    /** The board's own work: plan, notify, find, recommend, request documents, read the suggestion box. */
    'inspection.work': true;
    /** The head's side: answer recommendations, provide documents. */
    'inspection.answer': true;
    /** The union executive: record and recognise the election, vacancies, chair and deputies. */
    'inspection.union': true;
    /** Read the register of the Fatherland Front's and mass organisations' supervision and critique. */
    'front.read': true;
    /** Keep that register and record the agency's responses (the Office). */
    'front.manage': true;
    /** Keep the courses and briefings of the cadres who deal with citizens, and their attendance (the Office). */
    'training.manage': true;
  }
}

/**
 * Record the staff conference's election of the board (Law 10/2022 Art. 60; Decree 59/2023
 * Art. 21) in the caller's transaction. For the conferences module: call it with the result of
 * the conference's vote `{ electedOn, conferenceRef, members: [{ userId, role }] }`.
 */
export { recordBoardElection };

/** The morning follow-up of the Front's recommendations in every agency (the daily job). */
export async function runFrontReminders(db: Database, modules: ModuleHooks, today = todayInVietnam()): Promise<number> {
  const all = await db.owner.select({ id: tenants.tenantId }).from(tenants);
  let n = 0;
  for (const t of all)
    n += await db.withTenant({ tenantId: t.id }, (tx) =>
      remindFrontResponses({ tx, today, modules, who: { tenantId: t.id, userId: null, name: 'Hệ thống (nhắc trả lời Mặt trận)' } }),
    );
  return n;
}

/** Bring every agency's `board_member` grants in line with today's seats (the daily job; tests call it). */
export async function runBoardRoleSync(db: Database, modules: ModuleHooks, today = todayInVietnam()): Promise<number> {
  const all = await db.owner.select({ id: tenants.tenantId }).from(tenants);
  let n = 0;
  for (const t of all)
    n += await db.withTenant({ tenantId: t.id }, (tx) =>
      syncBoardRoles({ tx, today, modules, who: { tenantId: t.id, userId: null, name: 'Hệ thống (vai trò Ban Thanh tra nhân dân)' } }),
    );
  return n;
}
export type { TElectionInput as BoardElection } from '../../../contracts/inspection';

const staff = ['inspection.read', 'inspection.suggest'] as const;

/** The board's figures belong to its own unit; any other unit gets those of the activities that supervised it. */
async function scopeOf(tx: Parameters<ReportIndicator['compute']>[0]['tx'], unitId: string) {
  const [u] = await tx.select({ kind: units.kind }).from(units).where(eq(units.id, unitId));
  return u?.kind === 'inspection_board' ? 'board' : 'subject';
}

const INDICATORS: readonly ReportIndicator[] = [
  {
    code: 'inspection_activities',
    name: 'Cuộc kiểm tra, giám sát của Ban Thanh tra nhân dân',
    unit: 'cuộc',
    definition: 'Cuộc kiểm tra, giám sát đã kết luận trong kỳ (Luật 10/2022/QH15, Điều 61)',
    compute: async ({ tx }, s) => {
      const board = (await scopeOf(tx, s.unitId)) === 'board';
      const w = await workInPeriod(tx, s.from, s.to);
      const n = w.activities.filter((a) => a.status === 'concluded' && (board || a.subjectUnitId === s.unitId)).length;
      return {
        value: n,
        how: board
          ? `Đếm cuộc kiểm tra, giám sát bắt đầu từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} đã có kết luận`
          : `Đếm cuộc kiểm tra, giám sát có đối tượng là đơn vị, bắt đầu từ ${formatDmy(s.from)} đến ${formatDmy(s.to)}, đã có kết luận`,
      };
    },
  },
  {
    code: 'inspection_recommendations',
    name: 'Kiến nghị của Ban Thanh tra nhân dân',
    unit: 'kiến nghị',
    definition: 'Kiến nghị Ban Thanh tra nhân dân gửi Thủ trưởng cơ quan trong kỳ',
    compute: async ({ tx }, s) => {
      if ((await scopeOf(tx, s.unitId)) !== 'board') return { value: 0, how: 'Chỉ tiêu của Ban Thanh tra nhân dân; đơn vị khác không có' };
      const w = await workInPeriod(tx, s.from, s.to);
      return {
        value: w.recommendations.length,
        how: `Đếm kiến nghị có ngày Thủ trưởng nhận từ ${formatDmy(s.from)} đến ${formatDmy(s.to)}`,
      };
    },
  },
  {
    code: 'front_recommendations_answered',
    name: 'Kiến nghị của Mặt trận, đoàn thể được trả lời',
    unit: 'kiến nghị',
    definition: 'Kiến nghị sau giám sát, phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể được cơ quan trả lời trong kỳ',
    compute: async ({ tx }, s) => {
      const rows = await tx
        .select()
        .from(tables.frontItems)
        .where(and(gte(tables.frontItems.heldOn, s.from), lte(tables.frontItems.heldOn, s.to)));
      const due = rows.filter((r) => r.responseDueOn);
      const answered = due.filter((r) => r.respondedOn && r.respondedOn <= s.to);
      return {
        value: answered.length,
        how: `Đếm hoạt động giám sát, phản biện của Mặt trận, đoàn thể diễn ra từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} có kiến nghị cần trả lời (${due.length}) mà cơ quan đã trả lời đến ${formatDmy(s.to)} (toàn cơ quan)`,
      };
    },
  },
  {
    code: 'inspection_recommendations_on_time',
    name: 'Kiến nghị được trả lời đúng hạn',
    unit: 'kiến nghị',
    definition: 'Kiến nghị của Ban được Thủ trưởng giải quyết, trả lời trong 15 ngày (Luật 10/2022/QH15, Điều 63 khoản 1 điểm c)',
    compute: async ({ tx }, s) => {
      if ((await scopeOf(tx, s.unitId)) !== 'board') return { value: 0, how: 'Chỉ tiêu của Ban Thanh tra nhân dân; đơn vị khác không có' };
      const w = await workInPeriod(tx, s.from, s.to);
      const st = w.recommendations.map((r) => recommendationStatus(r.dueOn, r.answeredOn, s.to));
      return {
        value: st.filter((x) => x === 'answered').length,
        how: `Đếm kiến nghị nhận từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} được trả lời không muộn hơn hạn 15 ngày tính trên lịch làm việc của cơ quan (${st.length} kiến nghị; ${st.filter((x) => x === 'answered_late').length} trả lời trễ; ${st.filter((x) => x === 'overdue').length} quá hạn chưa trả lời tính đến ${formatDmy(s.to)})`,
      };
    },
  },
];

export const inspectionModule = defineModule({
  name: 'inspection',
  tables,
  capabilities: {
    admin: ['inspection.read'],
    leader: [...staff, 'inspection.answer', 'front.read'],
    // The Office is the standing body that coordinates with the Front (seed plan II.12).
    office: [...staff, 'front.read', 'front.manage', 'training.manage'],
    unit_head: staff,
    staff,
    inspection: [...staff, 'inspection.work', 'front.read'],
    union: [...staff, 'inspection.union', 'front.read'],
    // Members elected by the conference, for their term (syncBoardRoles): the board's work, no case powers.
    board_member: [...staff, 'inspection.work', 'front.read'],
  },
  errors: INSPECTION_ERRORS,
  routes: inspectionRoutes,
  dashboard: dashboardPart<{ recs: { unanswered: number; overdue: number }; noticeDue: number; termEndsOn: string | null }>({
    ask: ({ actor, today }) => {
      if (!oversees(actor)) return {};
      const { inspectionRecommendations: r, inspectionActivities: a, inspectionTerms: t } = tables;
      return {
        // Overdue as `recommendationStatus`: unanswered past its due day.
        recs: sql`select json_build_object('unanswered', count(*)::int, 'overdue', count(*) filter (where ${r.dueOn} < ${today}::date)::int)
          from ${r} where ${r.answeredOn} is null`,
        ...(isBoard(actor)
          ? {
              noticeDue: sql`select count(*)::int from ${a} where ${a.status} = 'planned'
                and ${a.noticeDueOn} between ${today}::date and ${addDays(today, 7)}::date`,
            }
          : {}),
        // The term as `currentTerm`: the latest started, else the first to come.
        termEndsOn: sql`select coalesce(
          (select ${t.endsOn} from ${t} where ${t.startsOn} <= ${today}::date order by ${t.startsOn} desc limit 1),
          (select ${t.endsOn} from ${t} order by ${t.startsOn} asc limit 1))::text`,
      };
    },
    cards: (a, { actor, today }) => {
      if (!oversees(actor)) return [];
      const cards = [
        {
          key: 'inspection.unanswered',
          label: { vi: 'Kiến nghị của Ban Thanh tra nhân dân chưa được trả lời', en: "Board recommendations awaiting the head's answer" },
          value: a.recs?.unanswered ?? 0,
          link: '/inspection?tab=recommendations',
          pillar: 'inspect',
        },
        {
          key: 'inspection.overdue',
          label: { vi: 'Kiến nghị quá hạn 15 ngày chưa trả lời', en: 'Recommendations past the 15-day answer' },
          value: a.recs?.overdue ?? 0,
          link: '/inspection?tab=recommendations',
          pillar: 'inspect',
        },
      ];
      if (isBoard(actor))
        cards.push({
          key: 'inspection.notice_due',
          label: { vi: 'Cuộc giám sát phải thông báo trong 7 ngày tới', en: 'Activities to notify within 7 days' },
          value: a.noticeDue ?? 0,
          link: '/inspection?tab=activities',
          pillar: 'inspect',
        });
      // BTTND-TERM: alert in the last 90 days of the term (Law 10/2022 Art. 60(3)).
      const endsOn = a.termEndsOn ?? null;
      if (endsOn && compareIsoDates(addDays(today, 90), endsOn) >= 0)
        cards.push({
          key: 'inspection.term_ends',
          label: {
            vi: `Ngày còn lại của nhiệm kỳ Ban (hết ${formatDmy(endsOn)})`,
            en: `Days left in the board's term (ends ${formatDmy(endsOn)})`,
          },
          value: Math.max(0, diffDays(today, endsOn)),
          link: '/inspection',
          pillar: 'inspect',
        });
      return cards;
    },
  }),
  pillars: inspectionPillars,
  indicators: [...INDICATORS, ...trainingIndicators],
  on: {
    // A change of the holiday calendar moves the board's working-day dates and rolled-over ends.
    'calendar.changed': async (ctx) => {
      await recomputeTermDates(ctx);
      await recomputeWorkDates(ctx);
    },
    // The staff conference elected the board (Law 10/2022 Art. 60(1)): open its term, the previous board hands over.
    'conference.board_elected': async (ctx, e) => {
      await openTermFromConference(ctx, e);
    },
  },
  jobs: (jobs, db, _config, modules) => {
    // Every morning: the board role follows the seats — a term that ended, a board that took over (Law 10/2022 Art. 60(3)).
    jobs.register('inspection.board_roles', () => runBoardRoleSync(db, modules).then(() => undefined), { cron: '5 0 * * *' });
    // Every morning: the Office is reminded of the Front's recommendations due within 3 days or overdue (seed plan II.12).
    jobs.register('front.reminders', () => runFrontReminders(db, modules).then(() => undefined), { cron: '0 7 * * *' });
  },
  seedDemo: seedInspectionDemo,
});
