/**
 * The grievance watch (issue #13, seed plan II.4: "follow closely the people's situation and
 * grievances, forecast complaints and denunciations in the election period"): topics, places and
 * phrases of what people bring, hot spots by topic × unit × month, repeat, group and prolonged
 * grievances, and the monthly volume forecast with its back-test; plus the calendar of sensitive
 * periods the Office keeps. Grievances come from the cases module's exports, without identities.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TWatch, TWatchEvent, TWatchEventInput } from '../../../contracts/watch';
import { addDays } from '../../../domain';
import { backtest, fitModel, forecast, type MonthCount, nextMonth } from '../../../domain/watch/forecast';
import { placesOf, recurringPhrases, TOPICS, topicsOf } from '../../../domain/watch/topics';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Database } from '../../platform/db';
import type { ActorContext, Context, ModuleHooks } from '../../platform/module';
import { tenants } from '../../platform/tables';
import type { Actor } from '../../platform/roles';
import { can } from '../../platform/roles';
import { GROUP_SIZE, grievanceCountsByMonth, grievanceRecords } from '../cases';
import { grievanceHistory, watchEvents, watchSnapshots } from './tables';

/** Months of grievances the topics, places and hot spots look at. */
const WINDOW_MONTHS = 12;
/** Months the forecast looks ahead. */
const HORIZON = 6;

function authorize(ctx: ActorContext, capability: 'watch.read' | 'watch.manage'): void {
  if (!can(ctx.actor, capability)) throw new AppError('FORBIDDEN');
}

const monthOf = (iso: string) => iso.slice(0, 7);
function monthsBack(month: string, n: number): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) - n;
  while (m < 1) {
    m += 12;
    y--;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}
const lastDayOf = (month: string) => addDays(`${nextMonth(month)}-01`, -1);

/** The kinds of the recorded events that overlap a month (at least one day of it). */
function eventKindsOf(events: readonly TWatchEvent[]): (month: string) => string[] {
  return (month) => {
    const from = `${month}-01`;
    const to = lastDayOf(month);
    return [...new Set(events.filter((e) => e.startsOn <= to && e.endsOn >= from).map((e) => e.kind))].sort();
  };
}

export async function listEvents(ctx: ActorContext): Promise<TWatchEvent[]> {
  authorize(ctx, 'watch.read');
  const rows = await ctx.tx.select().from(watchEvents).orderBy(asc(watchEvents.startsOn), asc(watchEvents.title));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TWatchEvent['kind'],
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    note: r.note,
    version: r.version,
  }));
}

/** Records a sensitive period (the Office keeps the calendar). */
export async function createEvent(ctx: ActorContext, input: TWatchEventInput): Promise<{ id: string }> {
  authorize(ctx, 'watch.manage');
  const [row] = await ctx.tx
    .insert(watchEvents)
    .values({ tenantId: ctx.actor.tenantId, ...input })
    .returning();
  await recordAudit(ctx.tx, ctx.who, {
    action: 'watch_event.create',
    entityType: 'watch_event',
    entityId: row!.id,
    summary: input.title,
    after: row,
  });
  return { id: row!.id };
}

/**
 * Corrects a sensitive period.
 * @throws AppError NOT_FOUND, STALE_VERSION when someone changed it meanwhile.
 */
export async function updateEvent(ctx: ActorContext, id: string, version: number, input: TWatchEventInput): Promise<{ id: string }> {
  authorize(ctx, 'watch.manage');
  const [before] = await ctx.tx.select().from(watchEvents).where(eq(watchEvents.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  const [after] = await ctx.tx
    .update(watchEvents)
    .set({ ...input, version: sql`${watchEvents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(watchEvents.id, id), eq(watchEvents.version, version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(ctx.tx, ctx.who, {
    action: 'watch_event.update',
    entityType: 'watch_event',
    entityId: id,
    summary: input.title,
    before,
    after,
  });
  return { id };
}

export async function deleteEvent(ctx: ActorContext, id: string): Promise<void> {
  authorize(ctx, 'watch.manage');
  const [before] = await ctx.tx.delete(watchEvents).where(eq(watchEvents.id, id)).returning();
  if (!before) throw new AppError('NOT_FOUND');
  await recordAudit(ctx.tx, ctx.who, {
    action: 'watch_event.delete',
    entityType: 'watch_event',
    entityId: id,
    summary: before.title,
    before,
  });
}

/** The monthly series up to the last complete month: recorded counts, and entered counts for the months before the app. */
async function monthlySeries(ctx: ActorContext, lastMonth: string, kindsOf: (m: string) => string[]) {
  const recorded = await grievanceCountsByMonth(ctx, lastDayOf(lastMonth));
  const entered = new Map((await ctx.tx.select().from(grievanceHistory)).map((h) => [h.month, h.count]));
  const firstRecorded = [...recorded.keys()].sort()[0] ?? nextMonth(lastMonth);
  const first = [...entered.keys(), firstRecorded].sort()[0]!;
  const series: TWatch['series'] = [];
  for (let m = first; m <= lastMonth; m = nextMonth(m)) {
    const useEntered = m < firstRecorded && entered.has(m);
    series.push({
      month: m,
      count: useEntered ? entered.get(m)! : (recorded.get(m) ?? 0),
      source: useEntered ? 'entered' : 'recorded',
      events: kindsOf(m),
    });
  }
  return series;
}

/**
 * The watch as the actor may see it: grievances in the actor's case scope only.
 * @throws AppError FORBIDDEN without watch.read.
 */
export async function getWatch(ctx: ActorContext): Promise<TWatch> {
  authorize(ctx, 'watch.read');
  const { today } = ctx;
  const thisMonth = monthOf(today);
  const lastMonth = monthsBack(thisMonth, 1);
  const from = monthsBack(thisMonth, WINDOW_MONTHS - 1);
  const kindsOf = eventKindsOf(await listEvents(ctx));

  // 1. What people bring, over the window: topics, phrases and places — never who brought it.
  const records = await grievanceRecords(ctx, { from: `${from}-01`, to: today });
  const tagged = records.map((r) => ({ ...r, month: monthOf(r.receivedOn), topics: topicsOf(r.text) }));
  const recentFrom = monthsBack(thisMonth, 2);
  const topics = TOPICS.map((t) => ({
    code: t.code,
    vi: t.vi,
    en: t.en,
    count: tagged.filter((r) => r.topics.includes(t.code)).length,
    lastMonths: tagged.filter((r) => r.topics.includes(t.code) && r.month >= recentFrom).length,
  }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count);
  const placeCounts = new Map<string, { label: string; n: number }>();
  for (const r of records)
    for (const p of placesOf(r.text))
      placeCounts.set(p.key, { label: placeCounts.get(p.key)?.label ?? p.label, n: (placeCounts.get(p.key)?.n ?? 0) + 1 });
  const places = [...placeCounts.values()]
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'vi'))
    .slice(0, 15)
    .map((p) => ({ place: p.label, count: p.n }));

  // 2. Hot spots: topic × unit × month, hot when at least 3 and twice the cell's monthly mean.
  const cells = new Map<string, { topic: string; unitId: string | null; unitName: string; month: string; count: number }>();
  const perTopicUnit = new Map<string, number>();
  for (const r of tagged)
    for (const t of r.topics) {
      const unitName = r.unitName ?? (r.source === 'reception' ? 'Tiếp công dân (chưa thành đơn)' : 'Chưa giao đơn vị');
      const key = `${t}|${r.unitId ?? unitName}|${r.month}`;
      const c = cells.get(key) ?? { topic: t, unitId: r.unitId, unitName, month: r.month, count: 0 };
      c.count++;
      cells.set(key, c);
      perTopicUnit.set(`${t}|${r.unitId ?? unitName}`, (perTopicUnit.get(`${t}|${r.unitId ?? unitName}`) ?? 0) + 1);
    }
  const topicName = new Map(TOPICS.map((t) => [t.code, t.vi]));
  const hotspots = [...cells.values()]
    .map((c) => {
      const mean = (perTopicUnit.get(`${c.topic}|${c.unitId ?? c.unitName}`) ?? 0) / WINDOW_MONTHS;
      return { ...c, topicName: topicName.get(c.topic) ?? c.topic, hot: c.count >= 3 && c.count >= 2 * mean };
    })
    .sort((a, b) => Number(b.hot) - Number(a.hot) || b.count - a.count || b.month.localeCompare(a.month))
    .slice(0, 20);

  // 3. Repeat, group and prolonged grievances, by unit.
  const byUnit = new Map<string, { unitId: string | null; unitName: string; repeat: number; group: number; prolonged: number }>();
  for (const r of records) {
    const isGroup = r.groupSize >= GROUP_SIZE;
    if (!r.repeat && !isGroup && !r.prolonged) continue;
    const k = r.unitId ?? r.source;
    const u = byUnit.get(k) ?? { unitId: r.unitId, unitName: r.unitName ?? 'Chưa giao đơn vị', repeat: 0, group: 0, prolonged: 0 };
    if (r.repeat) u.repeat++;
    if (isGroup) u.group++;
    if (r.prolonged) u.prolonged++;
    byUnit.set(k, u);
  }

  // 4. The monthly volume, its forecast and the forecast's own error on past months.
  const series = await monthlySeries(ctx, lastMonth, kindsOf);
  const counts: MonthCount[] = series.map((s) => ({ month: s.month, count: s.count, events: s.events }));
  const tested = backtest(counts, 12);
  const ahead = forecast(counts, kindsOf, HORIZON, tested);
  const kinds = [...new Set(counts.flatMap((c) => c.events))].sort();
  const fitted = counts.length >= 12 ? fitModel(counts) : null;
  return {
    computedAt: new Date().toISOString(),
    window: { from, to: thisMonth },
    total: records.length,
    topics,
    phrases: recurringPhrases(
      records.map((r) => r.text),
      2,
      15,
    ),
    places,
    hotspots,
    repeats: {
      repeat: records.filter((r) => r.repeat).length,
      group: records.filter((r) => r.groupSize >= GROUP_SIZE).length,
      prolonged: records.filter((r) => r.prolonged).length,
      byUnit: [...byUnit.values()].sort((a, b) => b.repeat + b.group + b.prolonged - (a.repeat + a.group + a.prolonged)),
    },
    series,
    forecast: ahead.map((p) => ({ ...p, events: [...p.events] })),
    backtest: { ...tested, rows: tested.rows.map((r) => ({ ...r, events: [...r.events] })) },
    uplift: fitted ? kinds.map((k) => ({ kind: k, factor: Math.round((fitted.uplift[k] ?? 1) * 100) / 100 })) : [],
    how: {
      vi: 'Dự báo = mức nền (trung bình 12 tháng bình thường gần nhất, đã khử mùa vụ) × hệ số tháng trong năm × hệ số tăng của các thời kỳ nhạy cảm trong lịch Văn phòng ghi nhận (bầu cử, thu hồi đất, Tết…), học từ các tháng trước; khoảng dự báo 80%. Sai số kiểm định: dự báo lại từng tháng trong 12 tháng qua chỉ bằng số liệu trước tháng đó.',
      en: "Forecast = base level (mean of the last 12 ordinary months, deseasonalised) × month-of-year factor × uplift of the sensitive periods in the Office's calendar (elections, land recovery, Tết…), learnt from past months; 80% interval. Back-test: each of the last 12 months forecast again from the months before it only.",
    },
  };
}

/**
 * Computes the watch and stores it as the agency's snapshot (what the dashboard shows).
 * Only for those who see every grievance (the watch's readers do: office, leader, inspection).
 */
export async function refreshWatch(ctx: ActorContext): Promise<TWatch> {
  const w = await getWatch(ctx);
  const row = { tenantId: ctx.actor.tenantId, computedAt: new Date(w.computedAt), data: w };
  await ctx.tx
    .insert(watchSnapshots)
    .values(row)
    .onConflictDoUpdate({ target: watchSnapshots.tenantId, set: { computedAt: row.computedAt, data: w } });
  return w;
}

/**
 * The stored watch, in one statement whatever the number of grievances; computed and stored on
 * the first call if the daily job has not run yet.
 */
export async function storedWatch(ctx: ActorContext): Promise<TWatch> {
  authorize(ctx, 'watch.read');
  const [row] = await ctx.tx.select().from(watchSnapshots);
  return row ? row.data : refreshWatch(ctx);
}

/** The daily job's reader: sees every grievance like the Office (no person; nothing is written in its name but the snapshot). */
export function watchJobContext(ctx: Context, tenantId: string): ActorContext {
  const actor: Actor = {
    tenantId,
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    fullName: 'Hệ thống (theo dõi đơn thư hằng ngày)',
    roles: [{ role: 'office', unitId: null }],
    capabilities: ctx.modules.capabilitiesOf(['office']),
  };
  return { ...ctx, actor };
}

/** The daily job: computes and stores every agency's watch. @returns how many agencies were refreshed. */
export async function refreshAllWatches(db: Database, modules: ModuleHooks, today: string): Promise<number> {
  const agencies = await db.owner.select({ id: tenants.tenantId }).from(tenants);
  for (const a of agencies) {
    await db.withTenant({ tenantId: a.id }, async (tx) => {
      const who = { tenantId: a.id, userId: null, name: 'Hệ thống (theo dõi đơn thư hằng ngày)' };
      await refreshWatch(watchJobContext({ tx, who, today, modules }, a.id));
    });
  }
  return agencies.length;
}
