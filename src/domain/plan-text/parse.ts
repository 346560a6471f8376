/**
 * `parsePlanText`: the whole plan parser (VIETNAMESE.md §1.2), pure and synchronous.
 */
import {
  findHeader,
  findPlaceDate,
  findTimestamps,
  hasNumberLabelBefore,
  issuerFromOwnSymbol,
  issuerFromPreamble,
  latestTimestampDate,
} from './header';
import { foldShadow, normalizePlanText } from './normalize';
import { findRecipientsLabel, findSignerStart, parseRecipients } from './recipients';
import { findLooseMentions, findMentions, inferLocalLevel, mergeMentions } from './references';
import { findSchedules } from './schedules';
import { findDeadlines, findSections } from './structure';
import type { Field, ParsedPlan, ParsePlanOptions, PlanImportJson, Span } from './types';

/**
 * Parses the text of a plan (Kế hoạch) — clean or OCR-damaged — into its header, cited
 * documents, sections with numbered items, responsible units, deadlines, recipients and
 * signer. Every field carries its source span in `result.text` (the NFC-normalized input) and
 * a confidence.
 * @param raw - the plan's text as extracted from a file (any Unicode normalization).
 * @param options - the agency's own unit names, to restore OCR-damaged unit names.
 * @returns the parsed plan.
 */
export function parsePlanText(raw: string, options: ParsePlanOptions = {}): ParsedPlan {
  const text = normalizePlanText(raw);
  const shadow = foldShadow(text);
  const own = options.units ?? [];
  const level = inferLocalLevel(text);

  // Where the body ends: "Nơi nhận", or else a signer block in the second half.
  const labelAt = findRecipientsLabel(shadow);
  // The "Nơi nhận" lines up to the first blank line name recipients, not cited documents.
  const recipientsEnd =
    labelAt < 0
      ? -1
      : ((): number => {
          const m = /\n[ \t]*\n/.exec(text.slice(labelAt));
          return m ? labelAt + m.index : text.length;
        })();
  const inRecipients = (pos: number): boolean => labelAt >= 0 && pos >= labelAt && pos < recipientsEnd;
  const signerStart = labelAt < 0 ? findSignerStart(shadow, Math.floor(text.length / 2)) : -1;
  const bodyEnd = labelAt >= 0 ? labelAt : signerStart >= 0 ? signerStart : text.length;

  const sections0 = findSections({ text, shadow, bodyEnd, units: own });
  const firstSection = sections0[0]?.span.start ?? bodyEnd;

  // References; the plan's own "Số: …" symbol in the header is not one.
  // Documents are cited anywhere: header, body, footnotes after the signature and appendices
  // (issue #15); the plan's own number, wherever it is repeated ("Kèm theo Kế hoạch số …"), is
  // not a citation.
  const all = findMentions({ text, shadow, level });
  // "Số: 1105/KH-ĐKT" names the plan; a "SỐ 1050/QĐ-SCT" line above it (an inspection team
  // "theo Quyết định số …") does not, so the label with a colon is preferred.
  const labelled = (m: (typeof all)[number]): boolean =>
    m.symbol.span!.start < firstSection && hasNumberLabelBefore(shadow, m.symbol.span!.start);
  const colon = (m: (typeof all)[number]): boolean =>
    /S\S{0,2}[ \t]*:[ \t]*$/.test(shadow.slice(Math.max(0, m.symbol.span!.start - 8), m.symbol.span!.start));
  const byColon = all.findIndex((m) => labelled(m) && colon(m));
  // The own number may use codes outside the tables ("Số: 1105/KH-ĐKT" of an inspection team):
  // a "Số:" line in the header names the plan all the same.
  const headerOwn = byColon >= 0 ? null : ownNumberLine(text, shadow, firstSection);
  const ownIdx = byColon >= 0 ? byColon : headerOwn ? -1 : all.findIndex(labelled);
  const ownMention = ownIdx >= 0 ? all[ownIdx]! : null;
  const loose = findLooseMentions(
    { text, shadow, level },
    all.map((m) => ({ start: m.symbol.span!.start, end: m.date?.span?.end ?? m.symbol.span!.end })),
  );
  const ownSymbol = ownMention?.symbol ?? headerOwn;
  const ownKey = ownSymbol ? symbolKey(ownSymbol.value) : null;
  const mentions = [...all, ...loose]
    .filter((m) => m !== ownMention && (!ownKey || symbolKey(m.symbol.value) !== ownKey) && !inRecipients(m.symbol.span!.start))
    .sort((a, b) => a.symbol.span!.start - b.symbol.span!.start);
  const references = mergeMentions(mentions);

  const skip: Span[] = [];
  for (const m of all) if (m.date?.span) skip.push(m.date.span);
  const { deadlines, sections } = findDeadlines(text, shadow, sections0, bodyEnd, skip);
  const schedules = findSchedules(text, shadow, sections, bodyEnd);

  const rec = parseRecipients(text, shadow, labelAt, signerStart, own);

  // Header.
  const symbolSpans = all.map((m) => m.symbol.span!);
  const header = findHeader(text, shadow, firstSection, ownMention ? symbolSpans.filter((s) => s !== ownMention.symbol.span) : symbolSpans);
  const stamps = findTimestamps(text);
  const placeDate = findPlaceDate(text, shadow, firstSection);
  const signedAt = placeDate?.date ?? latestTimestampDate(stamps);

  let issuer: Field<string> | null = header.issuer;
  if (!issuer && ownMention) issuer = issuerFromOwnSymbol(ownMention.issuers[0]?.value ?? null, ownMention.symbol.span);
  if (!issuer) issuer = issuerFromPreamble(text, firstSection);

  // Restored item texts (issue #15): everything in a damaged document, OCR junk in a good one.
  const restorer = options.restorer;
  const damaged = restorer ? restorer.looksDamaged(text) : false;
  const restoredSections = restorer
    ? sections.map((sec) => ({
        ...sec,
        items: sec.items.map((it) => {
          const r = restorer.restore(it.sourceText, { mode: damaged ? 'damaged' : 'clean' });
          return { ...it, text: r.text, restoration: r.changes };
        }),
      }))
    : sections;

  const title =
    restorer && damaged ? { ...header.title, value: restorer.restore(header.title.value, { mode: 'damaged' }).text } : header.title;

  return {
    text,
    restored: damaged,
    documentType: header.documentType,
    title,
    symbol: ownSymbol,
    issuer,
    parentIssuer: header.parentIssuer,
    place: placeDate?.place ?? null,
    signedAt,
    signatureTimestamps: stamps,
    references,
    sections: restoredSections,
    deadlines,
    schedules,
    recipients: rec.recipients,
    archive: rec.archive,
    signer: rec.signer,
  };
}

/**
 * The import contract of issue 3 (`danchu import-plan FILE --json`), exactly its shape.
 * @param parsed - a result of {@link parsePlanText}.
 * @returns the JSON-ready object.
 */
export function toImportJson(parsed: ParsedPlan): PlanImportJson {
  return {
    title: parsed.title.value,
    issuer: parsed.issuer?.value ?? null,
    signedAt: parsed.signedAt?.value ?? null,
    // A document cited without a number has symbol "" (it is identified by type and date).
    references: parsed.references.map((r) => ({ symbol: r.symbol, type: r.type ?? 'Văn bản', issuer: r.issuer, date: r.date })),
    sections: parsed.sections.map((s) => ({
      numeral: s.numeral,
      title: s.title.value,
      items: s.items.map((it) => ({
        number: it.number,
        text: it.text,
        sourceText: it.sourceText,
        units: it.units.map((u) => u.value),
        deadlines: [...new Set(it.deadlines.map((d) => d.date))],
      })),
    })),
    deadlines: parsed.deadlines.map((d) => ({ date: d.date, text: d.text, section: d.section, item: d.item })),
    recipients: parsed.recipients.map((r) => ({ name: r.name.value, role: r.role })),
  };
}

/** A symbol compared with OCR's readings of Đ (D, P, B) and without spaces or case. */
function symbolKey(symbol: string): string {
  return symbol.toUpperCase().replace(/\s+/g, '').replace(/[ĐPB]/g, 'D');
}

/** The plan's own "Số: 12/KH-ĐKT" line before the first section, when no symbol pattern read it. */
function ownNumberLine(text: string, shadow: string, before: number): Field<string> | null {
  const m = /(?:^|\n)[ \t]*S\S{0,2}[ \t]*:[ \t]*(\d{1,5}[ \t]*[-/][ \t]*[A-Za-z][A-Za-z0-9/&.-]*)/.exec(shadow.slice(0, before));
  if (!m) return null;
  const start = m.index + m[0].lastIndexOf(m[1]!);
  const end = start + m[1]!.length;
  return { value: text.slice(start, end).replace(/\s+/g, ''), span: { start, end }, confidence: 0.7 };
}
