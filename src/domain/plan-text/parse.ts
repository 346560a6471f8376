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
import { findMentions, inferLocalLevel, mergeMentions } from './references';
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
  const signerStart = labelAt < 0 ? findSignerStart(shadow, Math.floor(text.length / 2)) : -1;
  const bodyEnd = labelAt >= 0 ? labelAt : signerStart >= 0 ? signerStart : text.length;

  const sections0 = findSections({ text, shadow, bodyEnd, units: own });
  const firstSection = sections0[0]?.span.start ?? bodyEnd;

  // References; the plan's own "Số: …" symbol in the header is not one.
  const all = findMentions({ text, shadow, level }).filter((m) => m.symbol.span!.start < bodyEnd);
  const ownIdx = all.findIndex((m) => m.symbol.span!.start < firstSection && hasNumberLabelBefore(shadow, m.symbol.span!.start));
  const ownMention = ownIdx >= 0 ? all[ownIdx]! : null;
  const mentions = all.filter((_, i) => i !== ownIdx);
  const references = mergeMentions(mentions);

  const skip: Span[] = [];
  for (const m of all) if (m.date?.span) skip.push(m.date.span);
  const { deadlines, sections } = findDeadlines(text, shadow, sections0, bodyEnd, skip);

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

  return {
    text,
    documentType: header.documentType,
    title: header.title,
    symbol: ownMention ? ownMention.symbol : null,
    issuer,
    parentIssuer: header.parentIssuer,
    place: placeDate?.place ?? null,
    signedAt,
    signatureTimestamps: stamps,
    references,
    sections,
    deadlines,
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
    references: parsed.references.map((r) => ({ symbol: r.symbol, type: r.type ?? 'Văn bản', issuer: r.issuer, date: r.date })),
    sections: parsed.sections.map((s) => ({
      numeral: s.numeral,
      title: s.title.value,
      items: s.items.map((it) => ({
        number: it.number,
        text: it.text,
        units: it.units.map((u) => u.value),
        deadlines: [...new Set(it.deadlines.map((d) => d.date))],
      })),
    })),
    deadlines: parsed.deadlines.map((d) => ({ date: d.date, text: d.text, section: d.section, item: d.item })),
    recipients: parsed.recipients.map((r) => ({ name: r.name.value, role: r.role })),
  };
}
