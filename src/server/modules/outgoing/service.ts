/**
 * The register of outgoing documents (sổ đăng ký văn bản đi, Decree 30/2020/NĐ-CP Arts. 15–16):
 * the clerical office (văn thư, role `office`) gives each outgoing document its number and
 * symbol, by hand for documents made elsewhere, or at another module's request for the plans and
 * reports made in this app. The app never numbers a document on its own (DOMAIN.md §7.4): a
 * number is given only when a person of the Office (or the administrator) asks for it.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TOutgoingDocument, TOutgoingInput, TOutgoingList } from '../../../contracts/outgoing';
import {
  DOCUMENT_TYPES,
  type DocumentTypeCode,
  formatNumberSymbol,
  issuerCodeFrom,
  sequenceOf,
  typeNameOf,
} from '../../../domain/numbering';
import { recordAudit } from '../../platform/audit';
import { rowsOf, type Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext } from '../../platform/module';
import { can } from '../../platform/roles';
import { tenants, units } from '../../platform/tables';
import { outgoingCounters, outgoingDocuments, outgoingSettings } from './tables';

type Row = typeof outgoingDocuments.$inferSelect;
export type OutgoingSource = { type: 'plan' | 'agency_report'; id: string };

/** The agency's code in document symbols: the Office's setting, else derived from the agency's code. */
export async function issuerCode(tx: Tx): Promise<{ issuerCode: string; version: number }> {
  const [s] = await tx.select().from(outgoingSettings);
  if (s) return { issuerCode: s.issuerCode, version: s.version };
  const [t] = await tx.select({ code: tenants.code }).from(tenants);
  return { issuerCode: issuerCodeFrom(t?.code ?? ''), version: 0 };
}

export async function saveSettings(ctx: ActorContext, input: { issuerCode: string; version: number }) {
  const { tx, actor, who } = ctx;
  if (!can(actor, 'outgoing.issue')) throw new AppError('FORBIDDEN');
  const before = await issuerCode(tx);
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  if (before.version === 0)
    await tx.insert(outgoingSettings).values({ tenantId: actor.tenantId, issuerCode: input.issuerCode, version: 1 });
  else
    await tx
      .update(outgoingSettings)
      .set({ issuerCode: input.issuerCode, version: before.version + 1, updatedAt: new Date() })
      .where(eq(outgoingSettings.version, before.version));
  await recordAudit(tx, who, {
    action: 'outgoing_settings.update',
    entityType: 'outgoing_settings',
    entityId: null,
    summary: `Mã cơ quan trong ký hiệu văn bản: ${input.issuerCode}`,
    before: { issuerCode: before.issuerCode },
    after: { issuerCode: input.issuerCode },
  });
  return issuerCode(tx);
}

function present(r: Row, unitNames: Map<string, string>): TOutgoingDocument {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    numberSymbol: r.numberSymbol,
    typeCode: r.typeCode as DocumentTypeCode,
    typeName: typeNameOf(r.typeCode as DocumentTypeCode),
    issuedOn: r.issuedOn,
    summary: r.summary,
    signerName: r.signerName,
    recipients: r.recipients,
    draftingUnit: r.draftingUnitId ? { id: r.draftingUnitId, name: unitNames.get(r.draftingUnitId) ?? '' } : null,
    source: r.sourceType && r.sourceId ? { type: r.sourceType as OutgoingSource['type'], id: r.sourceId } : null,
    issuedBy: r.createdByName,
    createdAt: r.createdAt.toISOString(),
  };
}

async function unitNames(tx: Tx): Promise<Map<string, string>> {
  return new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
}

/**
 * Give an outgoing document the next number of its type and year, and write it in the register
 * (audited, in the caller's transaction). Only the Office and the administrator number documents.
 *
 * Race-free: the year's counter row is created if missing, then locked (`for update`) before it
 * is read and moved on, so concurrent registrations of one type queue on that row and each gets
 * its own number; a registration that rolls back leaves the counter where it was.
 */
export async function issueNumber(
  ctx: ActorContext,
  input: TOutgoingInput & { source?: OutgoingSource | null },
): Promise<TOutgoingDocument> {
  const { tx, actor, who, today } = ctx;
  if (!can(actor, 'outgoing.issue')) throw new AppError('FORBIDDEN');
  const typeCode = input.typeCode as DocumentTypeCode;
  // Art. 15(2): numbered after the signature, so never ahead of today.
  if (input.issuedOn > today)
    throw invalid('issuedOn', 'ngày ban hành không được sau ngày hôm nay', 'the day of issue cannot be after today');
  if (input.source) {
    const [dup] = await tx
      .select({ s: outgoingDocuments.numberSymbol })
      .from(outgoingDocuments)
      .where(and(eq(outgoingDocuments.sourceType, input.source.type), eq(outgoingDocuments.sourceId, input.source.id)));
    if (dup) throw new AppError('OUTGOING_ALREADY_NUMBERED');
  }
  let draftingCode: string | null = null;
  if (input.draftingUnitId) {
    const [u] = await tx.select({ code: units.code }).from(units).where(eq(units.id, input.draftingUnitId));
    if (!u) throw invalid('draftingUnitId', 'đơn vị soạn thảo không tồn tại', 'the drafting unit does not exist');
    draftingCode = u.code.toUpperCase().replace(/[^A-ZĐ0-9-]/gu, '');
  }
  const { year, series } = sequenceOf(typeCode, input.issuedOn);
  await tx.execute(
    sql`insert into outgoing_counters (tenant_id, year, series, last_number, last_issued_on)
        values (${actor.tenantId}, ${year}, ${series}, 0, ${`${year}-01-01`}::date) on conflict (tenant_id, year, series) do nothing`,
  );
  const [counter] = rowsOf<{ last_number: number; last_issued_on: string }>(
    await tx.execute(
      sql`select last_number, last_issued_on::text as last_issued_on from outgoing_counters
          where tenant_id = ${actor.tenantId} and year = ${year} and series = ${series} for update`,
    ),
  );
  if (!counter) throw new Error('outgoing counter missing');
  // Art. 15(1): numbers follow the order of the days of issue; a later number never has an earlier day.
  if (counter.last_number > 0 && input.issuedOn < counter.last_issued_on)
    throw invalid(
      'issuedOn',
      `số ${counter.last_number} của loại văn bản này đã cấp ngày ${dmy(counter.last_issued_on)}; số sau không được mang ngày sớm hơn (Nghị định 30/2020, Điều 15)`,
      `number ${counter.last_number} of this type was issued on ${dmy(counter.last_issued_on)}; a later number cannot carry an earlier day (Decree 30/2020 Art. 15)`,
    );
  const number = Number(counter.last_number) + 1;
  const { issuerCode: code } = await issuerCode(tx);
  const numberSymbol = formatNumberSymbol({ number, typeCode, issuerCode: code, draftingCode });
  await tx
    .update(outgoingCounters)
    .set({ lastNumber: number, lastIssuedOn: input.issuedOn })
    .where(and(eq(outgoingCounters.year, year), eq(outgoingCounters.series, series)));
  const [row] = await tx
    .insert(outgoingDocuments)
    .values({
      tenantId: actor.tenantId,
      year,
      series,
      number,
      numberSymbol,
      typeCode,
      issuedOn: input.issuedOn,
      summary: input.summary.trim(),
      signerName: input.signerName?.trim() || null,
      recipients: input.recipients?.trim() || null,
      draftingUnitId: input.draftingUnitId ?? null,
      sourceType: input.source?.type ?? null,
      sourceId: input.source?.id ?? null,
      createdBy: actor.userId,
      createdByName: actor.fullName,
    })
    .returning();
  await recordAudit(tx, who, {
    action: 'outgoing.issue',
    entityType: 'outgoing_document',
    entityId: row!.id,
    summary: `Cấp số ${numberSymbol} ngày ${dmy(input.issuedOn)}: ${typeNameOf(typeCode)} ${row!.summary}`,
    after: row,
  });
  return present(row!, await unitNames(tx));
}

const dmy = (d: string) => d.split('-').reverse().join('/');

/** The register of a year (one type, or all), in the order the numbers were given. */
export async function listRegister(ctx: ActorContext, q: { year?: number; typeCode?: string }): Promise<TOutgoingList> {
  const { tx, actor, today } = ctx;
  if (!can(actor, 'outgoing.read')) throw new AppError('NOT_FOUND');
  const year = q.year ?? Number(today.slice(0, 4));
  const rows = await tx
    .select()
    .from(outgoingDocuments)
    .where(and(eq(outgoingDocuments.year, year), q.typeCode ? eq(outgoingDocuments.typeCode, q.typeCode) : undefined))
    .orderBy(asc(outgoingDocuments.issuedOn), asc(outgoingDocuments.createdAt));
  const years = (await tx.selectDistinct({ y: outgoingDocuments.year }).from(outgoingDocuments).orderBy(desc(outgoingDocuments.year))).map(
    (r) => r.y,
  );
  const counters = await tx.select().from(outgoingCounters).where(eq(outgoingCounters.year, year));
  const names = await unitNames(tx);
  return {
    year,
    issuerCode: (await issuerCode(tx)).issuerCode,
    years: [...new Set([Number(today.slice(0, 4)), ...years])].sort((a, b) => b - a),
    counters: DOCUMENT_TYPES.map((d) => ({
      typeCode: d.code,
      last: counters.find((c) => c.series === d.code)?.lastNumber ?? 0,
    })).filter((c) => c.last > 0),
    items: rows.map((r) => present(r, names)),
    abilities: { issue: can(actor, 'outgoing.issue'), configure: can(actor, 'outgoing.issue') },
  };
}

/** The register as .xlsx, in the columns of the register book (Decree 30/2020 Annex IV, as reported; to verify). */
export async function registerXlsx(list: TOutgoingList): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Sổ văn bản đi ${list.year}`);
  ws.addRow([`SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${list.year}`]);
  ws.addRow([]);
  const header = ws.addRow([
    'Số, ký hiệu văn bản',
    'Ngày, tháng văn bản',
    'Tên loại và trích yếu nội dung văn bản',
    'Người ký',
    'Nơi nhận văn bản',
    'Đơn vị, người nhận bản lưu',
    'Số lượng bản',
    'Ngày chuyển giao văn bản',
    'Ký nhận',
    'Ghi chú',
  ]);
  header.font = { bold: true };
  for (const d of list.items)
    ws.addRow([
      d.numberSymbol,
      dmy(d.issuedOn),
      `${d.typeName} ${d.summary}`,
      d.signerName ?? '',
      d.recipients ?? '',
      d.draftingUnit?.name ?? '',
      '',
      '',
      '',
      `Cấp số: ${d.issuedBy}`,
    ]);
  ws.columns.forEach((c, i) => {
    c.width = [18, 14, 60, 22, 30, 24, 10, 14, 10, 24][i] ?? 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The register line of a document another module numbered, if any. */
export async function numberOf(tx: Tx, source: OutgoingSource): Promise<{ numberSymbol: string; issuedOn: string } | null> {
  const [r] = await tx
    .select({ numberSymbol: outgoingDocuments.numberSymbol, issuedOn: outgoingDocuments.issuedOn })
    .from(outgoingDocuments)
    .where(and(eq(outgoingDocuments.sourceType, source.type), eq(outgoingDocuments.sourceId, source.id)));
  return r ?? null;
}
