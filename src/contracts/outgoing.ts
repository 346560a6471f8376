/**
 * Contracts of the `outgoing` module: the register of outgoing documents (sổ đăng ký văn bản đi)
 * the clerical office keeps, numbers per type and year (Decree 30/2020/NĐ-CP Art. 15).
 */
import { z } from 'zod';
import { DOCUMENT_TYPE_CODES, DOCUMENT_TYPES } from '../domain/numbering';
import { MAX_YEAR, MIN_YEAR, zIsoDate, zRequiredText, zText, zUuid } from './common';

export { DOCUMENT_TYPE_CODES, DOCUMENT_TYPES };

export const zDocumentTypeCode = z.enum(DOCUMENT_TYPE_CODES);

/** What a register line came from, when another module asked for the number. */
export const OUTGOING_SOURCES = ['plan', 'agency_report'] as const;

export const ZOutgoingDocument = z.object({
  id: zUuid,
  year: z.number().int(),
  number: z.number().int(),
  numberSymbol: z.string(),
  typeCode: zDocumentTypeCode,
  typeName: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
  signerName: z.string().nullable(),
  recipients: z.string().nullable(),
  draftingUnit: z.object({ id: zUuid, name: z.string() }).nullable(),
  source: z.object({ type: z.enum(OUTGOING_SOURCES), id: zUuid }).nullable(),
  /** The văn thư who gave the number. */
  issuedBy: z.string(),
  createdAt: z.string(),
});
export type TOutgoingDocument = z.infer<typeof ZOutgoingDocument>;

export const ZOutgoingList = z.object({
  year: z.number().int(),
  /** The agency's code in symbols ("SKHCN"). */
  issuerCode: z.string(),
  /** The years that have entries, newest first (and the current year). */
  years: z.array(z.number().int()),
  /** Last number given in the year, per type. */
  counters: z.array(z.object({ typeCode: zDocumentTypeCode, last: z.number().int() })),
  items: z.array(ZOutgoingDocument),
  abilities: z.object({ issue: z.boolean(), configure: z.boolean() }),
});
export type TOutgoingList = z.infer<typeof ZOutgoingList>;

export const ZOutgoingQuery = z.object({
  year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
  typeCode: zDocumentTypeCode.optional(),
});

/** A document the văn thư registers by hand (a notice, a decision, a letter). */
export const ZOutgoingInput = z.object({
  typeCode: zDocumentTypeCode,
  issuedOn: zIsoDate,
  summary: zRequiredText(1000),
  signerName: zText(200).nullish(),
  recipients: zText(2000).nullish(),
  draftingUnitId: zUuid.nullish(),
});
export type TOutgoingInput = z.input<typeof ZOutgoingInput>;

/** Numbering a document made in the app (a plan, the consolidated report): only the day of issue. */
// version 0: the consolidated report not yet saved (its first draft).
export const ZNumberRequest = z.object({ issuedOn: zIsoDate, version: z.number().int().min(0) });

export const ZOutgoingSettings = z.object({ issuerCode: z.string(), version: z.number().int() });
export const ZOutgoingSettingsInput = z.object({
  issuerCode: zRequiredText(20).pipe(z.string().regex(/^[A-ZĐ0-9]+$/u, 'chỉ gồm chữ in hoa và số|capital letters and digits only')),
  version: z.number().int().min(0),
});
export type TOutgoingSettings = z.infer<typeof ZOutgoingSettings>;
