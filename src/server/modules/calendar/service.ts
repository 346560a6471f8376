/**
 * The agency's working-day calendar as data. A year nobody has confirmed uses the statutory
 * holidays generated from the Labour Code 2019 Art. 112 (lunar Tết and Giỗ Tổ included); once the
 * Office confirms a year (from the PM/MoHA schedule) its entries are the truth (issue #2).
 * Other modules compute deadlines through `workingCalendarFor`.
 */
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import {
  calendarForYears,
  formatDmy,
  generateStatutoryHolidays,
  parseIsoDate,
  type CalendarException,
  type WorkingCalendar,
} from '../../../domain';
import type { TCalendarDay, TCalendarRecompute, TCalendarYear } from '../../../contracts/calendar';
import { recordAudit } from '../../platform/audit';
import type { ActorContext } from '../../platform/module';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { can, type Actor } from '../../platform/roles';
import { calendarExceptions, calendarRecomputes, calendarYears } from './tables';

type Kind = TCalendarDay['kind'];

declare module '../../platform/module' {
  interface ModuleEvents {
    /**
     * Emitted in the same transaction after any change of the agency's days off: modules whose
     * deadlines count working days recompute them (cases, reception replies).
     */
    'calendar.changed': { recomputeId: string };
  }
}

/**
 * Tell the other modules, in this transaction, that the days off changed. A recomputation run is
 * queued with it (issue #17): the cases module does the open cases' deadlines in the background
 * and reports its progress on that run; a run not finished yet is superseded (the newer calendar
 * applies to every case, so the new run does them all).
 */
async function changed(ctx: ActorContext): Promise<void> {
  const { tx, actor, who } = ctx;
  await tx
    .update(calendarRecomputes)
    .set({ status: 'superseded', finishedAt: new Date() })
    .where(inArray(calendarRecomputes.status, ['queued', 'running']));
  const [run] = await tx
    .insert(calendarRecomputes)
    .values({ tenantId: actor.tenantId, requestedBy: who.name })
    .returning({ id: calendarRecomputes.id });
  await ctx.modules.emit(ctx, 'calendar.changed', { recomputeId: run!.id });
}

function presentRecompute(r: typeof calendarRecomputes.$inferSelect): TCalendarRecompute {
  return {
    id: r.id,
    status: r.status as TCalendarRecompute['status'],
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    total: r.total,
    processed: r.processed,
    moved: r.moved,
    error: r.error,
  };
}

/** The latest recomputation run of the agency (the calendar page polls it while it runs). */
export async function latestRecompute(tx: Tx): Promise<TCalendarRecompute | null> {
  const [r] = await tx.select().from(calendarRecomputes).orderBy(desc(calendarRecomputes.requestedAt)).limit(1);
  return r ? presentRecompute(r) : null;
}

/**
 * Start a queued run with the number of cases it covers.
 * @returns false when the run is no longer queued (superseded by a later change, or taken by
 * another process): the caller does nothing.
 */
export async function startRecompute(tx: Tx, id: string, total: number): Promise<boolean> {
  const rows = await tx
    .update(calendarRecomputes)
    .set({ status: 'running', startedAt: new Date(), total })
    .where(and(eq(calendarRecomputes.id, id), eq(calendarRecomputes.status, 'queued')))
    .returning({ id: calendarRecomputes.id });
  return rows.length > 0;
}

/**
 * Count a finished batch in the run, in the batch's own transaction.
 * @returns false when the run was superseded meanwhile: the caller stops (the new run does all).
 */
export async function recomputeProgress(tx: Tx, id: string, batch: { processed: number; moved: number }): Promise<boolean> {
  const rows = await tx
    .update(calendarRecomputes)
    .set({
      processed: sql`${calendarRecomputes.processed} + ${batch.processed}`,
      moved: sql`${calendarRecomputes.moved} + ${batch.moved}`,
    })
    .where(and(eq(calendarRecomputes.id, id), eq(calendarRecomputes.status, 'running')))
    .returning({ id: calendarRecomputes.id });
  return rows.length > 0;
}

/** Close a running run: done, or failed with the error (the next change or the nightly refresh redoes it). */
export async function finishRecompute(tx: Tx, id: string, outcome: { error?: string }): Promise<void> {
  await tx
    .update(calendarRecomputes)
    .set({ status: outcome.error ? 'failed' : 'done', finishedAt: new Date(), error: outcome.error ?? null })
    .where(and(eq(calendarRecomputes.id, id), eq(calendarRecomputes.status, 'running')));
}

function proposalsOf(year: number): TCalendarDay[] {
  return generateStatutoryHolidays(year).map((p) => ({
    id: null,
    date: p.date,
    kind: p.kind,
    name: p.name,
    nameEn: p.nameEn,
    basis: p.basis,
    version: null,
  }));
}

async function entriesOf(tx: Tx, year: number): Promise<TCalendarDay[]> {
  const rows = await tx
    .select()
    .from(calendarExceptions)
    .where(and(gte(calendarExceptions.date, `${year}-01-01`), lte(calendarExceptions.date, `${year}-12-31`)))
    .orderBy(asc(calendarExceptions.date));
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind as Kind,
    name: r.name,
    nameEn: r.nameEn,
    basis: r.basis,
    version: r.version,
  }));
}

/** The years this agency has a calendar of its own (draft or confirmed), oldest first. */
export async function calendarYearsInUse(tx: Tx): Promise<{ year: number; status: 'draft' | 'confirmed' }[]> {
  const rows = await tx
    .select({ year: calendarYears.year, status: calendarYears.status })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
  return rows.map((r) => ({ year: r.year, status: r.status as 'draft' | 'confirmed' }));
}

/** The days off of a year as they apply now, with the year's status. */
export async function effectiveDaysOff(tx: Tx, year: number, actor?: Actor): Promise<TCalendarYear> {
  const [y] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
  const entries = y ? await entriesOf(tx, year) : [];
  const proposals = proposalsOf(year);
  const status = (y?.status ?? 'generated') as TCalendarYear['status'];
  return {
    year,
    status,
    basis: y?.basis ?? null,
    confirmedAt: y?.confirmedAt?.toISOString() ?? null,
    version: y?.version ?? null,
    days: status === 'confirmed' ? entries : proposals,
    entries,
    proposals,
    canManage: actor ? can(actor, 'calendar.manage') : false,
  };
}

/**
 * The working calendar covering `years` for the transaction's agency: confirmed years from the
 * agency's data, every other year from the statutory generator.
 */
export async function workingCalendarFor(tx: Tx, years: number[]): Promise<WorkingCalendar> {
  const confirmed = await tx
    .select()
    .from(calendarYears)
    .where(and(inArray(calendarYears.year, years), eq(calendarYears.status, 'confirmed')));
  const byYear = new Map<number, CalendarException[]>();
  for (const y of confirmed) {
    byYear.set(
      y.year,
      (await entriesOf(tx, y.year)).map((e) => ({ date: e.date, kind: e.kind, name: e.name, ...(e.basis ? { basis: e.basis } : {}) })),
    );
  }
  return calendarForYears(years, byYear);
}

async function ensureYearRow({ tx, actor, who }: ActorContext, year: number): Promise<void> {
  const [y] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
  if (y) return;
  // First edit of a year: start the draft from the statutory proposals so nothing is lost.
  await tx.insert(calendarYears).values({ tenantId: actor.tenantId, year, status: 'draft' });
  const proposals = proposalsOf(year);
  if (proposals.length) {
    await tx
      .insert(calendarExceptions)
      .values(
        proposals.map((p) => ({ tenantId: actor.tenantId, date: p.date, kind: p.kind, name: p.name, nameEn: p.nameEn, basis: p.basis })),
      );
  }
  await recordAudit(tx, who, {
    action: 'calendar.year_draft',
    entityType: 'calendar_year',
    entityId: String(year),
    summary: `Năm ${year}: bắt đầu từ ngày nghỉ theo luật`,
    after: { year, status: 'draft', entries: proposals },
  });
}

async function bumpYear(tx: Tx, year: number): Promise<void> {
  const [y] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
  if (y)
    await tx
      .update(calendarYears)
      .set({ version: y.version + 1 })
      .where(eq(calendarYears.year, year));
}

function yearOf(date: string): number {
  return parseIsoDate(date).year;
}

export async function addEntry(
  ctx: ActorContext,
  year: number,
  input: { date: string; kind: Kind; name: string; nameEn?: string | null; basis?: string | null },
): Promise<TCalendarYear> {
  const { tx, actor, who } = ctx;
  if (yearOf(input.date) !== year) throw invalid('date', `ngày phải thuộc năm ${year}`, `must be in ${year}`);
  await ensureYearRow(ctx, year);
  const [clash] = await tx.select().from(calendarExceptions).where(eq(calendarExceptions.date, input.date));
  if (clash)
    throw invalid(
      'date',
      `ngày ${formatDmy(input.date)} đã có mục "${clash.name}"`,
      `${formatDmy(input.date)} already has "${clash.name}"`,
    );
  const [row] = await tx
    .insert(calendarExceptions)
    .values({
      tenantId: actor.tenantId,
      date: input.date,
      kind: input.kind,
      name: input.name,
      nameEn: input.nameEn ?? null,
      basis: input.basis ?? null,
    })
    .returning();
  await bumpYear(tx, year);
  await recordAudit(tx, who, {
    action: 'calendar.entry_create',
    entityType: 'calendar_entry',
    entityId: row!.id,
    summary: `${row!.date} ${row!.name}`,
    after: row,
  });
  await changed(ctx);
  return effectiveDaysOff(tx, year, actor);
}

export async function updateEntry(
  ctx: ActorContext,
  id: string,
  input: { version: number; date?: string; kind?: Kind; name?: string; nameEn?: string | null; basis?: string | null },
): Promise<TCalendarYear> {
  const { tx, actor, who } = ctx;
  const [before] = await tx.select().from(calendarExceptions).where(eq(calendarExceptions.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  const year = yearOf(before.date);
  if (input.date && yearOf(input.date) !== year) throw invalid('date', `ngày phải thuộc năm ${year}`, `must be in ${year}`);
  if (input.date && input.date !== before.date) {
    const [clash] = await tx.select().from(calendarExceptions).where(eq(calendarExceptions.date, input.date));
    if (clash)
      throw invalid(
        'date',
        `ngày ${formatDmy(input.date)} đã có mục "${clash.name}"`,
        `${formatDmy(input.date)} already has "${clash.name}"`,
      );
  }
  const [after] = await tx
    .update(calendarExceptions)
    .set({
      date: input.date ?? before.date,
      kind: input.kind ?? before.kind,
      name: input.name ?? before.name,
      nameEn: input.nameEn === undefined ? before.nameEn : input.nameEn,
      basis: input.basis === undefined ? before.basis : input.basis,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(calendarExceptions.id, id), eq(calendarExceptions.version, input.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await bumpYear(tx, year);
  await recordAudit(tx, who, {
    action: 'calendar.entry_update',
    entityType: 'calendar_entry',
    entityId: id,
    summary: `${after.date} ${after.name}`,
    before,
    after,
  });
  await changed(ctx);
  return effectiveDaysOff(tx, year, actor);
}

export async function deleteEntry(ctx: ActorContext, id: string): Promise<TCalendarYear> {
  const { tx, actor, who } = ctx;
  const [before] = await tx.select().from(calendarExceptions).where(eq(calendarExceptions.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  await tx.delete(calendarExceptions).where(eq(calendarExceptions.id, id));
  const year = yearOf(before.date);
  await bumpYear(tx, year);
  await recordAudit(tx, who, {
    action: 'calendar.entry_delete',
    entityType: 'calendar_entry',
    entityId: id,
    summary: `${before.date} ${before.name}`,
    before,
  });
  await changed(ctx);
  return effectiveDaysOff(tx, year, actor);
}

/** Confirm a year: from now on its entries, not the generator, decide its days off. */
export async function confirmYear(
  ctx: ActorContext,
  year: number,
  input: { basis?: string | null; version?: number | null },
): Promise<TCalendarYear> {
  const { tx, actor, who } = ctx;
  await ensureYearRow(ctx, year);
  const [y] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
  if (input.version != null && y!.version !== input.version) throw new AppError('STALE_VERSION');
  await tx
    .update(calendarYears)
    .set({
      status: 'confirmed',
      basis: input.basis ?? y!.basis,
      confirmedAt: new Date(),
      confirmedBy: actor.userId,
      version: y!.version + 1,
    })
    .where(eq(calendarYears.year, year));
  const result = await effectiveDaysOff(tx, year, actor);
  await recordAudit(tx, who, {
    action: 'calendar.year_confirm',
    entityType: 'calendar_year',
    entityId: String(year),
    summary: `Xác nhận lịch nghỉ năm ${year}`,
    before: { status: y!.status },
    after: { status: 'confirmed', basis: result.basis, days: result.days },
  });
  await changed(ctx);
  return result;
}

// ---------- the dashboard's shared read (issue #17) ----------

/** The key under which the dashboard asks the agency's confirmed years once a request, whatever the modules asking. */
export const CALENDAR_ASK = '@calendar';

/** The confirmed years with their days off, as one json expression (a dashboard `ask`; a handful of rows a year). */
export function confirmedYearsSql(): SQL {
  return sql`select coalesce(json_agg(json_build_object('year', y.year, 'days', (
      select coalesce(json_agg(json_build_object('date', e.date, 'kind', e.kind, 'name', e.name, 'basis', e.basis) order by e.date), '[]'::json)
      from ${calendarExceptions} e where e.date between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)))), '[]'::json)
    from ${calendarYears} y where y.status = 'confirmed'`;
}

type ConfirmedAnswer = { year: number; days: { date: string; kind: string; name: string; basis: string | null }[] }[] | null | undefined;

function confirmedByYear(answer: unknown): Map<number, CalendarException[]> {
  return new Map(
    ((answer as ConfirmedAnswer) ?? []).map((y) => [
      y.year,
      y.days.map((e) => ({
        date: e.date,
        kind: e.kind as CalendarException['kind'],
        name: e.name,
        ...(e.basis ? { basis: e.basis } : {}),
      })),
    ]),
  );
}

/** `workingCalendarFor` from the answer to `confirmedYearsSql` (pure): the same calendar, no statement. */
export function calendarFromAnswer(answer: unknown, years: number[]): WorkingCalendar {
  const byYear = confirmedByYear(answer);
  return calendarForYears(years, new Map([...byYear].filter(([y]) => years.includes(y))));
}

/** The days off in force for `year` (as `effectiveDaysOff(…).days`) from the answer to `confirmedYearsSql`. */
export function daysOffFromAnswer(answer: unknown, year: number): { date: string; kind: string }[] {
  return confirmedByYear(answer).get(year) ?? proposalsOf(year);
}
