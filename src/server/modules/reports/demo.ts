/**
 * Demo data of the `reports` module: both cycles of the 2021 plan ("6 tháng đầu năm 2021, hạn
 * trước 11/6/2021" and "năm 2021, hạn trước 11/11/2021"). In the six-month cycle three units'
 * reports are accepted (Phòng Kế hoạch - Tài chính was returned once first), the Chi cục reported
 * six days late, Phòng Quản lý công nghệ left a draft, and Phòng Quản lý khoa học has not yet
 * reported (the browser journey has its head do it).
 */
import { eq } from 'drizzle-orm';
import type { SeedContext } from '../../platform/module';
import { agencyPlansOf } from '../plans';
import { createCycle, cyclesFromPlan, openReport, saveReport, transition } from './service';
import { reportEvents, unitReports } from './tables';
import { daysLate } from '../../../domain/reports/consolidate';

export async function seedReportsDemo(ctx: SeedContext): Promise<void> {
  const [agencyPlan] = await ctx.db.withTenant({ tenantId: ctx.tenantId }, (tx) => agencyPlansOf(tx, 2021));
  if (!agencyPlan) return;
  const cycles = await ctx.as('vanphong', async (uc) => {
    const out = [];
    for (const c of await cyclesFromPlan(uc.tx, agencyPlan.id)) out.push(await createCycle(uc, { planId: agencyPlan.id, ...c }));
    return out;
  });
  const six = cycles.find((c) => c.kind === 'six_month');
  const annual = cycles.find((c) => c.kind === 'annual');
  if (!six || !annual) throw new Error('the 2021 plan should yield both cycles');

  const u = (code: string) => ctx.unitIdByCode[code]!;
  const notes: Record<string, { intro: string; reception: number; cases: number; trainings: number; participants: number }> = {
    QLKH: {
      intro: 'Phòng đã quán triệt Kế hoạch đến 100% công chức; thực hiện công khai kế hoạch công tác năm tại cuộc họp giao ban đầu tháng.',
      reception: 2,
      cases: 1,
      trainings: 1,
      participants: 8,
    },
    KHTC: {
      intro: 'Công khai dự toán ngân sách năm 2021 và quyết toán năm 2020 đúng thời hạn; không phát sinh đơn thư.',
      reception: 0,
      cases: 0,
      trainings: 1,
      participants: 7,
    },
    TTUD: {
      intro:
        'Trung tâm tổ chức hội nghị viên chức, người lao động; xây dựng mô hình "Dân vận khéo" trong chuyển giao tiến bộ kỹ thuật cho nông dân.',
      reception: 1,
      cases: 2,
      trainings: 2,
      participants: 30,
    },
    CCTDC: {
      intro: 'Chi cục triển khai Kế hoạch đến công chức; giải quyết dứt điểm 01 phản ánh của doanh nghiệp về thủ tục đo lường.',
      reception: 1,
      cases: 1,
      trainings: 1,
      participants: 18,
    },
  };
  const flows: [string, string, { submitted: string; returned?: [string, string]; resubmitted?: string; accepted?: string }][] = [
    [
      'tpkhtc',
      'KHTC',
      {
        submitted: '2021-06-04',
        returned: ['2021-06-07', 'Đề nghị bổ sung số liệu lớp quán triệt và kết quả công khai tài chính của phòng.'],
        resubmitted: '2021-06-08',
        accepted: '2021-06-10',
      },
    ],
    ['gdttud', 'TTUD', { submitted: '2021-06-10', accepted: '2021-06-15' }],
    ['cccctdc', 'CCTDC', { submitted: '2021-06-16', accepted: '2021-06-21' }],
  ];
  for (const [username, code, flow] of flows) {
    const n = notes[code]!;
    const reportId = await ctx.as(username, async (uc) => {
      let r = await openReport(uc, six.id, u(code), { create: true });
      const sections = r.sections.map((s: { key: string; text: string }) => ({
        key: s.key,
        text: s.key === 'II.2' ? `${n.intro}\n${s.text}`.trim() : s.text,
      }));
      r = await saveReport(uc, r.id, {
        version: r.version,
        sections,
        indicators: {
          reception_sessions: n.reception,
          cases_received: n.cases,
          cases_resolved_on_time: n.cases,
          trainings: n.trainings,
          participants: n.participants,
        },
      });
      r = await transition(uc, r.id, 'submit', { version: r.version });
      return r.id as string;
    });
    if (flow.returned) {
      await ctx.as('vanphong', async ({ tx, ...uc }) => {
        const [row] = await tx.select().from(unitReports).where(eq(unitReports.id, reportId));
        await transition({ tx, ...uc }, reportId, 'return', { version: row!.version, comment: flow.returned![1] });
      });
      await ctx.as(username, async ({ tx, ...uc }) => {
        const [row] = await tx.select().from(unitReports).where(eq(unitReports.id, reportId));
        await transition({ tx, ...uc }, reportId, 'submit', { version: row!.version });
      });
    }
    if (flow.accepted) {
      await ctx.as('vanphong', async ({ tx, ...uc }) => {
        const [row] = await tx.select().from(unitReports).where(eq(unitReports.id, reportId));
        await transition({ tx, ...uc }, reportId, 'accept', { version: row!.version });
      });
    }
    // Demo dates: the workflow happened in June 2021, as the plan asked.
    await ctx.db.withTenant({ tenantId: ctx.tenantId }, async (tx) => {
      await tx
        .update(unitReports)
        .set({ submittedOn: flow.submitted, lateDays: daysLate(six.dueOn, flow.submitted) })
        .where(eq(unitReports.id, reportId));
      const events = await tx.select().from(reportEvents).where(eq(reportEvents.reportId, reportId));
      const dates = [
        flow.submitted,
        ...(flow.returned ? [flow.returned[0], flow.resubmitted!] : []),
        ...(flow.accepted ? [flow.accepted] : []),
      ];
      for (const [i, e] of events.sort((a, b) => a.at.getTime() - b.at.getTime()).entries()) {
        if (dates[i])
          await tx
            .update(reportEvents)
            .set({ at: new Date(`${dates[i]}T10:00:00+07:00`) })
            .where(eq(reportEvents.id, e.id));
      }
    });
  }
  // A draft left unsent, and one report in the annual cycle.
  await ctx.as('tpqlcn', (uc) => openReport(uc, six.id, u('QLCN'), { create: true }));
  await ctx.as('tpkhtc', async (uc) => {
    const r = await openReport(uc, annual.id, u('KHTC'), { create: true });
    await transition(uc, r.id, 'submit', { version: r.version });
    await uc.tx.update(unitReports).set({ submittedOn: '2021-11-08', lateDays: 0 }).where(eq(unitReports.id, r.id));
  });
}
