/**
 * Types of a parsed plan. Every extracted field carries the span of text it came from
 * (offsets into {@link ParsedPlan.text}, the NFC-normalized input) and a confidence in [0, 1],
 * so a review screen can show the source next to each value (issue 3, "each extracted field
 * showing its source text"; VIETNAMESE.md §1.6).
 */
import type { IsoDate } from '../dates';
import type { RestoredWord, Restorer } from './restore';
import type { PlanSchedule } from './schedules';

export type { PlanSchedule } from './schedules';

/** Half-open range [start, end) of UTF-16 offsets into {@link ParsedPlan.text}. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** An extracted value with its source span and confidence. */
export interface Field<T> {
  readonly value: T;
  /** Where it was read; null when it was inferred (e.g. an issuer name from a code). */
  readonly span: Span | null;
  /** 1 = read verbatim from clean text; lower when OCR repair or fuzzy matching was needed. */
  readonly confidence: number;
}

/** One mention of a cited document in the text. */
export interface ReferenceMention {
  /** Number and symbol in proper Vietnamese ("1856-QĐ/TU", "04/2015/NĐ-CP"). */
  readonly symbol: Field<string>;
  /** Symbol family (VIETNAMESE.md §1.1). */
  /** `other`: a number that fits no symbol family ("Văn bản số 24.6/GĐN"); `unnumbered`: a document named by type and date only. */
  readonly family: 'state' | 'normative' | 'law' | 'party' | 'cong-van' | 'other' | 'unnumbered';
  readonly type: Field<string> | null;
  readonly date: Field<IsoDate> | null;
  /** Issuers named after "của"/"giữa" or read from the code (two for joint documents). */
  readonly issuers: readonly Field<string>[];
}

/** A cited document: the mentions of the same document merged. */
export interface PlanReference {
  readonly symbol: string;
  readonly family: ReferenceMention['family'];
  readonly type: string | null;
  readonly issuer: string | null;
  readonly issuers: readonly string[];
  readonly date: IsoDate | null;
  readonly confidence: number;
  readonly mentions: readonly ReferenceMention[];
}

/** A sub-item "a)", "b)" or "-" inside a numbered item. */
export interface PlanSubItem {
  readonly label: string;
  readonly text: string;
  readonly span: Span;
}

/** A deadline written as a date after a cue (trước / chậm nhất / hạn chót / đến hết). */
export interface PlanDeadline {
  readonly date: IsoDate;
  /** The clause that states it, on one line. */
  readonly text: string;
  readonly span: Span;
  readonly confidence: number;
  /** Numeral of the enclosing section, or null outside sections. */
  readonly section: string | null;
  /** Number of the enclosing item, or null outside items. */
  readonly item: number | null;
}

/** A numbered item of a section. */
export interface PlanItem {
  readonly number: number;
  /** Item text on one line, without its number; restored when the source was damaged (issue #15). */
  readonly text: string;
  /** The item as the file said it (equal to `text` when nothing was restored). */
  readonly sourceText: string;
  /** Words of `text` the restorer changed, with their source and confidence. */
  readonly restoration: readonly RestoredWord[];
  readonly span: Span;
  readonly subItems: readonly PlanSubItem[];
  /** Responsible (lead) units, then co-operating units. */
  readonly units: readonly Field<string>[];
  /** How many of {@link units} are lead units (the rest are "phối hợp" partners). */
  readonly leadUnitCount: number;
  readonly deadlines: readonly PlanDeadline[];
}

/** A Roman-numeral section. */
export interface PlanSection {
  readonly numeral: string;
  /** Canonical heading when recognized ("MỤC ĐÍCH, YÊU CẦU"), otherwise the heading as written. */
  readonly title: Field<string>;
  readonly span: Span;
  readonly items: readonly PlanItem[];
}

/** A line of "Nơi nhận". */
export interface PlanRecipient {
  readonly name: Field<string>;
  /** "báo cáo", "phối hợp", "thực hiện", "để biết"… when written in parentheses. */
  readonly role: string | null;
}

/** The signer block (Decree 30/2020 Art. 13: KT./TM./TL./TUQ.). */
export interface PlanSigner {
  /** "KT.", "TM.", "TL.", "TUQ." or null when the head signs. */
  readonly authority: string | null;
  /** Title of the head the signer acts for, or of the signer ("GIÁM ĐỐC"). */
  readonly title: string | null;
  /** Position of the signer when different ("PHÓ GIÁM ĐỐC"). */
  readonly position: string | null;
  readonly name: Field<string> | null;
  readonly span: Span;
}

/** Everything the parser read from a plan. */
export interface ParsedPlan {
  /** The normalized (NFC) text every span points into. */
  readonly text: string;
  /** Document type of the plan itself ("Kế hoạch"). */
  readonly documentType: Field<string>;
  /** "Kế hoạch" + trích yếu. */
  readonly title: Field<string>;
  /** The plan's own number and symbol ("Số: 12/KH-SKHCN"), never listed as a reference. */
  readonly symbol: Field<string> | null;
  readonly issuer: Field<string> | null;
  /** The parent body printed above the issuer ("UBND TỈNH QUẢNG NGÃI"). */
  readonly parentIssuer: Field<string> | null;
  readonly place: Field<string> | null;
  readonly signedAt: Field<IsoDate> | null;
  /** Timestamps of digital signatures ("2021-03-22T14:14:01+0700"). */
  readonly signatureTimestamps: readonly Field<string>[];
  readonly references: readonly PlanReference[];
  readonly sections: readonly PlanSection[];
  readonly deadlines: readonly PlanDeadline[];
  /** Recurring, periodic and relative deadlines ("hằng năm", "định kỳ 6 tháng", "quý I/2026"). */
  readonly schedules: readonly PlanSchedule[];
  readonly recipients: readonly PlanRecipient[];
  /** "Lưu: VT, VP." */
  readonly archive: Field<string> | null;
  readonly signer: PlanSigner | null;
  /** Whether the text looked damaged (diacritics lost, OCR junk) and was restored. */
  readonly restored: boolean;
}

/** The import contract of issue 3 (`danchu import-plan FILE --json`). */
export interface PlanImportJson {
  title: string;
  issuer: string | null;
  signedAt: IsoDate | null;
  references: { symbol: string; type: string; issuer: string | null; date: IsoDate | null }[];
  sections: {
    numeral: string;
    title: string;
    /** `text` is the restored text, `sourceText` what the file said (issue #15). */
    items: { number: number; text: string; sourceText: string; units: string[]; deadlines: IsoDate[] }[];
  }[];
  deadlines: { date: IsoDate; text: string; section: string | null; item: number | null }[];
  recipients: { name: string; role: string | null }[];
}

/** Options of the parser. */
export interface ParsePlanOptions {
  /**
   * The agency's own units and usual recipients, in proper Vietnamese. OCR-damaged unit and
   * recipient names are matched against them first (VIETNAMESE.md §1.6).
   */
  readonly units?: readonly string[];
  /**
   * A diacritic restorer: when given, item texts of a damaged document (no marks, OCR junk) are
   * restored, and those of a good one only where OCR left junk inside words.
   */
  readonly restorer?: Restorer;
}
