/**
 * Demo of the grievance watch: the Office's calendar of sensitive periods (the 2021 and 2026
 * elections, a land-recovery project, each Tết) and the monthly counts of grievances from the
 * statistics reports of 2021–2025, before the app, so the forecast and its back-test mean something.
 */
import type { SeedContext } from '../../platform/module';
import { nextMonth } from '../../../domain/watch/forecast';
import { createEvent } from './service';
import { grievanceHistory } from './tables';

/** Tết Nguyên đán (first day of the lunar year) 2021–2027. */
const TET = ['2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06'];

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedWatchDemo(ctx: SeedContext): Promise<void> {
  const events = [
    {
      kind: 'election' as const,
      title: 'Bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021–2026',
      startsOn: '2021-03-01',
      endsOn: '2021-05-31',
    },
    {
      kind: 'election' as const,
      title: 'Bầu cử đại biểu Quốc hội khóa XVI và HĐND các cấp nhiệm kỳ 2026–2031',
      startsOn: '2026-01-15',
      endsOn: '2026-03-31',
    },
    {
      kind: 'land' as const,
      title: 'Thu hồi đất xây dựng Khu công nghệ thông tin tập trung',
      startsOn: '2023-08-01',
      endsOn: '2024-02-29',
    },
    {
      kind: 'land' as const,
      title: 'Thu hồi đất xây dựng Trung tâm Kiểm định, thử nghiệm tỉnh',
      startsOn: '2027-03-01',
      endsOn: '2027-08-31',
    },
    ...TET.map((d) => ({ kind: 'tet' as const, title: `Tết Nguyên đán ${d.slice(0, 4)}`, startsOn: shift(d, -14), endsOn: shift(d, 7) })),
  ];
  await ctx.as('vanphong', async (c) => {
    for (const e of events) await createEvent(c, { ...e, note: '' });
  });
  // Counts from the yearly statistics reports, January 2021 to November 2025 (the app records from December 2025).
  const inPeriod = (month: string, kind: string) =>
    events.some((e) => e.kind === kind && e.startsOn.slice(0, 7) <= month && e.endsOn.slice(0, 7) >= month);
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const rows: (typeof grievanceHistory.$inferInsert)[] = [];
  for (let m = '2021-01'; m <= '2025-11'; m = nextMonth(m)) {
    const lift = inPeriod(m, 'election') ? 1.8 : inPeriod(m, 'land') ? 1.5 : inPeriod(m, 'tet') ? 1.35 : 1;
    const season = m.endsWith('-07') || m.endsWith('-08') ? 0.8 : 1;
    rows.push({
      tenantId: ctx.tenantId,
      month: m,
      count: Math.round(3.6 * lift * season * (0.75 + 0.5 * rand())),
      source: 'Báo cáo thống kê đơn thư hằng năm',
    });
  }
  await ctx.db.withTenant({ tenantId: ctx.tenantId }, async (tx) => {
    await tx.insert(grievanceHistory).values(rows);
  });
}
