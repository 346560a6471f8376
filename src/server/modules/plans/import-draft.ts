/**
 * Turn a parsed plan document into a draft the user reviews (issue #3): every field the parser
 * read keeps its source text and confidence; units named in the text are matched to the
 * agency's own units (diacritic-insensitive, fuzzy). Nothing here writes to the database.
 */
import type { Field, ParsedPlan, Span } from '../../../domain/plan-text';
import { matchUnit, type UnitCandidate } from './unit-match';
import { clipWords } from '../../../contracts/text';
import type {
  TDraftRestoredWord,
  TDuplicatePlan,
  TFieldSource,
  TImportDraft,
  TProposedCycle,
  TProposedTask,
} from '../../../contracts/plans';

export type FieldSource = TFieldSource;
/** A word the restorer changed, with offsets in the restored item text. */
export type DraftRestoredWord = TDraftRestoredWord;
export type ProposedTask = TProposedTask;
export type ProposedCycle = TProposedCycle;
export type DuplicatePlan = TDuplicatePlan;

/** A plan of the agency, for the duplicate check. */
export type ExistingPlan = { id: string; summary: string; numberSymbol: string | null; year: number };

/** The draft the review shows: its shape is the response contract (contracts/plans.ts). */
export type ImportDraft = TImportDraft;

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
  opts: {
    filename: string;
    kind: string;
    pages?: number | null;
    units: UnitCandidate[];
    defaultPlace: string;
    fallbackYear: number;
    existing?: ExistingPlan[];
  },
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
  const itemSources: ImportDraft['itemSources'] = {};
  // A plan without Roman sections has one section without numeral; the plan form numbers it I.
  const numeralOf = (n: string | null): string => (n === '' ? 'I' : (n ?? ''));
  const sections = parsed.sections.map((s, si) => {
    fields[`sections.${si}.title`] = src(t, s.title);
    return {
      numeral: numeralOf(s.numeral),
      title: s.title.value,
      items: s.items.map((it, ii) => {
        const conf = it.restoration.length ? Math.min(...it.restoration.map((c) => c.confidence)) : 1;
        fields[`sections.${si}.items.${ii}.text`] = { source: it.sourceText, confidence: conf };
        itemSources[`sections.${si}.items.${ii}`] = { sourceText: it.sourceText, changes: it.restoration.map((c) => ({ ...c })) };
        it.units.forEach((u, ui) => {
          units.push({
            text: u.value,
            section: numeralOf(s.numeral),
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
    // A document cited without a number ("Luật … ngày 26 tháng 8 năm 2024") is named in the
    // registry by its type and date, since a citation needs a symbol.
    const symbol = r.symbol || `${r.type ?? 'Văn bản'} ngày ${r.date ? r.date.split('-').reverse().join('/') : '?'}`;
    return { symbol, typeName: r.type, issuer: r.issuer, issuedOn: r.date };
  });
  const recipients = parsed.recipients.map((r, i) => {
    fields[`recipients.${i}.name`] = src(t, r.name);
    return { name: r.name.value, role: r.role };
  });
  const deadlines = parsed.deadlines.map((d) => ({
    date: d.date,
    text: d.text,
    section: d.section === null ? null : numeralOf(d.section),
    item: d.item,
  }));
  const proposals = propose(parsed, sections, units, numeralOf, year);
  const duplicates = findDuplicates(opts.existing ?? [], parsed.symbol?.value ?? null, summary, year);
  for (const d of duplicates)
    warnings.push(
      `Có thể trùng kế hoạch đã có: ${d.numberSymbol ?? ''} ${d.summary} (${d.year}) / Possibly the same plan as an existing one: ${d.numberSymbol ?? ''} ${d.summary} (${d.year})`.replace(
        /\s+/g,
        ' ',
      ),
    );
  if (parsed.restored)
    warnings.push(
      'Văn bản bị mất dấu hoặc lỗi nhận dạng: nội dung các mục đã được khôi phục, hãy kiểm tra các từ được đánh dấu / The text had lost its diacritics or had OCR errors: item texts were restored, check the marked words',
    );
  return {
    source: { filename: opts.filename, kind: opts.kind, pages: opts.pages ?? null },
    restored: parsed.restored,
    itemSources,
    proposals,
    duplicates,
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
    deadlines,
    warnings,
  };
}

const fold = (x: string): string =>
  x
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

/** Existing plans with the same number and year, or the same summary (issue #14 point 9). */
function findDuplicates(existing: ExistingPlan[], symbol: string | null, summary: string, year: number): DuplicatePlan[] {
  const words = (x: string): Set<string> => new Set(fold(x).match(/[a-z0-9]+/g) ?? []);
  const mine = words(summary);
  const out: DuplicatePlan[] = [];
  for (const p of existing) {
    const sameSymbol =
      !!symbol && /\d/.test(symbol) && !!p.numberSymbol && fold(p.numberSymbol).replace(/\s/g, '') === fold(symbol).replace(/\s/g, '');
    if (sameSymbol && p.year === year) {
      out.push({ ...p, why: 'symbol' });
      continue;
    }
    const theirs = words(p.summary);
    const common = [...mine].filter((w) => theirs.has(w)).length;
    const jaccard = common / Math.max(1, mine.size + theirs.size - common);
    // A warning, not a refusal: the same year and most words in common, or nearly all words.
    if (mine.size >= 4 && (jaccard >= 0.85 || (p.year === year && jaccard >= 0.6))) out.push({ ...p, why: 'summary' });
  }
  return out.slice(0, 5);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Tasks from the deadlines of items, and report cycles from the deadlines of reporting clauses
 * (issue #14 point 9): a dated deadline gives the due date, "hằng năm"/"định kỳ N tháng" a
 * recurrence, "quý I/2026" the quarter's last day; the lead unit is the item's matched unit.
 */
function propose(
  parsed: ParsedPlan,
  sections: { numeral: string; items: { number: number; text: string }[] }[],
  units: ImportDraft['units'],
  numeralOf: (n: string | null) => string,
  year: number,
): ImportDraft['proposals'] {
  const tasks: ProposedTask[] = [];
  const cycles = new Map<string, ProposedCycle>();
  const itemText = (sec: string, item: number): string =>
    sections.find((s) => s.numeral === sec)?.items.find((i) => i.number === item)?.text ?? '';
  const lead = (sec: string, item: number): ProposedTask['leadUnit'] => {
    const u = units.find((x) => x.section === sec && x.item === item && x.lead && x.match);
    return u?.match ? { unitId: u.match.unitId, name: u.match.name } : null;
  };
  const title = (text: string): string => {
    const first = text.split(/(?<=[.;])\s/)[0] ?? text;
    return clipWords(first, 200).replace(/[.;:]$/, '');
  };
  const addCycle = (c: ProposedCycle): void => {
    const key = `${c.kind}:${c.periodFrom}`;
    if (!cycles.has(key)) cycles.set(key, c);
  };
  const reportClause = (text: string): boolean => /bao cao/.test(fold(text));
  for (const d of parsed.deadlines) {
    if (d.section === null || d.item === null) continue;
    const sec = numeralOf(d.section);
    if (reportClause(d.text)) {
      const y = Number(d.date.slice(0, 4));
      const six = /6 thang|06 thang|sau thang/.test(fold(d.text));
      addCycle(
        six
          ? {
              kind: 'six_month',
              title: `6 tháng đầu năm ${y}`,
              periodFrom: `${y}-01-01`,
              periodTo: `${y}-06-30`,
              dueOn: d.date,
              basis: d.text,
            }
          : { kind: 'annual', title: `năm ${y}`, periodFrom: `${y}-01-01`, periodTo: `${y}-12-31`, dueOn: d.date, basis: d.text },
      );
      continue;
    }
    tasks.push({
      section: sec,
      item: d.item,
      title: title(itemText(sec, d.item)),
      dueOn: d.date,
      recurrence: null,
      basis: d.text,
      leadUnit: lead(sec, d.item),
    });
  }
  for (const s of parsed.schedules) {
    const sec = s.section === null ? null : numeralOf(s.section);
    if (s.report) {
      if (s.kind === 'yearly')
        addCycle({
          kind: 'annual',
          title: `năm ${year}`,
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
          dueOn: `${year}-${pad(s.month!)}-${pad(s.day!)}`,
          basis: s.text,
        });
      else if (s.kind === 'every_months' && s.months === 6)
        addCycle({
          kind: 'six_month',
          title: `6 tháng đầu năm ${year}`,
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-06-30`,
          dueOn: `${year}-06-30`,
          basis: s.text,
        });
      else if (s.kind === 'every_months' && s.months === 3)
        for (let q = 1; q <= 4; q++) {
          const end = `${year}-${pad(q * 3)}-${q === 1 || q === 4 ? 31 : 30}`;
          addCycle({
            kind: 'quarterly',
            title: `quý ${['I', 'II', 'III', 'IV'][q - 1]} năm ${year}`,
            periodFrom: `${year}-${pad(q * 3 - 2)}-01`,
            periodTo: end,
            dueOn: end,
            basis: s.text,
          });
        }
      else if (s.kind === 'every_months' && s.months === 12)
        addCycle({
          kind: 'annual',
          title: `năm ${year}`,
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
          dueOn: `${year}-12-31`,
          basis: s.text,
        });
      continue;
    }
    if (sec === null || s.item === null) continue;
    const recurrence: ProposedTask['recurrence'] =
      s.kind === 'yearly'
        ? { kind: 'yearly_before', month: s.month!, day: s.day! }
        : s.kind === 'every_months'
          ? { kind: 'every_months', months: s.months! }
          : null;
    tasks.push({
      section: sec,
      item: s.item,
      title: title(itemText(sec, s.item)),
      dueOn: s.dueOn,
      recurrence,
      basis: s.text,
      leadUnit: lead(sec, s.item),
    });
  }
  return { tasks, cycles: [...cycles.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn)) };
}
