/**
 * Turn a parsed plan document into a draft the user reviews (issue #3): every field the parser
 * read keeps its source text and confidence; units named in the text are matched to the
 * agency's own units (diacritic-insensitive, fuzzy). Nothing here writes to the database.
 */
import type { Field, ParsedPlan, Span } from '../../../domain/plan-text';
import { matchUnit, type UnitCandidate } from './unit-match';

export type FieldSource = { source: string | null; confidence: number };

export type ImportDraft = {
  source: { filename: string; kind: string; pages: number | null };
  /** Values shaped like the create-plan request, for the review form. */
  plan: {
    year: number;
    issuerParent: string | null;
    issuer: string;
    numberSymbol: string | null;
    place: string;
    signedOn: string | null;
    documentType: string;
    summary: string;
    signerMode: string | null;
    signerAuthority: string | null;
    signerTitle: string | null;
    signerName: string | null;
    archive: string | null;
    citations: { symbol: string; typeName: string | null; issuer: string | null; issuedOn: string | null }[];
    recipients: { name: string; role: string | null }[];
    sections: { numeral: string; title: string; items: { number: number; text: string }[] }[];
  };
  /** Where each reviewed field came from, by form path ("summary", "sections.1.items.2.text"). */
  fields: Record<string, FieldSource>;
  units: { text: string; section: string; item: number; lead: boolean; match: { unitId: string; name: string; score: number } | null }[];
  deadlines: { date: string; text: string; section: string | null; item: number | null }[];
  warnings: string[];
};

function cut(text: string, span: Span | null, pad = 0): string | null {
  if (!span) return null;
  return text
    .slice(Math.max(0, span.start - pad), Math.min(text.length, span.end + pad))
    .replace(/\s+/g, ' ')
    .trim();
}

function src<T>(text: string, f: Field<T> | null | undefined): FieldSource {
  return f ? { source: cut(text, f.span), confidence: f.confidence } : { source: null, confidence: 0 };
}

const SUMMARY_PREFIX = /^\s*(kế hoạch|ke hoach)\s*/i;

/** Build the review draft from a parsed plan. */
export function buildImportDraft(
  parsed: ParsedPlan,
  opts: { filename: string; kind: string; pages?: number | null; units: UnitCandidate[]; defaultPlace: string; fallbackYear: number },
): ImportDraft {
  const t = parsed.text;
  const fields: Record<string, FieldSource> = {};
  const warnings: string[] = [];
  const title = parsed.title.value.replace(SUMMARY_PREFIX, '').trim();
  const summary = title ? title.charAt(0).toUpperCase() + title.slice(1) : '';
  fields.summary = src(t, parsed.title);
  fields.issuer = src(t, parsed.issuer);
  fields.issuerParent = src(t, parsed.parentIssuer);
  fields.numberSymbol = src(t, parsed.symbol);
  fields.place = src(t, parsed.place);
  fields.signedOn = src(t, parsed.signedAt);
  fields.signerName = src(t, parsed.signer?.name ?? null);
  fields.archive = src(t, parsed.archive);
  const signedOn = parsed.signedAt?.value ?? null;
  const year = signedOn ? Number(signedOn.slice(0, 4)) : Number(/năm (\d{4})/i.exec(summary)?.[1]) || opts.fallbackYear;
  if (!parsed.symbol) warnings.push('Không đọc được số, ký hiệu của văn bản / The document number was not found');
  if (!signedOn) warnings.push('Không đọc được ngày ký / The signing date was not found');
  const units: ImportDraft['units'] = [];
  const sections = parsed.sections.map((s, si) => {
    fields[`sections.${si}.title`] = src(t, s.title);
    return {
      numeral: s.numeral,
      title: s.title.value,
      items: s.items.map((it, ii) => {
        fields[`sections.${si}.items.${ii}.text`] = { source: cut(t, it.span), confidence: 1 };
        it.units.forEach((u, ui) => {
          units.push({
            text: u.value,
            section: s.numeral,
            item: it.number,
            lead: ui < it.leadUnitCount,
            match: matchUnit(u.value, opts.units),
          });
        });
        return { number: it.number, text: it.text };
      }),
    };
  });
  const citations = parsed.references.map((r, i) => {
    fields[`citations.${i}.symbol`] = { source: cut(t, r.mentions[0]?.symbol.span ?? null, 40), confidence: r.confidence };
    return { symbol: r.symbol, typeName: r.type, issuer: r.issuer, issuedOn: r.date };
  });
  const recipients = parsed.recipients.map((r, i) => {
    fields[`recipients.${i}.name`] = src(t, r.name);
    return { name: r.name.value, role: r.role };
  });
  return {
    source: { filename: opts.filename, kind: opts.kind, pages: opts.pages ?? null },
    plan: {
      year,
      issuerParent: parsed.parentIssuer?.value ?? null,
      issuer: parsed.issuer?.value ?? '',
      numberSymbol: parsed.symbol?.value ?? null,
      place: parsed.place?.value ?? opts.defaultPlace,
      signedOn,
      documentType: (parsed.documentType.value || 'Kế hoạch').toUpperCase(),
      summary,
      signerMode: parsed.signer?.authority ?? null,
      signerAuthority: parsed.signer?.title ?? null,
      signerTitle: parsed.signer?.position ?? null,
      signerName: parsed.signer?.name?.value ?? null,
      archive: parsed.archive?.value.replace(/^\s*Lưu:\s*/i, '').replace(/\.$/, '') ?? null,
      citations,
      recipients,
      sections,
    },
    fields,
    units,
    deadlines: parsed.deadlines.map((d) => ({ date: d.date, text: d.text, section: d.section, item: d.item })),
    warnings,
  };
}
